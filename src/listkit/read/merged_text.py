"""What the cells of a row say when merged ranges cross it.

An item merged over its rows writes its name, 序号 and basis once, in the merge's first cell (its anchor); every
row under the merge reads that text, and whether two rows read one anchor is what tells the row reader that they
belong to one item. Cells under a merge may still hold text of their own (left over from before the merge,
invisible in Excel): it is ignored, as Excel shows it. merges.py finds the anchors; this reads through them.
"""

from __future__ import annotations

from typing import Any

from listkit.normalize import clean_text, clean_value
from listkit.read.grid import Grid
from listkit.read.merges import covered_cells

Anchor = tuple[int, int]


class MergedText:
    def __init__(self, grid: Grid) -> None:
        self.grid = grid
        self.covered = covered_cells(grid.merges, grid.rows)
        self.rows = self.covered.rows()  # the rows some merge covers a cell of
        self._anchor_texts: dict[Anchor, str] = {}

    def own_texts(self, row: int, cells: list[Any]) -> dict[int, str]:
        """Column → cleaned text of the row's cells that hold text and lie under no merge (anchors included)."""
        if row not in self.rows:
            return {
                col: text
                for col, raw in enumerate(cells)
                if raw is not None and raw != "" and (text := clean_value(raw))
            }
        covered = self.covered
        return {
            col: text
            for col, raw in enumerate(cells)
            if raw is not None and raw != "" and (row, col) not in covered and (text := clean_value(raw))
        }

    def cell(self, row: int, col: int | None, own: dict[int, str]) -> tuple[str, Anchor | None, bool]:
        """(text, anchor, own): merged cells read their anchor's text; ``own`` is the row's own texts. The anchor
        is None where the cell says nothing; own is True for a cell that is not under a merge."""
        if col is None:
            return "", None, False
        anchor = self.covered.get((row, col)) if row in self.rows else None
        if anchor is not None:
            text = self._anchor_text(anchor)
            return text, (anchor if text else None), False
        text = own.get(col, "")
        return text, ((row, col) if text else None), True

    def _anchor_text(self, anchor: Anchor) -> str:
        text = self._anchor_texts.get(anchor)
        if text is None:
            text = self._anchor_texts[anchor] = clean_text(self.grid.cell(*anchor))
        return text
