"""The xlsx change order: 变更明细 reads back as written, apply finds each record's own base record, text Excel
cannot hold is refused, and 调整情况表 prints (landscape, header on every page, page numbers, nothing cut)."""

from __future__ import annotations

import json
import random
import shutil
import subprocess
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from listkit.diff import diff_lists
from listkit.diff.apply import apply_entries
from listkit.model import ItemList
from listkit.read import read_list
from listkit.read.change_order_workbook import entries_from_workbook
from listkit.record import Record
from listkit.schema import load_schema
from listkit.write.change_order_xlsx import workbook_bytes
from tests.conftest import REAL, SAMPLES, CliResult

Cli = Callable[..., CliResult]
LONG_BASIS = "【法律】《中华人民共和国示例法》（1994年示例会议通过）第十条：" + "依法应当予以处理的情形。" * 60


def record(name: str, basis: str = "《示例法》第一条", **extra: str) -> Record:
    return Record(values={"name": name, "type": "行政许可", "basis": basis, "body": "区示例局"}, extra=dict(extra))


def write_list(path: Path, records: list[Record]) -> Path:
    from listkit.write import canonical_chunks

    path.write_bytes(b"".join(canonical_chunks("jsonl")(ItemList(schema_name="power-list", records=records))))
    return path


def content(records: list[Record]) -> Counter[str]:
    def key(r: Record) -> str:
        return json.dumps([sorted(r.values.items()), sorted(r.extra.items()), r.department], ensure_ascii=False)

    return Counter(key(r) for r in records)


def via_workbook(old: list[Record], new: list[Record], tmp_path: Path) -> list[Record]:
    before, after = ItemList(schema_name="power-list", records=old), ItemList(schema_name="power-list", records=new)
    order = tmp_path / "order.xlsx"
    order.write_bytes(workbook_bytes(diff_lists(before, after), "zh", True, "调整情况表"))
    return apply_entries(before, entries_from_workbook(order, load_schema("power-list"))).records


# --- what comes back is what was written ---------------------------------------------------------------------


def test_a_list_with_a_repeated_header_keeps_its_extra_column(cli: Cli, tmp_path: Path) -> None:
    """The second copy of a header is read as the extra field '责任事项依据(G)', and 说明 beside 备注 (its alias)
    as '说明(I)': the change order writes them under those headers, and reading them back must not make them
    '责任事项依据(G)(L)' and '说明(I)(M)'."""
    from openpyxl import Workbook

    def workbook(path: Path, renamed: str) -> Path:
        book = Workbook()
        sheet = book.active
        sheet.append(
            ["序号", "事项名称", "权力类型", "实施依据", "行使主体", "责任事项依据", "责任事项依据", "备注", "说明"]
        )
        sheet.append(["1", renamed, "行政许可", "《示例法》第一条\n第二款", "区示例局", "甲", "乙", "", "  说明一"])
        sheet.append(["2", "乙事项备案", "行政许可", "《示例法》第三条", "区示例局", "丙", "丁", "无", "说明二"])
        book.save(path)
        return path

    old, new = workbook(tmp_path / "old.xlsx", "甲事项审批"), workbook(tmp_path / "new.xlsx", "甲事项审批等")
    order, result = tmp_path / "order.xlsx", tmp_path / "result.jsonl"
    assert cli("diff", old, new, "--format", "xlsx", "-o", order).code == 0
    applied = cli("apply", old, order, "-o", result)
    assert applied.code == 0, applied.err
    records = read_list([result]).records
    assert {key for r in records for key in r.extra} == {"责任事项依据(G)", "说明(I)"}
    assert content(records) == content(read_list([new]).records)


def test_cells_come_back_as_written(tmp_path: Path) -> None:
    """Line breaks of both kinds, spaces at either end and in runs, full-width spaces, tabs, control characters and
    text that looks like an Excel escape: 变更明细 holds a record's text, and apply writes it unchanged."""
    texts = [
        "  《示例法》\r\n第一条\n\u3000\u3000第二条  ",
        "第一款\t第二款\x0b",
        "字面的 _x000D_ 不是回车",
        " ",
        "（全角括号）　全角空格",
        LONG_BASIS,
    ]
    old = [record(f"甲事项{i}", basis="《旧法》") for i in range(len(texts))]
    new = [record(f"甲事项{i}", basis=text, **{"说明": text, "责任事项依据(P)": text}) for i, text in enumerate(texts)]
    assert content(via_workbook(old, new, tmp_path)) == content(new)


def test_the_order_is_read_as_written_not_cleaned_like_a_list(tmp_path: Path) -> None:
    """The list reader empties placeholders, joins the lines of names and splits packed sub-items; a change order
    says what the new list holds."""
    new = [
        Record(
            values={"name": "甲事项", "sub_name": "1.新办\n2.变更", "type": "行政许可", "basis": "无", "body": "局"},
            extra={"部门": "另一个部门", "变更序号": "7"},
        )
    ]
    assert content(via_workbook([], new, tmp_path)) == content(new)


# --- the 原值 is the base record's own --------------------------------------------------------------------------


def test_items_of_one_name_are_changed_in_their_own_record(cli: Cli, tmp_path: Path) -> None:
    """Real lists number two items of one name separately, with different bases; a change to the second one was
    refused ('实施依据 in the base is …, the change order says …') because apply compared it with the first."""
    old = [
        record("对以他人名义投标的处罚", "《示例法》（示例令第149次）第一条"),
        record("对以他人名义投标的处罚", "《示例法》（示例第149次）第二条"),
        record("乙事项"),
    ]
    new = [r.model_copy(deep=True) for r in old]
    new[1].values["basis"] += "\n《示例条例》第五条"
    base, target = write_list(tmp_path / "old.jsonl", old), write_list(tmp_path / "new.jsonl", new)
    for fmt in ("json", "xlsx"):
        order, result = tmp_path / f"order.{fmt}", tmp_path / f"result-{fmt}.jsonl"
        assert cli("diff", base, target, "--format", fmt, "-o", order).code == 0
        applied = cli("apply", base, order, "-o", result)
        assert applied.code == 0, applied.err
        assert content(read_list([result]).records) == content(new), fmt


def test_a_refused_order_shows_where_the_texts_differ(cli: Cli, tmp_path: Path) -> None:
    old = [record("甲事项", LONG_BASIS), record("乙事项")]
    new = [record("甲事项等", LONG_BASIS), record("乙事项")]
    base, order = write_list(tmp_path / "old.jsonl", old), tmp_path / "order.json"
    cli("diff", base, write_list(tmp_path / "new.jsonl", new), "--format", "json", "-o", order)
    document = json.loads(order.read_text(encoding="utf-8"))
    document["changes"][0]["old"]["basis"] = LONG_BASIS.replace("1994年示例会议", "1994年另一会议")
    order.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    result = cli("apply", base, order, "-o", tmp_path / "out.jsonl")
    assert result.code == 2 and "1994年示例会议" in result.err and "1994年另一会议" in result.err


# --- text Excel cannot hold -------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_text_over_the_excel_cell_limit_is_refused_not_cut(cli: Cli, tmp_path: Path, lang: str) -> None:
    # 16,384 characters beyond the BMP are 32,768 in Excel's count (UTF-16), one more than a cell holds.
    for long in ("示" * 32_768, "\U00020bb7" * 16_384):
        old, new = [record("甲事项"), record("乙事项")], [record("甲事项", long), record("乙事项")]
        base, order = write_list(tmp_path / "old.jsonl", old), tmp_path / "order.xlsx"
        result = cli(
            "diff", base, write_list(tmp_path / "new.jsonl", new), "--format", "xlsx", "-o", order, "--lang", lang
        )
        assert result.code == 2 and not order.exists()
        assert "甲事项" in result.err and "实施依据" in result.err and "32,767" in result.err and "32,768" in result.err
        assert ("--format json" in result.err) and (("Excel" in result.err) if lang == "en" else "单元格" in result.err)
        assert "Traceback" not in result.err


def test_text_at_the_excel_cell_limit_round_trips(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    longest = ("示" * 100 + "\n") * 324 + "示" * 43  # 32,767 characters
    assert len(longest) == 32_767
    old, new = [record("甲事项", longest.replace("示", "旧"))], [record("甲事项", longest)]
    assert content(via_workbook(old, new, tmp_path)) == content(new)
    # 调整内容 names both bases, twice what a cell holds: it goes on over following rows, none of it lost
    summary = load_workbook(tmp_path / "order.xlsx")["调整情况表"]
    printed = [str(row[6].value or "") for row in summary.iter_rows(min_row=3)]
    assert len(printed) > 2 and all(len(text) <= 32_767 for text in printed)
    assert sum(text.count("示") for text in printed) == longest.count("示")
    assert all(row[2].value == "甲事项（续）" for row in list(summary.iter_rows(min_row=4)))


# --- on paper ---------------------------------------------------------------------------------------------------

OLD, NEW = SAMPLES / "district-power-list.xlsx", SAMPLES / "district-power-list-2022.xlsx"


@pytest.fixture(scope="module")
def sample_order(tmp_path_factory: pytest.TempPathFactory) -> Path:
    changes = diff_lists(read_list([OLD]), read_list([NEW]))
    path = tmp_path_factory.mktemp("order") / "order.xlsx"
    path.write_bytes(workbook_bytes(changes, "zh", False, "示例区权责清单调整情况表"))
    return path


def test_the_change_order_is_set_up_for_print(sample_order: Path) -> None:
    from openpyxl import load_workbook

    workbook = load_workbook(sample_order)
    summary = workbook["调整情况表"]
    assert summary.print_title_rows == "$2:$2" and summary.freeze_panes == "A3"
    assert summary.page_setup.orientation == "landscape" and summary.page_setup.paperSize in (9, 8)
    assert summary.sheet_properties.pageSetUpPr.fitToPage and (summary.page_setup.fitToWidth or 1) == 1
    assert summary.page_setup.fitToHeight == 0  # as many pages long as it takes
    assert summary.oddFooter.center.text == "第 &P 页，共 &N 页"
    third = summary["G3"]
    assert third.alignment.wrap_text and third.border.left.style == "thin" and third.font.name == "宋体"
    widths = {letter: summary.column_dimensions[letter].width for letter in "ABCG"}
    assert widths["A"] < widths["C"] <= widths["G"]  # 序号 narrow, 调整内容 and 事项名称 wide: fitted to the text
    # a row is as tall as the text it wraps to
    tallest = max(range(3, summary.max_row + 1), key=lambda r: len(str(summary.cell(r, 7).value or "")))
    header = summary.row_dimensions[2].height or summary.sheet_format.defaultRowHeight  # omitted when the default
    assert summary.row_dimensions[tallest].height > 2 * header
    detail = workbook["变更明细"]
    assert detail.print_title_rows == "$1:$1" and detail.page_setup.orientation == "landscape"


def test_footer_in_english(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    changes = diff_lists(*(ItemList(schema_name="power-list", records=[record(n)]) for n in ("甲事项", "乙事项")))
    path = tmp_path / "order.xlsx"
    path.write_bytes(workbook_bytes(changes, "en", False, "Changes"))
    assert load_workbook(path)["调整情况表"].oddFooter.center.text == "Page &P of &N"


@pytest.mark.skipif(
    shutil.which("libreoffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice and poppler-utils are not installed",
)
def test_the_change_order_prints_whole_in_libreoffice(tmp_path: Path) -> None:
    """A basis change of many lines: its last line must be on paper (a row too short cuts it off), and every page
    carries the header and its page number."""
    lines = [f"第{n}条：依法应当予以处理的情形，并按照规定程序办理相关手续。" for n in range(1, 40)]
    old = [record(f"事项{n:02d}", "《旧法》第一条") for n in range(30)]
    new = [record(f"事项{n:02d}", "\n".join(lines) + f"（末行{n:02d}）") for n in range(30)]
    changes = diff_lists(*(ItemList(schema_name="power-list", records=r) for r in (old, new)))
    order = tmp_path / "order.xlsx"
    order.write_bytes(workbook_bytes(changes, "zh", False, "调整情况表"))
    done = subprocess.run(
        ["libreoffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(order)],
        capture_output=True,
        timeout=180,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    text = subprocess.run(["pdftotext", str(tmp_path / "order.pdf"), "-"], capture_output=True, text=True).stdout
    pages = [page.replace(" ", "") for page in text.split("\f") if page.strip()]
    summary = [page for page in pages if "调整内容" in page]
    assert len(summary) > 1
    for number, page in enumerate(summary, start=1):
        assert f"第{number}页，共" in page and "备注" in page  # the last column is on the page too
    printed = "".join(summary)
    assert all(f"（末行{n:02d}）" in printed for n in range(30))


# --- real lists -----------------------------------------------------------------------------------------------


def real_files() -> list[Path]:
    return sorted(p for p in REAL.iterdir() if p.suffix.lower() in (".xls", ".xlsx")) if REAL.is_dir() else []


@pytest.mark.skipif(not REAL.is_dir(), reason="../shared/real is not available")
@pytest.mark.parametrize("path", real_files(), ids=[f"list{n}" for n in range(len(real_files()))])
def test_an_annual_update_of_a_real_list_round_trips_through_the_workbook(path: Path, tmp_path: Path) -> None:
    """3 renames, 3 basis changes (one of them to the second of two items of one name, where a list has such),
    1 type change, 2 cancellations, 2 additions: written as the xlsx change order and applied back, NEW itself."""
    base = read_list([path])
    new = [r.model_copy(deep=True) for r in base.records]
    if len(new) < 9:
        pytest.skip("too small for the update")
    rng = random.Random(path.name)
    chosen = rng.sample(range(len(new)), 9)
    seen: dict[tuple[str, str], int] = {}
    for slot, r in enumerate(new):
        twin = seen.setdefault((r.get("name"), r.get("sub_name")), slot)
        if twin != slot and slot not in chosen:
            chosen[3] = slot
            break
    for slot in chosen[:3]:
        new[slot].values["name"] += "等"
    for slot in chosen[3:6]:
        new[slot].values["basis"] = new[slot].get("basis") + "\n【规章】《示例办法》第十条"
    new[chosen[6]].values["type"] = "行政检查" if new[chosen[6]].get("type") != "行政检查" else "行政处罚"
    for slot in sorted(chosen[7:], reverse=True):
        new.pop(slot)
    new += [record("新增示例事项甲"), record("新增示例事项乙")]
    assert content(via_workbook(base.records, new, tmp_path)) == content(new)
