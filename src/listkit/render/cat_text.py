"""A list as canonical text, one record per line in identity order: what `listkit cat` prints, and what git shows
of a workbook through a textconv driver (``[diff "listkit"] textconv = listkit cat``).

A line is the record's identity (code · name · sub-item, the parts it has), then its other fields as
``title：value``. Left out on purpose, so that a line changes only when its record does: where the record sits
in the file (the source cell — deleting one row would move every row below it) and the 序号 (renumbering is not
a change of any item; `listkit diff` calls it cosmetic too). Line breaks inside a cell are written ``\\n`` (and a
backslash ``\\\\``): one record, one line.
"""

from __future__ import annotations

from collections.abc import Iterator

from listkit.i18n import Lang, t
from listkit.identity import sort_key
from listkit.model import ItemList
from listkit.record import Record
from listkit.schema import Schema, load_schema

SEPARATOR = " ｜ "
IDENTITY_ROLES = ("code", "name", "sub-item")
LEFT_OUT_ROLES = ("seq",)


def cat_text(items: ItemList, lang: Lang) -> str:
    return "".join(line + "\n" for line in cat_lines(items, lang))


def cat_lines(items: ItemList, lang: Lang) -> Iterator[str]:
    """A header naming the schema (nothing that changes with the records: a count would make every edit touch
    it), then one line per record in the canonical order of identity.sort_key."""
    schema = load_schema(items.schema_name)
    yield f"# {items.schema_name}"
    for record in sorted(items.records, key=lambda r: sort_key(r, schema)):
        yield record_line(record, schema, lang)


def record_line(record: Record, schema: Schema, lang: Lang) -> str:
    identity_keys = [key for role in IDENTITY_ROLES if (key := schema.key_of(role))]
    skipped = {*identity_keys, *(key for role in LEFT_OUT_ROLES if (key := schema.key_of(role)))}
    parts = [" · ".join(_one_line(value) for key in identity_keys if (value := record.get(key)))]
    parts += [
        f"{field.display_title(lang)}：{_one_line(value)}"
        for field in schema.fields
        if field.key not in skipped and (value := record.get(field.key))
    ]
    if record.department:
        parts.append(f"{t('cat.department', lang)}：{_one_line(record.department)}")
    parts += [f"{_one_line(header)}：{_one_line(value)}" for header, value in record.extra.items() if value]
    return SEPARATOR.join(parts)


def _one_line(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")
