"""A closed field published as one column per value, ticked in the one that applies (schema ``x-ticks``).

The national 证照分离 list and the local lists copied from it write the reform mode as '改革方式' merged over four
columns, 直接取消审批 | 审批改为备案 | 实行告知承诺 | 优化审批服务, with '√' in one of them; yes/no fields appear as
是 | 否 ticks, 办件类型 as 即办件 | 承诺件. A column is a tick column of an ``x-ticks`` field when its lowest header
text is one of the field's values (or ``x-variants`` spellings) and the header above it names the field — or, with
no header above it, when that text is a value of no other ticked field and names no column of its own, and the
field has at least two such columns in the sheet.

The record's value is the value of the column ticked: a cell holding one of the field's yes values (its
``x-yes-values``, else vocabulary.YES_VALUES) or a tick mark (vocabulary.TICK_MARKS). No tick leaves the field
empty, and validation reports it as it reports any empty field. Two ticks keep both values, joined by '、': the cell
is wrong in the sheet (one item, one reform mode), and a value that is no enum value makes validation say so at the
row rather than listkit choosing one silently.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from listkit.normalize import fold
from listkit.read.enum_values import spellings
from listkit.schema import Schema
from listkit.vocabulary import TICK_MARKS, YES_VALUES

# Between the values of a row ticked twice.
TICK_JOIN = "、"


@dataclass(frozen=True)
class TickGroup:
    """An x-ticks field's columns in a sheet: (column, the value a tick there means), left to right."""

    key: str
    columns: tuple[tuple[int, str], ...]
    header: str  # the header naming the field above the columns, as written; '' when there is none

    @property
    def first(self) -> int:
        return self.columns[0][0]


class TickValues:
    """The x-ticks fields of a schema: folded spelling → field keys it is a value of (and the value it means)."""

    def __init__(self, schema: Schema) -> None:
        self.schema = schema
        self.by_spelling: dict[str, dict[str, str]] = {}
        for spec in schema.fields:
            if spec.ticks:
                for folded, canonical in spellings(spec).items():
                    self.by_spelling.setdefault(folded, {})[spec.key] = canonical

    def __bool__(self) -> bool:
        return bool(self.by_spelling)

    def is_value(self, text: str) -> bool:
        return fold(text) in self.by_spelling

    def value_of(self, text: str, key: str | None) -> tuple[str, str] | None:
        """(field, value) a column headed ``text`` ticks: of field ``key`` when the header above names it; with
        none above, of the one ticked field the text is a value of, when it names no column of its own."""
        found = self.by_spelling.get(fold(text))
        if not found:
            return None
        if key is not None:
            return (key, found[key]) if key in found else None
        if len(found) == 1 and self.schema.match_header(text) is None:
            return next(iter(found.items()))
        return None


def find_ticks(headers: Iterable[tuple[str, str]], schema: Schema) -> dict[int, TickGroup]:
    """Tick groups by their first column, from each column's (header above, lowest header) text — both the same
    text for a one-row header. (column_map.py drops a group whose field a column of its own also names.)"""
    values = TickValues(schema)
    if not values:
        return {}
    found: dict[str, list[tuple[int, str, str]]] = {}
    previous: tuple[str, str] | None = None  # (field, header) of the column to the left, when it is a tick column
    for col, (above, lowest) in enumerate(headers):
        key = schema.match_header(above) if above and above != lowest else None
        group = above if key is not None else ""
        if key is None and not above and previous is not None:
            key, group = previous  # the header above written only over the group's first column
        hit = values.value_of(lowest, key) if lowest else None
        previous = (hit[0], group) if hit is not None else None
        if hit is not None:
            found.setdefault(hit[0], []).append((col, hit[1], group))
    groups: dict[int, TickGroup] = {}
    for key, cols in found.items():
        header = next((g for _c, _v, g in cols if g), "")
        if not header and len(cols) < 2:
            continue  # one column named like a value, and nothing above saying so: not a group
        ticks = TickGroup(key=key, columns=tuple((c, v) for c, v, _g in cols), header=header)
        groups[ticks.first] = ticks
    return groups


def tick_reader(schema: Schema, key: str) -> Callable[[str], bool]:
    """Whether a cell's text ticks its column: one of the field's yes values, or a tick mark."""
    spec = schema.by_key[key]
    marks = {fold(v) for v in (*(spec.yes_values or YES_VALUES), *TICK_MARKS)}
    return lambda text: bool(text) and fold(text) in marks


def ticked_value(group: TickGroup, ticks: Callable[[str], bool], text_of: Callable[[int], str]) -> str:
    """The field's value on a row: the value of the ticked column; both joined by '、' when two are; '' when none."""
    return TICK_JOIN.join(value for col, value in group.columns if ticks(text_of(col)))
