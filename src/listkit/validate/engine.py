"""Run the selected rules over a list and collect one sorted Report."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from listkit.bulk import bulk
from listkit.errors import UsageError
from listkit.i18n import t
from listkit.model import ItemList
from listkit.progress import track
from listkit.schema import Schema, load_schema
from listkit.validate.context import Context
from listkit.validate.report import Finding, Report, RuleTitle
from listkit.validate.rules.registry import families, family_rules, rules_of


def resolve_rules(select: Iterable[str] = (), ignore: Iterable[str] = (), schemas: Iterable[Schema] = ()) -> set[str]:
    """The rule ids to run, among the built-in ones and those the ``schemas`` declare; unknown ids are a usage
    error, never silently ignored."""
    known = rules_of(schemas)
    chosen = {r for r in select if r} or set(known)
    dropped = {r for r in ignore if r}
    unknown = sorted((chosen | dropped) - set(known))
    if unknown:
        raise UsageError("unknown-rule", rules=", ".join(unknown), known=", ".join(sorted(known)))
    return chosen - dropped


def validate_list(
    items: ItemList,
    schema: Schema | None = None,
    *,
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    strict: bool = False,
    max_errors: int | None = None,
) -> Report:
    schema = schema or load_schema(items.schema_name)
    rules = resolve_rules(select, ignore, [schema])
    ctx = Context(items=items, schema=schema)
    findings: list[Finding] = []
    chosen = [family for family in families() if rules.intersection(info.id for info in family_rules(family, schema))]
    with bulk(), track(t("progress.validate"), len(chosen)) as advance:
        for family in chosen:
            findings.extend(f for f in family.check(ctx) if f.rule in rules)
            advance(1)
    declared = {rule.id: RuleTitle(severity=rule.severity, zh=rule.title, en=rule.title_en) for rule in schema.rules}
    return build_report(findings, list(items.files), items.size, strict, max_errors, declared)


def combine(reports: Iterable[Report], strict: bool = False, max_errors: int | None = None) -> Report:
    """One report over several files (``listkit validate a.xlsx b.xlsx``)."""
    reports = list(reports)
    findings = [f for r in reports for f in r.findings]
    files = [f for r in reports for f in r.files]
    declared = {rule: title for r in reports for rule, title in r.declared.items()}
    return build_report(findings, files, sum(r.records for r in reports), strict, max_errors, declared)


def build_report(
    findings: list[Finding],
    files: list[str],
    records: int,
    strict: bool,
    max_errors: int | None,
    declared: dict[str, RuleTitle] | None = None,
) -> Report:
    findings.sort(key=Finding.sort_key)
    counts: Counter[str] = Counter(f.severity for f in findings)
    report = Report(
        files=files, records=records, findings=findings, strict=strict, counts=dict(counts), declared=declared or {}
    )
    if max_errors is not None and counts.get("error", 0) > max_errors:
        report.findings = _truncate(findings, max_errors)
        report.truncated_at = max_errors
    return report


def _truncate(findings: list[Finding], max_errors: int) -> list[Finding]:
    kept: list[Finding] = []
    errors = 0
    for finding in findings:
        if finding.severity == "error":
            if errors >= max_errors:
                continue
            errors += 1
        kept.append(finding)
    return kept
