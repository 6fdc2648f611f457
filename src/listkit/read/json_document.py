"""Where in a ``.json`` document the object with a repeated key (or too many keys) stands.

The stdlib json's object_pairs_hook sees every object's pairs but not where the object was written. Only once
the document has been refused is it walked again, one top-level value at a time (each parsed in C): the record
(or the header) whose parsing fails is the one named, by the line it starts on.
"""

from __future__ import annotations

import json
import re

from listkit.read.json_keys import KeyTrouble, checked_pairs

_SPACE = re.compile(r"[ \t\n\r]*")


def trouble_line(text: str) -> int:
    """The line of the top-level value (a record of the list, or a member of the document object) that raises
    KeyTrouble; line 1 where the document object itself repeats a key or nothing fails."""
    decoder = json.JSONDecoder(object_pairs_hook=checked_pairs)
    start = _skip(text, 0)
    at = _in_array(text, start, decoder)[0] if text.startswith("[", start) else _in_object(text, start, decoder)
    return text.count("\n", 0, at if at is not None else 0) + 1


def _skip(text: str, index: int) -> int:
    match = _SPACE.match(text, index)
    assert match is not None  # the pattern matches the empty string
    return match.end()


def _in_array(text: str, index: int, decoder: json.JSONDecoder) -> tuple[int | None, int]:
    """(where the failing element starts or None, the index past the array); ``index`` is at its '['."""
    index = _skip(text, index + 1)
    while not text.startswith("]", index):
        try:
            _value, end = decoder.raw_decode(text, index)
        except KeyTrouble:
            return index, index
        index = _skip(text, end)
        if text.startswith(",", index):
            index = _skip(text, index + 1)
    return None, index + 1


def _in_object(text: str, index: int, decoder: json.JSONDecoder) -> int | None:
    """The document object ``{"listkit": …, "records": […]}``, member by member, arrays element by element."""
    seen: set[str] = set()
    index = _skip(text, index + 1)
    while text.startswith('"', index):
        key, end = decoder.raw_decode(text, index)
        if key in seen:
            return index
        seen.add(key)
        index = _skip(text, _skip(text, end) + 1)  # past the ':'
        if text.startswith("[", index):
            found, end = _in_array(text, index, decoder)
        else:
            try:
                _value, end = decoder.raw_decode(text, index)
            except KeyTrouble:
                return index
            found = None
        if found is not None:
            return found
        index = _skip(text, end)
        if text.startswith(",", index):
            index = _skip(text, index + 1)
    return None
