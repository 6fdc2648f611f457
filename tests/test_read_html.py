"""Lists published as web pages: tables with rowspan/colspan, GBK pages, layout tables, hostile spans."""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from listkit.errors import InputError
from listkit.read.html_tables import html_sheets
from tests.conftest import SAMPLES, CliResult

Cli = Callable[..., CliResult]

HEADER = "<tr><th>序号</th><th>事项名称</th><th>子项名称</th><th>权力类型</th><th>实施依据</th><th>行使主体</th></tr>"
TWO_TABLES = f"""<!DOCTYPE html><html><head><meta charset="gb2312">
<title>示例市交通运输局权责清单_示例市人民政府门户网站</title>
<script>document.write("<table><tr><td>脚本</td><td>x</td></tr><tr><td>1</td><td>2</td></tr></table>")</script>
<style>td {{ border: 1px solid }}</style></head><body>
<h1>示例市交通运输局权责清单</h1>
<p>一、行政许可</p>
<table border="1">
{HEADER}
<tr><td rowspan="2">1</td><td rowspan="2">道路旅客运输经营许可</td>
<td>1.道路旅客运输经营许可（新办）</td>
<td rowspan="2">行政许可</td>
<td rowspan="2">《中华人民共和国道路运输条例》第八条<br>《道路旅客运输及客运站管理规定》第十条</td>
<td rowspan="2">示例市交通运输局</td></tr>
<tr><td>2.道路旅客运输经营许可（变更）</td></tr>
<tr><td>2</td><td>公路超限运输许可</td><td></td><td>行政许可</td><td>《公路法》第五十条&nbsp;&ldquo;超限&rdquo;</td>
<td>示例市交通运输局</td></tr>
<!-- <tr><td>3</td><td>注释里的事项</td></tr> -->
<tr style="display:none"><td>4</td><td>隐藏的事项</td><td></td><td>行政许可</td><td>《法》</td><td>局</td></tr>
</table>
<p>二、行政处罚</p>
<table border="1">
{HEADER}
<tr><td>1</td><td>对未取得道路运输经营许可擅自从事经营的处罚</td><td></td><td>行政处罚</td>
<td>《中华人民共和国道路运输条例》第六十三条</td><td>示例市交通运输局</td></tr>
<tr><td>2</td><td>对超限运输的处罚</td><td></td><td>行政处罚</td><td></td><td>示例市交通运输局</td></tr>
</table></body></html>"""


def _records(path: Path) -> list[dict[str, object]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines[1:]]


def _header(path: Path) -> dict[str, object]:
    head: dict[str, object] = json.loads(path.read_text(encoding="utf-8").splitlines()[0])["listkit"]
    return head


def test_gbk_page_with_two_tables_and_rowspans(cli: Cli, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(TWO_TABLES.encode("gbk"))
    out = tmp_path / "out.jsonl"
    result = cli("import", page, "-o", out, "--explain")
    assert result.code == 0, result.err
    assert "按 HTML 读取" in result.out + result.err
    assert "<table> #1" in result.out + result.err
    records = sorted(_records(out), key=lambda r: str(r["source"]["row"]))  # type: ignore[index]
    by_name = {(r["name"], r.get("sub_name")): r for r in records}
    assert set(by_name) == {
        ("道路旅客运输经营许可", "1.道路旅客运输经营许可（新办）"),
        ("道路旅客运输经营许可", "2.道路旅客运输经营许可（变更）"),
        ("公路超限运输许可", None),
        ("对未取得道路运输经营许可擅自从事经营的处罚", None),
        ("对超限运输的处罚", None),
    }
    sub = by_name[("道路旅客运输经营许可", "2.道路旅客运输经营许可（变更）")]
    assert sub["type"] == "行政许可"
    assert sub["basis"] == "《中华人民共和国道路运输条例》第八条\n《道路旅客运输及客运站管理规定》第十条"
    assert sub["body"] == "示例市交通运输局"
    assert by_name[("公路超限运输许可", None)]["basis"] == "《公路法》第五十条 “超限”"  # &nbsp; and entities
    assert by_name[("对超限运输的处罚", None)]["type"] == "行政处罚"
    assert all(r["source"]["sheet"] == "表1" for r in records)  # type: ignore[index]
    meta = _header(out)["meta"]
    assert meta["title"] == "示例市交通运输局权责清单"  # type: ignore[index]
    assert meta["department"] == "示例市交通运输局"  # type: ignore[index]

    report = cli("validate", page, "--format", "json")
    assert report.code == 1, report.err
    findings = json.loads(report.out)["findings"]
    located = [f for f in findings if f["sheet"]]
    assert located and all(f["sheet"] == "表1" for f in located)
    assert any(f["cell"] and f["field"] == "basis" for f in located)  # the empty basis, by its cell


def test_tables_without_a_repeated_header_are_sheets_of_their_own(tmp_path: Path) -> None:
    page = """<html><body>
    <table><caption>一、行政许可</caption><tr><th>序号</th><th>事项名称</th></tr><tr><td>1</td><td>甲</td></tr></table>
    <table><tr><th>编号</th><th>名称</th><th>备注</th></tr><tr><td>1</td><td>乙</td><td></td></tr></table>
    </body></html>"""
    grids = html_sheets(page.encode(), "p.html")
    assert [g.sheet for g in grids] == ["表1", "表2"]
    assert grids[0].rows[0] == ["一、行政许可", ""] and (0, 0, 0, 1) in grids[0].merges  # the caption: a title row
    assert grids[1].rows[0] == ["编号", "名称", "备注"]


def _sample_page(sample: Path) -> str:
    """The sample's sheet as a web page: its title row a colspan, each item's sequence number, department and
    name a rowspan over its sub-items, line breaks as <br>."""
    import openpyxl

    sheet = openpyxl.load_workbook(sample).active
    assert sheet is not None
    rows = [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    width = len(rows[1])

    def cell(text: str, tag: str = "td", span: int = 1, attr: str = "rowspan") -> str:
        spanned = f' {attr}="{span}"' if span > 1 else ""
        return f"<{tag}{spanned}>{html.escape(text).replace(chr(10), '<br>')}</{tag}>"

    lines = [
        f"<tr>{cell(rows[0][0], 'th', width, 'colspan')}</tr>",
        "<tr>" + "".join(cell(t, "th") for t in rows[1]) + "</tr>",
    ]
    body = rows[2:]
    index = 0
    while index < len(body):
        run = 1
        while index + run < len(body) and body[index + run][:3] == body[index][:3]:
            run += 1
        for offset in range(run):
            row = body[index + offset]
            cells = [cell(row[c], span=run) for c in range(3)] if offset == 0 else []
            cells += [cell(text) for text in row[3:]]
            lines.append("<tr>" + "".join(cells) + "</tr>")
        index += run
    table = "\n".join(lines)
    head = f'<head><meta charset="utf-8"><title>{html.escape(rows[0][0])}</title></head>'
    return f'<html>{head}<body><div>\n<table border="1">\n{table}\n</table></div></body></html>'


def test_sample_as_a_web_page_reads_as_the_same_list(cli: Cli, tmp_path: Path) -> None:
    sample = SAMPLES / "licensing-list.xlsx"
    page = tmp_path / "licensing-list.html"
    text = _sample_page(sample)
    assert 'rowspan="2"' in text
    page.write_text(text, encoding="utf-8")
    result = cli("diff", sample, page, "--format", "json")
    assert result.code == 0, result.err
    summary = json.loads(result.out)["summary"]
    assert (summary["added"], summary["cancelled"], summary["adjusted"]) == (0, 0, 0), summary
    assert summary["unchanged"] == 50
    out = tmp_path / "page.jsonl"
    assert cli("import", page, "-o", out).code == 0
    from_sample = tmp_path / "sample.jsonl"
    assert cli("import", sample, "-o", from_sample).code == 0
    assert len(_records(out)) == len(_records(from_sample))
    assert _header(out)["meta"] == _header(from_sample)["meta"]


LAYOUT_PAGE = """<html><body><table width="100%"><tr><td colspan="2"><img src="logo.png">示例市人民政府</td></tr>
<tr><td><table><tr><td><a href="/">首页</a></td></tr><tr><td><a href="/x">政务公开</a></td></tr></table></td>
<td><div><table border="1">
<tr><td>序号</td><td>事项名称</td><td>权力类型</td><td>实施依据</td><td>行使主体</td></tr>
<tr><td>1</td><td>对违法行为的处罚</td><td>行政处罚</td><td>《中华人民共和国行政处罚法》第八条<table><tr><td>（注）</td></tr></table></td>
<td>区示例局</td></tr>
</table></div></td></tr></table></body></html>"""


def test_layout_tables_are_looked_through(cli: Cli, tmp_path: Path) -> None:
    grids = html_sheets(LAYOUT_PAGE.encode(), "layout.html")
    assert len(grids) == 1
    assert grids[0].rows[1][3] == "《中华人民共和国行政处罚法》第八条\n（注）"  # a small table inside a cell: text
    page = tmp_path / "layout.htm"
    page.write_text(LAYOUT_PAGE, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert cli("import", page, "-o", out).code == 0
    assert [r["name"] for r in _records(out)] == ["对违法行为的处罚"]


def test_a_page_without_a_table(cli: Cli, tmp_path: Path) -> None:
    page = tmp_path / "notice.html"
    page.write_text("<html><body><p>通知</p><table><tr><td>只有一格</td></tr></table></body></html>", encoding="utf-8")
    result = cli("validate", page)
    assert result.code == 2
    assert "没有表格" in result.err and "HTML" in result.err and "Traceback" not in result.err


def test_huge_spans_are_clipped(tmp_path: Path) -> None:
    page = (
        "<html><body><table><tr><th>序号</th><th>事项名称</th></tr>"
        '<tr><td rowspan="1000000000">1</td><td colspan="99999999999999999999">甲</td></tr>'
        '<tr><td rowspan="0">乙</td></tr></table></body></html>'
    )
    [grid] = html_sheets(page.encode(), "spans.html")
    assert len(grid.rows) == 3
    assert max(len(row) for row in grid.rows) == 1 + 1000  # colspan clipped to 1,000, as browsers do
    assert (1, 0, 2, 0) in grid.merges
    assert grid.rows[2][1] == "乙"  # placed beside the rowspan from above


def test_http_equiv_gbk_and_undeclared_encodings(tmp_path: Path, cli: Cli) -> None:
    body = "<table><tr><td>序号</td><td>事项名称</td></tr><tr><td>1</td><td>对镕铖的许可</td></tr></table>"
    meta = '<meta http-equiv="Content-Type" content="text/html; charset=gbk">'
    declared = f"<html><head>{meta}</head><body>{body}</body></html>"
    for data in (declared.encode("gbk"), f"<html><body>{body}</body></html>".encode("gb18030"), body.encode()):
        [grid] = html_sheets(data, "p.html")
        assert grid.rows[1][1] == "对镕铖的许可"
    utf16 = f"<html><body>{body}</body></html>".encode("utf-16")
    assert html_sheets(utf16, "p.html")[0].rows[1][1] == "对镕铖的许可"
    page = tmp_path / "gbk.html"
    page.write_bytes(
        declared.replace("事项名称", "事项名称</td><td>权力类型")
        .replace("许可</td>", "许可</td><td>行政许可</td>")
        .encode("gbk")
    )
    assert cli("stats", page).code == 0


def test_table_model_details() -> None:
    page = """<html><body><table>
    <tfoot><tr><td>注：脚注</td><td></td></tr></tfoot>
    <thead><tr><th>甲</th><th>乙</th><th>丙</th></tr></thead>
    <tbody><tr><td rowspan="2">1</td><td colspan="3">跨列</td></tr>
    <tr><td colspan="2" hidden>藏</td><td>二</td><td>  a&lt;b  <span>c</span>
    d </td></tr>
    <tr><td colspan="2">左</td><td>x</td></tr>
    </tbody></table></body></html>"""
    [grid] = html_sheets(page.encode(), "t.html")
    assert grid.rows[0] == ["甲", "乙", "丙", ""]
    assert grid.rows[1] == ["1", "跨列", "", ""]
    assert grid.rows[2] == ["", "二", "a<b c d", ""]
    assert grid.rows[3] == ["左", "", "x", ""]
    assert grid.rows[-1][0] == "注：脚注"  # the foot, shown last
    assert (1, 0, 2, 0) in grid.merges and (1, 1, 1, 3) in grid.merges and (3, 0, 3, 1) in grid.merges


def test_overlapping_spans_do_not_overlap_merges() -> None:
    page = """<table><tr><td>a</td><td rowspan="3">b</td><td>c</td></tr>
    <tr><td colspan="3">wide</td></tr><tr><td>x</td><td>y</td></tr></table>"""
    [grid] = html_sheets(page.encode(), "o.html")
    assert grid.rows[1][:3] == ["wide", "", ""]
    assert (1, 0, 1, 0) not in grid.merges  # the colspan stopped before b's rowspan: no 1×1 merge kept
    cells = [(r, c) for r0, c0, r1, c1 in grid.merges for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)]
    assert len(cells) == len(set(cells))


def test_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    from listkit.read import html_tables

    page = b"<table>" + b"<tr><td>1</td><td>2</td></tr>" * 50 + b"</table>"
    monkeypatch.setattr(html_tables, "MAX_TABLE_CELLS", 99)
    with pytest.raises(InputError) as caught:
        html_sheets(page, "big.html")
    assert caught.value.key == "document-too-large"
    monkeypatch.setattr(html_tables, "MAX_PAGE_BYTES", 100)
    with pytest.raises(InputError) as caught:
        html_sheets(page, "big.html")
    assert caught.value.key == "document-too-large" and "MB" in caught.value.message()


def test_entities_declared_in_a_doctype_are_not_expanded() -> None:
    laughs = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    table = "<table><tr><td>&l9;</td><td>b</td></tr><tr><td>1</td><td>2</td></tr></table>"
    page = f'<!DOCTYPE html [<!ENTITY l0 "lol">{laughs}]><html><body>{table}</body></html>'
    grids = html_sheets(page.encode(), "laughs.html")
    assert all(len(text) < 1000 for grid in grids for row in grid.rows for text in row)
