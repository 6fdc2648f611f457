"""Where a sheet's header is: the row among the first ones that names the most schema fields, how many rows it
spans, and where the data starts under it.

Real sheets put a title, a department line or a date above the header, so the header is searched for rather than
assumed; the row that matches most distinct fields (the item name among them) wins. Schema detection asks the
same question of every bundled schema and keeps the one whose header matches best.
"""

from __future__ import annotations

from dataclasses import dataclass

from listkit.normalize import join_lines
from listkit.read.grid import Grid
from listkit.read.ticks import TickValues
from listkit.schema import Schema

HEADER_SEARCH_ROWS = 30


@dataclass
class HeaderMatch:
    row: int
    keys: set[str]
    texts: list[str]


def header_score(grid: Grid, schema: Schema) -> HeaderMatch | None:
    """The best header row among the first rows: most distinct schema fields, the name field among them."""
    name_key = schema.key_of("name")
    values = TickValues(schema)
    best: HeaderMatch | None = None
    for index in range(min(HEADER_SEARCH_ROWS, len(grid.rows))):
        row = grid.texts(index)
        keys = {key for key in (schema.match_header(text) for text in row if text) if key}
        if values:
            keys |= _ticked_fields(row, values)
        if len(keys) < 2 or (name_key is not None and name_key not in keys):
            continue
        if best is None or len(keys) > len(best.keys):
            best = HeaderMatch(row=index, keys=keys, texts=[join_lines(t) for t in row if t.strip()])
    return best


def _ticked_fields(row: list[str], values: TickValues) -> set[str]:
    """The fields a header row names by their values, one ticked column each ('直接取消审批' | '审批改为备案' | …,
    with no '改革方式' above): two values or more of one field, read as a value of no other (ticks.py)."""
    counts: dict[str, set[str]] = {}
    for text in row:
        hit = values.value_of(text, None) if text else None
        if hit is not None:
            counts.setdefault(hit[0], set()).add(hit[1])
    return {key for key, named in counts.items() if len(named) >= 2}


def header_rows(grid: Grid, header: int, schema: Schema) -> int:
    """2 when the row under the header is a second header row (e.g. '层级' | '权限' under a merged cell, or the
    values of a field published as ticked columns, '直接取消审批' | '审批改为备案' under '改革方式'), else 1."""
    texts = [t for t in grid.texts(header + 1) if t.strip()]
    if not texts:
        return 1
    values = TickValues(schema)
    return 2 if all(schema.match_header(t) or values.is_value(t) for t in texts) else 1


def data_start(grid: Grid, header: int, rows: int) -> int:
    """The first row under the header: a header cell merged downwards pushes it down too."""
    start = header + rows
    for r0, _c0, r1, _c1 in grid.merges:
        if r0 == header and r1 >= start:
            start = r1 + 1
    return start
