"""变相许可: an item that is not a licence but is named like one (审批/核准/许可/准予 under 确认, 其他 …)."""

from __future__ import annotations

from collections.abc import Iterator

from listkit.table import joined, rows_where
from listkit.validate.context import Context
from listkit.validate.report import Finding
from listkit.validate.rules import RuleInfo
from listkit.vocabulary import DISGUISED_LICENCE_TYPES, LICENCE_WORDS

RULES = (RuleInfo("disguised-licence", "warning"),)

# The types where a licence-like name is suspicious (penalties and inspections legitimately say
# '对未经许可…的处罚'), and the licence words. A schema may override both under x-listkit.rules.disguised-licence.
DEFAULT_TYPES = DISGUISED_LICENCE_TYPES
DEFAULT_WORDS = LICENCE_WORDS


def check(ctx: Context) -> Iterator[Finding]:
    type_key = ctx.schema.key_of("type")
    name_key = ctx.schema.key_of("name")
    if type_key is None or name_key is None:
        return
    types = set(ctx.option("disguised-licence", "types", DEFAULT_TYPES))
    words = tuple(ctx.option("disguised-licence", "words", DEFAULT_WORDS))
    sub_key = ctx.schema.key_of("sub-item")
    table = ctx.table
    if not words:
        return
    text = joined(table, [name_key, sub_key] if sub_key else [name_key], "")
    candidates = table.column(type_key).is_in(sorted(types)) & text.str.contains_any(list(words))
    for record in table.records_at(rows_where(candidates)).values():
        kind = record.values.get(type_key)
        text_of = record.values.get(name_key, "") + (record.values.get(sub_key, "") if sub_key else "")
        word = next((w for w in words if w in text_of), None)
        if word:
            yield ctx.finding(
                "disguised-licence",
                "warning",
                record,
                name_key,
                value=record.values.get(name_key),
                type=kind,
                word=word,
            )
