"""An .ods keeps merged item cells over their sub-items: python-calamine reports no merged ranges for it, so they
are read from content.xml (read/ods_merges.py) in the coordinates of calamine's rows."""

from __future__ import annotations

import json
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from listkit.errors import InputError
from listkit.read import guard, read_list
from listkit.read.sheets import ods_sheets
from tests.conftest import SAMPLES, CliResult
from tests.office import converted
from tests.xlsx_fixtures import HEADER, row, write_xlsx

Cli = Callable[..., CliResult]
needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")

_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
)


def write_ods(path: Path, tables: dict[str, str]) -> Path:
    """A minimal .ods: the mimetype, stored first, a manifest, and a content.xml holding ``tables`` (name → the
    XML inside its <table:table>)."""
    body = "".join(f'<table:table table:name="{name}">{xml}</table:table>' for name, xml in tables.items())
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_NS} office:version="1.2">'
        f"<office:body><office:spreadsheet>{body}</office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        mimetype = zipfile.ZipInfo("mimetype")
        archive.writestr(mimetype, "application/vnd.oasis.opendocument.spreadsheet", compress_type=zipfile.ZIP_STORED)
        archive.writestr("META-INF/manifest.xml", manifest)
        archive.writestr("content.xml", content)
    return path


def cell(text: str, attrs: str = "") -> str:
    return f'<table:table-cell office:value-type="string" {attrs}><text:p>{text}</text:p></table:table-cell>'


def empty(repeat: int = 1, attrs: str = "") -> str:
    return f'<table:table-cell table:number-columns-repeated="{repeat}" {attrs}/>'


def covered(repeat: int = 1) -> str:
    return f'<table:covered-table-cell table:number-columns-repeated="{repeat}"/>'


def tr(*cells: str, attrs: str = "") -> str:
    return f"<table:table-row {attrs}>{''.join(cells)}</table:table-row>"


def test_spans_and_repeats_in_calamine_coordinates(tmp_path: Path) -> None:
    columns = (
        '<table:table-column table:number-columns-repeated="1"/>'
        '<table:table-column table:visibility="collapse"/>'
        '<table:table-column table:number-columns-repeated="16382"/>'
    )
    offset = (
        columns
        # two empty rows, then an empty first column: calamine keeps them (skip_empty_area=False)
        + tr(empty(1024), attrs='table:number-rows-repeated="2"')
        + tr(
            empty(),
            cell("甲", 'table:number-rows-spanned="2"'),
            cell("乙", 'table:number-rows-spanned="2" table:number-columns-repeated="2"'),
            cell("丙", 'table:number-columns-spanned="2"'),
            covered(),
            empty(1000),
        )
        + tr(empty(), covered(3), cell("丁"), cell("戊"), empty(1000), attrs='table:visibility="collapse"')
        # a repeated row repeats its merges
        + tr(cell("己", 'table:number-columns-spanned="3"'), covered(2), attrs='table:number-rows-repeated="2"')
        # LibreOffice's million empty rows at the end: a span there is past the cells, and never multiplied out
        + tr(empty(1, 'table:number-columns-spanned="2"'), covered(), attrs='table:number-rows-repeated="1048000"')
    )
    at_a1 = tr(cell("序号", 'table:number-rows-spanned="2"'), cell("名称")) + tr(covered(), cell("子项"))
    path = write_ods(tmp_path / "spans.ods", {"偏移": offset, "A1": at_a1})
    grids = {grid.sheet: grid for grid in ods_sheets(path.read_bytes(), str(path))}

    grid = grids["偏移"]
    assert sorted(grid.merges) == [
        (2, 1, 3, 1),
        (2, 2, 3, 2),
        (2, 3, 3, 3),
        (2, 4, 2, 5),
        (4, 0, 4, 2),
        (5, 0, 5, 2),
    ]
    # each anchor holds its merge's text in calamine's rows
    assert [grid.cell(r0, c0) for r0, c0, _, _ in sorted(grid.merges)] == ["甲", "乙", "乙", "丙", "己", "己"]
    assert (grid.cell(3, 4), grid.cell(3, 5)) == ("丁", "戊")
    assert grid.hidden_rows == {3}
    assert grid.hidden_cols == {1}

    grid = grids["A1"]
    assert grid.merges == [(0, 0, 1, 0)]
    assert (grid.cell(0, 0), grid.cell(1, 1)) == ("序号", "子项")
    assert grid.hidden_rows == set() and grid.hidden_cols == set()


def test_too_many_merges_refused_before_multiplying_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(guard, "MAX_MERGES", 10)
    rows = tr(cell("甲", 'table:number-columns-spanned="2"'), covered(), attrs='table:number-rows-repeated="11"')
    path = write_ods(tmp_path / "many.ods", {"S": rows})
    with pytest.raises(InputError) as caught:
        ods_sheets(path.read_bytes(), str(path))
    assert caught.value.key == "sheet-too-many-merges"


@pytest.mark.parametrize("damage", ["attribute-twice", "table-not-closed"])
def test_content_that_is_not_well_formed_is_refused_before_calamine(tmp_path: Path, damage: str) -> None:
    """An attribute written twice, or a table never closed (python-calamine never returns from that one): the
    file is refused as damaged by the guard's pass, in a moment."""
    merged = tr(cell("甲", 'table:number-columns-spanned="2"'), covered())
    twice = tr(cell("乙", 'table:style-name="a" table:style-name="b"'), cell("丙"))
    path = write_ods(tmp_path / "damaged.ods", {"S": merged, "T": merged + twice})
    if damage == "table-not-closed":
        path = write_ods(tmp_path / "damaged.ods", {"S": merged + tr(cell("乙"), cell("丙"))})
        with zipfile.ZipFile(path) as archive:
            parts = {name: archive.read(name) for name in archive.namelist()}
        parts["content.xml"] = parts["content.xml"].replace(
            b"</table:table></office:spreadsheet>", b"</office:spreadsheet>"
        )
        with zipfile.ZipFile(path, "w") as archive:
            for name, data in parts.items():
                archive.writestr(name, data)
    with pytest.raises(InputError) as caught:
        read_list([path])
    assert caught.value.key == "corrupt-workbook"
    assert "content.xml" in caught.value.message()


def to_ods(source: Path, out: Path, profile: Path) -> Path:
    return converted(source, "ods", out, profile)


@pytest.fixture(scope="module")
def lo_profile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("lo-ods-profile")


@needs_soffice
def test_merged_item_cells_read_as_from_the_xlsx(tmp_path: Path, lo_profile: Path) -> None:
    blank = ["", "", "", "", "", "", "", "", ""]
    rows = [
        HEADER,
        row(1, "甲许可", "甲子项一"),
        [*blank[:2], "甲子项二", *blank[:7]],
        [*blank[:2], "甲子项三", *blank[:7]],
        row(2, "乙许可", body="区另一局", level="市级"),
        row(3, "丙许可", "丙子项一", body="区第三局"),
        [*blank[:2], "丙子项二", *blank[:7]],
    ]
    item_columns = "ABDEFGHIJ"
    merges = [f"{c}2:{c}4" for c in item_columns] + [f"{c}6:{c}7" for c in item_columns]
    xlsx = write_xlsx(tmp_path / "merged.xlsx", {"许可": rows}, {"许可": merges})
    ods = to_ods(xlsx, tmp_path, lo_profile)

    expected = read_list([xlsx]).records
    got = read_list([ods]).records
    assert len(expected) == 6
    assert [r.values for r in got] == [r.values for r in expected]
    # the sub-items carry their item's body and level, taken from the merged cells
    bodies = [r.values.get("body") or r.values.get("competent") for r in got]
    assert bodies.count("区示例局") == 3 and bodies.count("区第三局") == 2


@needs_soffice
@pytest.mark.parametrize("sample", ["licensing-list.xlsx", "department-power-list.csv"])
def test_exported_list_saved_as_ods_diffs_unchanged(cli: Cli, tmp_path: Path, lo_profile: Path, sample: str) -> None:
    published = tmp_path / "pub.xlsx"
    exported = cli("export", SAMPLES / sample, "-o", published)
    assert exported.code == 0, exported.err
    ods = to_ods(published, tmp_path / "ods", lo_profile)
    result = cli("diff", SAMPLES / sample, ods, "-f", "json")
    summary = json.loads(result.out)["summary"]
    assert (summary["added"], summary["cancelled"], summary["adjusted"]) == (0, 0, 0), result.out
    assert summary["unchanged"] > 0
