"""The titles of the validation rules: ``rule.<rule id>`` (validate/rules/*.py declare the ids and severities)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- schema_rules.py ---
    "rule.required-field": ("必填字段为空", "A required field is empty"),
    "rule.unknown-type": ("权力类型不在规范类型中", "The power type is not a canonical type"),
    "rule.type-variant": ("权力类型为非规范写法（已映射）", "The power type is a variant (mapped)"),
    "rule.invalid-value": ("取值不在允许范围", "A value outside the allowed set"),
    "rule.code-format": ("事项编码格式不符", "The item code has the wrong format"),
    "rule.field-format": ("字段格式不符", "A field has the wrong format"),
    "rule.field-length": ("字段过长", "A field is too long"),
    "rule.schema-violation": ("不符合模式的其他情形", "Another schema violation"),
    # --- duplicates.py ---
    "rule.duplicate-item": ("事项重复（类型、名称、子项相同）", "Duplicate item (same type, name, sub-item)"),
    "rule.duplicate-code": ("事项编码重复", "Duplicate item code"),
    # --- basis.py, disguised.py, completeness.py ---
    "rule.basis-format": ("依据格式不规范", "The legal basis is badly formatted"),
    "rule.disguised-licence": ("疑似变相许可", "Possibly a licence in disguise"),
    "rule.completeness": ("字段填写率", "Share of records filling each field"),
    # --- declared.py: the messages of rules a schema declares (x-listkit.rules); their titles are the schema's ---
    "declared.required": ("{title}：{field}不能为空", "{title}: {field} must not be empty"),
    "declared.required-when": (
        "{title}：{when}为“{when_value}”时，{field}不能为空",
        "{title}: {field} must not be empty when {when} is '{when_value}'",
    ),
    "declared.at-most": (
        "{title}：{field}为 {days} 天，超过 {max} 天",
        "{title}: {field} is {days} days, more than {max}",
    ),
    "declared.no-days": ("{title}：{field}“{value}”中没有天数", "{title}: {field} '{value}' holds no number of days"),
    "declared.greater-than": (
        "{title}：{field}（{days} 天）超过{than}（{than_days} 天）",
        "{title}: {field} ({days} days) is longer than {than} ({than_days} days)",
    ),
}
