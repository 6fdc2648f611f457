"""`import --explain`: per sheet, the header found, each column's field, records read, rows skipped and why."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from listkit.i18n import Lang, t
from listkit.model import ItemList, SheetLayout
from listkit.schema import load_schema

if TYPE_CHECKING:
    from rich.console import Group
    from rich.text import Text

MAX_SKIPPED_SHOWN = 8


def render(items: ItemList, lang: Lang) -> Group:
    from rich.console import Group
    from rich.text import Text

    schema = load_schema(items.schema_name)
    parts: list[Text] = [Text(t("explain.list", lang, schema=schema.name, records=len(items.records)), style="bold")]
    meta = items.meta.model_dump(exclude_none=True)
    if meta:
        parts.append(Text("  " + "  ".join(f"{t('meta.' + k, lang)}：{v}" for k, v in meta.items())))
    for copy, original in items.duplicate_files:
        parts.append(Text("  " + t("explain.duplicate-file", lang, file=copy, original=original), style="yellow"))
    for layout in items.layouts:
        parts.extend(_sheet(layout, items, lang))
    return Group(*parts)


def _sheet(layout: SheetLayout, items: ItemList, lang: Lang) -> list[Text]:
    from rich.text import Text

    schema = load_schema(items.schema_name)
    sheet = layout.sheet if layout.sheet is not None else "-"
    lines = [Text(""), Text(t("explain.sheet", lang, file=layout.file, sheet=sheet), style="bold cyan")]
    if layout.read_as:
        lines.append(Text("  " + t("explain.read-as", lang, format=layout.read_as)))
    if layout.header_row is None:
        reason = layout.notes[0] if layout.notes else "no-header"
        lines.append(Text("  " + t(f"explain.{reason}", lang), style="yellow"))
        return lines
    lines.append(Text("  " + t("explain.header", lang, row=layout.header_row, rows=layout.header_rows)))
    for key, letter in sorted(layout.columns.items(), key=lambda item: (len(item[1]), item[1])):
        written = layout.headers.get(letter, "")
        title = schema.by_key[key].display_title(lang)
        lines.append(Text(f"    {letter:>3}  {written or '·'} → {key} ({title})"))
    for letter, header in layout.extra_columns.items():
        lines.append(Text(f"    {letter:>3}  {header} → extra", style="magenta"))
    if layout.type_from_sheet:
        lines.append(Text("  " + t("explain.type-from-sheet", lang, type=layout.type_from_sheet)))
    sources = Counter(
        r.type_from
        for r in items.records
        if r.source and (r.source.file, r.source.sheet) == (layout.file, layout.sheet)
    )
    if sources:
        lines.append(
            Text(
                "  "
                + t(
                    "explain.type-sources",
                    lang,
                    sources=", ".join(f"{k}: {v}" for k, v in sorted(sources.items(), key=lambda kv: str(kv[0]))),
                )
            )
        )
    lines.append(Text("  " + t("explain.records", lang, records=layout.records, items=layout.items), style="green"))
    reasons = Counter(s.reason for s in layout.skipped)
    if reasons:
        summary = ", ".join(
            f"{t('explain.skip.' + reason, lang)} ×{count}" for reason, count in sorted(reasons.items())
        )
        lines.append(Text("  " + t("explain.skipped", lang, summary=summary)))
        shown = [s for s in layout.skipped if s.reason != "continuation"][:MAX_SKIPPED_SHOWN]
        for skipped in shown:
            lines.append(Text(f"    {skipped.row:>5}  {t('explain.skip.' + skipped.reason, lang)}  {skipped.text}"))
    for note in layout.notes:
        kind, *args = note.split(":")
        # The sheet's counts too: a note may set what it found beside them (sheet-count-mismatch does).
        lines.append(Text("  ! " + t(f"explain.{kind}", lang, args=args, records=layout.records), style="yellow"))
    return lines
