"""Text as listkit writes it into a spreadsheet or CSV cell: never run as a formula, never a character XML cannot
hold, and read back by listkit as exactly the text it was.

Formulas (OWASP "CSV injection"). Excel, LibreOffice and WPS run a cell whose text starts with = + - or @ as a
formula — tab and CR first too, which they skip. In xlsx every text is written as a string cell (XlsxWriter
``write_string``, openpyxl ``data_type = "s"``: ``xlsx_cell``), which nothing evaluates, so the text stays as it
is. CSV has no cell types: such a text gets a leading apostrophe, the mark Excel itself uses for "text, not a
formula" (``csv_cell``). Full-width ＝＋－＠ are guarded as well: LibreOffice does not evaluate them (checked), but
a CJK input method turns what is typed into the ASCII operators, and an apostrophe costs nothing. A text that
already starts with apostrophes before one of these gets one more, so that ``csv_text_read`` takes exactly one
away and every text comes back.

Control characters. XML 1.0 cannot hold C0 controls other than tab, LF and CR; a NUL in a CSV makes it a binary
file (listkit's reader refuses it). They are written in the form Excel uses, ``_xHHHH_``, in xlsx and CSV alike;
a text that already looks like that form has its underscore written ``_x005F_`` so it is not taken for one.
Excel, LibreOffice and python-calamine read the form back in xlsx (XlsxWriter writes it by itself; the openpyxl
writers get it from ``xlsx_text``), and listkit's CSV reader decodes it, so nothing is lost. Each cell holding
such a character is counted in the ``tallied()`` block around the write, so the command can say how many.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
GUARD = "'"
_FIRST_CHARS = frozenset("".join(FORMULA_STARTS) + GUARD)

# Characters XML 1.0 cannot hold (C0 controls but tab, LF, CR): what the warning counts.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_CSV_CONTROLS = r"[\x00-\x08\x0b\x0c\x0e-\x1f]"
_XML_CONTROLS = r"[\x00-\x08\x0b-\x1f]"  # CR too, which an XML parser would read back as LF


def _special(controls: str) -> re.Pattern[str]:
    """Controls, and the underscore of a text that would read as an escape: '_x0041_', or '_x0041' before a control
    (whose own escape then supplies the closing underscore)."""
    return re.compile(f"{controls}|_(?=x[0-9A-Fa-f]{{4}}(?:_|{controls}))")


_CSV_SPECIAL = _special(_CSV_CONTROLS)
_XML_SPECIAL = _special(_XML_CONTROLS)
_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")


@dataclass
class Tally:
    controls: int = 0  # cells written holding a control character (in the _xHHHH_ form)


_tally: ContextVar[Tally | None] = ContextVar("listkit_cell_tally", default=None)


@contextmanager
def tallied() -> Iterator[Tally]:
    """Count, for the writes inside the block, the cells whose control characters were escaped."""
    tally = Tally()
    token = _tally.set(tally)
    try:
        yield tally
    finally:
        _tally.reset(token)


def note_controls(text: str) -> None:
    """Count ``text`` if it holds a control character; for writers whose library escapes it (XlsxWriter)."""
    if _CONTROL.search(text):
        tally = _tally.get()
        if tally is not None:
            tally.controls += 1


def note_controls_in(texts: list[str]) -> None:
    """``note_controls`` for many texts: one search over them all, each text looked at only when one holds a control
    (a line break is not one, so it joins them without making a match)."""
    if _CONTROL.search("\n".join(texts)):
        for text in texts:
            note_controls(text)


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    return f"_x{ord(char):04X}_" if char != "_" else "_x005F_"


def xlsx_text(text: str) -> str:
    """The text an openpyxl string cell is given: control characters, CR and escape-like texts escaped, as
    XlsxWriter does by itself (openpyxl refuses controls, and writes '_x0041_' as calamine will read 'A')."""
    if not _XML_SPECIAL.search(text):
        return text
    note_controls(text)
    return _XML_SPECIAL.sub(_escape, text)


def csv_cell(text: str) -> str:
    """A CSV field: control characters and escape-like texts escaped, formula-like text guarded."""
    if _CSV_SPECIAL.search(text):
        note_controls(text)
        text = _CSV_SPECIAL.sub(_escape, text)
    return GUARD + text if text[:1] in _FIRST_CHARS and text.lstrip(GUARD).startswith(FORMULA_STARTS) else text


def csv_text_read(text: str) -> str:
    """What ``csv_cell`` was given: one guard apostrophe taken away, escapes decoded."""
    if text[:1] == GUARD and text.lstrip(GUARD).startswith(FORMULA_STARTS):
        text = text[1:]
    return _ESCAPED.sub(_unescape, text) if "_x" in text else text


def _unescape(match: re.Match[str]) -> str:
    code = int(match.group(1), 16)
    return match.group() if 0xD800 <= code <= 0xDFFF else chr(code)  # a lone surrogate is no text: kept as written


def label_text(text: str) -> str:
    """A title in the document properties, a comment, a sheet name: labels, not data, so controls are left out."""
    return _CONTROL.sub("", text)
