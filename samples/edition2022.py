"""The 2022 edition of the district list: the 2021 edition with a published-size adjustment applied.

新增 21 项、取消 3 项、调整 21 项 — the province's 2022 figure — made of renames, basis changes, a code change,
a type change, body/office/level changes, a merge and a split, plus cosmetic edits (brackets, commas, 序号
renumbering) that a correct diff must not count. Returns the new items and the changes a diff must find.
"""

from __future__ import annotations

import copy
import random
from collections.abc import Callable

from generate import DEPTS, PREFIX, REGION, TYPE_OF, Item, Record, new_item

NEW_BODY = "示例市滨江区综合行政执法局"
NEW_CITATION = "\n【规章】《示例市行政执法监督办法》（示例市人民政府令第12号）第十条"


def reword(name: str) -> str:
    """A small wording edit of the kind a renaming makes."""
    if name.endswith("的处罚") and not name.endswith("行为的处罚"):
        return name[: -len("的处罚")] + "行为的处罚"
    if name.endswith("许可"):
        return name[:-2] + "行政许可"
    return name + "（含延续）"


def edition_2022(items: list[Item], seed: int = 2022) -> tuple[list[Item], list[dict[str, object]]]:
    rng = random.Random(seed)
    items = copy.deepcopy(items)
    used = {item.name for item in items}
    singles = [item for item in items if len(item.records) == 1]
    rng.shuffle(singles)
    taken: set[int] = set()
    expected: list[dict[str, object]] = []

    def pick(prefix: str | None = None, dept: str | None = None) -> Item:
        for item in singles:
            if id(item) not in taken and (prefix is None or item.prefix == prefix) and (
                    dept is None or item.dept.name == dept):
                taken.add(id(item))
                return item
        raise LookupError(prefix)

    def adjust(prefix: str | None, aspects: list[str], edit: Callable[[Item, Record], None]) -> None:
        item = pick(prefix)
        edit(item, item.records[0])
        expected.append({"kind": "adjusted", "aspects": sorted(aspects), "name": item.records[0].name})

    for prefix in ("CF", "QT", "JC"):
        gone = pick(prefix)
        items.remove(gone)
        expected.append({"kind": "cancelled", "aspects": [], "name": gone.name})
    for prefix in ("CF", "CF", "XK", "QZ", "JC", "GG"):
        adjust(prefix, ["renamed"], lambda item, r: setattr(r, "name", reword(r.name)))
    for prefix in ("CF", "CF", "XK", "ZS", "JF"):
        adjust(prefix, ["basis-changed"], lambda item, r: setattr(r, "basis", r.basis + NEW_CITATION))
    adjust("CF", ["code-changed"], lambda item, r: setattr(r, "code", r.code[:-5] + "95000"))

    def retype(item: Item, r: Record) -> None:
        item.prefix, r.type = "QR", TYPE_OF["QR"]
        r.code = r.code.replace("QT", "QR")[:-5] + "96000"

    adjust("QT", ["type-changed", "code-changed"], retype)
    for prefix in ("CF", "QZ"):
        adjust(prefix, ["body-changed"], lambda item, r: setattr(r, "body", NEW_BODY))
    adjust("XK", ["level-changed"],
           lambda item, r: (setattr(r, "level", "街道级"), setattr(r, "scope", "委托街道办理")))
    adjust("JC", ["office-changed"], lambda item, r: setattr(r, "office", "综合执法队"))
    adjust("XK", ["renamed", "basis-changed"],
           lambda item, r: (setattr(r, "name", reword(r.name)), setattr(r, "basis", r.basis + NEW_CITATION)))
    adjust("GG", ["other-field-changed"], lambda item, r: setattr(r, "remark", "2022年起全程网办"))
    _merge(pick, items, expected)
    _split(pick, expected)
    _added(rng, items, used, expected)
    _cosmetic(pick)
    _renumber(items)
    return items, expected


def _merge(pick: Callable[..., Item], items: list[Item], expected: list[dict[str, object]]) -> None:
    survivor = pick("XK")
    absorbed = pick("XK", survivor.dept.name)
    items.remove(absorbed)
    kept, other = survivor.records[0], absorbed.records[0]
    kept.name = survivor.name = f"{survivor.name}、{absorbed.name}"
    kept.basis = f"{kept.basis}\n{other.basis}"
    expected.append({"kind": "adjusted", "aspects": ["basis-changed", "merged", "renamed"], "name": kept.name})


def _split(pick: Callable[..., Item], expected: list[dict[str, object]]) -> None:
    item = pick("XK")
    first = item.records[0]
    second = copy.deepcopy(first)
    first.sub, second.sub = f"1.{first.name}（新办）", f"2.{first.name}（变更）"
    second.code = first.code[:-2] + "02"
    first.code = first.code[:-2] + "01"
    item.records.append(second)
    # Both sub-items get new codes, so nothing pairs one-to-one with the old item: the split is the whole story.
    expected.append({"kind": "adjusted", "aspects": ["split"], "name": first.name})


def _added(rng: random.Random, items: list[Item], used: set[str], expected: list[dict[str, object]]) -> None:
    plan = ["XK"] * 3 + ["CF"] * 9 + ["QZ", "JC", "JC", "QR", "JL", "QT", "QT", "GG", "GG"]
    for number, prefix in enumerate(plan, 1):
        item = new_item(rng, prefix, DEPTS, used)
        item.records[0].code = f"{REGION}{item.dept.code}{prefix}{900 + number:03d}00"
        items.append(item)
        expected.append({"kind": "added", "aspects": [], "name": item.name})
    order = list(PREFIX.values())
    items.sort(key=lambda item: (DEPTS.index(item.dept), order.index(item.prefix)))


def _cosmetic(pick: Callable[..., Item]) -> None:
    """Edits that change nothing: bracket width, comma width, a space inside a text."""
    for prefix in ("CF", "CF"):
        record = pick(prefix).records[0]
        record.basis = record.basis.replace("（", "(", 1).replace("）", ")", 1)
    record = pick("CF").records[0]
    record.duty = record.duty.replace("本区", "本 区", 1)
    record = pick("XK").records[0]
    record.basis = record.basis.replace("，", ",", 2)


def _renumber(items: list[Item]) -> None:
    for seq, item in enumerate(items, 1):
        for record in item.records:
            record.seq = seq
