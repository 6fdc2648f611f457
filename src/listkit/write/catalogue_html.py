"""The static HTML catalogue: one self-contained file (no CDN, no server) with stats, filters, instant search
and an item detail view. Record text reaches the page only through Jinja's escaping and the DOM's textContent."""

from __future__ import annotations

import json
from typing import Any

from listkit import __version__
from listkit.html_page import html_page
from listkit.model import ItemList
from listkit.schema import load_schema
from listkit.stats import compute_stats

MAX_CELL = 120


def _short(text: str) -> str:
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"


def _safe_json(value: Any) -> str:
    """JSON that can sit inside a <script> element: no '<', '>' or '&' that could close it."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def html_bytes(items: ItemList, title: str) -> bytes:
    schema = load_schema(items.schema_name)
    keys = {role: schema.key_of(role) for role in ("seq", "name", "sub-item", "type", "body", "basis", "code")}
    fields = [(f.key, f.title) for f in schema.fields]
    rows, details = [], []
    for index, record in enumerate(items.records):
        department = record.department or record.get(keys["body"])
        rows.append(
            {
                "index": index,
                "seq": record.get(keys["seq"]),
                "name": record.get(keys["name"]),
                "sub": record.get(keys["sub-item"]),
                "type": record.get(keys["type"]),
                "department": department,
                "basis": _short(record.get(keys["basis"])),
            }
        )
        details.append(
            {
                # Columns the schema does not know are part of the record too (申请条件, 法定期限 …): shown last.
                "fields": [[title, record.values[key]] for key, title in fields if record.values.get(key)]
                + [[header, text] for header, text in record.extra.items() if text],
                "department": record.department or "",
                "search": " ".join(
                    record.get(k) for k in (keys["name"], keys["sub-item"], keys["basis"], keys["body"], keys["code"])
                ).lower(),
            }
        )
    stats = compute_stats(items)
    page = html_page(
        "catalogue.html.j2",
        title=title,
        meta=items.meta,
        version=__version__,
        stats=stats,
        rows=rows,
        types=[r.key for r in stats.rows if r.key],
        departments=sorted({r["department"] for r in rows if r["department"]}),
        details_json=_safe_json(details),
    )
    return page.encode("utf-8")
