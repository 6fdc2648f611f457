"""listkit export: the print-ready workbook, the static HTML catalogue, open data, and the clerk's template."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from listkit.model import ItemList
from listkit.read import read_list
from listkit.record import Record
from tests.conftest import SAMPLES, CliResult

Cli = Callable[..., CliResult]
DISTRICT = SAMPLES / "district-power-list.xlsx"
HOSTILE = "<script>alert(1)</script>"


def values(items: ItemList) -> list[tuple[object, ...]]:
    return sorted((tuple(sorted(r.values.items())), r.department) for r in items.records)


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from listkit.cli.app import run

    path = tmp_path_factory.mktemp("pub") / "district.xlsx"
    assert run(["export", str(DISTRICT), "-o", str(path)]) == 0
    return path


def test_the_publication_reads_back_as_the_same_list(published: Path) -> None:
    assert values(read_list([published])) == values(read_list([DISTRICT]))


@pytest.mark.parametrize("sample", ["department-power-list.csv", "licensing-list.xlsx", "broken-power-list.xlsx"])
def test_other_lists_read_back_too(cli: Cli, tmp_path: Path, sample: str) -> None:
    out = tmp_path / "pub.xlsx"
    assert cli("export", SAMPLES / sample, "-o", out).code == 0
    assert values(read_list([out])) == values(read_list([SAMPLES / sample]))


def test_workbook_layout_for_print(published: Path) -> None:
    from openpyxl import load_workbook

    workbook = load_workbook(published)
    assert workbook.sheetnames[0] == "汇总"
    assert workbook.sheetnames[1:] == [
        "行政许可（437项）",
        "行政处罚（2122项）",
        "行政强制（141项）",
        "行政征收（105项）",
        "行政给付（26项）",
        "行政检查（193项）",
        "行政确认（41项）",
        "行政奖励（13项）",
        "行政裁决（5项）",
        "其他行政权力（205项）",
        "公共服务（342项）",
    ]
    sheet = workbook["行政许可（437项）"]
    assert sheet["A1"].value == "示例市滨江区权责清单（2021年版）·行政许可"
    assert "A1:P1" in {str(r) for r in sheet.merged_cells.ranges}
    assert sheet["I2"].value == "实施层级及权限" and sheet["I3"].value == "行使层级" and sheet["J3"].value == "实施权限"
    assert "I2:J2" in {str(r) for r in sheet.merged_cells.ranges} and "A2:A3" in {
        str(r) for r in sheet.merged_cells.ranges
    }
    # A3 landscape for the 16-column list, printed at 100% (not fitted: Excel would drop the page breaks)
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.paperSize == 8
    assert sheet.page_setup.scale in (None, 100) and not sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet["C4"].font.size == 8 and len(sheet.row_breaks.brk) > 10
    assert sheet.print_title_rows == "$2:$3"
    assert "&P" in sheet.oddFooter.center.text and sheet.freeze_panes == "A4"
    assert (
        sheet["C4"].font.name == "宋体" and sheet["C4"].alignment.wrap_text and sheet["C4"].border.left.style == "thin"
    )
    # an item with sub-items: its 序号 and name merged down over the sub-item rows, sub-items not merged
    merged_names = [r for r in sheet.merged_cells.ranges if r.min_col == 3 and r.min_row > 3]
    assert merged_names and all(r.max_row > r.min_row for r in merged_names)
    first = merged_names[0]
    subs = [sheet.cell(row, 4).value for row in range(first.min_row, first.max_row + 1)]
    assert all(subs) and len(set(subs)) == len(subs)
    summary = workbook["汇总"]
    assert [summary.cell(r, 2).value for r in range(3, 14)] == [437, 2122, 141, 105, 26, 193, 41, 13, 5, 205, 342]
    assert summary.cell(14, 2).value == 3630


def test_group_by_department(cli: Cli, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "by-dept.xlsx"
    assert cli("export", DISTRICT, "-o", out, "--group-by", "department", "--title", "按部门").code == 0
    workbook = load_workbook(out)
    assert len(workbook.sheetnames) == 26 and workbook.worksheets[1]["A1"].value.startswith("按部门·")
    assert values(read_list([out])) == values(read_list([DISTRICT]))


def _hostile_list(tmp_path: Path) -> Path:
    items = read_list([SAMPLES / "licensing-list.xlsx"])
    evil = [HOSTILE, '=HYPERLINK("http://x","点我")', "+1+1", "-2+3", "@SUM(A1:A2)"]
    for record, name in zip(items.records, evil, strict=False):
        record.values["name"] = name
    items.records.append(Record(values={**items.records[5].values, "name": "甲&乙\"丙'丁<戊>"}))
    from listkit.write import canonical_writer

    path = tmp_path / "hostile.jsonl"
    path.write_bytes(canonical_writer("jsonl")(items))
    return path


def test_formula_text_is_never_a_formula(cli: Cli, tmp_path: Path) -> None:
    source = _hostile_list(tmp_path)
    xlsx, csv_path = tmp_path / "o.xlsx", tmp_path / "o.csv"
    assert cli("export", source, "-o", xlsx).code == 0 and cli("export", source, "-o", csv_path).code == 0
    with zipfile.ZipFile(xlsx) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
        assert not any("<f>" in archive.read(n).decode() for n in sheets)
    names = {r.values["name"] for r in read_list([xlsx]).records}
    assert {'=HYPERLINK("http://x","点我")', "+1+1", "-2+3", "@SUM(A1:A2)", HOSTILE} <= names
    text = csv_path.read_text(encoding="utf-8-sig")
    for value in ("'=HYPERLINK", "'+1+1", "'-2+3", "'@SUM"):
        assert value in text


def test_html_escapes_every_text(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "c.html"
    assert cli("export", _hostile_list(tmp_path), "-o", out).code == 0
    page = out.read_text(encoding="utf-8")
    assert page.count("<script") == 2  # the page's own data island and code, nothing from the records
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "甲&amp;乙&#34;丙&#39;丁&lt;戊&gt;" in page
    assert "http" not in page.split("<body>")[0].replace("http://x", "")  # no CDN, no external resource


def test_open_data_formats(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "o.json"
    assert cli("export", DISTRICT, "-o", out).code == 0
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["meta"]["edition"] == "2021年版" and document["schema"]["$id"] == "urn:listkit:schema:power-list"
    assert len(document["records"]) == 3630 and document["stats"]["total"]["records"] == 3630
    markdown = tmp_path / "o.md"
    assert cli("export", DISTRICT, "-o", markdown).code == 0
    text = markdown.read_text(encoding="utf-8")
    assert text.startswith("# 示例市滨江区权责清单（2021年版）") and "| **合计** | **3630** |" in text
    csv_out = tmp_path / "o.csv"
    assert cli("export", DISTRICT, "-o", csv_out).code == 0 and csv_out.read_bytes().startswith(b"\xef\xbb\xbf")


def test_exports_are_deterministic(cli: Cli, tmp_path: Path) -> None:
    for fmt in ("xlsx", "html", "json", "csv", "md"):
        a, b = tmp_path / f"a.{fmt}", tmp_path / f"b.{fmt}"
        cli("export", SAMPLES / "licensing-list.xlsx", "-o", a)
        cli("export", SAMPLES / "licensing-list.xlsx", "-o", b)
        assert a.read_bytes() == b.read_bytes(), fmt


def test_schema_template(cli: Cli, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "template.xlsx"
    assert cli("schema", "template", "power-list", "-o", out).code == 0
    sheet = load_workbook(out).active
    assert [c.value for c in sheet[1]][:5] == ["序号", "事项编码", "事项名称", "子项名称", "权力类型"]
    assert "必填" in sheet["C1"].comment.text and "职权名称" in sheet["C1"].comment.text
    validations = {str(v.sqref): v for v in sheet.data_validations.dataValidation}
    type_list = validations["E2:E2001"]
    # a closed list refuses other values: 'stop' is the OOXML default, so it may be left unwritten
    assert type_list.type == "list" and "行政许可" in type_list.formula1 and type_list.errorStyle in (None, "stop")
    assert validations["I2:I2001"].errorStyle == "information"
    assert cli("schema", "template", "power-list", "-o", tmp_path / "t.csv").code == 2


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (Debian package 'chromium')")
def test_catalogue_in_a_real_browser(cli: Cli, tmp_path: Path) -> None:
    playwright = pytest.importorskip("playwright.sync_api")
    source = _hostile_list(tmp_path)
    page_file = tmp_path / "catalogue.html"
    assert cli("export", source, "-o", page_file).code == 0
    args = [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
    ]
    with playwright.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=args)
        page = browser.new_page(viewport={"width": 1300, "height": 900})
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(page_file.as_uri())
        rows = page.locator("#items tbody tr:not([hidden])")
        total = rows.count()
        assert total == 51
        page.fill("#q", "alert")
        page.wait_for_timeout(250)
        assert rows.count() == 1 and HOSTILE in rows.first.inner_text()
        page.fill("#q", "")
        page.wait_for_timeout(250)
        assert rows.count() == total
        page.select_option("#dept", index=1)
        narrowed = rows.count()
        assert 0 < narrowed < total
        rows.first.click()
        assert page.locator("#detail").is_visible()
        shot = tmp_path / "catalogue.png"
        page.screenshot(path=str(shot))
        browser.close()
    assert dialogs == []  # the record named <script>alert(1)</script> never ran
    assert shot.stat().st_size > 10_000


@pytest.mark.skipif(
    shutil.which("libreoffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice and poppler-utils are not installed",
)
def test_workbook_renders_in_libreoffice(tmp_path: Path) -> None:
    from listkit.cli.app import run

    small = tmp_path / "licensing.xlsx"
    assert run(["export", str(SAMPLES / "licensing-list.xlsx"), "-o", str(small), "--group-by", "department"]) == 0
    done = subprocess.run(
        [
            "libreoffice",
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(small),
        ],
        capture_output=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr
    pdf = tmp_path / "licensing.pdf"
    pages = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout.split("\f")
    pages = [p for p in pages if p.strip()]
    assert len(pages) > 3
    assert "示例市滨江区行政许可事项清单（2023年版）" in pages[1]
    for page in pages[1:]:  # every printed page of a list sheet carries the header and a page number
        assert "许可事项名称" in page.replace(" ", "") and "第" in page and "页" in page


def test_the_publication_package_does_not_depend_on_the_moment_it_is_saved() -> None:
    import io
    import zipfile

    from listkit.write.rust_xlsx import _with_fixed_dates, new_book

    book = new_book()
    book.add_worksheet("表").write(0, 0, "事项")
    saved = book.save_to_buffer()
    core = zipfile.ZipFile(io.BytesIO(saved)).read("docProps/core.xml")
    assert b"2000-01-01T00:00:00Z" not in core  # the binding stamps the moment of the save
    fixed = _with_fixed_dates(saved)
    package = zipfile.ZipFile(io.BytesIO(fixed))
    assert package.testzip() is None
    core = package.read("docProps/core.xml")
    assert core.count(b"2000-01-01T00:00:00Z") == 2
    original = zipfile.ZipFile(io.BytesIO(saved))
    assert [i.filename for i in package.infolist()] == [i.filename for i in original.infolist()]
    for info in original.infolist():
        if info.filename != "docProps/core.xml":
            assert package.read(info.filename) == original.read(info.filename)
            assert package.getinfo(info.filename).compress_size == info.compress_size  # copied, not re-deflated
    assert _with_fixed_dates(fixed) == fixed


def test_a_control_character_in_a_merged_cell_is_counted_once() -> None:
    from listkit.cells import tallied
    from listkit.write.publish_xlsx import workbook_bytes

    items = read_list([DISTRICT])
    item = [r for r in items.records if r.values.get("seq") == "48"]
    assert len(item) == 5  # an item with five sub-items: its name is one cell merged down over them
    for record in item:
        record.values["name"] = "对广告经营者\x07未按规定办理变更手续的处罚"
    with tallied() as tally:
        package = workbook_bytes(items, "标题", "type", "zh")
    sheets = zipfile.ZipFile(io.BytesIO(package))
    xml = "".join(sheets.read(n).decode() for n in sheets.namelist() if n.startswith("xl/"))
    assert xml.count("对广告经营者_x0007_未按规定办理变更手续的处罚") == 1
    assert tally.controls == 1
