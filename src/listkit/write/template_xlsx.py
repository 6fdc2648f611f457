"""`listkit schema template NAME`: an empty workbook for clerks — the schema's headers, a comment on each header
explaining the field, and drop-down lists for enumerated fields."""

from __future__ import annotations

import io
from datetime import datetime

from listkit.cells import label_text
from listkit.schema import Field, Schema
from listkit.write.sheet_names import SheetNames
from listkit.write.xlsx_cells import write_text

ROWS_WITH_DROPDOWNS = 2000


def _explain(spec: Field) -> str:
    parts = [f"{spec.title}（{spec.title_en}）"]
    parts.append("必填" if spec.required else "选填")
    if spec.identity:
        parts.append("与权力类型、子项一起确定一个事项" if spec.role == "name" else "事项识别字段")
    if spec.enum:
        parts.append("取值：" + "、".join(spec.enum))
    if spec.suggestions:
        parts.append("常用：" + "、".join(spec.suggestions))
    if spec.pattern:
        parts.append(f"格式：{spec.pattern}")
    if spec.max_length:
        parts.append(f"不超过 {spec.max_length} 字")
    if spec.aliases:
        parts.append("也可写作：" + "、".join(spec.aliases[:6]))
    return "\n".join(parts)


def template_bytes(schema: Schema) -> bytes:
    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False})
    book.set_properties({"title": label_text(schema.title), "created": datetime(2000, 1, 1), "creator": "listkit"})
    heading = {
        "font_name": "宋体",
        "bold": True,
        "border": 1,
        "align": "center",
        "valign": "vcenter",
        "text_wrap": True,
    }
    header = book.add_format({**heading, "bg_color": "#F2F2F2"})
    required = book.add_format({**heading, "bg_color": "#FCE4D6"})  # required fields stand out
    body = book.add_format({"font_name": "宋体", "text_wrap": True, "valign": "top", "border": 1})
    sheet = book.add_worksheet(SheetNames().take(schema.title))
    for col, spec in enumerate(schema.fields):
        write_text(sheet, 0, col, spec.title, required if spec.required else header)
        sheet.write_comment(0, col, label_text(_explain(spec)), {"x_scale": 2, "y_scale": 2, "font_name": "宋体"})
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
                    "error_message": "请从下拉列表中选择" if spec.enum else "不在常用取值中，请确认",
                },
            )
    sheet.freeze_panes(1, 0)
    sheet.set_row(0, 30)
    book.close()
    return buffer.getvalue()
