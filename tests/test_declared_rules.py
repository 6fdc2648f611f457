"""Rules a schema declares under x-listkit.rules (issue #16): one of each kind on a small licensing-style list,
found at the offending cells, selectable by their ids, titled by the schema, and refused when badly declared."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from listkit.schema import load_schema
from listkit.validate import resolve_rules
from listkit.validate.rules.declared import days_of
from tests.conftest import CliResult
from tests.xlsx_fixtures import write_xlsx

Cli = Callable[..., CliResult]

RULES: list[dict[str, Any]] = [
    {
        "id": "commitment-content",
        "severity": "error",
        "title": {"zh": "承诺制事项须有承诺内容", "en": "A commitment item needs its commitment"},
        "kind": "required-when",
        "field": "commitment",
        "when": {"field": "mode", "in": ["承诺制"]},
    },
    {
        "id": "immediate-limit",
        "severity": "warning",
        "title": {"zh": "即办件承诺时限不超过1天", "en": "An immediate item is done within a day"},
        "kind": "at-most-when",
        "field": "promised",
        "max": 1,
        "when": {"field": "kind", "in": ["即办件"]},
    },
    {
        "id": "promised-within-statutory",
        "severity": "error",
        "title": {"zh": "承诺时限不得超过法定时限", "en": "The promised limit is within the statutory one"},
        "kind": "not-greater-than",
        "field": "promised",
        "than": "statutory",
    },
    {
        "id": "office-required",
        "severity": "warning",
        "title": {"zh": "须有受理科室", "en": "An office is needed"},
        "kind": "required-when",
        "field": "office",
    },
]

HEADER = ["序号", "事项名称", "办理方式", "承诺内容", "办件类型", "法定时限", "承诺时限", "受理科室"]
ROWS = [
    [1, "甲许可", "承诺制", "承诺符合条件", "即办件", "5个工作日", "即办", "审批科"],  # clean
    [2, "乙许可", "承诺制", "", "承诺件", "20个工作日", "10个工作日", "审批科"],  # D3: no commitment
    [3, "丙许可", "审批制", "", "即办件", "3个工作日", "2个工作日", "审批科"],  # G4: immediate, 2 days
    [4, "丁许可", "审批制", "", "承诺件", "10天", "15天", "审批科"],  # G5: longer than the statutory
    [5, "戊许可", "审批制", "", "承诺件", "二十个工作日", "十五个工作日", ""],  # H6: no office
    [6, "己许可", "审批制", "", "承诺件", "", "", "审批科"],  # clean: empty limits are skipped
]


def schema_document(rules: list[dict[str, Any]]) -> dict[str, Any]:
    def text(title: str, en: str, **more: Any) -> dict[str, Any]:
        return {"type": "string", "title": title, "x-title-en": en, **more}

    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "承诺事项清单",
        "x-listkit": {"name": "commitment-list", "rules": rules},
        "type": "object",
        "required": ["name"],
        "properties": {
            "seq": text("序号", "No.", **{"x-role": "seq"}),
            "name": text("事项名称", "Item", **{"x-role": "name", "x-identity": True}),
            "mode": text("办理方式", "Mode"),
            "commitment": text("承诺内容", "Commitment"),
            "kind": text("办件类型", "Kind"),
            "statutory": text("法定时限", "Statutory limit"),
            "promised": text("承诺时限", "Promised limit"),
            "office": text("受理科室", "Office"),
        },
    }


def write_schema(tmp_path: Path, rules: list[dict[str, Any]], name: str = "commitment.schema.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(schema_document(rules), ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def setup(tmp_path: Path) -> tuple[Path, Path]:
    schema = write_schema(tmp_path, RULES)
    listed = write_xlsx(tmp_path / "list.xlsx", {"清单": [HEADER, *ROWS]})
    return schema, listed


def findings(result: CliResult) -> list[tuple[str, str, str | None]]:
    return [(f["rule"], f["severity"], f["cell"]) for f in json.loads(result.out)["findings"]]


EXPECTED = [
    ("commitment-content", "error", "D3"),
    ("immediate-limit", "warning", "G4"),
    ("promised-within-statutory", "error", "G5"),
    ("office-required", "warning", "H6"),
]


def test_each_declared_rule_reports_its_one_defect(cli: Cli, setup: tuple[Path, Path]) -> None:
    schema, listed = setup
    result = cli("validate", "--schema", schema, listed, "-f", "json", "--ignore", "completeness")
    assert result.code == 1, result.err
    assert findings(result) == EXPECTED
    messages = {f["rule"]: f["message"] for f in json.loads(result.out)["findings"]}
    assert messages["commitment-content"] == "承诺制事项须有承诺内容：办理方式为“承诺制”时，承诺内容不能为空"
    assert messages["immediate-limit"] == "即办件承诺时限不超过1天：承诺时限为 2 天，超过 1 天"
    assert messages["promised-within-statutory"] == "承诺时限不得超过法定时限：承诺时限（15 天）超过法定时限（10 天）"
    assert messages["office-required"] == "须有受理科室：受理科室不能为空"


def test_select_and_ignore_take_declared_ids(cli: Cli, setup: tuple[Path, Path]) -> None:
    schema, listed = setup
    only = cli("validate", "--schema", schema, listed, "-f", "json", "--select", "immediate-limit,office-required")
    assert findings(only) == [EXPECTED[1], EXPECTED[3]]
    rest = cli("validate", "--schema", schema, listed, "-f", "json", "--ignore", "completeness,commitment-content")
    assert findings(rest) == [EXPECTED[1], EXPECTED[2], EXPECTED[3]]
    unknown = cli("validate", "--schema", schema, listed, "--select", "no-such-rule")
    assert unknown.code == 2
    # Without the schema that declares it, the id is unknown.
    assert cli("validate", listed, "--select", "immediate-limit").code == 2


def test_resolve_rules_knows_the_ids_of_the_schema(setup: tuple[Path, Path]) -> None:
    schema = load_schema(str(setup[0]))
    assert resolve_rules(["promised-within-statutory"], (), [schema]) == {"promised-within-statutory"}
    assert "office-required" in resolve_rules((), ["completeness"], [schema])


def test_english_messages_and_titles(cli: Cli, setup: tuple[Path, Path]) -> None:
    schema, listed = setup
    result = cli("validate", "--schema", schema, listed, "-f", "json", "--lang", "en", "--select", "commitment-content")
    [finding] = json.loads(result.out)["findings"]
    assert finding["message"] == (
        "A commitment item needs its commitment: Commitment must not be empty when Mode is '承诺制'"
    )
    text = cli("validate", "--schema", schema, listed, "--lang", "en", "--select", "promised-within-statutory")
    assert "promised-within-statutory · The promised limit is within the statutory one · 1" in text.out
    assert "Promised limit (15 days) is longer than Statutory limit (10 days)" in text.out


def test_a_value_with_no_number_is_a_finding(cli: Cli, tmp_path: Path) -> None:
    schema = write_schema(tmp_path, RULES)
    rows = [HEADER, [1, "甲许可", "审批制", "", "即办件", "5个工作日", "尽快", "审批科"]]
    listed = write_xlsx(tmp_path / "list.xlsx", {"清单": rows})
    result = cli("validate", "--schema", schema, listed, "-f", "json", "--ignore", "completeness")
    reported = json.loads(result.out)["findings"]
    assert [(f["rule"], f["cell"]) for f in reported] == [
        ("immediate-limit", "G2"),
        ("promised-within-statutory", "G2"),
    ]
    assert reported[0]["message"] == "即办件承诺时限不超过1天：承诺时限“尽快”中没有天数"


@pytest.mark.parametrize(
    ("text", "days"),
    [("1", 1), ("1个工作日", 1), ("1天", 1), ("0", 0), ("即办", 0), ("５个工作日", 5), ("十五个工作日", 15)],
)
def test_days_of(text: str, days: float) -> None:
    assert days_of(text) == days


def test_days_of_no_number() -> None:
    assert days_of("尽快") is None


@pytest.mark.parametrize(
    ("change", "named", "words"),
    [
        ({"kind": "at-least"}, "immediate-limit", "at-least"),
        ({"field": "no-such-field"}, "immediate-limit", "no-such-field"),
        ({"when": {"field": "nowhere", "in": ["即办件"]}}, "immediate-limit", "nowhere"),
        ({"id": "Immediate_Limit"}, "Immediate_Limit", "kebab-case"),
        ({"id": "duplicate-code"}, "duplicate-code", "kebab-case"),
        ({"severity": "fatal"}, "immediate-limit", "severity"),
        ({"max": "one"}, "immediate-limit", "max"),
        ({"title": {"zh": "只有中文"}}, "immediate-limit", "title"),
    ],
)
def test_a_bad_declaration_is_refused_naming_the_rule(
    cli: Cli, tmp_path: Path, change: dict[str, Any], named: str, words: str
) -> None:
    rules = [RULES[0], {**RULES[1], **change}]
    schema = write_schema(tmp_path, rules, f"bad-{abs(hash(json.dumps(change)))}.schema.json")
    listed = write_xlsx(tmp_path / "list.xlsx", {"清单": [HEADER, *ROWS]})
    result = cli("validate", "--schema", schema, listed, "--lang", "en")
    assert result.code == 2
    assert named in result.err and words in result.err and schema.name in result.err


def test_a_repeated_id_is_refused(cli: Cli, tmp_path: Path) -> None:
    schema = write_schema(tmp_path, [RULES[0], RULES[0]])
    listed = write_xlsx(tmp_path / "list.xlsx", {"清单": [HEADER, *ROWS]})
    result = cli("validate", "--schema", schema, listed)
    assert result.code == 2
    assert "commitment-content" in result.err


def test_options_of_built_in_rules_still_read_from_an_object(tmp_path: Path) -> None:
    document = schema_document([])
    document["x-listkit"]["rules"] = {"disguised-licence": {"types": ["行政确认"]}}
    path = tmp_path / "options.schema.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    assert load_schema(str(path)).rules == ()
