"""Schema patterns run on RE2 (schema_patterns.py): linear time, the meaning patterns always had, and a clear
refusal for what only a backtracking engine can do."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
import unicodedata
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from listkit.errors import SchemaError
from listkit.schema import load_schema, pattern_search
from listkit.schema_patterns import translate
from tests.conftest import CliResult

Cli = Callable[..., CliResult]
EVIL = "^(a+)+$"
EVIL_VALUE = "a" * 40 + "!"


def python_search(pattern: str) -> Callable[[str], bool]:
    """The meaning listkit gave patterns before RE2: Python's re with '$' as the end of the text."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)  # '[[]': Python warns that it may one day mean a nested set
        compiled = re.compile(re.sub(r"(?<!\\)\$", r"\\Z", pattern))
    return lambda text: compiled.search(text) is not None


@pytest.mark.parametrize("pattern", [r"^\d$", r"^\D$", r"^\w$", r"^\W$", r"^\s$", r"^\S$", r"^[\d]$", r"^[\w]$",
                                     r"^[\s]$", r"^[\S]$", r"^[^\s]$", r"^[x\D]$"])  # fmt: skip
def test_classes_mean_what_they_mean_in_python_for_every_character(pattern: str) -> None:
    ours, theirs = pattern_search(pattern), python_search(pattern)
    # Characters Python's Unicode tables know (RE2's may be a version newer).
    assigned = (chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) not in ("Cn", "Cs"))
    differ = [hex(ord(c)) for c in assigned if (ours(c) is not None) != theirs(c)]
    assert differ == []


PATTERNS = [
    "^[0-9A-Z][0-9A-Z-]{5,39}$", "^[A-Z]{2}[0-9]{5}$", r"^\d{3}$", "^(ab|AZ)+-?$", "Z-", "^a?z*$", "[]a]", "[^]a]",
    "[[]", "[a[]b", r"[\]]", "a{,2}$", "^a{2,}", r"\u4e00", "^$", r"^\S+$", r"^[^\s、]+$", r"[\w-]+@",
    r"^(?:[0-9]{2})+\Z", "(?i)^ab$", r"\.", "第[一二三四五六七八九十]+条", r"^.{0,3}$", "^[ -~]*$", "a|b|$",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    pattern=st.sampled_from(PATTERNS),
    text=st.text(alphabet="aAbZz09-_ \n\t\u3000、٣一条第]$[.@", max_size=8),
)
def test_patterns_mean_what_they_meant_in_python(pattern: str, text: str) -> None:
    assert (pattern_search(pattern)(text) is not None) == python_search(pattern)(text), translate(pattern)


def test_dollar_is_the_end_of_the_text() -> None:
    assert pattern_search("^AB$")("AB") is not None
    assert pattern_search("^AB$")("AB\n") is None
    assert pattern_search("^[$]$")("$") is not None  # literal in a class (the old rewrite to \Z broke this)


def _schema_file(folder: Path, pattern: str, **top: Any) -> Path:
    document = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "type": "object",
        "x-listkit": {"name": "tiny-list"},
        "required": ["name"],
        "properties": {
            "name": {"type": "string", "title": "事项名称", "x-role": "name", "x-identity": True},
            "code": {"type": "string", "title": "事项编码", "x-role": "code", "pattern": pattern},
        },
        **top,
    }
    path = folder / "tiny.schema.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def _list_file(folder: Path, code: str) -> Path:
    path = folder / "list.jsonl"
    path.write_text(json.dumps({"name": "甲事项", "code": code}, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


# Column passes (columnar.py) for a plain schema; fastjsonschema per record once the schema has a keyword the
# column compiler does not take ('$comment'); jsonschema's detail pass in both, as the value fails.
@pytest.mark.parametrize("top", [{}, {"$comment": "checked record by record"}], ids=["columns", "records"])
def test_a_catastrophic_pattern_validates_in_well_under_five_seconds(tmp_path: Path, top: dict[str, str]) -> None:
    schema = _schema_file(tmp_path, EVIL, **top)
    data = _list_file(tmp_path, EVIL_VALUE)
    started = time.perf_counter()
    # Its own process: a backtracking match cannot be interrupted, only killed.
    done = subprocess.run(
        [sys.executable, "-m", "listkit", "validate", str(data), "--schema", str(schema), "--format", "json"],
        capture_output=True,
        text=True,
        timeout=30,
    )
    elapsed = time.perf_counter() - started
    assert done.returncode == 1, done.stderr
    assert [f["rule"] for f in json.loads(done.stdout)["findings"] if f["severity"] == "error"] == ["code-format"]
    assert elapsed < 5.0


@pytest.mark.parametrize("pattern", [r"^(a)\1$", "^(?=A)[A-Z]+$", "^(?<!x)a", "(?P<x>a)(?P=x)"])
def test_a_pattern_re2_cannot_run_is_refused(cli: Cli, tmp_path: Path, pattern: str) -> None:
    schema = _schema_file(tmp_path, pattern)
    data = _list_file(tmp_path, "AB123")
    for argv in (["validate", data, "--schema", schema], ["schema", "show", schema]):
        result = cli(*argv)
        assert result.code == 2, result.err
        assert "code" in result.err and pattern in result.err and "RE2" in result.err and "Traceback" not in result.err


def test_pattern_properties_are_refused(tmp_path: Path) -> None:
    schema = _schema_file(tmp_path, "^[A-Z]+$", patternProperties={EVIL: {"type": "string"}})
    with pytest.raises(SchemaError) as raised:
        load_schema(str(schema))
    assert raised.value.key == "schema-keyword-unsupported"


def test_fastjsonschema_is_given_no_pattern(tmp_path: Path) -> None:
    import fastjsonschema

    schema = load_schema(str(_schema_file(tmp_path, EVIL, **{"$defs": {"x": {"pattern": "^(b+)+$"}}})))
    validate = schema.fast_validator
    generated = getattr(validate, "func", validate)
    assert generated.__globals__["REGEX_PATTERNS"] == {}  # where fastjsonschema keeps the re patterns it runs
    started = time.perf_counter()
    with pytest.raises(fastjsonschema.JsonSchemaValueException):
        validate({"name": "甲", "code": EVIL_VALUE})
    validate({"name": "甲", "code": "aaa"})
    assert time.perf_counter() - started < 1.0
