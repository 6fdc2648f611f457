"""Rows inside a table that are not records: notes, section headings and headers repeated inside the data.

Publishers write notes under the table ('注：…', '填表说明'), head each power type's block with a row of its own
('一、行政许可（11项）', whose type the records under it take) or each block of a schema's section field
('一、中央层面设定的行政许可事项', merged across the table: the 设定层级 the records under it take), and paste the
header again at every page break.
Each is recognised here by its shape, never by a particular file's text; the row reader skips it and says why
in the sheet's layout.
"""

from __future__ import annotations

import re

from listkit.normalize import join_lines
from listkit.read.sheet_plan import SheetPlan
from listkit.vocabulary import CHINESE_NUMERALS, COUNT_PREFIX, COUNT_WORD, NOTE_WORDS, alternatives

# A note word, then a colon or the number of its first point ('注：', '说明1.', '备注一、').
NOTE_PREFIX = re.compile(rf"^\s*({alternatives(NOTE_WORDS)})\s*[:：\d{CHINESE_NUMERALS[:3]}、.]")
_SECTION_NUMBER = re.compile(rf"^[{CHINESE_NUMERALS}\d]+[、.．]\s*")
_TRAILING_GLOSS = re.compile(r"[（(][^）)]*[）)]$")
# A count after a heading: '（52项）', '(共3项)'.
_TRAILING_COUNT = re.compile(rf"\s*[（(]\s*{COUNT_PREFIX}?\s*\d+\s*{COUNT_WORD}\s*[）)]$")
# Header cells are short: a longer cell is data, whatever it says.
_HEADER_MAX_CHARS = 20


def is_note(plan: SheetPlan, own: dict[int, str]) -> bool:
    """A row whose first cell starts a note, unless that cell is the item name (an item may be called '说明…')."""
    first_col = min(own)
    if plan.name_col is not None and plan.name_col in own and first_col == plan.name_col:
        return False
    return bool(NOTE_PREFIX.match(own[first_col]))


def section_type(plan: SheetPlan, own: dict[int, str]) -> str | None:
    """The power type a row holding only a type ('一、行政许可（11项）') heads a section of; else None."""
    name_col = plan.name_col
    if len(set(own.values())) != 1 or (name_col is not None and name_col in own and len(own) > 1):
        return None
    text = next(iter(own.values()))
    stripped = _TRAILING_GLOSS.sub("", _SECTION_NUMBER.sub("", text)).strip()
    return plan.types.canonical(stripped) if stripped else None


def section_heading(plan: SheetPlan, row: int, own: dict[int, str]) -> str | None:
    """The heading of a section, without its numbering and count, that a row holding only it writes when the
    schema has fields such headings fill (x-section); else None. Numbered ('二、地方性法规设定的行政许可事项') or
    merged across columns: a row holding only an item's name is a record that leaves the rest blank."""
    if not plan.schema.section_keys or len(set(own.values())) != 1:
        return None
    name_col = plan.name_col
    if name_col is not None and name_col in own and len(own) > 1:
        return None
    col, text = min(own.items())
    numbered = _SECTION_NUMBER.match(text)
    if not numbered and not _spans_columns(plan, row, col):
        return None
    heading = _TRAILING_COUNT.sub("", _SECTION_NUMBER.sub("", text)).strip()
    return heading or None


def _spans_columns(plan: SheetPlan, row: int, col: int) -> bool:
    """Whether the cell at (row, col) is the anchor of a merge over several columns."""
    return any(r0 == row and c0 == col and c1 > c0 for r0, c0, _r1, c1 in plan.grid.merges)


def is_repeated_header(plan: SheetPlan, own: dict[int, str]) -> bool:
    """A header repeated inside the data (page headers pasted between blocks): the name cell is the name's header
    and most short cells are their column's header."""
    schema, fields = plan.schema, plan.columns.fields
    name = own.get(plan.name_col) if plan.name_col is not None else None
    if name is None or len(name) > _HEADER_MAX_CHARS or schema.match_header(name) != fields[plan.name_col or 0]:
        return False
    matched = sum(
        1
        for col, text in own.items()
        if len(text) <= _HEADER_MAX_CHARS and fields.get(col) == schema.match_header(text)
    )
    return matched >= max(2, len(own) // 2 + 1)


def first_text(own: dict[int, str]) -> str:
    """A skipped row's text as the layout quotes it: its first cell, shortened."""
    return join_lines(own[min(own)])[:60]
