"""Schema ``pattern`` checks on a linear-time engine (RE2), so that no pattern can make validation hang.

Python's ``re`` backtracks: ``^(a+)+$`` on forty 'a's and a '!' takes longer than anyone waits. RE2 answers in
time linear in the text, and refuses what only a backtracking engine can do (backreferences, lookaround): such a
pattern is refused when the schema is loaded, naming the field and the pattern, never run.

Patterns keep the meaning listkit has always given them (Python's, which lists' patterns share with ECMA-262): a
pattern is unanchored, '$' is the end of the text (RE2's '$' already is, without the 'm' flag), and ``\\d``,
``\\w``, ``\\s`` are Unicode-wide as in Python and polars — RE2's own are ASCII, so they are written out here.
One difference remains: ``\\b`` is RE2's (and ECMA-262's) ASCII word boundary.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import Any

import re2

from listkit.errors import SchemaError

# Python's \s for text, exactly (tests/test_schema_patterns.py checks every code point).
_SPACE = r"\x{9}-\x{d}\x{1c}-\x{20}\x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}"
# Its complement as ranges, so that \S can stand inside [...] (RE2 has no class subtraction).
_NOT_SPACE = (
    r"\x{0}-\x{8}\x{e}-\x{1b}\x{21}-\x{84}\x{86}-\x{9f}\x{a1}-\x{167f}\x{1681}-\x{1fff}\x{200b}-\x{2027}"
    r"\x{202a}-\x{202e}\x{2030}-\x{205e}\x{2060}-\x{2fff}\x{3001}-\x{10ffff}"
)
_WORD = r"\p{L}\p{N}_"
# Escapes whose RE2 spelling differs: outside a class, and spliced into one.
_OUTSIDE = {
    "d": r"\p{Nd}",
    "D": r"\P{Nd}",
    "w": f"[{_WORD}]",
    "W": f"[^{_WORD}]",
    "s": f"[{_SPACE}]",
    "S": f"[{_NOT_SPACE}]",
    "Z": r"\z",
}
_INSIDE = {"d": r"\p{Nd}", "D": r"\P{Nd}", "w": _WORD, "s": _SPACE, "S": _NOT_SPACE, "b": r"\x{8}"}
_UNICODE_ESCAPE = re.compile(r"u([0-9A-Fa-f]{4})|u\{([0-9A-Fa-f]{1,6})\}")
_OPEN_MIN = re.compile(r"\{,([0-9]+)\}")


class PatternUnsupported(ValueError):
    """A pattern RE2 cannot run; the message says why."""


def translate(pattern: str) -> str:
    """The pattern in RE2 syntax with the meaning described above."""
    out: list[str] = []
    i, in_class, n = 0, False, len(pattern)
    first_member = -1  # where the open class's first member stands: a ']' there is literal ('[]a]', '[^]a]')
    while i < n:
        char = pattern[i]
        if char == "\\" and i + 1 < n:
            letter = pattern[i + 1]
            unicode = _UNICODE_ESCAPE.match(pattern, i + 1)
            if unicode:
                out.append("\\x{" + (unicode.group(1) or unicode.group(2)) + "}")
                i = unicode.end()
                continue
            table = _INSIDE if in_class else _OUTSIDE
            if letter in table:
                out.append(table[letter])
            elif in_class and letter == "W":
                raise PatternUnsupported(r"\W inside [...]")
            else:
                out.append(pattern[i : i + 2])
            i += 2
            continue
        if in_class:
            if char == "]" and i != first_member:
                in_class = False
            elif char == "[":
                char = r"\["  # literal in Python; RE2 would read '[:alpha:]' as a POSIX class
        elif char == "[":
            in_class = True
            first_member = i + 2 if pattern.startswith("^", i + 1) else i + 1
        elif char == "{" and (open_min := _OPEN_MIN.match(pattern, i)):
            out.append("{0," + open_min.group(1) + "}")  # Python reads {,n} as {0,n}; RE2 as text
            i = open_min.end()
            continue
        out.append(char)
        i += 1
    return "".join(out)


@lru_cache(maxsize=256)
def compiled(pattern: str) -> Any:
    """The pattern compiled by RE2, or PatternUnsupported."""
    options = re2.Options()
    options.log_errors = False  # RE2 would print each refusal to stderr itself
    options.never_capture = True  # only "does it match?" is asked
    try:
        return re2.compile(translate(pattern), options)
    except re2.error as exc:
        reason = exc.args[0].decode("utf-8", "replace") if exc.args and isinstance(exc.args[0], bytes) else str(exc)
        raise PatternUnsupported(reason) from None


def pattern_search(pattern: str) -> Callable[[str], object | None]:
    """A JSON Schema pattern as a search: a match (truthy) or None."""
    search = compiled(pattern).search
    # Searched as UTF-8 bytes: the same answer as for text, three times faster through the binding (a lone
    # surrogate, which JSON allows, passes through rather than failing to encode).
    return lambda text: search(text.encode("utf-8", "surrogatepass"))


def check_patterns(document: Any, file: str) -> None:
    """Refuse a schema with a pattern RE2 cannot run, or with patternProperties (see below)."""
    for where, key, value in walk_document(document):
        if key == "pattern" and isinstance(value, str):
            try:
                compiled(value)
            except PatternUnsupported as exc:
                raise SchemaError(
                    "schema-pattern-unsupported", file=file, field=_field(where), pattern=value, reason=str(exc)
                ) from None
        elif key == "patternProperties" and isinstance(value, dict) and value:
            # Both validators run these keys with Python's re, at compile time too; and a record's keys are the
            # schema's own fields, which 'properties' names one by one.
            raise SchemaError("schema-keyword-unsupported", file=file, keyword=key, where=_field(where))


def _field(where: tuple[str, ...]) -> str:
    if len(where) >= 2 and where[-2] == "properties":
        return where[-1]
    return "/" + "/".join(where)


def walk_document(node: Any, where: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], str, Any]]:
    """Every (path, key, value) of every object in the document, depth first (nesting was bounded by the loader)."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield where, str(key), value
            yield from walk_document(value, (*where, str(key)))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from walk_document(value, (*where, str(index)))


FORMAT_PREFIX = "listkit-pattern-"


def without_patterns(node: Any, formats: dict[str, Callable[[str], bool]]) -> Any:
    """The document with every ``pattern`` turned into a custom ``format`` that searches with RE2, for
    fastjsonschema, which would run patterns with Python's re. Every object is rewritten, wherever it sits
    (a $ref may point anywhere), so no pattern is left for it; the format names are indexes, as they go into
    generated code verbatim."""
    if isinstance(node, list):
        return [without_patterns(value, formats) for value in node]
    if not isinstance(node, dict):
        return node
    rewritten = {key: without_patterns(value, formats) for key, value in node.items() if key != "pattern"}
    pattern = node.get("pattern")
    if isinstance(pattern, str):
        name = f"{FORMAT_PREFIX}{len(formats)}"
        search = pattern_search(pattern)
        formats[name] = lambda text: search(text) is not None
        # Beside any 'format' of its own: both must hold, as 'pattern' and 'format' did.
        both = rewritten.get("allOf")
        rewritten["allOf"] = [*(both if isinstance(both, list) else []), {"format": name}]
    elif "pattern" in node:
        rewritten["pattern"] = node["pattern"]
    return rewritten
