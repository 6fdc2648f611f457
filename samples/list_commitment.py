"""The 告知承诺制事项清单 (schemas/commitment-list.schema.json): the district's items an applicant may obtain on a
written commitment — licences, certificates of proof, confirmations, filings, benefits and services — a broken copy
with one seeded defect per rule that applies to the schema (its declared rules included), and the next edition.

Everything is fictional, as in generate.py: the departments and names are the district's, bases cite real law
titles with made-up dates and articles.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from edition2022 import reword
from generate import (
    AREA,
    DEPTS,
    REGION,
    REMARKS,
    Dept,
    basis_text,
    fill_sheet,
    fresh_name,
    json_bytes,
    note_under,
    workbook,
)
from openpyxl import Workbook
from openpyxl.utils import get_column_letter

# The district's 565 commitment items by 事项类型 (a 证明事项 is a certificate an applicant promises instead of
# bringing), in the order the list publishes them; the code prefix of each.
TYPE_COUNTS = {"行政许可": 262, "证明事项": 168, "行政确认": 57, "其他行政权力": 38, "行政给付": 18, "公共服务": 22}
TOTAL = sum(TYPE_COUNTS.values())
PREFIX = {
    "行政许可": "XK",
    "证明事项": "ZM",
    "行政确认": "QR",
    "其他行政权力": "QT",
    "行政给付": "JF",
    "公共服务": "GG",
}

PROOFS = (
    "无犯罪记录证明",
    "学历证明",
    "专业技术职称证明",
    "经营场所产权证明",
    "健康证明",
    "社会保险缴纳证明",
    "纳税情况证明",
    "从业经历证明",
    "亲属关系证明",
    "居住证明",
    "消防安全检查合格证明",
    "无违法违规记录证明",
)
PROOF_USES = ("申请{o}相关许可所需的{p}", "办理{o}登记所需的{p}", "{o}从业人员备案所需的{p}")

PROMISES = {
    "XK": (
        "申请人承诺已经具备从事{o}相关经营活动的法定条件，提交的材料真实、合法、有效，取得许可后按照许可范围"
        "从事经营活动；违反承诺的，愿意承担撤销许可等法律责任。",
        "1.本单位已知晓告知的全部许可条件和所需材料。\n2.本单位符合{o}相关许可条件，能够按照要求提交材料。\n"
        "3.所填写的信息真实、准确，如有不实，自愿承担相应法律责任。",
    ),
    "ZM": (
        "申请人承诺本人（本单位）符合{p}所证明的事项，所作承诺真实、准确；承诺不实的，愿意承担相应的法律责任"
        "并接受信用惩戒。",
        "1.本人已知晓行政机关告知的证明义务和证明内容。\n2.本人符合{p}所要证明的条件。\n"
        "3.本人愿意承担虚假承诺的法律责任。",
    ),
    "QR": (
        "申请人承诺所提交的{o}有关材料真实、完整、有效，申请确认的事实与实际情况相符；承诺不实的，愿意承担"
        "撤销确认结果的后果。",
    ),
    "QT": (
        "备案人承诺所报送的备案信息真实、准确，备案事项发生变化时在30日内办理变更备案；违反承诺的，愿意承担"
        "相应法律责任。",
    ),
    "JF": (
        "申请人承诺所填报的家庭人口、收入和财产状况真实、完整，享受待遇期间情况发生变化的及时报告；"
        "骗取待遇的，愿意退还并承担相应法律责任。",
    ),
    "GG": ("申请人承诺所提交的申请材料和填报信息真实、有效，如有虚假，愿意承担由此产生的一切后果。",),
}
CHECKS = (
    "1.数据核查：通过政务数据共享平台核查有关信息。\n2.现场核查：在作出决定之日起2个月内开展现场核查。",
    "部门间信息共享核查；无法通过信息共享核查的，通过函询有关单位或者实地核查。",
    "在作出决定后30日内，通过信用信息共享平台和业务系统核查承诺内容。",
    "材料审查与现场检查相结合，在作出决定后3个月内核查完毕，核查结果记入档案。",
    "纳入“双随机、一公开”监管抽查，抽查比例不低于20%。",
)
SUPERVISION = (
    "1.将申请人的承诺履行情况纳入信用记录。\n2.对承诺不实的，依法撤销办理结果并予以处罚。\n3.将虚假承诺情节严重的"
    "列入严重失信主体名单，实施联合惩戒。",
    "1.加强日常监督检查，发现不符合承诺条件的，责令限期整改。\n2.逾期不整改或者整改后仍不符合条件的，依法撤销。",
    "1.建立告知承诺信用档案，实施信用分级分类监管。\n2.对失信申请人不再适用告知承诺制。",
    "开展“双随机、一公开”监管，对投诉举报多、风险较高的申请人增加抽查频次。",
)
APPLIES_TO = {
    "XK": ("企业", "企业、个体工商户", "企业、农民专业合作社", "法人和其他组织"),
    "ZM": ("自然人", "自然人、法人和其他组织", "企业、个体工商户"),
    "QR": ("法人和其他组织", "自然人、法人和其他组织"),
    "QT": ("企业", "法人和其他组织"),
    "JF": ("自然人", "本区户籍居民"),
    "GG": ("自然人、法人和其他组织", "企业"),
}
APPROVAL_BUREAU = "区行政审批局"


@dataclass(frozen=True)
class Row:
    """One commitment item, in the columns of the schema (seq is given when the rows are written)."""

    code: str
    name: str
    type: str
    competent: str
    body: str
    basis: str
    commitment: str
    verification: str
    supervision: str
    applies_to: str
    remark: str = ""


COLUMNS = (
    "序号",
    "事项编码",
    "事项名称",
    "事项类型",
    "主管部门",
    "实施机关",
    "设定依据",
    "承诺内容",
    "核查方式",
    "事中事后监管措施",
    "适用对象",
    "备注",
)
ATTRS = ("seq", *Row.__dataclass_fields__)
NOTE = (
    "注：1.申请人可自主选择是否采用告知承诺制方式办理；不愿承诺或者无法承诺的，按照一般程序办理。2.申请人有较严重"
    "不良信用记录或者曾作出虚假承诺等情形的，在信用修复前不适用告知承诺制。"
)


def fresh_proof(rng: random.Random, depts: Sequence[Dept], used: set[str]) -> tuple[Dept, str]:
    """A 证明事项 name not used before in this list: the certificate and what it is needed for."""
    for _ in range(5000):
        dept = rng.choice(depts)
        name = rng.choice(PROOF_USES).format(o=rng.choice(dept.objects), p=rng.choice(PROOFS))
        if name not in used:
            used.add(name)
            return dept, name
    raise RuntimeError("the phrase lists ran out of fresh 证明事项 names")


def new_row(rng: random.Random, kind: str, depts: Sequence[Dept], used: set[str]) -> tuple[Dept, Row]:
    prefix = PREFIX[kind]
    if prefix == "ZM":
        dept, name = fresh_proof(rng, depts, used)
        proof = next(p for p in PROOFS if name.endswith(p))
    else:
        dept, name = fresh_name(rng, prefix, depts, used)
        proof = ""
    obj = next((o for o in dept.objects if o in name), rng.choice(dept.objects))
    body = APPROVAL_BUREAU if prefix == "XK" and rng.random() < 0.25 else dept.name
    remark = rng.choice(REMARKS) if rng.random() < 0.05 else ""
    return dept, Row(
        "",
        name,
        kind,
        dept.name,
        body,
        basis_text(rng, dept, "XK" if prefix == "XK" else "*"),
        rng.choice(PROMISES[prefix]).format(o=obj, p=proof),
        rng.choice(CHECKS),
        rng.choice(SUPERVISION),
        rng.choice(APPLIES_TO[prefix]),
        remark,
    )


def numbered(placed: Sequence[tuple[Dept, Row]]) -> list[Row]:
    """Sorted by department and type, each coded by department, type and its number among them."""
    order = list(TYPE_COUNTS)
    placed = sorted(placed, key=lambda pair: (DEPTS.index(pair[0]), order.index(pair[1].type)))
    counters: dict[tuple[str, str], int] = {}
    rows = []
    for dept, row in placed:
        key = (dept.code, row.type)
        counters[key] = counters.get(key, 0) + 1
        rows.append(replace(row, code=f"{REGION}{dept.code}{PREFIX[row.type]}{counters[key]:03d}CN"))
    return rows


def commitment_rows(seed: int) -> list[tuple[Dept, Row]]:
    rng, used = random.Random(seed), set[str]()
    placed = []
    for kind, count in TYPE_COUNTS.items():
        depts = [dept for dept in DEPTS if kind == "证明事项" or PREFIX[kind] in dept.prefixes]
        placed += [new_row(rng, kind, depts, used) for _ in range(count)]
    return placed


def commitment_list(rows: Sequence[Row], edition: str = "2021年版", note: str = NOTE) -> Workbook:
    wb, ws = workbook("告知承诺制事项清单")
    groups = [[[seq, *(getattr(row, attr) for attr in ATTRS[1:])]] for seq, row in enumerate(rows, 1)]
    fill_sheet(ws, f"{AREA}告知承诺制事项清单（{edition}）", COLUMNS, groups)
    if note:
        note_under(ws, note, len(COLUMNS), 36)
    return wb


# --- the broken list: one department's draft, a defect seeded on every second row from index 3 on ------------

DOC_IN_SQUARE_BRACKETS = (
    "【法规】《娱乐场所管理条例》第九条\n【规范性文件】《国务院办公厅关于全面推行证明事项和涉企经营许可"
    "事项告知承诺制的指导意见》（国办发[2020]42号）"
)
BROKEN_DEFECTS = [  # row index, rule, severity, field, the value that spoils it
    (3, "required-field", "error", "name", ""),
    (5, "required-field", "error", "body", ""),
    (7, "commitment-content", "error", "commitment", ""),
    (9, "commitment-verification", "warning", "verification", ""),
    (11, "code-format", "error", "code", f"{REGION}209-xk-11"),
    (13, "field-length", "error", "name", None),  # a name of 301 characters
    (15, "duplicate-item", "error", "name", None),  # row index 2's name (and type), with half-width brackets
    (17, "duplicate-code", "error", "code", None),  # row index 2's code
    (19, "basis-format", "warning", "basis", "依照有关法律、法规的规定，从事营业性演出经营活动应当取得批准。"),
    (21, "basis-format", "error", "basis", "【法规】《营业性演出管理条例》第六条（一"),
    (23, "basis-format", "warning", "basis", DOC_IN_SQUARE_BRACKETS),
    (25, "disguised-licence", "warning", "name", "娱乐场所经营项目变更核准"),
]
BROKEN_KINDS = ["行政许可", "证明事项", "行政许可"] * 10
BROKEN_KINDS[25] = "行政确认"


def broken_list(seed: int) -> tuple[Workbook, list[dict[str, str]]]:
    culture = next(dept for dept in DEPTS if "文化" in dept.name)
    rng, used = random.Random(seed), set[str]()
    rows = [new_row(rng, kind, [culture], used)[1] for kind in BROKEN_KINDS]
    rows = [
        replace(row, code=f"{REGION}{culture.code}{PREFIX[row.type]}{index:03d}CN", body=culture.name, remark="")
        for index, row in enumerate(rows, 1)
    ]
    rows[2] = replace(rows[2], name=f"{culture.objects[0]}经营许可（含分支机构）", type="行政许可")
    expected = []
    for index, rule, severity, attr, value in BROKEN_DEFECTS:
        if rule == "field-length":
            value = ("营业性演出" + "、".join(culture.objects * 40))[:297] + "经营许可"
        elif rule == "duplicate-item":
            value = rows[2].name.replace("（", "(").replace("）", ")")
            rows[index] = replace(rows[index], type=rows[2].type)
        elif rule == "duplicate-code":
            value = rows[2].code
        rows[index] = replace(rows[index], **{attr: value})
        cell = f"{get_column_letter(ATTRS.index(attr) + 1)}{index + 3}"
        expected.append({"rule": rule, "severity": severity, "cell": cell})
    return commitment_list(rows, "征求意见稿", note=""), expected


# --- the next edition -------------------------------------------------------------------------------------------

NEW_CITATION = "\n【规范性文件】《示例省全面推行证明事项和涉企经营许可事项告知承诺制实施方案》（示政办发〔2022〕11号）"
NEW_CHECK = "1.信息共享核查：通过省一体化政务服务平台核验。\n2.现场核查：在作出决定之日起1个月内开展现场核查。"


def edition_2022(placed: Sequence[tuple[Dept, Row]], seed: int = 2222) -> tuple[list[Row], list[dict[str, object]]]:
    """4 items cancelled (证明事项 no longer required at all), 8 added, 10 adjusted (renamed, basis, body, type,
    verification changed), plus cosmetic edits (bracket width, 序号 renumbering) a diff must not count."""
    rng = random.Random(seed)
    ordered = sorted(placed, key=lambda pair: (DEPTS.index(pair[0]), list(TYPE_COUNTS).index(pair[1].type)))
    rows, depts = numbered(ordered), [dept for dept, _ in ordered]
    order = list(range(len(rows)))
    rng.shuffle(order)
    expected: list[dict[str, object]] = []
    taken: set[int] = set()

    def pick(kind: str | None = None) -> int:
        index = next(i for i in order if i not in taken and (kind is None or rows[i].type == kind))
        taken.add(index)
        return index

    cancelled = {pick("证明事项") for _ in range(4)}
    for index in sorted(cancelled):
        expected.append({"kind": "cancelled", "aspects": [], "name": rows[index].name})

    def adjust(kind: str | None, aspects: list[str], **change: Callable[[Row], str]) -> None:
        index = pick(kind)
        rows[index] = replace(rows[index], **{attr: edit(rows[index]) for attr, edit in change.items()})
        expected.append({"kind": "adjusted", "aspects": sorted(aspects), "name": rows[index].name})

    for kind in ("行政许可", "行政许可", "行政确认"):
        adjust(kind, ["renamed"], name=lambda row: reword(row.name))
    for kind in ("行政许可", "证明事项", "行政给付"):
        adjust(kind, ["basis-changed"], basis=lambda row: row.basis + NEW_CITATION)
    adjust(
        "行政许可", ["body-changed"], body=lambda row: APPROVAL_BUREAU if row.body != APPROVAL_BUREAU else row.competent
    )
    adjust("其他行政权力", ["type-changed"], type=lambda row: "行政确认")
    for kind in ("行政许可", "证明事项"):
        adjust(kind, ["other-field-changed"], verification=lambda row: NEW_CHECK)
    for kind in ("行政许可", "公共服务"):  # cosmetic: bracket width
        index = pick(kind)
        rows[index] = replace(rows[index], basis=rows[index].basis.replace("（", "(", 1).replace("）", ")", 1))
    kept = [(depts[index], row) for index, row in enumerate(rows) if index not in cancelled]
    used = {row.name for row in rows}
    added_rng = random.Random(seed + 1)
    added = []
    for number, kind in enumerate(["行政许可"] * 5 + ["行政确认", "公共服务", "证明事项"], 1):
        eligible = [dept for dept in DEPTS if kind == "证明事项" or PREFIX[kind] in dept.prefixes]
        dept, row = new_row(added_rng, kind, eligible, used)
        added.append((dept, replace(row, code=f"{REGION}{dept.code}{PREFIX[kind]}{900 + number:03d}CN")))
        expected.append({"kind": "added", "aspects": [], "name": row.name})
    order_of = list(TYPE_COUNTS)
    edition = sorted(kept + added, key=lambda pair: (DEPTS.index(pair[0]), order_of.index(pair[1].type)))
    return [row for _, row in edition], expected


def outputs(to_bytes: Callable[[Workbook], bytes]) -> dict[str, bytes]:
    placed = commitment_rows(2027)
    broken, defects = broken_list(2127)
    next_rows, changes = edition_2022(placed)
    return {
        "commitment-list.xlsx": to_bytes(commitment_list(numbered(placed))),
        "broken-commitment-list.xlsx": to_bytes(broken),
        "broken-commitment-list.expected.json": json_bytes(defects),
        "commitment-list-2022.xlsx": to_bytes(commitment_list(next_rows, "2022年版")),
        "commitment-list-2022.expected-diff.json": json_bytes(changes),
    }
