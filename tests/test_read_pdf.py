"""Lists published as PDF: tables found from their ruling lines, merged cells, wrapped text, a table continued over
pages (and an item cut by a page break with no rule under its first part), scans and broken files refused.

The PDFs are made as real lists become PDFs: a workbook printed by LibreOffice. Those tests skip without soffice.
"""

from __future__ import annotations

import json
import shutil
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

from listkit.errors import InputError
from listkit.read.pdf_tables import pdf_sheets
from tests.conftest import SAMPLES, CliResult
from tests.office import converted
from tests.pdf_bytes import pdf_of, stream

Cli = Callable[..., CliResult]
needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
HEADER = ["序号", "事项名称", "子项名称", "权力类型", "实施依据", "行使主体"]
GROUPS = (7, 14, 21, 28, 35)  # items with three sub-items; 14 and 28 are cut by a page break after their first
ITEMS = 40


def to_pdf(source: Path, out: Path) -> Path:
    """``source`` printed to PDF by LibreOffice, with a private profile (a running office is left alone)."""
    return converted(source, "pdf", out, out / "lo-profile")


def make_list(path: Path) -> Path:
    """A power list over several pages: header rows repeated on each page, names and bases wrapped in their
    cells, items with three sub-items under merged 序号 and name cells, two of them cut by a page break after
    their first sub-item (LibreOffice draws no rule under the first part)."""
    import xlsxwriter

    book = xlsxwriter.Workbook(path)
    sheet = book.add_worksheet("权责清单")
    ruled = book.add_format({"border": 1, "text_wrap": True, "valign": "vcenter"})
    sheet.write_row(0, 0, HEADER, ruled)
    sheet.repeat_rows(0)
    for first, last, width in ((0, 0, 6), (1, 2, 16), (3, 3, 10), (4, 4, 40), (5, 5, 14)):
        sheet.set_column(first, last, width)
    sheet.set_landscape()
    sheet.set_paper(9)
    sheet.fit_to_pages(1, 0)
    row, breaks = 1, []
    for i in range(1, ITEMS + 1):
        name = f"对违反示例管理规定第{i}条行为的处罚（长名称换行）"
        if i not in GROUPS:
            basis = f"《中华人民共和国示例法》第{i}条：违反本法规定的，由主管部门责令改正，处以罚款。"
            sheet.write_row(row, 0, [str(i), name, "", "行政处罚", basis, "区示例局"], ruled)
            sheet.set_row(row, 48)
            row += 1
            continue
        sheet.merge_range(row, 0, row + 2, 0, str(i), ruled)
        sheet.merge_range(row, 1, row + 2, 1, name, ruled)
        for k in range(3):
            sheet.set_row(row + k, 20)
            sheet.write_row(
                row + k,
                2,
                [f"子项{k + 1}：情形{k + 1}", "行政处罚", f"《示例条例》第{i}条第{k + 1}款", "区示例局"],
                ruled,
            )
        if i in (14, 28):
            breaks.append(row + 1)
        row += 3
    sheet.set_h_pagebreaks(breaks)
    book.close()
    return path


@pytest.fixture(scope="module")
def list_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    out = tmp_path_factory.mktemp("pdf-list")
    return to_pdf(make_list(out / "list.xlsx"), out)


def _records(path: Path) -> list[dict[str, object]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines[1:]]


@needs_soffice
def test_table_over_pages_with_merged_items_and_wrapped_cells(cli: Cli, list_pdf: Path, tmp_path: Path) -> None:
    import pdfplumber

    with pdfplumber.open(list_pdf) as pdf:
        assert len(pdf.pages) >= 3
    out = tmp_path / "list.jsonl"
    result = cli("import", list_pdf, "-o", out)
    assert result.code in (0, 1), result.err
    records = _records(out)
    assert len(records) == ITEMS + 2 * len(GROUPS)  # each record once: no header, no part of an item twice
    names = {f"对违反示例管理规定第{i}条行为的处罚（长名称换行）" for i in range(1, ITEMS + 1)}
    assert {r["name"] for r in records} == names  # wrapped names joined, no line break, no space
    for i in GROUPS:  # the items cut by a page break too: one item, three sub-items, its whole name
        mine = [r for r in records if r.get("seq") == str(i)]
        assert [r["sub_name"] for r in mine] == [f"子项{k}：情形{k}" for k in (1, 2, 3)], (i, mine)
        assert {r["name"] for r in mine} == {f"对违反示例管理规定第{i}条行为的处罚（长名称换行）"}
    plain = next(r for r in records if r.get("seq") == "1")
    assert plain["basis"] == "《中华人民共和国示例法》第1条：违反本法规定的，由主管部门责令改正，处以罚款。"
    assert all(r["source"]["sheet"] == "表1" for r in records)  # type: ignore[index]


@needs_soffice
def test_the_same_list_as_the_workbook(cli: Cli, list_pdf: Path) -> None:
    result = cli("diff", list_pdf.with_suffix(".xlsx"), list_pdf, "--format", "json")
    assert result.code in (0, 1), result.err
    summary = json.loads(result.out)["summary"]
    assert (summary["added"], summary["cancelled"], summary["adjusted"]) == (0, 0, 0), summary


@needs_soffice
def test_explain_says_read_as_pdf_and_the_pages_joined(cli: Cli, list_pdf: Path, tmp_path: Path) -> None:
    result = cli("import", list_pdf, "-o", tmp_path / "x.jsonl", "--explain")
    assert result.code in (0, 1), result.err
    said = result.out + result.err
    assert "按 PDF 读取" in said
    assert "合并为一张：第1页、第2页、第3页" in said


def test_merged_cell_open_at_a_page_bottom_goes_on_over_the_page() -> None:
    """The grid of a page where an item's cells have no bottom rule, and the page after: one merged item."""
    from listkit.read.pdf_tables import _continue_open_cells, _PageTable
    from listkit.read.table_join import Table, joined_grids

    first = _PageTable(
        Table([["序号", "事项名称", "子项"], ["1", "甲事项", "子一"], ["", "乙事项第", "子二"]], where="第1页"),
        1,
        50,
        500,
        {0, 1},
    )
    second = _PageTable(
        Table([["序号", "事项名称", "子项"], ["2", "一项", "子三"], ["", "", "子四"]], [(1, 0, 2, 0), (1, 1, 2, 1)]),
        2,
        50,
        300,
    )
    grids = joined_grids([first.table, second.table], "x.pdf", "表")
    _continue_open_cells([first, second], grids)
    (grid,) = grids
    assert grid.rows[2][1] == "乙事项第一项" and grid.rows[3][1] == ""
    assert (2, 1, 4, 1) in grid.merges and (2, 0, 4, 0) in grid.merges
    assert grid.rows[2][0] == "2"


@needs_soffice
def test_licensing_publication_round_trip(cli: Cli, tmp_path: Path) -> None:
    published = tmp_path / "pub.xlsx"
    assert cli("export", SAMPLES / "licensing-list.xlsx", "-o", published).code == 0
    pdf = to_pdf(published, tmp_path)
    result = cli("diff", SAMPLES / "licensing-list.xlsx", pdf, "--format", "json")
    assert result.code in (0, 1), result.err
    summary = json.loads(result.out)["summary"]
    assert (summary["added"], summary["cancelled"], summary["adjusted"]) == (0, 0, 0), summary


@needs_soffice
def test_district_publication_subset_round_trip(cli: Cli, tmp_path: Path) -> None:
    """The district sample's first 60 records (some 15 pages), published and printed: the same records back."""
    source = tmp_path / "district.jsonl"
    assert cli("import", SAMPLES / "district-power-list.xlsx", "-o", source).code in (0, 1)
    lines = source.read_text(encoding="utf-8").splitlines()
    subset = tmp_path / "subset.jsonl"
    subset.write_text("\n".join(lines[:61]) + "\n", encoding="utf-8")
    published = tmp_path / "subset-pub.xlsx"
    assert cli("export", subset, "-o", published).code == 0
    pdf = to_pdf(published, tmp_path)
    result = cli("diff", subset, pdf, "--format", "json")
    assert result.code in (0, 1), result.err
    summary = json.loads(result.out)["summary"]
    assert (summary["added"], summary["cancelled"], summary["adjusted"]) == (0, 0, 0), summary


def scanned_pdf() -> bytes:
    """One page showing one image and no text: what a scanner makes."""
    pixels = zlib.compress(bytes([200, 200, 200]) * 16)
    return pdf_of(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
            b" /Resources << /XObject << /Im1 5 0 R >> >> >>",
            stream(b"q 500 0 0 700 40 60 cm /Im1 Do Q"),
            stream(
                pixels,
                b"/Type /XObject /Subtype /Image /Width 4 /Height 4 /ColorSpace /DeviceRGB /BitsPerComponent 8"
                b" /Filter /FlateDecode",
            ),
        ]
    )


def text_pdf(lines: list[str] | None = None, pages_claimed: int = 1) -> bytes:
    """One page of text (Latin, Helvetica) and no ruling lines."""
    lines = lines or ["A letter, not a list.", "Nothing in it is a table."]
    content = b"BT /F1 12 Tf 72 760 Td 16 TL " + b" ".join(b"(%s) '" % line.encode() for line in lines) + b" ET"
    return pdf_of(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count %d >>" % pages_claimed,
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
            b" /Resources << /Font << /F1 5 0 R >> >> >>",
            stream(content),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
    )


def test_a_scan_is_refused(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(scanned_pdf())
    result = cli("validate", path)
    assert result.code == 2
    assert "扫描件" in result.err and "1 页" in result.err
    assert "Traceback" not in result.err


@needs_soffice
def test_a_scan_printed_by_libreoffice_is_refused(cli: Cli, tmp_path: Path) -> None:
    """A scanned page pasted into a workbook and printed: an image, no text."""
    import xlsxwriter
    from PIL import Image

    image = tmp_path / "page.png"
    Image.new("RGB", (400, 300), (230, 230, 230)).save(image)
    book = xlsxwriter.Workbook(tmp_path / "scan.xlsx")
    book.add_worksheet().insert_image("A1", str(image))
    book.close()
    pdf = to_pdf(tmp_path / "scan.xlsx", tmp_path)
    result = cli("import", pdf, "-o", tmp_path / "x.jsonl")
    assert result.code == 2
    assert "扫描件" in result.err


def test_text_without_a_table_is_no_table(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "letter.pdf"
    path.write_bytes(text_pdf())
    result = cli("validate", path)
    assert result.code == 2
    assert "没有表格" in result.err and "PDF" in result.err


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.4\n%...",
        b"%PDF-1.7\n1 0 obj<<>>endobj\n",
        b"%PDF-1.4\n" + bytes(range(256)) * 40,
        b"%PDF-1.5\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF",
    ],
)
def test_garbage_after_the_magic_is_refused(cli: Cli, tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(data)
    result = cli("validate", path)
    assert result.code == 2
    assert "PDF" in result.err and "Traceback" not in result.err
    assert len(result.err.strip().splitlines()) == 1, result.err


def test_truncated_pdf_is_an_input_error() -> None:
    data = text_pdf()
    for cut in (20, len(data) // 3, len(data) // 2, len(data) - 30):
        with pytest.raises(InputError):
            pdf_sheets(data[:cut], "cut.pdf")


def test_a_huge_page_count_is_refused() -> None:
    with pytest.raises(InputError) as caught:
        pdf_sheets(text_pdf(pages_claimed=10**9), "huge.pdf")
    assert caught.value.key == "document-too-large"


def test_a_file_over_the_size_limit_is_refused_unread(monkeypatch: pytest.MonkeyPatch) -> None:
    from listkit.read import pdf_tables

    monkeypatch.setattr(pdf_tables, "MAX_BYTES", 100)
    with pytest.raises(InputError) as caught:
        pdf_sheets(b"%PDF-1.4\n" + b" " * 200, "big.pdf")
    assert caught.value.key == "document-too-large"


def test_a_page_of_too_many_objects_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from listkit.read import pdf_tables

    monkeypatch.setattr(pdf_tables, "MAX_PAGE_OBJECTS", 10)
    with pytest.raises(InputError) as caught:
        pdf_sheets(text_pdf(["x" * 40]), "dense.pdf")
    assert caught.value.key == "document-too-large" and "第1页" in caught.value.params["what"]


def test_a_list_laid_out_without_rules_is_read_from_text_positions(cli: Cli, tmp_path: Path) -> None:
    """No ruling line anywhere: the text strategies find the columns."""
    rows = [("No", "Name", "Type"), *((str(i), f"Item{i}", "Permit") for i in range(1, 9))]
    content = (
        b"BT /F1 11 Tf "
        + b" ".join(
            b"1 0 0 1 %d %d Tm (%s) Tj" % (x, 760 - 18 * r, text.encode())
            for r, row in enumerate(rows)
            for x, text in zip((72, 150, 320), row, strict=True)
        )
        + b" ET"
    )
    data = pdf_of(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
            b" /Resources << /Font << /F1 5 0 R >> >> >>",
            stream(content),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
    )
    grids = pdf_sheets(data, "plain.pdf")
    assert grids
    texts = [[t for t in row if t] for row in grids[0].rows]
    assert ["No", "Name", "Type"] in texts and ["8", "Item8", "Permit"] in texts
