"""Paper, scale and column widths of a printed list: body text at 8 pt printed at 100%, on the smallest of A4
portrait, A4 landscape and A3 landscape that takes the columns and its records, the width shared out by text
length (column_share).

Spreadsheet column widths are counted in digits of the workbook's Normal font, and each application measures
that digit in the font it has. Verdana is the Normal font here: Excel and WPS have it (9 px digits, 6.75 pt), and
a LibreOffice without it falls back to DejaVu Sans, drawn from the same design (7.0 pt digits). Columns are
fitted to the page at the wider measure and text is wrapped at the narrower one, so both print it whole.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from listkit.write.column_share import share_room
from listkit.write.print_text import BODY_PT, PAD_H_PT, lines_in, text_em, widest_line_em

NORMAL_FONT = {"font_name": "Verdana", "font_size": 11}


def printed_workbook_options() -> dict[str, object]:
    """XlsxWriter options of every workbook listkit lays out for print: text stays text (no formula, number or
    link is guessed from it), and the default font is the unit the column widths are planned in."""
    return {
        "strings_to_formulas": False,
        "strings_to_numbers": False,
        "strings_to_urls": False,
        "default_format_properties": dict(NORMAL_FONT),
    }


WIDE_DIGIT_PT = 7.0  # LibreOffice, DejaVu Sans 11 pt
NARROW_DIGIT_PT = 6.75  # Excel and WPS, Verdana 11 pt at 96 dpi
XLSXWRITER_DIGIT_PX, XLSXWRITER_PAD_PX = 7, 5  # how XlsxWriter turns set_column widths into stored widths
MARGINS_IN = {"left": 0.4, "right": 0.4, "top": 0.5, "bottom": 0.6}
FIT_SAFETY = 0.99  # of the page width: rounding of widths to pixels
SHORT_EM = 8.0  # a column whose values nearly all fit on a line this wide is never wider
TINY_EM = 4.0  # nor, when they fit in this, narrower
LONG_MIN_EM = 3.0  # a column of long texts starts this narrow; share_room widens it as its texts need
NAME_EM = 10.0  # a name column is at least this wide, or as wide as half its typical name
HEADER_ALLOWANCE_PT = 110.0  # the header rows (up to four lines under a group), for the lines a page holds
PAGE_SAFETY = 0.99  # of the page height: what the applications round


@dataclass(frozen=True)
class Paper:
    name: str
    code: int  # Excel's paper size number
    landscape: bool
    width_pt: float
    height_pt: float

    @property
    def text_width_pt(self) -> float:
        return self.width_pt - (MARGINS_IN["left"] + MARGINS_IN["right"]) * 72

    @property
    def text_height_pt(self) -> float:
        return self.height_pt - (MARGINS_IN["top"] + MARGINS_IN["bottom"]) * 72


A4_PORTRAIT = Paper("A4", 9, False, 595.28, 841.89)
A4_LANDSCAPE = Paper("A4", 9, True, 841.89, 595.28)
A3_LANDSCAPE = Paper("A3", 8, True, 1190.55, 841.89)
PAPERS = (A4_PORTRAIT, A4_LANDSCAPE, A3_LANDSCAPE)


@dataclass
class PagePlan:
    paper: Paper
    scale: int  # print scale, percent: 100 unless the columns do not fit even A3
    widths: list[float]  # set_column widths
    text_em: list[float]  # the width text wraps at in each column, em of the body font


@dataclass
class _Need:
    least: float  # em
    most: float  # em: its values' widest line
    short: bool


def plan_page(titles: Sequence[str], texts: Sequence[Sequence[str]], names: Sequence[bool] = ()) -> PagePlan:
    """The page for columns with these headers and values (one sequence of texts per column). ``names`` marks the
    columns that name the items: they are read first, so they get their header's width and most names' on a
    line or two, whatever the long texts beside them need."""
    needs = [_need(title, values) for title, values in zip(titles, texts, strict=True)]
    for need, title, values, is_name in zip(needs, titles, texts, names, strict=False):
        if is_name:
            lengths = sorted(text_em(value) for value in values if value)
            typical = lengths[len(lengths) // 2] / 2 if lengths else 0.0
            need.least = max(need.least, text_em(title), min(NAME_EM, math.ceil(typical)))
            need.most = max(need.most, need.least)
    comfortable = sum(n.least if n.short else min(n.most, max(n.least, 14.0)) for n in needs)
    # The smallest paper the columns fit comfortably on and no record outgrows (a record taller than a page must be
    # cut across rows); A3 landscape when none does.
    plans = []
    for paper in [p for p in PAPERS if comfortable <= _room_em(p, len(needs))] or [A3_LANDSCAPE]:
        plans.append(_plan_on(paper, needs, texts))
        if plans[-1][1] == 0:
            break
    (paper, scale, widths), _over = min(plans, key=lambda plan: plan[1])
    return PagePlan(paper, scale, [_set_column_width(em) for em in widths], widths)


def _plan_on(
    paper: Paper, needs: list[_Need], texts: Sequence[Sequence[str]]
) -> tuple[tuple[Paper, int, list[float]], int]:
    """((paper, scale, widths), records taller than a page) for the columns on ``paper``."""
    room = _room_em(paper, len(needs))
    least = sum(n.least for n in needs)
    scale = 100
    if least > room:
        # Not even the narrowest columns fit: print smaller rather than cut columns off the page.
        scale = max(10, math.floor(100 * room / least))
        room = _room_em(paper, len(needs), scale)
    widths = [n.least * min(1.0, room / least) for n in needs]
    page_lines = lines_in(paper.text_height_pt * 100 / scale * PAGE_SAFETY - HEADER_ALLOWANCE_PT)
    widths, over = share_room(widths, [n.most for n in needs], texts, room, page_lines)
    return (paper, scale, [math.floor(w * 4) / 4 for w in widths]), over


def _need(title: str, values: Sequence[str]) -> _Need:
    lines = sorted(widest_line_em(value) for value in values if value)
    header = max(2.0, math.ceil(max(text_em(line) for line in title.split("\n")) / 2))  # a header on two lines
    if not lines:
        return _Need(header, header, True)
    typical = lines[min(len(lines) - 1, int(len(lines) * 0.95))]
    if typical <= SHORT_EM:
        # Tiny values (序号, a type) on one line; others start at their header's width and are widened only
        # where that saves lines (share_room).
        width = max(header, math.ceil(typical))
        return _Need(width if typical <= TINY_EM else header, width, True)
    return _Need(max(header, LONG_MIN_EM), max(header, LONG_MIN_EM, lines[-1]), False)


def _room_em(paper: Paper, columns: int, scale: int = 100) -> float:
    """The text width the page has for all columns together, em at the narrow measure (see module doc)."""
    page = paper.text_width_pt * FIT_SAFETY * 100 / scale
    stored = page / WIDE_DIGIT_PT
    return (stored * NARROW_DIGIT_PT - columns * PAD_H_PT) / BODY_PT


def _set_column_width(em: float) -> float:
    """The set_column width whose column wraps text at ``em`` in Excel and WPS."""
    stored = (em * BODY_PT + PAD_H_PT) / NARROW_DIGIT_PT
    pixels = stored * XLSXWRITER_DIGIT_PX
    return math.ceil((pixels - XLSXWRITER_PAD_PX) / XLSXWRITER_DIGIT_PX * 100) / 100
