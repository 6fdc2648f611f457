"""The print-ready workbook on paper and back: 8 pt text, nothing cut or lost, every record printed whole and read
back the same (issue 13, parts 1 and 2)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from listkit.model import ItemList, ListMeta
from listkit.read import read_list
from listkit.record import Record, SourceRef
from listkit.schema import load_schema
from tests.conftest import SAMPLES, CliResult

Cli = Callable[..., CliResult]
DISTRICT = SAMPLES / "district-power-list.xlsx"
PRINTS = shutil.which("soffice") is not None and shutil.which("pdftotext") is not None
WIDE_FIELDS = ("name", "basis", "responsibility", "responsibility_basis", "accountability", "duty")


def _flat(text: str | None) -> str:
    return re.sub(r"\s+", "", text or "")


def _clause(n: int) -> str:
    return f"第{n}条：行政机关应当依照法定的权限、范围、条件和程序实施本项职权，对申请材料进行审查并依法作出决定"


def wide_list() -> ItemList:
    """17 columns and more: every field filled, two extra columns, some cells of thousands of characters."""
    records = []
    for n in range(1, 31):
        responsibility = "\n".join(f"{k}.{_clause(k)}；" for k in range(1, 4))
        basis = "《示例条例》" + "，".join(_clause(k) for k in range(1, 3)) + "。"
        if n in (7, 19):  # 3,000 characters and more, in two paragraphs
            responsibility = "\n".join(f"{k}." + "，".join(_clause(j) for j in range(33)) + "。" for k in range(1, 3))
        if n == 23:  # 1,500 and more, on a sheet of its own: A3 at 8 pt takes one or the other on a page, not both
            basis = "《示例条例》" + "，".join(_clause(k) for k in range(1, 36)) + "。"
        values = {
            "seq": str(n),
            "code": f"00000000XK{n:03d}00",
            "name": f"示例事项{n}的审批",
            "type": "行政处罚" if n == 23 else "行政许可",
            "basis": basis,
            "body": "示例市甲局",
            "office": "审批科",
            "level": "市级",
            "level_scope": "全市范围内的审批",
            "duty": "负责本行政区域内的审批工作",
            "responsibility": responsibility,
            "responsibility_basis": "《示例法》第三十条、第三十一条",
            "accountable": "具体承办人、内设机构负责人",
            "accountability": "因不履行或不正确履行行政职责，有下列情形的，行政机关及相关工作人员应承担相应责任。",
        }
        extra = {"救济途径": "申请行政复议或提起行政诉讼", "办理时限": f"{n}个工作日"}
        records.append(Record(values=values, department="示例市甲局", extra=extra, source=SourceRef(file="w.xlsx")))
    records[6].values["responsibility"] += "\n" + "一段没有换行的很长的说明文字，" * 500  # 7,000 more: over a page
    return ItemList(schema_name="power-list", meta=ListMeta(title="示例市甲局权责清单（2024年）"), records=records)


def _write_jsonl(items: ItemList, path: Path) -> Path:
    from listkit.write import canonical_writer

    path.write_bytes(canonical_writer("jsonl")(items))
    return path


def _publish(items: ItemList) -> bytes:
    from listkit.write.publish_xlsx import workbook_bytes

    return bytes(workbook_bytes(items, items.meta.title or "清单", "type", "zh"))


def _records(items: ItemList) -> list[tuple[object, ...]]:
    return sorted(
        (tuple(sorted(r.values.items())), r.department, tuple(sorted(r.extra.items()))) for r in items.records
    )


# --- 2. nothing lost on the way out -----------------------------------------------------------------------------


def test_a_record_too_long_for_a_page_is_continued_and_read_back_whole(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    items = wide_list()
    path = tmp_path / "wide.xlsx"
    path.write_bytes(_publish(items))
    sheet = load_workbook(path).worksheets[1]
    names = [sheet.cell(row, 3).value for row in range(1, sheet.max_row + 1)]
    assert "示例事项7的审批（续）" in names  # printed on several rows, each naming the item again
    texts = [str(c.value) for row in sheet.iter_rows() for c in row if c.value]
    assert any(t.startswith("（接上）") for t in texts)  # cut inside a line, and marked so
    assert [c.value for c in sheet[2]][-2:] == ["救济途径", "办理时限"]  # extras after the schema's columns
    assert max(sheet.row_dimensions[r].height or 0 for r in range(4, sheet.max_row + 1)) <= 409
    assert _records(read_list([path])) == _records(items)


def test_a_continued_name_is_only_a_continuation_right_under_its_item(tmp_path: Path) -> None:
    from tests.xlsx_fixtures import write_xlsx

    header: list[object] = ["序号", "事项名称", "权力类型", "实施依据", "责任事项内容"]
    rows: list[list[object]] = [
        header,
        [1, "甲审批", "行政许可", "《甲法》第一条", "1.受理"],
        [1, "甲审批（续）", "", "", "2.审查"],
        ["", "甲审批（续）", "", "", "（接上）并决定"],
        [2, "乙审批", "行政许可", "《乙法》第二条", "受理"],
        [3, "甲审批（续）", "行政许可", "《丙法》第三条", "一项名字就带“续”的事项"],
    ]
    items = read_list([write_xlsx(tmp_path / "c.xlsx", {"S": rows})])
    assert [(r.values["name"], r.values.get("responsibility")) for r in items.records] == [
        ("甲审批", "1.受理\n2.审查并决定"),
        ("乙审批", "受理"),
        ("甲审批（续）", "一项名字就带“续”的事项"),  # under another item, and its own 序号: an item of its own
    ]


@pytest.mark.parametrize(
    "sample",
    [
        "district-power-list.xlsx",
        "district-power-list-2022.xlsx",
        "department-power-list.csv",
        "licensing-list.xlsx",
        "broken-power-list.xlsx",
    ],
)
def test_export_import_diff_is_empty(cli: Cli, tmp_path: Path, sample: str) -> None:
    canonical, published, back = tmp_path / "list.jsonl", tmp_path / "pub.xlsx", tmp_path / "back.jsonl"
    assert cli("import", SAMPLES / sample, "-o", canonical).code == 0
    assert cli("export", canonical, "-o", published).code == 0
    assert cli("import", published, "-o", back).code == 0
    assert _records(read_list([back])) == _records(read_list([canonical]))
    report = json.loads(cli("diff", canonical, back, "--format", "json").out)
    summary = report["summary"]
    if sample == "broken-power-list.xlsx":
        # It gives one code to two items: which of them the diff pairs with which depends on their order, and
        # the publication orders them by 序号. The records themselves are the same (above).
        assert (summary["added"], summary["cancelled"]) == (0, 0)
    else:
        assert (summary["added"], summary["cancelled"], summary["adjusted"]) == (0, 0, 0)


def test_extra_columns_are_published_and_read_back(cli: Cli, tmp_path: Path) -> None:
    items = wide_list()
    canonical = _write_jsonl(items, tmp_path / "wide.jsonl")
    published, back = tmp_path / "pub.xlsx", tmp_path / "back.jsonl"
    assert cli("export", canonical, "-o", published).code == 0
    assert cli("import", published, "-o", back).code == 0
    report = json.loads(cli("diff", canonical, back, "--format", "json").out)
    assert report["summary"]["adjusted"] == report["summary"]["added"] == report["summary"]["cancelled"] == 0
    assert _records(read_list([back])) == _records(items)


# --- 1. the publication itself ------------------------------------------------------------------------------------


def test_every_page_starts_with_a_named_item(tmp_path: Path) -> None:
    """Page breaks are placed by hand: a page never starts with rows of an item merged from the page before."""
    from openpyxl import load_workbook

    path = tmp_path / "d.xlsx"
    path.write_bytes(_publish(read_list([DISTRICT])))
    workbook = load_workbook(path)
    for sheet in workbook.worksheets[1:]:
        merged = {cell for r in sheet.merged_cells.ranges for cell in list(r.cells)[1:]}
        for page_break in sheet.row_breaks.brk:
            first = page_break.id + 1
            assert sheet.cell(first, 3).value and (first, 3) not in merged, (sheet.title, first)


def test_records_are_ordered_by_department_type_and_number() -> None:
    from listkit.write.layout import publication_order

    def record(department: str, kind: str, seq: str, row: int) -> Record:
        values = {"seq": seq, "name": f"{department}{seq}", "type": kind}
        return Record(values=values, department=department, source=SourceRef(file="a.xlsx", sheet="S", row=row))

    shuffled = [
        record("乙局", "行政许可", "1", 1),
        record("甲局", "行政处罚", "10", 2),
        record("甲局", "行政处罚", "2", 3),
        record("甲局", "行政许可", "3", 5),
        record("甲局", "行政许可", "3", 4),
    ]
    ordered = publication_order(shuffled, load_schema("power-list"))
    assert [(r.department, r.values["seq"], r.source.row if r.source else 0) for r in ordered] == [
        ("乙局", "1", 1),
        ("甲局", "3", 4),  # 行政许可 before 行政处罚, sub-items in the order of their rows
        ("甲局", "3", 5),
        ("甲局", "2", 3),
        ("甲局", "10", 2),  # 2 before 10
    ]


def test_a_combined_list_is_titled_by_what_its_parts_share(tmp_path: Path) -> None:
    from listkit.read.meta import common_meta
    from listkit.write.title import publication_title

    metas = [
        ListMeta(title="示例市甲局2024年权责清单", jurisdiction="示例市", department="示例市甲局", edition="2024年"),
        ListMeta(department="市乙局", edition="2024年"),  # names no city: no contradiction
        ListMeta(title="示例市丙局2025年权责清单", jurisdiction="示例市", department="示例市丙局", edition="2025年"),
    ]
    schema = load_schema("power-list")
    assert publication_title(common_meta(metas), schema, "zh") == "示例市权责清单（2024—2025年）"
    assert publication_title(common_meta(metas[:2]), schema, "zh") == "示例市权责清单（2024年）"
    assert publication_title(common_meta(metas[:1]), schema, "zh") == "示例市甲局2024年权责清单"


# --- on paper, through LibreOffice ----------------------------------------------------------------------------------


def _print(path: Path) -> tuple[str, list[float], int]:
    """The -raw text of ``path`` printed to PDF by LibreOffice, its words' glyph box heights, and its pages."""
    profile = path.parent / "lo-profile"
    done = subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation={profile.as_uri()}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(path.parent),
            str(path),
        ],
        capture_output=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    pdf = path.with_suffix(".pdf")
    raw = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True).stdout
    bbox = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True).stdout
    boxes = re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"', bbox)
    return raw, sorted(float(b) - float(a) for a, b in boxes), bbox.count("<page ")


def _printed_whole(items: ItemList, raw: str) -> list[str]:
    """The texts of the records that do not appear whole in the printed text (as city-check looks for them)."""
    printed = _flat(raw)
    missing = []
    for record in items.records:
        longest = max(record.values.values(), key=len)
        for text in (record.values.get("name"), record.values.get("basis"), longest):
            if text and _flat(text) not in printed:
                missing.append(text[:40])
    return missing


@pytest.mark.skipif(not PRINTS, reason="LibreOffice (soffice) and poppler-utils (pdftotext) are not installed")
def test_the_district_list_prints_at_8pt_every_record_whole(tmp_path: Path) -> None:
    """The sample's sheets of 行政许可, 行政强制, 行政征收, 行政裁决 and 公共服务 (1,030 of its 3,630 records: all of
    it takes a minute to print; these sheets hold its longest texts), published as a clerk would."""
    kept = ("行政许可", "行政强制", "行政征收", "行政裁决", "公共服务")
    items = read_list([DISTRICT])
    items.records = [r for r in items.records if r.values.get("type") in kept]
    path = tmp_path / "district.xlsx"
    path.write_bytes(_publish(items))
    raw, heights, pages = _print(path)
    assert heights[len(heights) // 2] >= 8.0  # the median glyph box: 8 pt type measures 10.4
    assert _printed_whole(items, raw) == []
    assert "示例市滨江区权责清单（2021年版）·行政许可" in raw and "第 2 页" in raw
    assert pages > 1


@pytest.mark.skipif(not PRINTS, reason="LibreOffice (soffice) and poppler-utils (pdftotext) are not installed")
def test_a_wide_list_with_very_long_cells_prints_whole(tmp_path: Path) -> None:
    items = wide_list()
    items.records = [r for r in items.records if r.values["seq"] != "7"]  # 7 is longer than any page: see above
    assert max(len(r.values["responsibility"]) for r in items.records) > 3000
    assert max(len(r.values["basis"]) for r in items.records) > 1500
    path = tmp_path / "wide.xlsx"
    path.write_bytes(_publish(items))
    raw, heights, _pages = _print(path)
    assert heights[len(heights) // 2] >= 8.0
    assert _printed_whole(items, raw) == []
    for record in items.records:
        for text in record.extra.values():
            assert _flat(text) in _flat(raw)
