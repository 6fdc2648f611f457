"""export's one core step, shared by `listkit export` and the library's ``listkit.export``: a list → the bytes of a
publication in a format the registry names (listkit/formats), under the title the list's metadata gives it."""

from __future__ import annotations

from collections.abc import Iterable

from listkit.errors import UsageError
from listkit.formats import list_writer, names
from listkit.formats.options import WriteOptions
from listkit.i18n import Lang
from listkit.model import ItemList
from listkit.schema import load_schema
from listkit.write.title import publication_title


def publication(
    items: ItemList, fmt: str, *, title: str | None = None, group_by: str = "type", lang: Lang = "zh"
) -> bytes | Iterable[bytes]:
    """The publication ``fmt`` (one of export's registered formats: xlsx, html, json, csv, md) of ``items``, whole
    or in chunks as its writer makes them. ``title`` defaults to the list's own (publication_title)."""
    if fmt not in names("export"):
        raise UsageError("bad-option", option="--format", reason=f"{fmt} ∉ {', '.join(names('export'))}")
    heading = title or publication_title(items.meta, load_schema(items.schema_name), lang)
    options = WriteOptions(title=heading, group_by=group_by, lang=lang)
    return list_writer("export", fmt).writer()(items, options)
