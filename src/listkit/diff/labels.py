"""The words reports and change orders use for kinds and aspects of change, in both languages."""

from __future__ import annotations

from listkit.i18n import Lang

KIND_LABELS = {
    "added": ("新增", "added"),
    "cancelled": ("取消", "cancelled"),
    "adjusted": ("调整", "adjusted"),
    "cosmetic": ("格式调整", "cosmetic"),
}
ASPECT_LABELS = {
    "renamed": ("更名", "renamed"),
    "type-changed": ("类型调整", "type changed"),
    "basis-changed": ("依据调整", "basis changed"),
    "body-changed": ("实施主体调整", "body changed"),
    "office-changed": ("承办机构调整", "office changed"),
    "level-changed": ("层级调整", "level changed"),
    "code-changed": ("编码调整", "code changed"),
    "merged": ("合并", "merged"),
    "split": ("拆分", "split"),
    "other-field-changed": ("其他调整", "other field changed"),
}
DIRECTION_LABELS = {"delegated": ("下放", "delegated"), "taken-back": ("上收", "taken back")}
# What a change-order row says it is, read back by `apply` (either language).
OLD_MARKS = ("原", "旧", "old")
NEW_MARKS = ("新", "new")


def label(table: dict[str, tuple[str, str]], key: str, lang: Lang) -> str:
    pair = table.get(key)
    if pair is None:
        return key
    return pair[0] if lang == "zh" else pair[1]
