"""Records laid out as printed rows and pages: each row sized to its text, page breaks placed by hand.

Calc and Excel print a row on one page and Excel caps a row at 409 pt: a record taller than that is printed on
several rows with each of its cells merged over them, and one taller than a page on several rows each naming the
item again (listkit.continuation). An item's sub-items are merged
under one 序号 and name when the item fits on a page, and start a new page rather than straddle one; an item
taller than a page is printed unmerged, every row naming its item, so a page never starts with nameless rows.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from listkit.continuation import continued_name
from listkit.record import Record
from listkit.write.layout import Column
from listkit.write.print_text import cut, lines_in, lines_needed, round_height, row_height

MAX_ROW_PT = 408.75  # Excel's limit, 409 pt, in whole pixels
MIN_START_LINES = 3  # a record is not begun at a page's foot with less room than this
NEVER_MERGED = ("sub-item", "code")  # differ between an item's sub-items, or identify each one
REPEATED = ("seq", "name", "sub-item", "code", "type")  # what a continuing row repeats (and 部门)


@dataclass
class PrintRow:
    cells: list[str]
    height: float
    page_break: bool = False  # a manual page break above this row


@dataclass
class Block:
    """The rows of one item, and its merged cells as (first row, column, last row) within the block."""

    rows: list[PrintRow] = field(default_factory=list)
    merges: list[tuple[int, int, int]] = field(default_factory=list)


class Pager:
    """Places items on pages of ``page_pt`` (the room under the repeated header; ``first_pt`` on the first)."""

    def __init__(self, columns: Sequence[Column], text_em: Sequence[float], page_pt: float, first_pt: float) -> None:
        self.columns = list(columns)
        self.widths = list(text_em)
        self.page = page_pt
        self.left = first_pt
        self.pages = 1
        self.row_max = min(MAX_ROW_PT, page_pt)
        self.mergeable = [c.spec is None or c.spec.role not in NEVER_MERGED for c in self.columns]
        self.repeated = [c.key == "department" or (c.spec is not None and c.spec.role in REPEATED) for c in columns]
        self.pending_break = False
        self.name_col = next((i for i, c in enumerate(columns) if c.spec is not None and c.spec.role == "name"), None)

    def block(self, cells: list[list[str]]) -> Block:
        """The printed rows of one item, from its records' texts (``cells``: a row of column texts a record)."""
        lines = [[lines_needed(text, w) for text, w in zip(row, self.widths, strict=True)] for row in cells]
        merged = self._merged(cells, lines)
        if merged is not None:
            return merged
        block = Block()
        for row, need in zip(cells, lines, strict=True):
            self._record(block, row, need)
        return block

    def _merged(self, cells: list[list[str]], lines: list[list[int]]) -> Block | None:
        """The item's rows with the texts its sub-items share merged down, if it fits on a page."""
        if len(cells) < 2:
            return None  # one record (most items): nothing to merge
        subs = [row[i] for row in cells for i, c in enumerate(self.columns) if c.spec and c.spec.role == "sub-item"]
        if len(subs) != len(cells) or not all(subs) or len(set(subs)) != len(subs):
            return None  # rows a reader could not tell apart once merged
        shared = [i for i in range(len(self.columns)) if self.mergeable[i] and len({row[i] for row in cells}) == 1]
        heights = [row_height(max((n for i, n in enumerate(need) if i not in shared), default=1)) for need in lines]
        tallest = max((row_height(lines[0][i]) for i in shared), default=0.0)
        if sum(heights) < tallest:  # the merged texts need more room than the rows' own: share it out
            extra = (tallest - sum(heights)) / len(heights)
            heights = [round_height(height + extra) for height in heights]
        if max(heights) > self.row_max or sum(heights) > self.page:
            return None
        self._room_for(sum(heights))
        block = Block(merges=[(0, i, len(cells) - 1) for i in shared])
        for index, (row, height) in enumerate(zip(cells, heights, strict=True)):
            texts = ["" if index and i in shared else text for i, text in enumerate(row)]
            block.rows.append(PrintRow(texts, height, self._take_break()))
        self.left -= sum(heights)
        return block

    def _record(self, block: Block, cells: list[str], need: list[int]) -> None:
        height = row_height(max(need))
        if height <= self.page:
            # Taller than Excel allows a row: on rows merged into one cell each, which read back as one record.
            parts = math.ceil(height / self.row_max)
            part = round_height(height / parts)
            self._room_for(part * parts)
            top = len(block.rows)
            block.rows.append(PrintRow(cells, part, self._take_break()))
            block.rows.extend(PrintRow([""] * len(cells), part) for _ in range(parts - 1))
            if parts > 1:
                block.merges.extend((top, col, top + parts - 1) for col in range(len(cells)))
            self.left -= part * parts
            return
        # Printed on several rows: each following one repeats the item's 序号, 部门 and sub-item, "名称（续）".
        again = [text if self.repeated[i] else "" for i, text in enumerate(cells)]
        if self.name_col is not None:
            again[self.name_col] = continued_name(cells[self.name_col])
        pending = cells
        while True:
            whole = [
                lines_needed(t, w) for i, (t, w) in enumerate(zip(pending, self.widths, strict=True)) if self._whole(i)
            ]
            fixed = max(whole, default=1)
            if lines_in(min(self.left, self.row_max)) < max(MIN_START_LINES, fixed):
                self._new_page()
            row, rest = self._fill(pending, lines_in(min(self.left, self.row_max)))
            height = row_height(max(lines_needed(t, w) for t, w in zip(row, self.widths, strict=True)))
            block.rows.append(PrintRow(row, height, self._take_break()))
            self.left -= height
            if not any(rest):
                return
            pending = [again[i] if self.repeated[i] else text for i, text in enumerate(rest)]

    def _whole(self, col: int) -> bool:
        """Whether a column's text is never cut: names and other one-line fields are printed whole on a row."""
        spec = self.columns[col].spec
        return self.repeated[col] or (spec is not None and spec.single_line)

    def _fill(self, pending: list[str], room: int) -> tuple[list[str], list[str]]:
        """One row of a record printed on several: what fits of each text in ``room`` lines, and what is left."""
        row, rest = [], []
        for i, (text, width) in enumerate(zip(pending, self.widths, strict=True)):
            pieces = None if self._whole(i) or lines_needed(text, width) <= room else cut(text, width, room)
            row.append(text if pieces is None else pieces[0])
            rest.append("" if pieces is None else pieces[1])
        return row, rest

    def _room_for(self, height: float) -> None:
        if height > self.left:
            self._new_page()

    def _new_page(self) -> None:
        self.left = self.page
        self.pages += 1
        self.pending_break = True

    def _take_break(self) -> bool:
        taken, self.pending_break = self.pending_break, False
        return taken


def column_value(record: Record, column: Column) -> str:
    """A record's text in a printed column: a field, its department, or a column kept from its inputs."""
    if column.extra:
        return record.extra.get(column.key, "")
    return (record.department or "") if column.key == "department" else record.values.get(column.key, "")
