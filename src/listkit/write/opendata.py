"""Open data: JSON (metadata, the schema the records conform to, the records), CSV and Markdown."""

from __future__ import annotations

import json
from typing import Any

from listkit import __version__
from listkit.i18n import Lang, t
from listkit.markdown_text import escape as _md
from listkit.model import ItemList
from listkit.schema import load_schema
from listkit.stats import compute_stats
from listkit.write.canonical import ordered, record_object

MARKDOWN_LANG: Lang = "zh"  # the Markdown catalogue is written in Chinese, as the list it publishes is


def json_bytes(items: ItemList, title: str) -> bytes:
    schema = load_schema(items.schema_name)
    document: dict[str, Any] = {
        "title": title,
        "meta": items.meta.model_dump(exclude_none=True),
        "generator": f"listkit {__version__}",
        "schema": schema.document,
        "stats": compute_stats(items).as_json(),
        "records": [record_object(r, schema) for r in ordered(items, schema)],
    }
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def markdown_bytes(items: ItemList, title: str) -> bytes:
    """A readable catalogue: the counts, then one table per type with the main columns."""
    schema = load_schema(items.schema_name)
    stats = compute_stats(items)
    keys = [
        k
        for k in (
            schema.key_of("seq"),
            schema.key_of("code"),
            schema.key_of("name"),
            schema.key_of("sub-item"),
            schema.key_of("body"),
            schema.key_of("basis"),
        )
        if k
    ]
    lang = MARKDOWN_LANG
    lines = [f"# {_md(title)}", ""]
    meta = items.meta
    labelled = (
        (t("meta.edition", lang), meta.edition),
        (t("meta.document", lang), meta.document),
        (schema.department_title(lang), meta.department),
    )
    facts = [f"{label}：{_md(value)}" for label, value in labelled if value]
    if facts:
        lines += ["；".join(facts), ""]
    unspecified = t("unspecified", lang)
    lines += [f"| {t('by.type', lang)} | {t('col.records', lang)} | {t('col.items', lang)} |", "|---|---:|---:|"]
    lines += [f"| {_md(r.key or unspecified)} | {r.records} | {r.items} |" for r in stats.rows]
    lines += [f"| **{t('total', lang)}** | **{stats.total.records}** | **{stats.total.items}** |"]
    type_key = schema.key_of("type")
    for row in stats.rows:
        records = [r for r in items.records if r.get(type_key) == row.key]
        lines += [
            "",
            f"## {_md(row.key or unspecified)}（{len(records)}）",
            "",
            "| " + " | ".join(schema.by_key[k].title for k in keys) + " |",
            "|" + "---|" * len(keys),
        ]
        lines += ["| " + " | ".join(_md(r.get(k)) for k in keys) + " |" for r in records]
    return ("\n".join(lines) + "\n").encode("utf-8")
