"""The diff as one self-contained HTML page (no scripts, no network), old and new side by side."""

from __future__ import annotations

from typing import Any

from listkit.diff.labels import ASPECT_LABELS, DIRECTION_LABELS, KIND_LABELS, label
from listkit.diff.model import KINDS, Change, ChangeSet
from listkit.html_page import html_page
from listkit.i18n import Lang, t
from listkit.render.diff_text import headline
from listkit.render.inline import segments
from listkit.render.record_label import record_label, type_heading
from listkit.schema import Schema, load_schema


def _change(number: int, change: Change, schema: Schema, lang: Lang) -> dict[str, Any]:
    fields = []
    for field in change.fields:
        spec = schema.by_key.get(field.field)
        fields.append(
            {
                "title": spec.display_title(lang) if spec else field.field,
                "segments": segments(field.old or "", field.new or ""),
                "direction": label(DIRECTION_LABELS, field.direction, lang) if field.direction else "",
            }
        )
    return {
        "number": number,
        "olds": [record_label(r, schema) for r in change.olds],
        "news": [record_label(r, schema) for r in change.news],
        "aspects": "、".join(label(ASPECT_LABELS, a, lang) for a in change.aspects),
        "fields": fields,
    }


def render(changes: ChangeSet, lang: Lang, show_cosmetic: bool, version: str) -> str:
    schema = load_schema(changes.schema_name)
    type_spec = schema.role("type")
    order = type_spec.enum if type_spec and type_spec.enum else ()
    summary = changes.summary(schema.key_of("type"), order)
    listed = changes.changes + (changes.cosmetic if show_cosmetic else [])
    groups = []
    number = 0
    for kind in (*KINDS, "cosmetic"):
        members = []
        for change in (c for c in listed if c.kind == kind):
            number += 1
            members.append(_change(number, change, schema, lang))
        if members:
            groups.append({"key": kind, "label": label(KIND_LABELS, kind, lang), "changes": members})
    return html_page(
        "diff.html.j2",
        lang_tag="zh-CN" if lang == "zh" else "en",
        version=version,
        title=t("diff.title", lang, old=changes.old.file, new=changes.new.file),
        headline=headline(changes, lang),
        kinds=[{"key": k, "label": label(KIND_LABELS, k, lang)} for k in KINDS],
        summary_rows=[
            {"type": k or t("unspecified", lang), "counts": [v[x] for x in KINDS]}
            for k, v in (summary["by_type"].items() if schema.role("type") is not None else ())
        ],
        totals=[summary[k] for k in KINDS],
        labels={
            "type": type_heading(schema, lang),
            "total": t("total", lang),
            "old": t("diff.old", lang),
            "new": t("diff.new", lang),
        },
        groups=groups,
    )
