"""How wrapped cell text takes room on paper, and where to cut a text that does not fit.

Measured for the fonts a printed 宋体 cell really gets, not only Excel's: where SimSun is missing (LibreOffice and
WPS on Linux) CJK glyphs come from Noto CJK, whose line pitch is 1.45 em against SimSun's 1.15, and Latin glyphs
from DejaVu Sans, whose digits are 0.64 em against SimSun's 0.5. Every figure below takes the larger, so a row
sized here holds its text in all of them. Widths are in em of the body font.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from listkit.continuation import CONTINUED_TEXT

BODY_PT = 8.0  # printed at 100%: 8 pt type (its glyph boxes measure 10.4 pt), the least the issue allows
LINE_EM = 1.45  # Noto CJK's line pitch (LibreOffice prints 13.0 pt lines at 9 pt)
PAD_V_PT = 3.0  # a cell's top and bottom padding together
PAD_H_PT = 3.0  # its left and right padding together
ROW_STEP_PT = 0.75  # row heights are kept in whole pixels at 96 dpi: LibreOffice rounds 20 pt up to 20.25
# Latin in DejaVu Sans: capitals up to 0.78 em, digits and small letters about 0.64 em.
UPPER_EM = 0.78
ASCII_EM = 0.64
_UPPER = re.compile(r"[A-Z]")
WORDS = re.compile(r"[!-~]+")
# A line may not start with closing punctuation: its previous character moves down with it, wasting up to 1 em.
KINSOKU_EM = 1.0
WRAP_SAFETY = 0.999  # of a line's width: widths are measured at the narrower of the applications already
_OPENING = "（《「『【〔“‘(\\["
_CLOSING = "，。、；：？！）》」』】〕”’…·,.;:?!)\\]"
# A unit wrapping keeps whole: a Latin word, a space or one other character, with the punctuation held to it.
_TOKEN = re.compile(f"[{_OPENING}]*(?:[!-~]+|\\s|[^\\s!-~])[{_CLOSING}]*")


# Cached, as are widest_line_em and lines_needed below: a province repeats its catalogue's texts in every county,
# and a publication measures each cell several times (planning the widths, sizing the row, placing the page).
@lru_cache(maxsize=1 << 18)
def text_em(text: str) -> float:
    """The width of a text on one line: CJK and other non-ASCII characters 1 em, Latin as DejaVu Sans."""
    ascii_count = len(text.encode("ascii", "ignore"))
    if not ascii_count:
        return float(len(text))
    upper = len(_UPPER.findall(text))
    return (len(text) - ascii_count) + upper * UPPER_EM + (ascii_count - upper) * ASCII_EM


@lru_cache(maxsize=1 << 18)
def widest_line_em(text: str) -> float:
    """The width of a text's longest line."""
    return max(text_em(line) for line in text.split("\n"))


@lru_cache(maxsize=1 << 17)
def paragraph_lines(paragraph: str, width: float) -> int:
    """Lines a paragraph wraps to in a column ``width`` em wide, wrapped as the applications wrap it: between CJK
    characters, at spaces between Latin words (a code, a year), never before closing or after opening
    punctuation (they travel with their neighbour); a word longer than a line is broken inside it."""
    if text_em(paragraph) <= width:
        return 1
    room = width * WRAP_SAFETY
    lines, used = 1, 0.0
    for token in _TOKEN.findall(paragraph):
        size = _token_em(token)
        if token.isspace():
            used = min(used + size, room)  # a space at a line's end hangs in the margin
        elif used + size <= room:
            used += size
        elif size <= room:
            lines, used = lines + 1, size
        else:
            if used:
                lines += 1
            whole = math.ceil(size / room)
            lines, used = lines + whole - 1, size - (whole - 1) * room
    return lines


def _token_em(token: str) -> float:
    if len(token) == 1:
        return 1.0 if ord(token) > 127 else (UPPER_EM if "A" <= token <= "Z" else ASCII_EM)
    return text_em(token)


@lru_cache(maxsize=1 << 18)
def lines_needed(text: str, width: float) -> int:
    """Lines a cell's text needs; a line break in the text starts a new line."""
    if not text:
        return 1
    return sum(paragraph_lines(paragraph, width) for paragraph in text.split("\n"))


def row_height(lines: int, size: float = BODY_PT) -> float:
    """Points a row of ``lines`` lines needs, rounded up to what a spreadsheet keeps."""
    return round_height(lines * size * LINE_EM + PAD_V_PT)


def round_height(points: float) -> float:
    return math.ceil(points / ROW_STEP_PT - 1e-9) * ROW_STEP_PT


def lines_in(points: float, size: float = BODY_PT) -> int:
    """How many lines a row of ``points`` holds."""
    return max(0, math.floor((points - PAD_V_PT - ROW_STEP_PT) / (size * LINE_EM) + 1e-9))  # row_height rounds up


def cut(text: str, width: float, lines: int) -> tuple[str, str] | None:
    """``text`` as (what fits in ``lines`` lines, the rest as written in the cell that continues it), or None when
    not even a line fits. The rest continues on a new line where the cut falls between lines of the text, and
    starts with CONTINUED_TEXT where it falls inside one: read back, the pieces join to the text exactly."""
    if lines < 1:
        return None
    paragraphs = text.split("\n")
    before = [0]  # lines the paragraphs before each one take
    for paragraph in paragraphs:
        before.append(before[-1] + (paragraph_lines(paragraph, width) if paragraph else 1))
    if before[-1] <= lines:
        return None  # it all fits: nothing to cut
    index = max(k for k in range(len(paragraphs)) if before[k] <= lines)  # the paragraph that does not fit
    # Walking back from there: between paragraphs where that loses little room and the reader can rebuild it
    # (no whitespace lost at the cut, no rest that would read as marked), else inside a paragraph.
    for k in range(index, -1, -1):
        room = lines - before[k]
        clean = k > 0 and _clean_between(paragraphs, k)
        if clean and k == index and room * 3 < lines:
            return "\n".join(paragraphs[:k]), "\n".join(paragraphs[k:])
        # A text that itself continues one (it starts with the mark) keeps its mark whole in its first piece.
        keep = len(CONTINUED_TEXT) if k == 0 and text.startswith(CONTINUED_TEXT) else 0
        inside = _cut_inside(paragraphs[k], width, room, keep + 1)
        if inside is not None:
            first, second = inside
            head = "\n".join([*paragraphs[:k], first])
            return head, CONTINUED_TEXT + "\n".join([second, *paragraphs[k + 1 :]])
        if clean:
            return "\n".join(paragraphs[:k]), "\n".join(paragraphs[k:])
    return None


def _clean_between(paragraphs: list[str], k: int) -> bool:
    head, rest = paragraphs[k - 1], paragraphs[k]
    return (
        bool(head)
        and bool(rest)
        and not head[-1].isspace()
        and not rest[0].isspace()
        and (not rest.startswith(CONTINUED_TEXT))
    )


def _cut_inside(paragraph: str, width: float, lines: int, least: int) -> tuple[str, str] | None:
    """A paragraph cut so its first part (``least`` characters or more) fits ``lines`` lines: after punctuation
    where one is near, never next to whitespace (the cells' outer whitespace is trimmed when read)."""
    if lines < 1 or len(paragraph) <= least:
        return None
    low, high = least, len(paragraph) - 1
    while low < high:  # the longest prefix that fits
        middle = (low + high + 1) // 2
        if paragraph_lines(paragraph[:middle], width) <= lines:
            low = middle
        else:
            high = middle - 1
    if paragraph_lines(paragraph[:low], width) > lines:
        return None
    at = low
    for back in range(low, max(low - 12, least - 1), -1):
        if paragraph[back - 1] in "，。；：、,.;:）)》":
            at = back
            break
    while at >= least and (paragraph[at - 1].isspace() or paragraph[at].isspace()):
        at -= 1
    if at < least:
        return None
    return paragraph[:at], paragraph[at:]
