"""A header block copied, one copy hidden in Excel/WPS: the visible copy is what the clerk sees and prints, so it
is the one read; the hidden copy is kept as an extra column, --explain says so, and the CLI warns when the two
copies differ."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest

import listkit.read.excel as excel
from listkit.read import read_grids, read_list
from listkit.read.hidden import hidden_cols_in
from tests.conftest import REAL, CliResult
from tests.xlsx_fixtures import BASIS, HEADER, row, write_xlsx

OLD_BASIS = "《中华人民共和国行政许可法》第十一条"


def with_copy(values: Sequence[Any], copy: Any, at: int = 4) -> list[Any]:
    """A row with one more cell at ``at``: a second copy of the header block (实施依据) beside the first."""
    return [*values[:at], copy, *values[at:]]


def write_with_hidden(
    path: Path, rows: Sequence[Sequence[Any]], hidden: Sequence[str], merges: Sequence[str] = ()
) -> Path:
    from openpyxl import load_workbook

    write_xlsx(path, {"S": rows}, merges={"S": merges})
    workbook = load_workbook(path)
    for letter in hidden:
        workbook["S"].column_dimensions[letter].hidden = True
    workbook.save(path)
    return path


def copied_basis(path: Path, hidden: Sequence[str], first: Sequence[str], second: Sequence[str]) -> Path:
    """实施依据 in E and F; ``first`` and ``second`` are the two copies' texts, one per record."""
    rows = [with_copy(HEADER, "实施依据")]
    for n, (old, new) in enumerate(zip(first, second, strict=True), 1):
        rows.append(with_copy(row(n, f"示例许可{n}", basis=new), old))
    return write_with_hidden(path, rows, hidden)


def test_a_hidden_first_copy_is_kept_as_extra_and_the_visible_copy_is_read(tmp_path: Path) -> None:
    path = copied_basis(tmp_path / "a.xlsx", ["E"], [BASIS, BASIS], [BASIS, BASIS])
    items = read_list([path])
    layout = items.layouts[0]
    assert layout.columns["basis"] == "F"
    assert layout.extra_columns == {"E": "实施依据(E)"}
    assert layout.notes == ["hidden-duplicate-column:E:F"]
    assert [(r.values["basis"], r.extra) for r in items.records] == [(BASIS, {"实施依据(E)": BASIS})] * 2


def test_copies_that_differ_are_read_from_the_visible_one_and_warned_of(
    tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    path = copied_basis(tmp_path / "a.xlsx", ["E"], [OLD_BASIS, BASIS, OLD_BASIS], [BASIS, BASIS, BASIS])
    items = read_list([path])
    layout = items.layouts[0]
    assert layout.columns["basis"] == "F"
    assert layout.notes == ["hidden-duplicate-differs:E:F:2"]
    assert [r.values["basis"] for r in items.records] == [BASIS] * 3
    assert [r.extra["实施依据(E)"] for r in items.records] == [OLD_BASIS, BASIS, OLD_BASIS]

    explained = cli("import", path, "--explain")
    assert explained.code == 0
    assert "第 E 列（隐藏）与第 F 列表头相同，但有 2 行内容不同" in explained.out
    assert "隐藏的第 E 列与第 F 列表头相同，但有 2 行内容不同" in explained.err
    english = cli("validate", path, "--lang", "en")
    assert "hidden column E repeats the header of column F but differs on 2 row(s)" in english.err


def test_a_hidden_second_copy_stays_extra_and_is_said(tmp_path: Path, cli: Callable[..., CliResult]) -> None:
    path = copied_basis(tmp_path / "a.xlsx", ["F"], [BASIS], [BASIS])
    layout = read_list([path]).layouts[0]
    assert (layout.columns["basis"], layout.extra_columns) == ("E", {"F": "实施依据(F)"})
    assert layout.notes == ["hidden-duplicate-column:F:E"]
    explained = cli("import", path, "--explain", "--lang", "en")
    assert "Column F (hidden) repeats the header of column E: the visible E is read" in explained.out
    assert "hidden column" not in explained.err  # the same content: nothing to warn of


def test_without_hidden_columns_the_first_copy_is_read_as_before(tmp_path: Path) -> None:
    path = copied_basis(tmp_path / "a.xlsx", [], [OLD_BASIS], [BASIS])
    assert read_grids(path)[0].hidden_cols == set()
    items = read_list([path])
    layout = items.layouts[0]
    assert (layout.columns["basis"], layout.extra_columns, layout.notes) == ("E", {"F": "实施依据(F)"}, [])
    assert items.records[0].values["basis"] == OLD_BASIS


def test_a_hidden_column_that_is_the_only_copy_is_still_read(tmp_path: Path) -> None:
    # 备注 (J) hidden, and the scope half (I) of 实施层级及权限 merged over H:I hidden: one header each, not copies.
    rows = [HEADER, row(1, "示例许可", remark="只在隐藏列里的备注")]
    path = write_with_hidden(tmp_path / "a.xlsx", rows, ["I", "J"], merges=["H1:I1"])
    assert read_grids(path)[0].hidden_cols == {8, 9}
    items = read_list([path])
    layout = items.layouts[0]
    assert (layout.columns["level"], layout.columns["level_scope"], layout.columns["remark"]) == ("H", "I", "J")
    assert (layout.extra_columns, layout.notes) == ({}, [])
    assert items.records[0].values["remark"] == "只在隐藏列里的备注"
    assert items.records[0].values["level_scope"] == "负责本区"


def test_the_column_read_agrees_with_the_row_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # All text, nothing merged in the body: a sheet the column reader takes (fastexcel), hidden copy and all.
    import xlsxwriter

    path = tmp_path / "a.xlsx"
    book = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False})
    sheet = book.add_worksheet("S")
    rows = [with_copy(HEADER, "实施依据")]
    rows += [with_copy(row(str(n), f"示例处罚{n}"), OLD_BASIS if n % 3 else BASIS) for n in range(1, 10)]
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            if value:
                sheet.write_string(r, c, value)
    sheet.set_column(4, 4, None, None, {"hidden": True})
    book.close()
    monkeypatch.setattr(excel, "COLUMN_READ_MIN_BYTES", 0)
    by_columns = read_list([path])
    monkeypatch.setattr(excel, "COLUMN_READ_MIN_BYTES", 1 << 62)
    by_rows = read_list([path])
    assert by_columns.unbuilt_table() is not None and by_rows.unbuilt_table() is None
    assert by_columns.layouts == by_rows.layouts
    assert by_rows.layouts[0].notes == ["hidden-duplicate-differs:E:F:6"]
    assert [r.model_dump() for r in by_columns.records] == [r.model_dump() for r in by_rows.records]
    assert {r.values["basis"] for r in by_rows.records} == {BASIS}


@pytest.mark.parametrize(
    ("xml", "hidden"),
    [
        (b'<cols><col min="5" max="5" width="13" hidden="1" customWidth="1"/></cols>', {4}),
        (b'<cols><col hidden="true" customWidth="1" max="3" min="2"/></cols>', {1, 2}),
        (b"<x:cols><x:col min='4' max='4' hidden='1'/></x:cols>", {3}),
        (b'<cols><col min="7" max="7" width="0" customWidth="1"/><col min="8" max="8" width="9"/></cols>', {6}),
        (b'<cols><col min="2" max="2" width="9" hidden="0"/></cols><sheetData><row hidden="1"/>', set()),
        (b'<cols><col min="x" hidden="1"/></cols>', set()),
    ],
)
def test_hidden_columns_are_found_in_the_sheet_xml(xml: bytes, hidden: set[int]) -> None:
    assert hidden_cols_in(xml) == hidden


def test_hiding_every_column_to_the_last_stays_within_excel(tmp_path: Path) -> None:
    assert len(hidden_cols_in(b'<cols><col min="11" max="16384" hidden="1"/></cols>')) == 16384 - 10


@pytest.mark.skipif(not REAL.is_dir(), reason="../shared/real is not available")
def test_hidden_columns_of_real_xls_reach_the_grid() -> None:
    # xlwt is not installed, so no .xls is built here: the published .xls files (OLE content, whatever their
    # name) are checked against xlrd's own column flags, and at least one of them hides a column.
    import xlrd

    seen = 0
    for path in sorted(REAL.iterdir()):
        data = path.read_bytes()
        if not data.startswith(b"\xd0\xcf\x11\xe0"):
            continue
        book = xlrd.open_workbook(file_contents=data, formatting_info=True)
        flags = {s.name: {c for c, info in s.colinfo_map.items() if info.hidden} for s in book.sheets()}
        for grid in read_grids(path):
            assert grid.hidden_cols == flags[grid.sheet or ""]
            seen += len(grid.hidden_cols)
    assert seen
