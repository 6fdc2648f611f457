"""The check result as one self-contained HTML page (no scripts, no network): catalogue and list side by side."""

from __future__ import annotations

from typing import Any

from listkit.check.model import STATUSES, CheckItem, CheckResult
from listkit.html_page import html_page
from listkit.i18n import Lang, t
from listkit.render.check_text import LISTED, aspects_text, headline, status_label, title
from listkit.render.inline import segments
from listkit.render.record_label import record_label
from listkit.schema import Schema, load_schema


def _item(number: int, item: CheckItem, schema: Schema, reference_schema: Schema, lang: Lang) -> dict[str, Any]:
    level_key = reference_schema.key_of("level")
    return {
        "number": number,
        "department": item.department,
        "reference": record_label(item.reference, reference_schema) if item.reference else "",
        "listed": record_label(item.listed, schema) if item.listed else "",
        "level": item.reference.get(level_key) if item.reference and item.status == "out-of-level" else "",
        "aspects": aspects_text(item, lang),
        "fields": [
            {
                "title": spec.display_title(lang) if (spec := schema.by_key.get(f.field)) else f.field,
                "segments": segments(f.old or "", f.new or ""),
            }
            for f in item.fields
        ],
    }


def render(result: CheckResult, lang: Lang, by_department: bool, version: str) -> str:
    schema, reference_schema = load_schema(result.schema_name), load_schema(result.reference_schema)
    groups = []
    number = 0
    for status in LISTED:
        members = []
        for item in (i for i in result.items if i.status == status):
            number += 1
            members.append(_item(number, item, schema, reference_schema, lang))
        if members:
            groups.append({"key": status, "label": status_label(status, lang), "members": members})
    departments = [
        {
            "name": row.department or t("unspecified", lang),
            "reference": row.summary.reference,
            "counts": [row.summary.count(s) for s in STATUSES],
        }
        for row in (result.departments if by_department else [])
    ]
    return html_page(
        "check.html.j2",
        lang_tag="zh-CN" if lang == "zh" else "en",
        version=version,
        title=title(result, lang),
        headline=headline(result, lang),
        statuses=[{"key": s, "label": status_label(s, lang)} for s in STATUSES],
        departments=departments,
        labels={
            "department": t("by.department", lang),
            "reference": t("check.reference-count", lang),
            "in_reference": t("check.in-reference", lang),
            "in_list": t("check.in-list", lang),
        },
        groups=groups,
    )
