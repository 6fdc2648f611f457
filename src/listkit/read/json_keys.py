"""Limits on a JSON line, and keys written twice in one object, told before (or beside) the parsers.

Limits. A line is refused past MAX_LINE_BYTES, and past MAX_KEYS keys, before any parser holds it: a 200 MB
line cost 36 s and 4.8 GB to read and validate, a line of 10⁶ keys hung polars. What a record can need: the
schema's ~20 fields, each at most one workbook cell of 32,767 characters — 3 bytes each in CJK text, so ~2 MB
for a record filled to the brim, ~4 MB where a foreign tool writes ``\\uXXXX`` escapes; real records are 0.5–2 KB.
16 MB leaves 4× the worst of those and keeps what a line near the limit costs downstream to seconds (a 60 MB
text took validate 25 s and 1.5 GB). Keys: one per column of the sheet the record came from (an Excel sheet and
a CSV listkit reads stop at 16,384 columns; the unknown ones become ``extra``) plus the schema's ~20, ``raw`` and
``source`` — 20,000 is above anything an import can write, and a line that holds more is not a list record.

Duplicate keys. orjson keeps the last value of a repeated key and polars the first, both without a word, so
the same line could read two ways; a repeated key is refused, the line named. Every member is written as a
string, optional whitespace and ':' — so the '"' + ':' sequences in a line are at least the members written (more
where a text value holds '\\":'). A parsed object holds at most the members written, fewer exactly when a key
repeats. So where that count equals the members parsed, no key repeats; only other lines are parsed again by the
stdlib json with a hook that sees every pair (the exact check).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import partial
from typing import IO, Any

from listkit.errors import InputError

MAX_LINE_BYTES = 16 * 1024**2
MAX_KEYS = 20_000
_MIN_MEMBER_BYTES = 5  # '"":0,' — no member is written in fewer bytes
_KEY_END = re.compile(rb'"[ \t\r\n]*:')
STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)


def bounded_lines(handle: IO[bytes]) -> Iterator[bytes]:
    """The file's lines, none held longer than MAX_LINE_BYTES + 1 bytes: an overlong line arrives as a first
    piece over the limit (and is refused there), never whole in memory. Read in C, as fast as iterating."""
    return iter(partial(handle.readline, MAX_LINE_BYTES + 1), b"")


def check_line(line: bytes, file: str, number: int) -> None:
    """Refuse a line over the length limit, or holding more than MAX_KEYS keys, before a parser sees it."""
    if len(line) > MAX_LINE_BYTES:
        raise InputError("json-line-too-long", file=file, row=number, limit=f"{MAX_LINE_BYTES // 1024**2} MB")
    # A shorter line cannot hold that many members; every member has a ':', so the colons bound them above.
    if len(line) > MAX_KEYS * _MIN_MEMBER_BYTES and line.count(b":") > MAX_KEYS and _over_key_limit(line):
        raise InputError("json-too-many-keys", file=file, row=number, limit=f"{MAX_KEYS:,}")


def _over_key_limit(line: bytes) -> bool:
    """Outside strings a ':' only ever ends a key: count those, string by string, until past the limit
    (STRING.sub on a line of a million keys would hold 350 MB of pieces)."""
    count = end = 0
    for match in STRING.finditer(line):
        count += line.count(b":", end, match.start())
        if count > MAX_KEYS:
            return True
        end = match.end()
    return count + line.count(b":", end) > MAX_KEYS


def check_duplicates(line: bytes, value: dict[str, Any], file: str, number: int) -> None:
    """Refuse a line whose text repeats a key in one object (``value`` is the line as orjson parsed it)."""
    if len(_KEY_END.findall(line)) == _members(value):
        return
    key = repeated_key(line)
    if key is not None:
        raise InputError("json-duplicate-key", file=file, row=number, name=key)


def _members(value: dict[str, Any]) -> int:
    """Members of the object and of the objects right inside it (a record's source, raw, extra); deeper ones
    are not counted, which only sends such a line to the exact check."""
    count = len(value)
    for item in value.values():
        if type(item) is dict:
            count += len(item)
    return count


class KeyTrouble(Exception):
    """A key written twice in one object, or an object over MAX_KEYS keys."""

    def __init__(self, key: str | None = None) -> None:
        super().__init__(key)
        self.key = key  # None: too many keys

    def error(self, file: str, row: int) -> InputError:
        if self.key is not None:
            return InputError("json-duplicate-key", file=file, row=row, name=self.key)
        return InputError("json-too-many-keys", file=file, row=row, limit=f"{MAX_KEYS:,}")


def checked_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """object_pairs_hook for the stdlib json: the object, or KeyTrouble."""
    if len(pairs) > MAX_KEYS:
        raise KeyTrouble()
    value = dict(pairs)
    if len(value) != len(pairs):
        seen: set[str] = set()
        for key, _item in pairs:
            if key in seen:
                raise KeyTrouble(key)
            seen.add(key)
    return value


def repeated_key(line: bytes) -> str | None:
    """The first key the line repeats within one object, if any (None too for text that is not JSON)."""
    try:
        json.loads(line, object_pairs_hook=checked_pairs)
    except KeyTrouble as trouble:
        return trouble.key
    except (ValueError, RecursionError):
        return None
    return None
