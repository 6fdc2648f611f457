"""The title a publication prints: what the list is, from its metadata (jurisdiction, department, edition)."""

from __future__ import annotations

from listkit.i18n import Lang
from listkit.model import ListMeta
from listkit.schema import Schema


def publication_title(meta: ListMeta, schema: Schema, lang: Lang) -> str:
    """The list's own title where it has one; else one made like real titles are: '示例市权责清单（2024年）' for a
    city's departments combined (the jurisdiction and edition they share), never the bare schema title when the
    metadata says more."""
    if meta.title:
        return meta.title
    subject = (meta.jurisdiction or "") + (meta.department or "")
    if meta.department and meta.jurisdiction and meta.department.startswith(meta.jurisdiction):
        subject = meta.department  # '示例市交通运输局' already names its city
    if lang == "zh":
        return f"{subject}{schema.title}" + (f"（{meta.edition}）" if meta.edition else "")
    words = [subject, schema.title_en, f"({meta.edition})" if meta.edition else ""]
    return " ".join(word for word in words if word)
