"""Rules a list's schema declares under ``x-listkit.rules`` (schema_declared.py): a 承诺制 item carries its
承诺内容, a 即办件 is done within a day, a promised time limit is no longer than the statutory one.

Their ids, severities and titles are the schema's, so ``RULES`` is empty and ``rules_for(schema)`` says which rules
a list has; the engine and ``--select``/``--ignore`` ask it. Time limits are read as numbers of days: '5', '5个工作日',
'5天', '五个工作日', '即办' (0); a value holding no number cannot be checked and is a finding of its own.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from listkit.i18n import Bilingual
from listkit.record import Record
from listkit.schema import Schema
from listkit.schema_declared import DeclaredRule
from listkit.validate.context import Context
from listkit.validate.report import Finding
from listkit.validate.rules import RuleInfo
from listkit.vocabulary import CHINESE_DIGITS, CHINESE_TEN, IMMEDIATE_WORDS

RULES: tuple[RuleInfo, ...] = ()

_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_CHINESE_NUMBER = re.compile(f"[{''.join(CHINESE_DIGITS)}{CHINESE_TEN}]+")


def rules_for(schema: Schema) -> tuple[RuleInfo, ...]:
    return tuple(RuleInfo(rule.id, rule.severity, (rule.title, rule.title_en)) for rule in schema.rules)


def check(ctx: Context) -> Iterator[Finding]:
    for rule in ctx.schema.rules:
        if rule.kind == "required-when":
            yield from _required(ctx, rule)
        elif rule.kind == "at-most-when":
            yield from _at_most(ctx, rule)
        else:
            yield from _not_greater(ctx, rule)


def days_of(text: str) -> float | None:
    """A time limit as a number of days ('1个工作日' → 1, '即办' → 0), or None when it holds no number."""
    plain = unicodedata.normalize("NFKC", text).strip()
    found = _NUMBER.search(plain)
    if found is not None:
        return float(found.group())
    chinese = _CHINESE_NUMBER.search(plain)
    if chinese is not None:
        return float(_chinese_number(chinese.group()))
    if any(word in plain for word in IMMEDIATE_WORDS):
        return 0.0
    return None


def _chinese_number(text: str) -> int:
    """'五' → 5, '十五' → 15, '二十' → 20, '二十五' → 25; digits written one by one ('一五') as a number."""
    if CHINESE_TEN not in text:
        return int("".join(str(CHINESE_DIGITS[c]) for c in text))
    tens, _, ones = text.partition(CHINESE_TEN)
    return (CHINESE_DIGITS.get(tens[-1], 1) if tens else 1) * 10 + (CHINESE_DIGITS.get(ones[0], 0) if ones else 0)


def _texts(ctx: Context, key: str) -> list[str]:
    return [(value or "").strip() for value in ctx.table.column(key).to_list()]


def _applies(ctx: Context, rule: DeclaredRule) -> list[bool]:
    if rule.when is None:
        return [True] * ctx.table.height
    allowed = set(rule.when.values)
    return [value in allowed for value in _texts(ctx, rule.when.field)]


def _title(ctx: Context, key: str) -> Bilingual:
    spec = ctx.schema.by_key[key]
    return Bilingual(spec.title, spec.title_en)


def _records(ctx: Context, rows: list[int]) -> Iterator[tuple[int, Record]]:
    yield from sorted(ctx.table.records_at(rows).items())


def _required(ctx: Context, rule: DeclaredRule) -> Iterator[Finding]:
    values = _texts(ctx, rule.field)
    rows = [row for row, applies in enumerate(_applies(ctx, rule)) if applies and not values[row]]
    title = Bilingual(rule.title, rule.title_en)
    for _row, record in _records(ctx, rows):
        # Required always, or required when another field holds one of some values (said in the message).
        when: dict[str, Any] = (
            {}
            if rule.when is None
            else {
                "when": _title(ctx, rule.when.field),
                "when_value": (record.values.get(rule.when.field) or "").strip(),
            }
        )
        message = "declared.required" if rule.when is None else "declared.required-when"
        yield ctx.finding(
            rule.id, rule.severity, record, rule.field, message, title=title, field=_title(ctx, rule.field), **when
        )


def _no_days(ctx: Context, rule: DeclaredRule, record: Record, key: str, value: str) -> Finding:
    title = Bilingual(rule.title, rule.title_en)
    return ctx.finding(
        rule.id, rule.severity, record, key, "declared.no-days", value=value, title=title, field=_title(ctx, key)
    )


def _at_most(ctx: Context, rule: DeclaredRule) -> Iterator[Finding]:
    values = _texts(ctx, rule.field)
    limit = rule.max if rule.max is not None else 0.0
    rows = [
        row
        for row, applies in enumerate(_applies(ctx, rule))
        if applies and values[row] and ((days := days_of(values[row])) is None or days > limit)
    ]
    title = Bilingual(rule.title, rule.title_en)
    for row, record in _records(ctx, rows):
        days = days_of(values[row])
        if days is None:
            yield _no_days(ctx, rule, record, rule.field, values[row])
            continue
        yield ctx.finding(
            rule.id,
            rule.severity,
            record,
            rule.field,
            "declared.at-most",
            value=values[row],
            title=title,
            field=_title(ctx, rule.field),
            days=_number(days),
            max=_number(limit),
        )


def _not_greater(ctx: Context, rule: DeclaredRule) -> Iterator[Finding]:
    than = rule.than or rule.field
    values, others = _texts(ctx, rule.field), _texts(ctx, than)
    rows = []
    for row, (value, other) in enumerate(zip(values, others, strict=True)):
        if not value or not other:
            continue
        days, limit = days_of(value), days_of(other)
        if days is None or limit is None or days > limit:
            rows.append(row)
    title = Bilingual(rule.title, rule.title_en)
    for row, record in _records(ctx, rows):
        days, limit = days_of(values[row]), days_of(others[row])
        if days is None:
            yield _no_days(ctx, rule, record, rule.field, values[row])
        if limit is None:
            yield _no_days(ctx, rule, record, than, others[row])
        if days is not None and limit is not None:
            yield ctx.finding(
                rule.id,
                rule.severity,
                record,
                rule.field,
                "declared.greater-than",
                value=values[row],
                title=title,
                field=_title(ctx, rule.field),
                than=_title(ctx, than),
                days=_number(days),
                than_days=_number(limit),
            )


def _number(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)
