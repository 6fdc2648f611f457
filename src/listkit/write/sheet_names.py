"""Sheet names made from any label — a power type, a department, a schema's title, a file name.

Excel refuses a workbook whose sheet names break its rules, and XlsxWriter raises before writing one: at most 31
characters counted as UTF-16 code units (a rare ideograph beyond the BMP counts twice), none of []:*?/\\, no
apostrophe first or last, not empty, not 'History' (Excel's own), and unique compared without letter case. A
label breaking them comes from the input (a type written as '[注]行政处罚', a department of 40 characters, 'abc'
beside 'ABC'), so each is mended here rather than refused: bad characters become '_', and a name already taken
gets '（2）', '（3）' … before its suffix.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from listkit.cells import label_text

MAX_LENGTH = 31  # UTF-16 code units
RESERVED = "history"
_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
_LINE_BREAKS = re.compile(r"[\t\n\r]+")  # a name is one line (XML reads them in an attribute as spaces)


def excel_length(text: str) -> int:
    return len(text) if text.isascii() else len(text.encode("utf-16-le")) // 2


def _cut(text: str, units: int) -> str:
    """The longest start of ``text`` within ``units`` UTF-16 code units (never half a surrogate pair)."""
    text = text[:units]
    while excel_length(text) > units:
        text = text[:-1]
    return text


def _key(name: str) -> str:
    return name.casefold()  # Excel compares names without case; casefold is at least as strict as its rule


class SheetNames:
    """The names of one workbook's sheets, each valid and unique; ``taken`` are names already in it."""

    def __init__(self, taken: Iterable[str] = ()) -> None:
        self._keys = {_key(name) for name in taken}
        self._next: dict[str, int] = {}  # per first choice, where its count goes on: a thousand twins stay linear

    def take(self, label: str, suffix: str = "") -> str:
        """A name for ``label`` ending in ``suffix`` (e.g. '（254项）', kept whole), not given out before."""
        base = self._clean(label).strip()
        suffix = self._clean(suffix)
        name = self._fit(base, suffix)
        first, number = _key(name), self._next.get(_key(name), 2)
        while not name or _key(name) in self._keys or _key(name) == RESERVED:
            name = self._fit(base, f"（{number}）{suffix}")
            number += 1
        self._next[first] = number
        self._keys.add(_key(name))
        return name

    @staticmethod
    def _clean(text: str) -> str:
        return _FORBIDDEN.sub("_", _LINE_BREAKS.sub(" ", label_text(text)))

    @staticmethod
    def _fit(base: str, suffix: str) -> str:
        name = _cut(base, max(MAX_LENGTH - excel_length(suffix), 0)) + suffix
        name = _cut(name, MAX_LENGTH)  # a suffix longer than the limit on its own
        return name.strip("'")  # an apostrophe cannot start or end a name; one inside is fine
