"""Merged ranges as ranges: which cell a merged cell reads its text from, without a dict entry per merged cell.

A merge may be drawn over a whole sheet (`A8:XFD1048576`, 17 billion cells) above twenty rows of data. Expanded
cell by cell that costs gigabytes. Here merges are first clipped to the cells that exist; the small ones (all a
real list has: an item merged over its rows) are still expanded into a dict, whose lookups the row reader makes
for every cell; a large one is indexed as a range instead, costing the smaller of its height and width: a wide
merge is listed under each of its rows, a tall one under each of its columns, and a cell is found by bisection.

Excel never writes overlapping merges (it repairs such a file on opening); a file may. Small merges keep the
old rule (the later one wins a cell); of large ones that overlap, the one starting higher (then further left)
is kept, so that every cell has one anchor.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left, bisect_right
from collections.abc import Container, Iterable, Sequence
from typing import Any

from listkit.read.column_rows import ColumnRows

Merge = tuple[int, int, int, int]  # first row, first column, last row, last column; zero-based, inclusive
Cell = tuple[int, int]
SMALL_AREA = 4096  # cells a merge may cover and still be expanded
EXPANDED_BUDGET = 4_000_000  # cells expanded in all: past this, merges are indexed as ranges however small


def covered_cells(merges: Sequence[Merge], rows: Sequence[Sequence[Any]]) -> Covered:
    """Covered cell → its merge's anchor, for a sheet's rows (merges clipped to them)."""
    width = rows.width if isinstance(rows, ColumnRows) else max(map(len, rows), default=0)
    small: list[Merge] = []
    large: list[Merge] = []
    budget = EXPANDED_BUDGET
    for merge in clip(merges, len(rows), width):
        area = (merge[2] - merge[0] + 1) * (merge[3] - merge[1] + 1)
        if area <= SMALL_AREA and area <= budget:
            small.append(merge)
            budget -= area
        else:
            large.append(merge)
    return Covered(small) if not large else RangedCovered(small, large, rows)


def clip(merges: Iterable[Merge], rows: int, cols: int) -> list[Merge]:
    """Merges cut to the first ``rows`` × ``cols`` cells; those starting outside, or left one cell, dropped."""
    clipped = []
    for r0, c0, r1, c1 in merges:
        r1, c1 = min(r1, rows - 1), min(c1, cols - 1)
        if 0 <= r0 <= r1 and 0 <= c0 <= c1 and (r1 > r0 or c1 > c0):
            clipped.append((r0, c0, r1, c1))
    return clipped


def disjoint(merges: Iterable[Merge]) -> list[Merge]:
    """The merges that overlap none kept before them, sweeping down the rows (then left to right)."""
    kept: list[Merge] = []
    open_starts: list[int] = []  # first columns of the merges reaching the current row, sorted (they are disjoint)
    open_ends: list[int] = []  # … their last columns, in the same order
    closing: list[tuple[int, int]] = []  # (last row, first column): when each open merge stops reaching down
    for merge in sorted(set(merges)):
        r0, c0, _r1, c1 = merge
        while closing and closing[0][0] < r0:
            _last, start = heapq.heappop(closing)
            at = bisect_left(open_starts, start)
            del open_starts[at], open_ends[at]
        at = bisect_left(open_starts, c0)
        if (at and open_ends[at - 1] >= c0) or (at < len(open_starts) and open_starts[at] <= c1):
            continue
        open_starts.insert(at, c0)
        open_ends.insert(at, c1)
        heapq.heappush(closing, (merge[2], c0))
        kept.append(merge)
    return kept


class Covered(dict[Cell, Cell]):
    """Covered cell → the anchor (first cell) of its merge; the anchor itself is not covered. A plain dict of
    every covered cell when all merges are small."""

    def __init__(self, small: Iterable[Merge]) -> None:
        super().__init__()
        for r0, c0, r1, c1 in small:
            anchor = (r0, c0)
            for r in range(r0, r1 + 1):
                for c in range(c0, c1 + 1):
                    if (r, c) != anchor:
                        self[(r, c)] = anchor

    def rows(self) -> Container[int]:
        """The rows holding a covered cell."""
        return {row for row, _col in self}


class RangedCovered(Covered):
    """Covered cells of small merges in the dict; large merges as ranges, looked up by bisection. Their covered
    cells that hold something are in the dict too, so the row reader's test of a filled cell stays a dict
    lookup; any other cell goes through get() or `in`, which look in both."""

    def __init__(self, small: Iterable[Merge], large: Iterable[Merge], rows: Sequence[Sequence[Any]]) -> None:
        super().__init__(small)
        by_row: dict[int, list[Merge]] = {}
        by_col: dict[int, list[Merge]] = {}
        spans: list[tuple[int, int]] = []
        kept = disjoint(large)
        for merge in kept:
            r0, c0, r1, c1 = merge
            if r1 - r0 <= c1 - c0:
                for row in range(r0, r1 + 1):
                    by_row.setdefault(row, []).append(merge)
            else:
                for col in range(c0, c1 + 1):
                    by_col.setdefault(col, []).append(merge)
            # Rows holding a covered cell: the first row only if the merge is wider than its anchor.
            spans.append((r0 if c1 > c0 else r0 + 1, r1))
        self._by_row = {row: _Sorted(found, 1) for row, found in by_row.items()}
        self._by_col = {col: _Sorted(found, 0) for col, found in by_col.items()}
        self._spans = spans
        for r0, c0, r1, c1 in kept:
            for r in range(r0, r1 + 1):
                cells = rows[r][c0 : c1 + 1]
                if cells.count(None) + cells.count("") == len(cells):
                    continue  # the usual row under a large merge: nothing in it (counted at C speed)
                for c, value in enumerate(cells, c0):
                    if value is not None and value != "" and (r, c) != (r0, c0):
                        dict.setdefault(self, (r, c), (r0, c0))

    def rows(self) -> Container[int]:
        return _Rows(self._spans, super().rows())

    def get(self, cell: Cell, default: Cell | None = None) -> Cell | None:  # type: ignore[override]
        found = super().get(cell)
        if found is not None:
            return found
        row, col = cell
        merge = _find(self._by_row.get(row), col) or _find(self._by_col.get(col), row)
        if merge is None or (merge[0], merge[1]) == cell:
            return default
        return merge[0], merge[1]

    def __contains__(self, cell: object) -> bool:
        return isinstance(cell, tuple) and self.get(cell) is not None


def _find(merges: _Sorted | None, at: int) -> Merge | None:
    if merges is None:
        return None
    index = bisect_right(merges.starts, at) - 1
    if index < 0:
        return None
    merge = merges.merges[index]
    return merge if merge[merges.axis + 2] >= at else None


class _Sorted:
    """Disjoint merges along one row (axis 1: by first column) or one column (axis 0: by first row)."""

    def __init__(self, merges: list[Merge], axis: int) -> None:
        self.merges = sorted(merges, key=lambda merge: merge[axis])
        self.starts = [merge[axis] for merge in self.merges]
        self.axis = axis


class _Rows:
    """The rows holding at least one covered cell: spans of rows (merged into sorted disjoint ones), and rows."""

    def __init__(self, spans: list[tuple[int, int]], rows: Container[int]) -> None:
        self.single = rows
        self.firsts: list[int] = []
        self.lasts: list[int] = []
        for first, last in sorted(span for span in spans if span[0] <= span[1]):
            if self.lasts and first <= self.lasts[-1] + 1:
                self.lasts[-1] = max(self.lasts[-1], last)
            else:
                self.firsts.append(first)
                self.lasts.append(last)

    def __contains__(self, row: object) -> bool:
        if not isinstance(row, int):
            return False
        index = bisect_right(self.firsts, row) - 1
        return (index >= 0 and self.lasts[index] >= row) or row in self.single
