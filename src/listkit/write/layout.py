"""What publication writers share: records grouped into sheets and items, text widths, column plans."""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from listkit.identity import item_key
from listkit.model import ItemList, Record
from listkit.schema import Field, Schema

DEPARTMENT_TITLE = ("部门", "Department")


def _wide_chars(text: str) -> int:
    """How many characters take two columns. CJK characters are three bytes in UTF-8 where ASCII is one, so the
    byte count tells (in C, not a Python loop over characters); rarer two-byte letters count as narrow."""
    extra = len(text.encode("utf-8")) - len(text)
    return extra // 2


def display_width(text: str) -> int:
    """Columns a text needs in a spreadsheet: CJK characters are two wide."""
    return len(text) + _wide_chars(text)


# A CJK character at 10 pt takes about 1.75 column units in print (2 is the upper bound, with SimSun in Excel);
# row heights are estimated with it, leaving a little air rather than cutting text off.
CJK_PRINT_WIDTH = 1.75


def print_width(text: str) -> float:
    wide = _wide_chars(text)
    return len(text) - wide + wide * CJK_PRINT_WIDTH


@lru_cache(maxsize=1 << 16)
def lines_needed(text: str, width: float) -> int:
    """Printed lines a cell needs. Cached: a list repeats its bases, bodies and offices thousands of times."""
    usable = max(width - 1.5, 1.0)
    return sum(max(1, math.ceil(print_width(line) / usable)) for line in text.split("\n")) if text else 1


@dataclass
class Column:
    key: str  # schema field key, or "department"
    title: str
    group: str | None
    width: float
    spec: Field | None


def plan_columns(items: ItemList, schema: Schema, with_department: bool) -> list[Column]:
    """The schema's fields in schema order (leaving out optional ones no record fills), widths fitted to the text."""
    columns: list[Column] = []
    for spec in schema.fields:
        texts = [r.values.get(spec.key, "") for r in items.records]
        if not spec.required and not any(texts):
            continue  # a column nobody filled is noise on paper
        columns.append(Column(spec.key, spec.title, spec.group, fitted_width(spec.title, texts, spec.width), spec))
        if with_department and spec.role == "seq":
            departments = [r.department or "" for r in items.records]
            columns.append(Column("department", DEPARTMENT_TITLE[0], None, fitted_width("部门", departments, 16), None))
    return columns


def fitted_width(title: str, texts: Sequence[str], cap: float) -> float:
    """Wide enough for the header and for most values on one line, but never wider than the schema allows
    (long texts wrap instead); the schema's x-width is the cap."""
    widths = sorted(_widest_line(t) for t in texts if t)
    typical = widths[int(len(widths) * 0.9)] if widths else 0
    header = max(display_width(part) for part in title.split("\n"))
    return float(max(min(max(typical, header) + 2, cap), min(header + 2, cap), 6))


@lru_cache(maxsize=1 << 16)
def _widest_line(text: str) -> int:
    return max(display_width(line) for line in text.split("\n"))


def item_groups(records: Sequence[Record], schema: Schema) -> Iterator[list[Record]]:
    """Consecutive records of one main item (its sub-items) as one group."""
    group: list[Record] = []
    last: tuple[str, ...] | None = None
    for record in records:
        key = item_key(record, schema)
        if group and key != last:
            yield group
            group = []
        group.append(record)
        last = key
    if group:
        yield group


def sheets_by(items: ItemList, schema: Schema, by: str) -> list[tuple[str, list[Record]]]:
    """(sheet label, records) per power type in canonical order, or per department."""
    buckets: dict[str, list[Record]] = {}
    for record in items.records:
        label = (
            (record.department or record.get(schema.key_of("body")))
            if by == "department"
            else record.get(schema.key_of("type"))
        )
        buckets.setdefault(label or "未分类", []).append(record)
    if by == "type":
        spec = schema.role("type")
        order = list(spec.enum) if spec and spec.enum else []
        return sorted(buckets.items(), key=lambda kv: (order.index(kv[0]) if kv[0] in order else len(order), kv[0]))
    return list(buckets.items())


def sheet_name(label: str, count: int, used: set[str]) -> str:
    """'行政处罚（254项）' as real lists name their sheets; Excel allows 31 characters and no []:*?/\\."""
    clean = "".join("_" if c in "[]:*?/\\" else c for c in label)
    suffix = f"（{count}项）"
    name = clean[: 31 - len(suffix)] + suffix
    base, n = name, 2
    while name in used:
        name = f"{base[: 31 - len(str(n)) - 1]}~{n}"
        n += 1
    used.add(name)
    return name
