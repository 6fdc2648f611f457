"""apply(OLD, diff(OLD, NEW)) == NEW, for generated lists and generated edits (hypothesis).

The change order goes through its JSON form, as `listkit apply` reads it. With cosmetic changes included the
result equals NEW exactly; without them, NEW up to whitespace/width and 序号.
"""

from __future__ import annotations

import json
from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from listkit.diff import diff_lists
from listkit.diff.apply import apply_entries
from listkit.diff.changeorder import changeset_json, entries_from_json
from listkit.model import ItemList, Record
from listkit.normalize import fold
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
        elif edit == "split":
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
    def key(record: Record) -> str:
        values = {k: v if exact else fold(v) for k, v in record.values.items() if exact or k != "seq"}
        return json.dumps([sorted(values.items()), sorted(record.extra.items()), record.department], ensure_ascii=False)

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
