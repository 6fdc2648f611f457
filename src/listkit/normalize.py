"""Text folding for matching, and the cleaning applied to displayed cell text.

Folding is for comparison only (identity keys, header matching); displayed text keeps its own punctuation.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time
from functools import lru_cache
from typing import Any

# Full-width ASCII forms (（ → (, ： → :) and the ideographic space fold to ASCII, as NFKC would; these
# brackets and quotes NFKC leaves alone, so they are unified too.
_FULL_WIDTH = {chr(code): chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)}
_BRACKETS = str.maketrans(
    {
        **_FULL_WIDTH,
        "\u3000": " ",
        "〔": "[",
        "〕": "]",
        "【": "[",
        "】": "]",
        "〖": "[",
        "〗": "]",
        "“": '"',
        "”": '"',
        "‘": "'",
        "’": "'",
        "〈": "<",
        "〉": ">",
        "、": ",",
        "—": "-",
        "–": "-",
    }
)
_LINE_BREAK = re.compile(r"[ \t\u3000]*(?:\r\n|\r|\n)[ \t\u3000]*")


@lru_cache(maxsize=1 << 18)
def fold(text: str) -> str:
    """The comparison form of ``text``: no whitespace, NFKC, brackets and quotes unified, ASCII lower-case."""
    if not text:
        return ""
    # This runs for every record in validation and matching. The common full-width forms are folded by a
    # table; the slower NFKC pass runs only for what is left (① → 1, compatibility ideographs …).
    if not text.isascii():
        text = text.translate(_BRACKETS)
    if not text.isascii() and not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text).translate(_BRACKETS)
    return "".join(text.split()).lower()


def clean_text(text: str) -> str:
    """Displayed text: line endings unified, outer whitespace trimmed, nothing else touched."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.strip()


def clean_value(value: Any) -> str:
    """A raw cell value as displayed text (see clean_text)."""
    if isinstance(value, str):
        return clean_text(value)
    return "" if value is None else cell_text(value).strip()


def join_lines(text: str) -> str:
    """Single-line fields (names, types) break lines only for layout: join them back.

    A space survives only between two Latin letters or digits, where it separates words.
    """
    if "\n" not in text and "\r" not in text:
        return text.strip()

    def glue(match: re.Match[str]) -> str:
        before = match.string[match.start() - 1] if match.start() > 0 else ""
        after = match.string[match.end()] if match.end() < len(match.string) else ""
        return " " if before.isascii() and after.isascii() and before.isalnum() and after.isalnum() else ""

    return _LINE_BREAK.sub(glue, text.strip())


def cell_text(value: Any) -> str:
    """A spreadsheet cell as text: integral floats lose '.0', dates become ISO, None becomes ''."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return repr(value)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ") if value.time() != time(0) else value.date().isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value)


def normalize_seq(text: str) -> str:
    """序号 as written: '1.0' → '1'; '2,3' and '２、３' stay text but with folded separators."""
    stripped = text.strip()
    if not stripped:
        return ""
    try:
        number = float(stripped)
    except ValueError:
        return unicodedata.normalize("NFKC", stripped).replace("、", ",").replace(" ", "")
    return str(int(number)) if number.is_integer() else stripped
