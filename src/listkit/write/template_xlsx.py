"""`listkit schema template NAME`: an empty workbook for clerks — the schema's headers, a comment on each header
explaining the field, and drop-down lists for enumerated fields."""

from __future__ import annotations

import io
from datetime import datetime

from listkit.cells import label_text
from listkit.i18n import Lang, t
from listkit.schema import Field, Schema
from listkit.write.fonts import BODY_FONT
from listkit.write.sheet_names import SheetNames
from listkit.write.xlsx_cells import write_text

ROWS_WITH_DROPDOWNS = 2000
TEMPLATE_LANG: Lang = "zh"  # the template is for clerks who fill in a Chinese list, whatever --lang says


def _explain(spec: Field, lang: Lang = TEMPLATE_LANG) -> str:
    def listed(words: tuple[str, ...]) -> str:
        return t("separator.list", lang).join(words)

    parts = [f"{spec.title}（{spec.title_en}）"]
    parts.append(t("template.required" if spec.required else "template.optional", lang))
    if spec.identity:
        parts.append(t("template.identity-name" if spec.role == "name" else "template.identity", lang))
    if spec.enum:
        parts.append(t("template.values", lang, values=listed(spec.enum)))
    if spec.suggestions:
        parts.append(t("template.suggestions", lang, values=listed(spec.suggestions)))
    if spec.pattern:
        parts.append(t("template.pattern", lang, pattern=spec.pattern))
    if spec.max_length:
        parts.append(t("template.max-length", lang, limit=spec.max_length))
    if spec.aliases:
        parts.append(t("template.aliases", lang, aliases=listed(spec.aliases[:6])))
    return "\n".join(parts)


def template_bytes(schema: Schema) -> bytes:
    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False})
    book.set_properties({"title": label_text(schema.title), "created": datetime(2000, 1, 1), "creator": "listkit"})
    heading = {
        "font_name": BODY_FONT,
        "bold": True,
        "border": 1,
        "align": "center",
        "valign": "vcenter",
        "text_wrap": True,
    }
    header = book.add_format({**heading, "bg_color": "#F2F2F2"})
    required = book.add_format({**heading, "bg_color": "#FCE4D6"})  # required fields stand out
    body = book.add_format({"font_name": BODY_FONT, "text_wrap": True, "valign": "top", "border": 1})
    sheet = book.add_worksheet(SheetNames().take(schema.title))
    for col, spec in enumerate(schema.fields):
        write_text(sheet, 0, col, spec.title, required if spec.required else header)
        comment = {"x_scale": 2, "y_scale": 2, "font_name": BODY_FONT}
        sheet.write_comment(0, col, label_text(_explain(spec)), comment)
        sheet.set_column(col, col, max(spec.width * 0.9, 8), body)
        choices = spec.enum or spec.suggestions
        if choices:
            sheet.data_validation(
                1,
                col,
                ROWS_WITH_DROPDOWNS,
                col,
                {
                    "validate": "list",
                    "source": list(choices),
                    # A closed list (enum) refuses other values; suggestions only warn.
                    "error_type": "stop" if spec.enum else "information",
                    "error_title": label_text(spec.title),
                    "error_message": t(
                        "template.pick-from-list" if spec.enum else "template.unusual-value", TEMPLATE_LANG
                    ),
                },
            )
    sheet.freeze_panes(1, 0)
    sheet.set_row(0, 30)
    book.close()
    return buffer.getvalue()
