"""One message catalogue (issue #17): every text for people is in it, in both languages, and every key the code
asks for is there.

The catalogue is i18n.MESSAGES (with the sections of listkit/messages/). Chinese words elsewhere in the source are
allowed only where they are not text for people: recognition vocabulary (vocabulary.py: words listkit reads), font
names (write/fonts.py), and typer help strings in cli/ (bilingual by design). A literal counts as Chinese when it
holds a Han character: punctuation alone ('、', '（', '：') is typography shared by both languages and by parsing.
"""

from __future__ import annotations

import ast
import re
import string
from collections.abc import Iterator
from pathlib import Path

import pytest

from listkit.i18n import MESSAGES, t
from listkit.messages import SECTIONS

SRC = Path(__file__).resolve().parents[1] / "src" / "listkit"
SAMPLES = Path(__file__).resolve().parents[1] / "samples"
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
ERRORS = frozenset({"ListkitError", "InputError", "OutputError", "UsageError", "SchemaError"})

# Where Chinese literals belong, relative to src/listkit ('dir/' for a whole package).
ALLOWED = {
    "i18n.py": "the catalogue",
    "messages/": "the catalogue's sections",
    "vocabulary.py": "recognition vocabulary: words listkit reads, the same in every language",
    "write/fonts.py": "font names, not text",
}
# Placeholder sets that differ between zh and en until their caller changes (none left: a text given in both
# languages is passed as a Phrase, e.g. apply-shape's expected=Phrase("apply.shape.…")).
PENDING_PLACEHOLDERS: set[str] = set()


def _relative(path: Path) -> str:
    return path.relative_to(SRC).as_posix()


def _listed(relative: str, table: dict[str, str]) -> bool:
    return any(relative == entry or (entry.endswith("/") and relative.startswith(entry)) for entry in table)


def _sources() -> Iterator[tuple[str, ast.Module]]:
    for path in sorted(SRC.rglob("*.py")):
        yield _relative(path), ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _docstrings(tree: ast.Module) -> set[int]:
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            first = node.body[0] if node.body else None
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def _help_strings(tree: ast.Module) -> set[int]:
    """The literals of ``help=`` arguments (typer's option and command help, bilingual by design)."""
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            for keyword in node.keywords:
                if keyword.arg == "help":
                    found.update(id(inner) for inner in ast.walk(keyword.value))
    return found


def _chinese_literals(relative: str, tree: ast.Module) -> list[str]:
    skipped = _docstrings(tree) | (_help_strings(tree) if relative.startswith("cli/") else set())
    return [
        f"{relative}:{node.lineno}: {node.value[:40]!r}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in skipped
        and HAN.search(node.value)
    ]


# --- the catalogue itself -------------------------------------------------------------------------------------


def test_every_message_has_both_languages() -> None:
    empty = [key for key, (zh, en) in MESSAGES.items() if not zh.strip() or not en.strip()]
    assert not empty, empty


def _placeholders(text: str) -> set[str]:
    return {name for _literal, name, _spec, _conversion in string.Formatter().parse(text) if name is not None}


def test_zh_and_en_take_the_same_placeholders() -> None:
    differing = {
        key: (_placeholders(zh), _placeholders(en))
        for key, (zh, en) in MESSAGES.items()
        if _placeholders(zh) != _placeholders(en) and key not in PENDING_PLACEHOLDERS
    }
    assert not differing, differing


def test_sections_do_not_redefine_a_key() -> None:
    seen: dict[str, str] = {}
    core = _core_keys()
    for name, section in SECTIONS.items():
        for key in section:
            assert key not in core, f"{key} ({name}) is also in i18n.MESSAGES"
            assert key not in seen, f"{key} is in both {seen[key]} and {name}"
            seen[key] = name


def _core_keys() -> set[str]:
    tree = ast.parse((SRC / "i18n.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.target.id == "MESSAGES":
            assert isinstance(node.value, ast.Dict)
            return {
                key.value for key in node.value.keys if isinstance(key, ast.Constant) and isinstance(key.value, str)
            }
    raise AssertionError("i18n.MESSAGES not found")


# --- every key the code asks for is there ---------------------------------------------------------------------


def _name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _key_argument(node: ast.Call) -> ast.expr | None:
    """The argument of a call that names a catalogue key, if the call is one that takes a key."""
    name = _name(node.func)
    if name == "t" or name in ERRORS:
        return node.args[0] if node.args else None
    if name == "finding":  # Context.finding(rule, severity, record, key, message_key=None, …): the rule id by default
        message_key = next((k.value for k in node.keywords if k.arg == "message_key"), None)
        if message_key is None and len(node.args) > 4:
            message_key = node.args[4]
        return message_key if message_key is not None else (node.args[0] if node.args else None)
    return None


def _problem(argument: ast.expr) -> str | None:
    """Why a key argument names no message: a literal key that is missing, or a built key whose fixed start no key
    has ('severity.' + …); None when it is fine or cannot be told (a variable)."""
    if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
        return None if argument.value in MESSAGES else f"no message {argument.value!r}"
    prefix = None
    if isinstance(argument, ast.JoinedStr) and argument.values and isinstance(argument.values[0], ast.Constant):
        prefix = str(argument.values[0].value)
    if isinstance(argument, ast.BinOp) and isinstance(argument.left, ast.Constant):
        prefix = str(argument.left.value)
    if prefix is not None and not any(key.startswith(prefix) for key in MESSAGES):
        return f"no message starts with {prefix!r}"
    return None


def test_every_key_used_in_the_code_exists() -> None:
    missing = []
    for relative, tree in _sources():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and (argument := _key_argument(node)) is not None:
                problem = _problem(argument)
                if problem:
                    missing.append(f"{relative}:{node.lineno}: {problem}")
    assert not missing, "\n".join(missing)


def test_every_rule_has_a_title_in_both_languages() -> None:
    from listkit.validate.rules.registry import all_rules

    for rule in all_rules().values():
        assert rule.title_key in MESSAGES, rule.id
        assert rule.title("zh") == MESSAGES[rule.title_key][0]
        assert rule.title("en") == MESSAGES[rule.title_key][1]


def test_every_finding_of_the_broken_sample_has_its_message() -> None:
    """What the static scan cannot see: message keys a rule picks at run time (basis-format's three)."""
    from listkit.read import read_list
    from listkit.validate import validate_list

    report = validate_list(read_list([SAMPLES / "broken-power-list.xlsx"]))
    keys = {finding.key for finding in report.findings}
    assert {"basis-no-law", "basis-unbalanced", "basis-doc-number"} <= keys
    assert keys <= set(MESSAGES), keys - set(MESSAGES)


def test_diff_labels_come_from_the_catalogue() -> None:
    from listkit.diff.labels import ASPECT_LABELS, DIRECTION_LABELS, KIND_LABELS, label
    from listkit.diff.model import ASPECTS, KINDS

    assert set(KIND_LABELS) == {*KINDS, "cosmetic"} and set(ASPECT_LABELS) == set(ASPECTS)
    assert label(KIND_LABELS, "added", "zh") == t("diff.kind.added", "zh") == "新增"
    assert label(DIRECTION_LABELS, "taken-back", "en") == t("diff.direction.taken-back", "en") == "taken back"


def test_a_phrase_parameter_follows_the_language_of_its_message() -> None:
    from listkit.errors import InputError
    from listkit.i18n import Phrase

    error = InputError("apply-unknown-kind", where="x", kind=Phrase("diff.kind.added"))
    assert "“新增”" in error.message("zh") and "'added'" in error.message("en")


# --- no Chinese text for people outside the catalogue ---------------------------------------------------------


def test_no_chinese_literal_outside_the_catalogue_and_the_vocabulary() -> None:
    stray = [
        line
        for relative, tree in _sources()
        if not _listed(relative, ALLOWED)
        for line in _chinese_literals(relative, tree)
    ]
    assert not stray, "Chinese text outside the catalogue (i18n.py, listkit/messages/) or vocabulary.py:\n" + "\n".join(
        stray
    )


# --- the department column's headers come from the schema ------------------------------------------------------

USUAL_DEPARTMENT_HEADERS = frozenset({"部门", "所属部门", "部门名称", "单位", "所属单位"})


@pytest.mark.parametrize("name", ["power-list", "licensing-list", "zhengzhao-list"])
def test_a_schema_that_does_not_say_gets_the_usual_department_headers(name: str) -> None:
    from listkit.schema import load_schema

    schema = load_schema(name)
    assert (schema.department_title("zh"), schema.department_title("en")) == ("部门", "Department")
    assert schema.department_headers == USUAL_DEPARTMENT_HEADERS


def _tiny_schema(tmp_path: Path, department: object) -> Path:
    import json

    document = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "type": "object",
        "x-listkit": {"name": "tiny-list", "department": department},
        "required": ["name"],
        "properties": {"name": {"type": "string", "title": "事项名称", "x-role": "name", "x-identity": True}},
    }
    tmp_path.mkdir(exist_ok=True)
    path = tmp_path / "tiny-list.schema.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def test_a_schema_names_its_department_column(tmp_path: Path) -> None:
    from listkit.model import ItemList
    from listkit.record import Record
    from listkit.schema import load_schema
    from listkit.write.table import rows

    path = _tiny_schema(tmp_path, {"title": {"zh": "实施单位", "en": "Agency"}, "aliases": ["主办单位"]})
    schema = load_schema(str(path))
    assert (schema.department_title("zh"), schema.department_title("en")) == ("实施单位", "Agency")
    assert schema.department_headers == {"实施单位", "主办单位"}
    items = ItemList(schema_name=str(path), records=[Record(values={"name": "甲"}, department="示例局")])
    assert rows(items, schema) == (["事项名称", "实施单位"], [["甲", "示例局"]])


def test_what_a_department_entry_leaves_out_is_the_default(tmp_path: Path) -> None:
    from listkit.schema import load_schema

    titled = load_schema(str(_tiny_schema(tmp_path / "a", {"title": {"zh": "单位"}})))
    assert (titled.department_title("zh"), titled.department_title("en")) == ("单位", "单位")
    assert titled.department_headers == USUAL_DEPARTMENT_HEADERS
    assert load_schema(str(_tiny_schema(tmp_path / "b", {"aliases": []}))).department_headers == {"部门"}


def test_the_note_pre_filter_finds_every_note_word() -> None:
    from listkit.vocabulary import NOTE_WORD_CORES, NOTE_WORDS

    assert all(any(core in word for core in NOTE_WORD_CORES) for word in NOTE_WORDS)
