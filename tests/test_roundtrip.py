"""apply(OLD, diff(OLD, NEW)) == NEW, for generated lists and generated edits (hypothesis).

The change order goes through its JSON form and through its workbook (变更明细 written, then read back), as
`listkit apply` reads them. With cosmetic changes included the result equals NEW exactly; without them, NEW up
to whitespace/width and 序号. The workbook reader canonicalises nothing a record says (a type written as a
variant is respelled, as every reader does; generated types are canonical): leading and trailing spaces, '\u3000',
tabs, '\r\n' and '\n' must all come back as they were, so its comparison is exact too.
"""

from __future__ import annotations

import json
import tempfile
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from listkit.diff import diff_lists
from listkit.diff.apply import apply_entries
from listkit.model import ItemList
from listkit.normalize import fold
from listkit.read.change_order_json import entries_from_json
from listkit.record import Record
from listkit.render.change_order_json import changeset_json
from listkit.schema import load_schema

SCHEMA = load_schema("power-list")
CHARS = "许可证核发登记备案审批查封扣押违法行为处罚经营生产销售运输单位企业检查监督管理食品药品建设工程道路车辆"
TYPES = ("行政许可", "行政处罚", "行政检查")
BODIES = ("区市场监督管理局", "区交通运输局", "区住房和城乡建设局")

names = st.text(alphabet=CHARS, min_size=4, max_size=14)


@st.composite
def base_lists(draw: st.DrawFn) -> list[Record]:
    with_codes = draw(st.booleans())
    size = draw(st.integers(min_value=1, max_value=14))
    records: list[Record] = []
    seen: set[tuple[str, str]] = set()
    for number in range(size):
        name = draw(names)
        kind = draw(st.sampled_from(TYPES))
        if (kind, name) in seen:
            continue
        seen.add((kind, name))
        values = {
            "seq": str(number + 1),
            "name": name,
            "type": kind,
            "basis": f"《中华人民共和国{draw(names)}法》第{draw(st.integers(1, 99))}条",
            "body": draw(st.sampled_from(BODIES)),
        }
        if with_codes:
            values["code"] = f"990102201XK{number:03d}00"
        records.append(Record(values=values))
    return records


EDITS = ("rename", "basis", "retype", "body", "recode", "cancel", "add", "merge", "split", "cosmetic", "level", "extra")


@st.composite
def edited(draw: st.DrawFn, base: list[Record]) -> list[Record]:
    new = [r.model_copy(deep=True) for r in base]
    for edit in draw(st.lists(st.sampled_from(EDITS), max_size=6)):
        if not new and edit != "add":
            continue
        at = draw(st.integers(0, max(0, len(new) - 1)))
        target = new[at] if new else None
        if edit == "add" or target is None:
            values = {
                "name": draw(names),
                "type": draw(st.sampled_from(TYPES)),
                "basis": "《新法》第一条",
                "body": draw(st.sampled_from(BODIES)),
            }
            new.insert(at, Record(values=values))
        elif edit == "rename":
            target.values["name"] += draw(st.sampled_from(["依法", "等", "相关事项"]))
        elif edit == "basis":
            target.values["basis"] += "\n【规章】《示例办法》第十条"
        elif edit == "retype":
            target.values["type"] = draw(st.sampled_from(TYPES))
        elif edit == "body":
            target.values["body"] = draw(st.sampled_from(BODIES))
        elif edit == "recode":
            target.values["code"] = f"990102209QT{at:03d}99"
        elif edit == "cancel":
            new.pop(at)
        elif edit == "merge" and len(new) > 1:
            other = new.pop((at + 1) % len(new))
            target.values["name"] += "、" + other.values["name"]
        elif edit == "split" and not target.values.get("sub_name"):
            # (Splitting a split record again would make two identical records: an item added twice.)
            twin = target.model_copy(deep=True)
            target.values["sub_name"], twin.values["sub_name"] = "1.新办", "2.变更"
            twin.values.pop("code", None)
            new.insert(at + 1, twin)
        elif edit == "cosmetic":
            target.values["basis"] = target.values["basis"].replace("《", " 《", 1)
            target.values["seq"] = str(int(target.values.get("seq", "0")) + 100)
        elif edit == "level":
            target.values["level"] = draw(st.sampled_from(["区级", "街道级", "市级"]))
        elif edit == "extra":
            target.extra["说明"] = draw(names)
    if draw(st.booleans()):
        new.reverse()
    return new


def content(records: list[Record], exact: bool) -> Counter[str]:
    # Up to cosmetics, a field holding only whitespace is the same as one left out (diff calls that cosmetic).
    def key(record: Record) -> str:
        values = {k: v if exact else fold(v) for k, v in record.values.items() if exact or (k != "seq" and fold(v))}
        extra = {k: v if exact else fold(v) for k, v in record.extra.items() if exact or fold(v)}
        return json.dumps([sorted(values.items()), sorted(extra.items()), record.department], ensure_ascii=False)

    return Counter(key(r) for r in records)


def round_trip(old: list[Record], new: list[Record], show_cosmetic: bool) -> list[Record]:
    before = ItemList(schema_name="power-list", records=old, files=["old"])
    after = ItemList(schema_name="power-list", records=new, files=["new"])
    changes = diff_lists(before, after)
    document = json.loads(json.dumps(changeset_json(changes, "test", show_cosmetic), ensure_ascii=False))
    return apply_entries(before, entries_from_json(document, "order.json", SCHEMA)).records


@st.composite
def pairs(draw: st.DrawFn) -> tuple[list[Record], list[Record]]:
    base = draw(base_lists())
    return base, draw(edited(base))


@settings(max_examples=350, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pairs())
def test_apply_of_diff_gives_new_exactly(pair: tuple[list[Record], list[Record]]) -> None:
    old, new = pair
    assert content(round_trip(old, new, show_cosmetic=True), exact=True) == content(new, exact=True)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pairs())
def test_apply_of_diff_gives_new_up_to_cosmetics(pair: tuple[list[Record], list[Record]]) -> None:
    old, new = pair
    assert content(round_trip(old, new, show_cosmetic=False), exact=False) == content(new, exact=False)


# --- through the workbook, on records that look like real ones ------------------------------------------------

# Extra columns, some named like schema headers (说明 is 备注's alias) or like the headers listkit gives a second
# copy of a column ('责任事项依据(P)'), or like the change order's own columns.
EXTRA_KEYS = (
    *("说明", "责任事项依据(P)", "事项名称(C)", "实施依据", "部门"),
    *("变更序号", "原/新", " 救助渠道", "救助渠道", "备注 "),
)
# The whitespace and punctuation real cells carry.
SPACES = ("", " ", "  ", "\u3000", "\t", "\u3000\u3000")
BREAKS = ("\n", "\r\n", "\n    ", "\n\u3000\u3000")
DEPARTMENTS = ("区示例局", "区样本委员会", "区某某办公室")
pieces = st.text(alphabet=CHARS + "（）《》〔〕，、；：0123456789 ", min_size=1, max_size=24)


@st.composite
def cell_texts(draw: st.DrawFn) -> str:
    """A cell as clerks write them: lines, indents, spaces at either end, full-width brackets and spaces."""
    lines = draw(st.lists(pieces, min_size=1, max_size=4))
    text = lines[0]
    for line in lines[1:]:
        text += draw(st.sampled_from(BREAKS)) + line
    return draw(st.sampled_from(SPACES)) + text + draw(st.sampled_from(SPACES))


@st.composite
def real_base_lists(draw: st.DrawFn) -> list[Record]:
    """base_lists with multi-line bases, extra columns, departments, and items of one name listed twice."""
    records = draw(base_lists())
    keys = draw(st.lists(st.sampled_from(EXTRA_KEYS), max_size=4, unique=True))
    with_departments = draw(st.booleans())
    for record in records:
        record.values["basis"] = draw(cell_texts())
        if draw(st.booleans()):
            record.values["remark"] = draw(cell_texts())
        for key in keys:
            if draw(st.booleans()):
                record.extra[key] = draw(cell_texts())
        if with_departments:
            record.department = draw(st.sampled_from(DEPARTMENTS))
    if draw(st.booleans()) and records:
        # Two separately numbered items of one name with different bases, as real lists have.
        twin = records[draw(st.integers(0, len(records) - 1))].model_copy(deep=True)
        twin.values["seq"] = str(len(records) + 1)
        twin.values["basis"] = draw(cell_texts())
        twin.values.pop("code", None)
        records.insert(draw(st.integers(0, len(records))), twin)
    return records


REAL_EDITS = ("respace", "rebreak", "extra-edit", "extra-drop", "remark")


@st.composite
def real_edited(draw: st.DrawFn, base: list[Record]) -> list[Record]:
    new = draw(edited(base))
    for edit in draw(st.lists(st.sampled_from(REAL_EDITS), max_size=4)):
        if not new:
            break
        target = new[draw(st.integers(0, len(new) - 1))]
        basis = target.values.get("basis", "")
        if edit == "respace":
            target.values["basis"] = draw(st.sampled_from(SPACES[1:])) + basis.strip() + draw(st.sampled_from(SPACES))
        elif edit == "rebreak":
            target.values["basis"] = basis.replace("\r\n", "\n") if "\r\n" in basis else basis.replace("\n", "\r\n")
        elif edit == "extra-edit":
            target.extra[draw(st.sampled_from(EXTRA_KEYS))] = draw(cell_texts())
        elif edit == "extra-drop" and target.extra:
            target.extra.pop(draw(st.sampled_from(sorted(target.extra))))
        elif edit == "remark":
            target.values["remark"] = draw(cell_texts())
    return new


@st.composite
def real_pairs(draw: st.DrawFn) -> tuple[list[Record], list[Record]]:
    base = draw(real_base_lists())
    return base, draw(real_edited(base))


def xlsx_round_trip(old: list[Record], new: list[Record], show_cosmetic: bool) -> list[Record]:
    from listkit.read.change_order_workbook import entries_from_workbook
    from listkit.write.change_order_xlsx import workbook_bytes

    before = ItemList(schema_name="power-list", records=old, files=["old"])
    after = ItemList(schema_name="power-list", records=new, files=["new"])
    changes = diff_lists(before, after, cosmetic=show_cosmetic)
    with tempfile.TemporaryDirectory() as folder:
        order = Path(folder) / "order.xlsx"
        order.write_bytes(workbook_bytes(changes, "zh", show_cosmetic, "调整情况表"))
        entries = entries_from_workbook(order, SCHEMA)
    return apply_entries(before, entries).records


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(real_pairs())
def test_apply_of_xlsx_order_gives_new_exactly(pair: tuple[list[Record], list[Record]]) -> None:
    old, new = pair
    assert content(xlsx_round_trip(old, new, show_cosmetic=True), exact=True) == content(new, exact=True)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(real_pairs())
def test_apply_of_xlsx_order_gives_new_up_to_cosmetics(pair: tuple[list[Record], list[Record]]) -> None:
    old, new = pair
    assert content(xlsx_round_trip(old, new, show_cosmetic=False), exact=False) == content(new, exact=False)
