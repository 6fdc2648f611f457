"""The words of `listkit check`: statuses (``check.status.<status>``), the summary in the clerk's words, and the
headers of its reports and its 对照表."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "check.status.conforming": ("承接一致", "conforming"),
    "check.status.differs": ("承接不一致", "differs"),
    "check.status.missing": ("未承接", "missing"),
    "check.status.extra": ("超出目录", "beyond the catalogue"),
    "check.status.out-of-level": ("层级不符", "out of level"),
    "check.status.cancelled": ("已取消", "cancelled"),
    "check.headline": (
        "应承接 {reference} 项：已承接 {taken} 项（其中不一致 {differs} 项），未承接 {missing} 项；"
        "超出目录 {extra} 项，层级不符 {out_of_level} 项",
        "{reference} catalogue items apply: {taken} taken up ({differs} of them differ), {missing} missing; "
        "{extra} beyond the catalogue, {out_of_level} out of level",
    ),
    "check.headline-references": (
        "按所涉事项核对 {listed} 项：{resolved} 项所涉事项均在目录中（其中写法不同 {differs} 项），"
        "{extra} 项所涉事项不在目录中，层级不符 {out_of_level} 项",
        "{listed} items checked by the catalogue items they name: {resolved} name catalogue items only ({differs} "
        "of them spelled otherwise), {extra} name an item not in the catalogue, {out_of_level} out of level",
    ),
    "check.headline-cancelled": ("；目录事项已取消 {cancelled} 项", "; {cancelled} catalogue items cancelled since"),
    "check.title": ("清单对照：{list} ↔ {reference}（{level}）", "List check: {list} against {reference} ({level})"),
    "check.every-level": ("各层级", "every level"),
    "check.reference-count": ("应承接", "Applying"),
    "check.reference-level": ("目录所列层级：{level}", "Level in the catalogue: {level}"),
    "check.in-reference": ("目录", "Catalogue"),
    "check.in-list": ("本清单", "This list"),
    "check.sheet": ("对照表", "Check"),
    "check.column.status": ("对照结果", "Status"),
    "check.column.aspects": ("差异", "Differences"),
    "check.column.note": ("说明", "Note"),
    "check.column.of-reference": ("{title}（目录）", "{title} (catalogue)"),
    "check.column.of-list": ("{title}（本清单）", "{title} (this list)"),
}
