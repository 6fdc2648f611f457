"""The diff as a person reads it in a terminal: counts by type, then each change with changed text marked."""

from __future__ import annotations

from typing import TYPE_CHECKING

from listkit.diff.labels import ASPECT_LABELS, DIRECTION_LABELS, KIND_LABELS, label
from listkit.diff.model import KINDS, Change, ChangeSet
from listkit.i18n import Lang, t
from listkit.record import Record
from listkit.render.inline import segments
from listkit.render.record_label import record_label, type_heading
from listkit.schema import Schema, load_schema

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.text import Text

KIND_STYLE = {"added": "green", "cancelled": "red", "adjusted": "yellow", "cosmetic": "dim"}


def summary_table(changes: ChangeSet, schema: Schema, lang: Lang) -> RenderableType:
    from rich.table import Table

    type_spec = schema.role("type")
    order = type_spec.enum if type_spec and type_spec.enum else ()
    summary = changes.summary(schema.key_of("type"), order)
    table = Table()
    table.add_column(type_heading(schema, lang))
    for kind in KINDS:
        table.add_column(label(KIND_LABELS, kind, lang), justify="right", style=KIND_STYLE[kind])
    if type_spec is not None:  # a list without types (中介服务) has the total alone
        for kind_of, counts in summary["by_type"].items():
            table.add_row(kind_of or t("unspecified", lang), *(str(counts[k]) for k in KINDS))
        table.add_section()
    table.add_row(t("total", lang), *(str(summary[k]) for k in KINDS), style="bold")
    return table


def headline(changes: ChangeSet, lang: Lang) -> str:
    return t(
        "diff.headline",
        lang,
        added=changes.count("added"),
        cancelled=changes.count("cancelled"),
        adjusted=changes.count("adjusted"),
        unchanged=changes.unchanged,
    )


def inline(old: str, new: str, color: bool) -> Text:
    """Changed text in one line: struck red / green on a colour terminal, [-deleted-]{+inserted+} elsewhere."""
    from rich.text import Text

    text = Text()
    for op, part in segments(old, new):
        if op == "same":
            text.append(part)
        elif color:
            text.append(part, style="red strike" if op == "del" else "bold green")
        else:
            text.append(f"[-{part}-]" if op == "del" else f"{{+{part}+}}")
    return text


def _label(record: Record, schema: Schema) -> str:
    sub = record.get(schema.key_of("sub-item"))
    return record.get(schema.key_of("name")) + (f"（{sub}）" if sub else "")


def change_lines(change: Change, schema: Schema, lang: Lang, color: bool) -> list[RenderableType]:
    from rich.text import Text

    subject = change.subject()
    title = Text()
    title.append(f"[{label(KIND_LABELS, change.kind, lang)}] ", style=KIND_STYLE[change.kind])
    title.append(record_label(subject, schema), style="bold")
    if change.aspects:
        title.append("  (" + "、".join(label(ASPECT_LABELS, a, lang) for a in change.aspects) + ")", style="cyan")
    if change.match and change.match.by == "fuzzy":
        title.append(f"  ~{change.match.score:.2f}", style="dim")
    lines: list[RenderableType] = [title]
    if len(change.olds) > 1:
        lines.append(Text("    ← " + " + ".join(_label(r, schema) for r in change.olds), style="magenta"))
    if len(change.news) > 1:
        lines.append(Text("    → " + " + ".join(_label(r, schema) for r in change.news), style="magenta"))
    for field in change.fields:
        spec = schema.by_key.get(field.field)
        line = Text("    " + t("field-label", lang, title=spec.display_title(lang) if spec else field.field))
        line.append_text(inline(field.old or "", field.new or "", color))
        if field.direction:
            line.append(f"  ({label(DIRECTION_LABELS, field.direction, lang)})", style="cyan")
        lines.append(line)
    return lines


def render(changes: ChangeSet, lang: Lang, show_cosmetic: bool, color: bool) -> list[RenderableType]:
    schema = load_schema(changes.schema_name)
    from rich.text import Text

    title = Text(t("diff.title", lang, old=changes.old.file, new=changes.new.file), style="bold")
    parts: list[RenderableType] = [title, summary_table(changes, schema, lang)]
    listed = changes.changes + (changes.cosmetic if show_cosmetic else [])
    for change in listed:
        parts.extend(change_lines(change, schema, lang, color))
    return parts
