"""The words of a comparison: kinds of change, aspects of an adjustment, directions of a level change
(``diff.kind.<kind>``, ``diff.aspect.<aspect>``, ``diff.direction.<direction>``; diff/labels.py reads them)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "diff.kind.added": ("新增", "added"),
    "diff.kind.cancelled": ("取消", "cancelled"),
    "diff.kind.adjusted": ("调整", "adjusted"),
    "diff.kind.cosmetic": ("格式调整", "cosmetic"),
    "diff.aspect.renamed": ("更名", "renamed"),
    "diff.aspect.type-changed": ("类型调整", "type changed"),
    "diff.aspect.basis-changed": ("依据调整", "basis changed"),
    "diff.aspect.body-changed": ("实施主体调整", "body changed"),
    "diff.aspect.office-changed": ("承办机构调整", "office changed"),
    "diff.aspect.level-changed": ("层级调整", "level changed"),
    "diff.aspect.code-changed": ("编码调整", "code changed"),
    "diff.aspect.merged": ("合并", "merged"),
    "diff.aspect.split": ("拆分", "split"),
    "diff.aspect.other-field-changed": ("其他调整", "other field changed"),
    "diff.direction.delegated": ("下放", "delegated"),
    "diff.direction.taken-back": ("上收", "taken back"),
    # What a change of each shape must hold, for the apply-shape message (diff/change_order.py).
    "apply.shape.new-only": ("只有新记录（new），没有原记录", "a new record and no old one"),
    "apply.shape.old-only": ("只有原记录（old），没有新记录", "an old record and no new one"),
    "apply.shape.both": ("既有原记录（old）也有新记录（new）", "both an old and a new record"),
}
