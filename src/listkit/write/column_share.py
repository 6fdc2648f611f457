"""The page width shared out among columns so that the list prints on as few pages as it can.

A row is as tall as its tallest cell, so widening a column helps only the rows whose tallest cell is in it. Room
is handed out a little at a time to the column whose widening saves the most lines over the records (a sample of
them, and always the tallest), lines beyond a page counted ten times over: a record taller than a page would have
to be cut across rows. Line counts follow print_text.paragraph_lines, computed for all records at once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from listkit.write.print_text import KINSOKU_EM, WORDS, text_em

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

SAMPLE = 1500  # records looked at; the tallest TALLEST of them always
TALLEST = 100
STEPS = (0.5, 1.0, 2.0, 4.0)  # em added at a time: a step too small may save nothing where a larger one does
OVER_PAGE = 1000.0  # weight of a line beyond a page: a record taller than a page must be cut across rows


class _Column:
    """One column's paragraphs over the sampled records: widths, unbreakable pieces, and whose they are."""

    def __init__(self, cells: Sequence[str]) -> None:
        import numpy as np

        ems: list[float] = []
        pieces: list[float] = []
        owners: list[int] = []
        for row, text in enumerate(cells):
            for paragraph in text.split("\n") if text else ():
                ems.append(text_em(paragraph))
                words = WORDS.findall(paragraph)
                pieces.append(max((text_em(w) for w in words), default=0.0) + KINSOKU_EM)
                owners.append(row)
        self.rows = len(cells)
        self.ems = np.array(ems)
        self.pieces = np.array(pieces)
        self.owners = np.array(owners, dtype=np.int64)

    def lines(self, width: float) -> npt.NDArray[np.float64]:
        import numpy as np

        if not len(self.ems):
            return np.ones(self.rows)
        filled = np.maximum(width - np.minimum(self.pieces, width / 2), 0.5)
        per = np.where(self.ems <= width, 1.0, np.ceil(self.ems / filled - 1e-9))
        return np.maximum(np.bincount(self.owners, weights=per, minlength=self.rows), 1.0)


def share_room(
    widths: list[float], most: Sequence[float], texts: Sequence[Sequence[str]], room: float, page_lines: int
) -> tuple[list[float], int]:
    """``widths`` (each column's least) widened to fill ``room`` em; ``texts`` per column, ``most`` the widest a
    column usefully gets (its widest line). Also how many of the records looked at are still taller than a page."""
    import numpy as np

    left = room - sum(widths)
    if not texts or not texts[0]:
        return widths, 0
    rows = _sample([[len(text) for text in column] for column in texts])
    columns = [_Column([column[r] for r in rows]) for column in texts]
    current = np.stack([c.lines(w) for c, w in zip(columns, widths, strict=True)], axis=1)
    widths = list(widths)
    tried: dict[tuple[int, float], npt.NDArray[np.float64]] = {}

    def cost(lines: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        return lines + OVER_PAGE * np.maximum(lines - page_lines, 0.0)

    # (Bringing every record onto a page first, and only then saving lines, was tried: where that cannot be done
    # it spends the room on it all the same, and the list took 11% more pages.)
    left = _grow(columns, current, widths, most, left, tried, cost)
    return _spread(widths, most, left), int((current.max(axis=1) > page_lines).sum())


def _grow(
    columns: list[_Column],
    current: npt.NDArray[np.float64],
    widths: list[float],
    most: Sequence[float],
    left: float,
    tried: dict[tuple[int, float], npt.NDArray[np.float64]],
    cost: Callable[[npt.NDArray[np.float64]], npt.NDArray[np.float64]],
) -> float:
    """Widen columns (``widths`` and ``current``, the lines of each row and column, in place) while that lowers
    ``cost``; the room left."""
    import numpy as np

    while True:
        order = np.sort(current, axis=1)
        top, second = order[:, -1], order[:, -2] if current.shape[1] > 1 else np.zeros(len(current))
        tied = current == top[:, None]
        alone = top > second
        # Lines saved per em, first where the column holds a row's one tallest cell; where rows' tallest cells tie
        # (widening one of them alone saves nothing yet), the lines its own tallest cells lose.
        best, choice = (0.0, 0.0), None
        for col, column in enumerate(columns):
            mine = tied[:, col]
            if not mine.any():
                continue
            only = mine & alone
            for step in STEPS:
                if step > left + 1e-9 or widths[col] + step > most[col] + STEPS[-1]:
                    continue
                key = (col, widths[col] + step)
                if key not in tried:
                    tried[key] = column.lines(widths[col] + step)
                after = tried[key]
                saved = float((cost(top[only]) - cost(np.maximum(after[only], second[only]))).sum()) / step
                own = float((cost(top[mine]) - cost(after[mine])).sum()) / step
                if (saved, own) > best and (saved > 1e-9 or own > 1e-9):
                    best, choice = (saved, own), (col, step)
        if choice is None:
            break
        col, step = choice
        widths[col] += step
        left -= step
        current[:, col] = tried[(col, widths[col])]
    return left


def _spread(widths: list[float], most: Sequence[float], left: float) -> list[float]:
    """Room nothing measurable gains from, given evenly to the columns still narrower than their widest line."""
    while left > 0.01:
        open_ = [i for i, w in enumerate(widths) if w < most[i] - 0.01]
        if not open_:
            break
        before = sum(widths)
        for i in open_:
            widths[i] = min(widths[i] + left / len(open_), most[i])
        left -= sum(widths) - before
    return widths


def _sample(lengths: list[list[int]]) -> list[int]:
    """Rows to look at: evenly spread over the list, and the ones with the longest texts."""
    count = len(lengths[0])
    if count <= SAMPLE:
        return list(range(count))
    longest = sorted(range(count), key=lambda r: -max(column[r] for column in lengths))[:TALLEST]
    spread = range(0, count, max(1, count // SAMPLE))
    return sorted({*longest, *spread})
