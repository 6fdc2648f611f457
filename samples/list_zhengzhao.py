"""The 证照分离改革事项清单 (schemas/zhengzhao-list.schema.json): the district's licensing items under the four reform
modes, a broken copy with one seeded defect per rule that applies to the schema, and the next edition.

Everything is fictional, as in generate.py: names are the district's licensing items, bases cite real law titles
with made-up dates and articles.
"""

from __future__ import annotations

import copy
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from edition2022 import reword
from generate import (
    AREA,
    DEPTS,
    REGION,
    REMARKS,
    WORDS,
    Item,
    fill_sheet,
    json_bytes,
    new_item,
    note_under,
    workbook,
)
from openpyxl import Workbook
from openpyxl.utils import get_column_letter

# How the 437 licensing items of the district's 2021 list fall over the four reform modes.
REFORM_COUNTS = {"直接取消审批": 53, "审批改为备案": 41, "实行告知承诺": 97, "优化审批服务": 246}
TOTAL = sum(REFORM_COUNTS.values())

REFORMS = {  # mode: (具体改革举措, 加强事中事后监管措施)
    "直接取消审批": (
        "取消审批后，企业取得营业执照即可开展经营，行政机关、企事业单位、行业组织等不得要求企业提供相关证件。",
        "1.开展“双随机、一公开”监管，发现违法违规行为的依法查处并公开结果。\n2.加强信用监管，依法公示企业信用状况。",
    ),
    "审批改为备案": (
        "将审批改为备案，企业在开展经营前报送备案材料，备案部门不对备案材料作实质性审查。",
        "1.加强备案信息核查，对未按规定备案的依法查处。\n2.开展“双随机、一公开”监管，依法查处违法违规行为。",
    ),
    "实行告知承诺": (
        "1.依法制作告知承诺书，一次性告知审批条件和所需材料。\n"
        "2.对申请人自愿作出承诺并按要求提交材料的，当场作出审批决定。",
        "1.在作出审批决定后2个月内对申请人的承诺内容开展核查。\n"
        "2.发现实际情况与承诺内容不符的，依法撤销审批决定并予以处罚。",
    ),
    "优化审批服务": (
        "1.将审批时限由20个工作日压减至10个工作日。\n2.取消相关证明材料，改为部门间信息共享核验。\n"
        "3.推行全程网上办理。",
        "1.开展“双随机、一公开”监管。\n2.对重点领域实行重点监管，依法查处违法违规行为。\n3.推进信用分级分类监管。",
    ),
}
# The second wording of each mode's measures, as departments write them in their own words.
MORE_MEASURES = {
    "直接取消审批": (
        "取消审批，不再核发许可证件，企业办理营业执照后即可从事相关经营活动。",
        "1.通过“互联网+监管”系统掌握企业经营信息。\n2.对投诉举报的问题依法核查处理。\n"
        "3.将违法违规行为记入企业信用记录。",
    ),
    "审批改为备案": (
        "1.取消审批，实行备案管理。\n2.企业通过政务服务网在线提交备案材料，即时办结。",
        "1.对备案企业开展抽查，抽查比例不低于5%。\n2.对提供虚假备案信息的依法处理并记入信用记录。",
    ),
    "实行告知承诺": (
        "1.明确告知许可条件、所需材料和违反承诺的后果。\n2.申请人承诺符合条件的，不再提交相关证明材料。\n"
        "3.将审批时限压减50%。",
        "1.将承诺人纳入重点监管，3个月内开展现场核查。\n2.对承诺不实的依法撤销许可，并将失信信息纳入信用信息共享平台。",
    ),
    "优化审批服务": (
        "1.推行电子证照，许可证件到期前主动提醒延续。\n2.压减申请材料，能通过信息共享获取的不再要求提供。\n"
        "3.实行“一窗受理、集成服务”。",
        "1.加强日常监督检查，依法查处违法违规行为。\n2.依法向社会公开监管结果。",
    ),
}
NOTE = (
    "注：1.本清单按照“证照分离”改革全覆盖要求，对涉企经营许可事项实行分类管理。2.未列入本清单的涉企经营许可"
    "事项，按照国家和省有关规定执行。3.本清单实行动态调整，由区审批制度改革领导小组办公室统一发布。"
)
LEVELS = ("区级：{dept}", "区级：{dept}", "区级：{dept}", "市级、区级：{dept}", "区级：{dept}（委托街道办理）")
# The licence a licensing item issues, by the word its name ends with.
LICENCE_OF = {
    "经营许可": "经营许可证",
    "生产许可": "生产许可证",
    "使用许可": "使用许可证",
    "设立审批": "设立批准文件",
    "变更审批": "变更批准文件",
    "延续审批": "准予延续决定书",
    "资质核准": "资质证书",
    "许可证核发": "许可证",
    "登记证核发": "登记证",
    "安全条件审批": "安全条件审查意见书",
}
assert set(LICENCE_OF) == set(WORDS["XK"])


@dataclass(frozen=True)
class Row:
    """One reform item, in the columns of the schema (seq is given when the rows are written)."""

    code: str
    competent: str
    name: str
    licence: str
    basis: str
    level: str
    reform: str
    measures: str
    supervision: str
    remark: str = ""


COLUMNS = (
    "序号",
    "事项编码",
    "主管部门",
    "改革事项",
    "许可证件",
    "设定依据",
    "审批层级和部门",
    "改革方式",
    "具体改革举措",
    "加强事中事后监管措施",
    "备注",
)
ATTRS = ("seq", *Row.__dataclass_fields__)
# zhengzhao-derived.xlsx was written before the schema gained 许可证件; it keeps its columns.
DERIVED_COLUMNS = tuple(title for title in COLUMNS if title != "许可证件")


def licence_of(name: str) -> str:
    word = next(word for word in LICENCE_OF if name.endswith(word))
    return name[: -len(word)] + LICENCE_OF[word]


def zhengzhao_list(seed: int, items: Sequence[Item]) -> Workbook:
    """The 证照分离 reform items made from ``items`` (licensing items the reform covers), in the columns the
    list had before 许可证件: zhengzhao-derived.xlsx."""
    rng = random.Random(seed)
    modes = [list(REFORMS)[i % len(REFORMS)] for i in range(len(items))]
    rng.shuffle(modes)
    rows = [
        [
            [
                seq,
                f"ZZ{seq:05d}",
                item.dept.name,
                item.name,
                item.records[0].basis,
                f"区级：{item.dept.name}",
                mode,
                *REFORMS[mode],
                rng.choice(REMARKS) if rng.random() < 0.05 else None,
            ]
        ]
        for seq, (item, mode) in enumerate(zip(items, modes, strict=True), 1)
    ]
    wb, ws = workbook("证照分离改革事项清单")
    fill_sheet(ws, f"{AREA}证照分离改革事项清单（2021年版）", DERIVED_COLUMNS, rows)
    return wb


def reform_rows(seed: int) -> list[Row]:
    """The TOTAL reform items, grouped by department as published, each mode as often as REFORM_COUNTS says."""
    rng, used = random.Random(seed), set[str]()
    items = sorted((new_item(rng, "XK", DEPTS, used) for _ in range(TOTAL)), key=lambda item: DEPTS.index(item.dept))
    modes = [mode for mode, count in REFORM_COUNTS.items() for _ in range(count)]
    rng.shuffle(modes)
    rows, per_dept = [], dict[str, int]()
    for item, mode in zip(items, modes, strict=True):
        per_dept[item.dept.code] = per_dept.get(item.dept.code, 0) + 1
        measures, supervision = rng.choice((REFORMS[mode], MORE_MEASURES[mode]))
        remark = rng.choice(REMARKS) if rng.random() < 0.05 else ""
        rows.append(
            Row(
                f"{REGION}ZZ{item.dept.code}{per_dept[item.dept.code]:03d}",
                item.dept.name,
                item.name,
                licence_of(item.name),
                item.records[0].basis,
                rng.choice(LEVELS).format(dept=item.dept.name),
                mode,
                measures,
                supervision,
                remark,
            )
        )
    return rows


def reform_list(rows: Sequence[Row], edition: str = "2021年版", note: str = NOTE) -> Workbook:
    wb, ws = workbook("证照分离改革事项清单")
    groups = [[[seq, *(getattr(row, attr) for attr in ATTRS[1:])]] for seq, row in enumerate(rows, 1)]
    fill_sheet(ws, f"{AREA}证照分离改革事项清单（{edition}）", COLUMNS, groups)
    if note:
        note_under(ws, note, len(COLUMNS), 48)
    return wb


# --- the broken list: one department's draft, a defect seeded on every second row from index 3 on ------------

DOC_IN_SQUARE_BRACKETS = (
    "【法规】《娱乐场所管理条例》第九条：娱乐场所申请从事娱乐场所经营活动，应当向所在地县级人民政府"
    "文化主管部门提出申请……\n【规范性文件】《国务院关于深化“证照分离”改革进一步激发市场主体发展活力"
    "的通知》（国发[2021]7号）"
)
BROKEN_DEFECTS = [  # row index, rule, severity, field, the value that spoils it
    (3, "required-field", "error", "name", ""),
    (5, "required-field", "error", "basis", ""),
    (7, "required-field", "error", "reform", ""),
    (9, "invalid-value", "error", "reform", "改为审批"),
    (11, "code-format", "error", "code", f"{REGION}ZZ209-12号"),
    (13, "field-length", "error", "name", None),  # a name of 301 characters
    (15, "duplicate-item", "error", "name", None),  # row index 2's name, with half-width brackets
    (17, "duplicate-code", "error", "code", None),  # row index 2's code
    (19, "basis-format", "warning", "basis", "依照有关法律、法规的规定，从事营业性演出经营活动应当取得批准。"),
    (21, "basis-format", "error", "basis", "【法规】《营业性演出管理条例》第六条（一"),
    (23, "basis-format", "warning", "basis", DOC_IN_SQUARE_BRACKETS),
]
BROKEN_ROWS = 30


def broken_list(seed: int) -> tuple[Workbook, list[dict[str, str]]]:
    culture = next(dept for dept in DEPTS if "文化" in dept.name)
    rng, used = random.Random(seed), set[str]()
    items = [new_item(rng, "XK", [culture], used) for _ in range(BROKEN_ROWS)]
    modes = [list(REFORMS)[i % len(REFORMS)] for i in range(BROKEN_ROWS)]
    rows = [
        Row(
            f"{REGION}ZZ{culture.code}{index:03d}",
            culture.name,
            item.name,
            licence_of(item.name),
            item.records[0].basis,
            f"区级：{culture.name}",
            mode,
            *REFORMS[mode],
        )
        for index, (item, mode) in enumerate(zip(items, modes, strict=True), 1)
    ]
    rows[2] = replace(rows[2], name=f"{culture.objects[0]}经营许可（含分支机构）")
    expected = []
    for index, rule, severity, attr, value in BROKEN_DEFECTS:
        if rule == "field-length":
            value = ("营业性演出" + "、".join(culture.objects * 40))[:297] + "经营许可"
        elif rule == "duplicate-item":
            value = rows[2].name.replace("（", "(").replace("）", ")")
        elif rule == "duplicate-code":
            value = rows[2].code
        rows[index] = replace(rows[index], **{attr: value})
        expected.append(
            {"rule": rule, "severity": severity, "cell": f"{get_column_letter(ATTRS.index(attr) + 1)}{index + 3}"}
        )
    return reform_list(rows, "征求意见稿", note=""), expected


# --- the next edition -------------------------------------------------------------------------------------------

NEW_CITATION = "\n【规范性文件】《示例省深化“证照分离”改革实施方案》（示政发〔2022〕5号）"


def edition_2022(rows: Sequence[Row], seed: int = 2122) -> tuple[list[Row], list[dict[str, object]]]:
    """3 items cancelled, 6 added, 9 adjusted (renamed, reform mode changed, basis changed, both), plus cosmetic edits
    (bracket width, 序号 renumbering) a diff must not count."""
    rng = random.Random(seed)
    rows = list(rows)
    order = list(range(len(rows)))
    rng.shuffle(order)
    picks = iter(order)
    expected: list[dict[str, object]] = []
    cancelled = {next(picks) for _ in range(3)}
    for index in sorted(cancelled):
        expected.append({"kind": "cancelled", "aspects": [], "name": rows[index].name})

    def adjust(aspects: list[str], **change: Callable[[Row], str]) -> None:
        index = next(picks)
        rows[index] = replace(rows[index], **{attr: edit(rows[index]) for attr, edit in change.items()})
        expected.append({"kind": "adjusted", "aspects": sorted(aspects), "name": rows[index].name})

    for _ in range(2):
        adjust(["renamed"], name=lambda row: reword(row.name))

    # A change of mode (to 实行告知承诺; one already there goes on to 优化审批服务) brings its measures with it.
    def moved(row: Row) -> str:
        return "实行告知承诺" if row.reform != "实行告知承诺" else "优化审批服务"

    for _ in range(3):
        adjust(
            ["other-field-changed"],
            reform=moved,
            measures=lambda row: MORE_MEASURES[moved(row)][0],
            supervision=lambda row: MORE_MEASURES[moved(row)][1],
        )
    for _ in range(3):
        adjust(["basis-changed"], basis=lambda row: row.basis + NEW_CITATION)
    adjust(["level-changed"], level=lambda row: f"市级：{row.competent}")
    for _ in range(2):  # cosmetic: bracket width
        index = next(picks)
        rows[index] = replace(rows[index], basis=rows[index].basis.replace("（", "(", 1).replace("）", ")", 1))
    kept = [row for index, row in enumerate(rows) if index not in cancelled]
    used = {row.name for row in rows}
    added_rng = random.Random(seed + 1)
    for number in range(1, 7):
        item = new_item(added_rng, "XK", DEPTS, used)
        mode = ("实行告知承诺", "优化审批服务")[number % 2]
        kept.append(
            Row(
                f"{REGION}ZZ{item.dept.code}{900 + number:03d}",
                item.dept.name,
                item.name,
                licence_of(item.name),
                item.records[0].basis,
                f"区级：{item.dept.name}",
                mode,
                *REFORMS[mode],
            )
        )
        expected.append({"kind": "added", "aspects": [], "name": item.name})
    kept.sort(key=lambda row: next(i for i, dept in enumerate(DEPTS) if dept.name == row.competent))
    return kept, expected


def outputs(to_bytes: Callable[[Workbook], bytes]) -> dict[str, bytes]:
    rows = reform_rows(2025)
    broken, defects = broken_list(2125)
    next_rows, changes = edition_2022(copy.deepcopy(rows))
    return {
        "zhengzhao-list.xlsx": to_bytes(reform_list(rows)),
        "broken-zhengzhao-list.xlsx": to_bytes(broken),
        "broken-zhengzhao-list.expected.json": json_bytes(defects),
        "zhengzhao-list-2022.xlsx": to_bytes(reform_list(next_rows, "2022年版")),
        "zhengzhao-list-2022.expected-diff.json": json_bytes(changes),
    }
