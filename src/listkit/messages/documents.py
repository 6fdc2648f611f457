"""The words of the files listkit writes: sheet names, headers and notes of workbooks, the template's comments.

Several of these files are Chinese whatever ``--lang`` says (a change order is filed with the government, a
template is filled in by clerks, a table is read back); their writers ask for the zh text. The en text is there
for the day they follow the language, and keeps every key bilingual.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "separator.list": ("、", ", "),
    # The column naming a record's department, where a schema does not name it (schema.department_title).
    "column.department": ("部门", "Department"),
    # --- the change order's 调整情况表 (write/change_order_rows.py, write/change_order_xlsx.py) ---
    "change-order.summary-sheet": ("调整情况表", "Adjustments"),
    "change-order.column.number": ("序号", "No."),
    "change-order.column.name": ("事项名称", "Item name"),
    "change-order.column.sub-item": ("子项名称", "Sub-item name"),
    "change-order.column.type": ("权力类型", "Power type"),
    "change-order.column.kind": ("调整类型", "Kind of change"),
    "change-order.column.content": ("调整内容", "What changed"),
    "change-order.column.reason": ("调整理由", "Reason"),
    "change-order.column.basis": ("调整依据", "Basis for the change"),
    "change-order.column.remark": ("备注", "Remarks"),
    # --- the publication workbook (write/publish_xlsx.py, write/layout.py) ---
    "publish.summary-sheet": ("汇总", "Summary"),
    "publish.unsorted": ("未分类", "Unsorted"),
    "publish.sheet-count": ("（{count}项）", " ({count} items)"),
    # --- validate --format xlsx (write/annotated.py) ---
    "findings.sheet": ("校验结果", "Findings"),
    "findings.records-sheet": ("清单", "List"),
    # --- the template's header comments and drop-down messages (write/template_xlsx.py) ---
    "template.required": ("必填", "Required"),
    "template.optional": ("选填", "Optional"),
    "template.identity-name": ("与权力类型、子项一起确定一个事项", "With the type and the sub-item, names one item"),
    "template.identity": ("事项识别字段", "Part of what identifies an item"),
    "template.values": ("取值：{values}", "Values: {values}"),
    "template.suggestions": ("常用：{values}", "Common values: {values}"),
    "template.pattern": ("格式：{pattern}", "Format: {pattern}"),
    "template.max-length": ("不超过 {limit} 字", "At most {limit} characters"),
    "template.aliases": ("也可写作：{aliases}", "Also written as: {aliases}"),
    "template.pick-from-list": ("请从下拉列表中选择", "Choose a value from the drop-down list"),
    "template.unusual-value": ("不在常用取值中，请确认", "Not one of the common values: please check"),
}
