"""The schema's record checks compiled into column passes, for the keywords lists use.

Per field, one pass over that field's values with the check its keywords ask for (enum as a set, pattern as a
compiled regex, lengths with len) — instead of one validator call per record. It answers only "which records
fail?"; those then get their full error detail from jsonschema, exactly as fastjsonschema's failures do. A schema
using any other keyword is not compiled here (`compile_columns` returns None) and fastjsonschema checks it per
record. tests/test_columnar.py checks that both always agree.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from listkit.model import Record

# Keywords this compiler understands, at the top of the schema and in each property.
TOP_KEYWORDS = frozenset({"$schema", "$id", "title", "description", "type", "required", "properties"})
PROPERTY_KEYWORDS = frozenset({"type", "title", "description", "enum", "pattern", "minLength", "maxLength", "default"})

Check = Callable[[str], bool]


def compile_columns(document: dict[str, Any]) -> Callable[[Sequence[Record]], set[int]] | None:
    """A function giving the indexes of the records that fail the schema, or None if the schema needs more."""
    top = {k for k in document if not k.startswith("x-")}
    if top - TOP_KEYWORDS or document.get("type", "object") != "object":
        return None
    checks: list[tuple[str, Check]] = []
    for key, spec in document.get("properties", {}).items():
        if not isinstance(spec, dict):
            return None
        keywords = {k for k in spec if not k.startswith("x-")}
        if keywords - PROPERTY_KEYWORDS or spec.get("type", "string") != "string":
            return None
        check = _check_for(spec)
        if check is not None:
            checks.append((key, check))
    required = [str(k) for k in document.get("required", [])]

    def failing(records: Sequence[Record]) -> set[int]:
        bad: set[int] = set()
        for key in required:
            bad.update(i for i, r in enumerate(records) if key not in r.values)
        for key, check in checks:
            bad.update(i for i, r in enumerate(records) if (v := r.values.get(key)) is not None and not check(v))
        return bad

    return failing


def _check_for(spec: dict[str, Any]) -> Check | None:
    parts: list[Check] = []
    if "enum" in spec:
        allowed = frozenset(spec["enum"])
        parts.append(allowed.__contains__)
    if "pattern" in spec:
        # JSON Schema patterns are ECMA-262 and unanchored: Python's re.search has the same meaning for the
        # patterns lists use (character classes, repetition, anchors).
        search = re.compile(spec["pattern"]).search
        parts.append(lambda v: search(v) is not None)
    if "minLength" in spec:
        low = int(spec["minLength"])
        parts.append(lambda v: len(v) >= low)
    if "maxLength" in spec:
        high = int(spec["maxLength"])
        parts.append(lambda v: len(v) <= high)
    if not parts:
        return None
    if len(parts) == 1:
        return parts[0]
    return lambda v: all(part(v) for part in parts)
