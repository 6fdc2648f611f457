"""The diff as Markdown, for a pull-request comment: the counts table, then one table per kind of change."""

from __future__ import annotations

from listkit.diff.labels import ASPECT_LABELS, DIRECTION_LABELS, KIND_LABELS, label
from listkit.diff.model import KINDS, Change, ChangeSet
from listkit.i18n import Lang, t
from listkit.markdown_text import escape as _cell
from listkit.render.inline import segments
from listkit.render.record_label import type_heading
from listkit.schema import Schema, load_schema


def _inline(old: str, new: str) -> str:
    out = []
    for op, part in segments(old, new):
        cell = _cell(part)
        if not cell.strip() and op != "same":
            out.append(cell)
        elif op == "del":
            out.append(f"~~{cell}~~")
        elif op == "ins":
            out.append(f"**{cell}**")
        else:
            out.append(cell)
    return "".join(out)


def _content(change: Change, schema: Schema, lang: Lang) -> str:
    name_key = schema.key_of("name")
    lines = []
    if len(change.olds) > 1:
        lines.append("← " + " + ".join(_cell(r.get(name_key)) for r in change.olds))
    if len(change.news) > 1:
        lines.append("→ " + " + ".join(_cell(r.get(name_key)) for r in change.news))
    for field in change.fields:
        spec = schema.by_key.get(field.field)
        title = spec.display_title(lang) if spec else field.field
        direction = f" ({label(DIRECTION_LABELS, field.direction, lang)})" if field.direction else ""
        lines.append(f"{_cell(title)}：{_inline(field.old or '', field.new or '')}{direction}")
    return "<br>".join(lines)


def render(changes: ChangeSet, lang: Lang, show_cosmetic: bool) -> str:
    schema = load_schema(changes.schema_name)
    type_spec = schema.role("type")
    order = type_spec.enum if type_spec and type_spec.enum else ()
    summary = changes.summary(schema.key_of("type"), order)
    name_key, sub_key, type_key = schema.key_of("name"), schema.key_of("sub-item"), schema.key_of("type")
    kinds = [label(KIND_LABELS, k, lang) for k in KINDS]
    out = [
        f"### {t('diff.title', lang, old=_cell(changes.old.file), new=_cell(changes.new.file))}",
        "",
        f"| {type_heading(schema, lang)} | " + " | ".join(kinds) + " |",
        "|---|" + "---:|" * len(KINDS),
    ]
    for kind_of, counts in summary["by_type"].items() if type_spec is not None else ():
        out.append(f"| {_cell(kind_of)} | " + " | ".join(str(counts[k]) for k in KINDS) + " |")
    out.append(f"| **{t('total', lang)}** | " + " | ".join(f"**{summary[k]}**" for k in KINDS) + " |")
    listed = changes.changes + (changes.cosmetic if show_cosmetic else [])
    for kind in (*KINDS, "cosmetic"):
        group = [c for c in listed if c.kind == kind]
        if not group:
            continue
        out += [
            "",
            f"#### {label(KIND_LABELS, kind, lang)}（{len(group)}）",
            "",
            f"| {type_heading(schema, lang)} | {t('col.name', lang)} | {t('col.sub', lang)} | "
            f"{t('col.aspects', lang)} | {t('col.content', lang)} |",
            "|---|---|---|---|---|",
        ]
        for change in group:
            subject = change.subject()
            aspects = "、".join(label(ASPECT_LABELS, a, lang) for a in change.aspects)
            out.append(
                f"| {_cell(subject.get(type_key))} | {_cell(subject.get(name_key))} | "
                f"{_cell(subject.get(sub_key))} | {aspects} | {_content(change, schema, lang)} |"
            )
    return "\n".join(out) + "\n"
