"""The check result as Markdown, for a pull-request comment: the summary, then one table per status."""

from __future__ import annotations

from listkit.check.model import STATUSES, CheckResult
from listkit.i18n import Lang, t
from listkit.markdown_text import escape as _cell
from listkit.render.check_text import LISTED, aspects_text, headline, status_label, title
from listkit.schema import load_schema


def render(result: CheckResult, lang: Lang, by_department: bool) -> str:
    schema, reference_schema = load_schema(result.schema_name), load_schema(result.reference_schema)
    out = [f"### {_cell(title(result, lang))}", "", headline(result, lang)]
    if by_department:
        out += [
            "",
            f"| {t('by.department', lang)} | {t('check.reference-count', lang)} | "
            + " | ".join(status_label(s, lang) for s in STATUSES)
            + " |",
            "|---|---:|" + "---:|" * len(STATUSES),
        ]
        for row in result.departments:
            counts = " | ".join(str(row.summary.count(s)) for s in STATUSES)
            out.append(f"| {_cell(row.department or t('unspecified', lang))} | {row.summary.reference} | {counts} |")
    for status in LISTED:
        group = [item for item in result.items if item.status == status]
        if not group:
            continue
        out += [
            "",
            f"#### {status_label(status, lang)}（{len(group)}）",
            "",
            f"| {t('by.department', lang)} | {t('by.type', lang)} | {t('col.name', lang)} | "
            f"{t('col.aspects', lang)} | {t('check.in-reference', lang)} |",
            "|---|---|---|---|---|",
        ]
        for item in group:
            record, of = (item.listed, schema) if item.listed else (item.reference, reference_schema)
            assert record is not None
            # What the catalogue says of each differing field (the list's own value is in the row).
            was = "<br>".join(
                f"{_cell(schema.by_key[f.field].display_title(lang))}：{_cell(f.old or '')}" for f in item.fields
            )
            out.append(
                f"| {_cell(record.department or '')} | {_cell(record.get(of.key_of('type')))} | "
                f"{_cell(record.get(of.key_of('name')))} | {aspects_text(item, lang)} | {was} |"
            )
    return "\n".join(out) + "\n"
