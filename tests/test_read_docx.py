"""Word documents (.docx): tables with merges, continued tables, the title, and what must be refused."""

from __future__ import annotations

import io
import json
import time
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.table import Table as DocxTable

from listkit.errors import InputError
from listkit.read.docx_tables import MAX_COLUMNS, docx_sheets
from listkit.read.sheets import xlsx_sheets
from tests.conftest import SAMPLES, CliResult

Cli = Callable[..., CliResult]
HEADER = ["序号", "事项名称", "子项名称", "权力类型", "实施依据", "行使主体"]


def _records(path: Path) -> list[dict[str, Any]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines[1:] if line.strip()]
    return sorted(records, key=lambda record: record["source"]["row"])  # the file is in the list's own order


def _fill(table: DocxTable, rows: Sequence[Sequence[str]], start: int = 0) -> None:
    for r, values in enumerate(rows, start):
        for c, value in enumerate(values):
            if value:
                table.cell(r, c).text = value


def _repeat_header(table: DocxTable) -> None:
    """Mark the first row as the header Word repeats at the top of each page (no python-docx API)."""
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:tblHeader"))


def _page_break(document: Document) -> None:
    document.add_page_break()


def _merged_document() -> Document:
    """A titled power list: an item merged over its two sub-items (vertical merges), a name merged over the
    sub-item column (horizontal), a cell of two paragraphs, a note row merged across."""
    document = docx.Document()
    document.add_paragraph("附件1")
    document.add_heading("示例区交通运输局权责清单", level=1)
    document.add_paragraph("（2024年版）")
    table = document.add_table(rows=6, cols=6)
    _fill(
        table,
        [
            HEADER,
            ["1", "对违法运输的处罚", "1.超限运输", "行政处罚", "《公路法》第七十六条", "区交通运输局"],
            ["", "", "2.超载运输", "", "《公路法》第七十七条", ""],
            ["2", "道路运输许可", "", "行政许可", "", "区交通运输局"],
            ["3", "公路检查", "", "行政检查", "《公路法》第六十九条", "区交通运输局"],
        ],
    )
    for col in (0, 1, 3, 5):
        table.cell(1, col).merge(table.cell(2, col))
    table.cell(3, 1).merge(table.cell(3, 2))
    basis = table.cell(3, 4)
    basis.text = "《道路运输条例》第十条"
    basis.add_paragraph("《道路运输条例》第十一条")
    table.cell(4, 4).paragraphs[0].runs[0].add_break()  # a <w:br/> inside the cell's paragraph
    table.cell(4, 4).paragraphs[0].add_run("（第二行）")
    table.cell(5, 0).merge(table.cell(5, 5)).text = "备注：本清单动态调整"
    return document


def test_merges_title_and_paragraphs_as_grid(tmp_path: Path) -> None:
    path = tmp_path / "merged.docx"
    _merged_document().save(str(path))
    [grid] = docx_sheets(path.read_bytes(), path.name)
    assert grid.sheet == "表1"
    assert grid.rows[0][0] == "示例区交通运输局权责清单"
    assert grid.rows[1] == HEADER
    assert grid.rows[2][:2] == ["1", "对违法运输的处罚"]
    assert grid.rows[3][:2] == ["", ""]  # covered by the vertical merges: text in the top-left cell only
    assert grid.rows[4][4] == "《道路运输条例》第十条\n《道路运输条例》第十一条"
    assert grid.rows[5][4] == "《公路法》第六十九条\n（第二行）"
    assert (2, 0, 3, 0) in grid.merges and (2, 1, 3, 1) in grid.merges and (2, 5, 3, 5) in grid.merges
    assert (4, 1, 4, 2) in grid.merges  # gridSpan at the right grid columns
    assert (6, 0, 6, 5) in grid.merges
    assert (0, 0, 0, 5) in grid.merges  # the title row, as a workbook's


def test_import_validate_explain(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "merged.docx"
    _merged_document().save(str(path))
    out = tmp_path / "out.jsonl"
    result = cli("import", path, "-o", out)
    assert result.code == 0, result.err
    head = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert head["listkit"]["meta"]["title"] == "示例区交通运输局权责清单"
    records = _records(out)
    assert [(r["name"], r.get("sub_name")) for r in records] == [
        ("对违法运输的处罚", "1.超限运输"),
        ("对违法运输的处罚", "2.超载运输"),
        ("道路运输许可", "道路运输许可"),
        ("公路检查", None),
    ]
    assert records[1]["type"] == "行政处罚" and records[1]["body"] == "区交通运输局"
    assert records[1]["basis"] == "《公路法》第七十七条"
    assert records[2]["basis"] == "《道路运输条例》第十条\n《道路运输条例》第十一条"
    assert records[0]["source"] == {"file": "merged.docx", "sheet": "表1", "row": 3}

    result = cli("validate", path)
    assert result.code in (0, 1)
    assert "Traceback" not in result.err

    broken = tmp_path / "broken.docx"
    document = _merged_document()
    table = document.tables[0]
    for paragraph in table.cell(4, 5).paragraphs:
        for run in paragraph.runs:
            run.text = ""
    document.save(str(broken))
    result = cli("validate", broken, "--format", "json")
    assert result.code == 1
    findings = json.loads(result.out)["findings"]
    # Table row 5 (the emptied body), under the title row: the sixth row of sheet 表1.
    assert {(f["sheet"], f["cell"], f["field"]) for f in findings} >= {("表1", "F6", "body")}

    result = cli("import", "--explain", path, "-o", tmp_path / "x.jsonl")
    assert result.code == 0
    assert "按 Word 读取" in result.out + result.err
    assert "表格位置：表1" in result.out + result.err


def _long_rows(count: int) -> list[list[str]]:
    return [[str(n), f"事项{n}", "", "行政处罚", f"《某法》第{n}条", "区局"] for n in range(1, count + 1)]


def test_table_over_three_pages_with_repeated_header_row_read_once(cli: Cli, tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("示例区权责清单", level=1)
    rows = _long_rows(150)  # some three pages
    table = document.add_table(rows=1 + len(rows), cols=6)
    _fill(table, [HEADER, *rows])
    _repeat_header(table)
    path = tmp_path / "pages.docx"
    document.save(str(path))
    out = tmp_path / "out.jsonl"
    result = cli("import", path, "-o", out)
    assert result.code == 0, result.err
    assert [r["name"] for r in _records(out)] == [f"事项{n}" for n in range(1, 151)]


@pytest.mark.parametrize("between", ["header", "page-break", "empty"])
def test_table_broken_into_three_pieces_is_one_list(cli: Cli, tmp_path: Path, between: str) -> None:
    document = docx.Document()
    document.add_heading("示例区权责清单", level=1)
    rows = _long_rows(90)
    for piece in range(3):
        if piece:
            (_page_break(document) if between != "empty" else document.add_paragraph(""))
        chunk = rows[piece * 30 : piece * 30 + 30]
        with_header = piece == 0 or between == "header"
        table = document.add_table(rows=len(chunk) + with_header, cols=6)
        _fill(table, [HEADER, *chunk] if with_header else chunk)
    path = tmp_path / "pieces.docx"
    document.save(str(path))
    grids = docx_sheets(path.read_bytes(), path.name)
    assert len(grids) == 1
    assert any(note.startswith("tables-joined:3:") for note in grids[0].notes)
    out = tmp_path / "out.jsonl"
    result = cli("import", path, "-o", out)
    assert result.code == 0, result.err
    assert [r["name"] for r in _records(out)] == [f"事项{n}" for n in range(1, 91)]
    result = cli("import", "--explain", path, "-o", tmp_path / "x.jsonl")
    assert "3 个表格前后相接" in result.out + result.err and "表1、表2、表3" in result.out + result.err


def test_text_between_tables_keeps_them_apart(tmp_path: Path) -> None:
    document = docx.Document()
    first = document.add_table(rows=2, cols=3)
    _fill(first, [["序号", "事项名称", "权力类型"], ["1", "甲", "行政许可"]])
    document.add_paragraph("二、行政处罚（另表）")
    second = document.add_table(rows=1, cols=3)
    _fill(second, [["2", "乙", "行政处罚"]])
    path = tmp_path / "two.docx"
    document.save(str(path))
    assert [g.sheet for g in docx_sheets(path.read_bytes(), path.name)] == ["表1", "表2"]


def test_deleted_text_and_grid_before_are_read_as_word_shows_them(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    _fill(table, [["序号", "事项名称", "权力类型"], ["1", "甲事项", "行政许可"]])
    run = table.cell(1, 1).paragraphs[0].runs[0]
    deleted = OxmlElement("w:del")
    old = OxmlElement("w:r")
    old_text = OxmlElement("w:delText")
    old_text.text = "旧名称"
    old.append(old_text)
    deleted.append(old)
    run._r.addprevious(deleted)
    # The second row starts one grid column in (w:gridBefore), its last cell dropped.
    tr = table.rows[1]._tr
    tr_pr = tr.get_or_add_trPr()
    before = OxmlElement("w:gridBefore")
    before.set(qn("w:val"), "1")
    tr_pr.insert(0, before)
    tr.remove(tr.tc_lst[-1])
    path = tmp_path / "tracked.docx"
    document.save(str(path))
    [grid] = docx_sheets(path.read_bytes(), path.name)
    assert grid.rows[1] == ["", "1", "甲事项"]


def _licensing_docx(path: Path) -> None:
    """The licensing sample's rows as a Word table: title heading, header, rows; an item over its sub-items
    merged in each column it shares."""
    [grid] = xlsx_sheets((SAMPLES / "licensing-list.xlsx").read_bytes(), "licensing-list.xlsx")
    rows = [grid.texts(r) for r in range(len(grid.rows))]
    title, header, body = rows[0][0], rows[1], rows[2:]
    body = [[text.removesuffix(".0") if c == 0 else text for c, text in enumerate(row)] for row in body]
    document = docx.Document()
    document.add_heading(title, level=1)
    table = document.add_table(rows=1 + len(body), cols=len(header))
    _fill(table, [header, *body])
    r = 0
    while r < len(body):
        end = r
        while end + 1 < len(body) and body[end + 1][0] == body[r][0]:
            end += 1
        if end > r:
            for c in range(len(header)):
                if all(body[k][c] == body[r][c] for k in range(r, end + 1)):
                    for k in range(r + 1, end + 1):
                        table.cell(k + 1, c).text = ""
                    table.cell(r + 1, c).merge(table.cell(end + 1, c))
                    table.cell(r + 1, c).text = body[r][c]
        r = end + 1
    document.save(str(path))


def test_round_trip_of_the_licensing_sample(cli: Cli, tmp_path: Path) -> None:
    made = tmp_path / "made.docx"
    _licensing_docx(made)
    [grid] = docx_sheets(made.read_bytes(), made.name)
    assert any(r1 > r0 for r0, _c0, r1, _c1 in grid.merges)  # the sub-items' item really is merged
    result = cli("diff", SAMPLES / "licensing-list.xlsx", made, "--format", "json")
    assert result.code == 0, result.err
    report = json.loads(result.out)
    assert report["summary"]["added"] == report["summary"]["cancelled"] == report["summary"]["adjusted"] == 0
    assert report["summary"]["unchanged"] == report["old"]["records"] == report["new"]["records"] == 50
    assert report["changes"] == []
    # Field for field the same records — aside from where they were read from, and where their type came from:
    # the workbook's sheet is named 行政许可事项清单, a Word table has no name (the schema's default type).
    for name, source in (("from-xlsx.jsonl", SAMPLES / "licensing-list.xlsx"), ("from-docx.jsonl", made)):
        assert cli("import", source, "-o", tmp_path / name).code == 0
    xlsx, word = (
        [{k: v for k, v in r.items() if k not in ("source", "type_from")} for r in _records(tmp_path / name)]
        for name in ("from-xlsx.jsonl", "from-docx.jsonl")
    )
    assert word == xlsx


def test_no_table_is_refused_with_word_in_the_message(cli: Cli, tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("关于公布权责清单的通知", level=1)
    document.add_paragraph("各单位：现将清单印发给你们。")
    path = tmp_path / "letter.docx"
    document.save(str(path))
    result = cli("import", path, "-o", tmp_path / "x.jsonl")
    assert result.code == 2
    assert "Word" in result.err and "Traceback" not in result.err


def test_damaged_document_is_refused(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "damaged.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document><<<")
    result = cli("import", path, "-o", tmp_path / "x.jsonl")
    assert result.code == 2
    assert "Word" in result.err and "Traceback" not in result.err


def test_zip_bomb_is_refused_fast(cli: Cli, tmp_path: Path) -> None:
    buffer = io.BytesIO()
    _merged_document().save(buffer)
    path = tmp_path / "bomb.docx"
    with (
        zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive,
    ):
        for item in source.infolist():
            archive.writestr(item, source.read(item))
        archive.writestr("word/media/zeros.bin", b"\0" * (200 * 1024**2))
    start = time.monotonic()
    result = cli("import", path, "-o", tmp_path / "x.jsonl")
    assert result.code == 2
    assert "压缩炸弹" in result.err
    assert time.monotonic() - start < 5


def test_too_large_file_is_refused_before_opening() -> None:
    with pytest.raises(InputError) as caught:
        docx_sheets(b"PK" + b"\0" * (64 * 1024**2 + 1), "big.docx")
    assert caught.value.key == "document-too-large"


def test_huge_grid_span_is_clipped(cli: Cli, tmp_path: Path) -> None:
    document = _merged_document()
    table = document.tables[0]
    tc_pr = table.cell(0, 5)._tc.get_or_add_tcPr()
    span = OxmlElement("w:gridSpan")
    span.set(qn("w:val"), "100000")
    tc_pr.append(span)
    path = tmp_path / "span.docx"
    document.save(str(path))
    [grid] = docx_sheets(path.read_bytes(), path.name)
    assert max(len(row) for row in grid.rows) <= 6
    result = cli("import", path, "-o", tmp_path / "x.jsonl")
    assert result.code in (0, 1, 2) and "Traceback" not in result.err
    assert MAX_COLUMNS < 100000


def test_too_many_cells_are_refused(tmp_path: Path) -> None:
    # 2,001 rows of a 1,000-column grid, written compactly: each row one cell spanning the whole grid.
    row = '<w:tr><w:tc><w:tcPr><w:gridSpan w:val="1000"/></w:tcPr><w:p/></w:tc></w:tr>'
    grid = "<w:tblGrid>" + '<w:gridCol w:w="10"/>' * 1000 + "</w:tblGrid>"
    body = f"<w:tbl>{grid}{row * 2001}</w:tbl>"
    path = tmp_path / "wide.docx"
    _with_body(path, body)
    with pytest.raises(InputError) as caught:
        docx_sheets(path.read_bytes(), path.name)
    assert caught.value.key == "document-too-large"


def _with_body(path: Path, body_xml: str) -> None:
    """A python-docx default document whose body is replaced by ``body_xml``."""
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    namespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    document_xml = f'<w:document xmlns:w="{namespace}"><w:body>{body_xml}</w:body></w:document>'
    with (
        zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive,
    ):
        for item in source.infolist():
            data = document_xml.encode() if item.filename == "word/document.xml" else source.read(item)
            archive.writestr(item, data)


def test_list_inside_a_frame_table_and_content_control(tmp_path: Path) -> None:
    cells = "".join(f"<w:tc><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:tc>" for t in ["序号", "事项名称", "权力类型"])
    data = "".join(f"<w:tc><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:tc>" for t in ["1", "甲", "行政许可"])
    inner = f"<w:tbl><w:tr>{cells}</w:tr><w:sdt><w:sdtContent><w:tr>{data}</w:tr></w:sdtContent></w:sdt></w:tbl>"
    path = tmp_path / "frame.docx"
    _with_body(path, f"<w:tbl><w:tr><w:tc>{inner}<w:p/></w:tc></w:tr></w:tbl>")
    [grid] = docx_sheets(path.read_bytes(), path.name)
    assert grid.rows == [["序号", "事项名称", "权力类型"], ["1", "甲", "行政许可"]]


def test_title_from_a_plain_paragraph_naming_the_list(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("附件1", level=2)
    document.add_paragraph("示例区行政许可事项清单")
    table = document.add_table(rows=2, cols=3)
    _fill(table, [["序号", "事项名称", "权力类型"], ["1", "甲", "行政许可"]])
    document.add_heading("示例区某某清单（说明）", level=1)  # after the table: not the title
    path = tmp_path / "titled.docx"
    document.save(str(path))
    [grid] = docx_sheets(path.read_bytes(), path.name)
    assert grid.rows[0] == ["示例区行政许可事项清单", "", ""]
    assert grid.merges[0] == (0, 0, 0, 2)
