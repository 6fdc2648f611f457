"""The district's 政务服务事项实施清单 (schemas/service-list.schema.json): one row per item or 业务办理项, with how it
is served. The annual report's figures come straight out of it: 网上可办率 100%, 预约办 97.43% (1,213 of 1,245).

Also a broken variant with one seeded defect per rule that can fire on this schema, and the 2022 edition with the
changes a diff must find. Everything is fictional, as in generate.py.
"""

from __future__ import annotations

import copy
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from generate import (
    AREA,
    DEPTS,
    PREFIX,
    REGION,
    TYPE_OF,
    Dept,
    cn_number,
    fill_sheet,
    json_bytes,
    new_item,
    note_under,
    workbook,
)
from openpyxl import Workbook
from openpyxl.utils import get_column_letter

# The report: "网上可办率100%，预约办97.43%" — 1,213 of 1,245 records may be booked ahead.
RECORDS = {"XK": 312, "QR": 168, "JF": 38, "JL": 21, "CJ": 5, "ZS": 46, "QT": 127, "GG": 528}
NOT_BY_APPOINTMENT = 32
SUB_SHARE = 0.22  # items split into 业务办理项
LEVEL = "县级"
TYPE_NO = {prefix: f"{number:02d}" for number, prefix in enumerate(PREFIX.values(), 1)}
COLUMNS = (
    ("序号", "seq"),
    ("基本编码", "base_code"),
    ("实施编码", "code"),
    ("事项名称", "name"),
    ("业务办理项", "sub_name"),
    ("事项类型", "type"),
    ("设定依据", "basis"),
    ("实施主体", "body"),
    ("实施主体性质", "body_kind"),
    ("权力来源", "power_source"),
    ("行使层级", "level"),
    ("办件类型", "handling"),
    ("法定办结时限", "statutory"),
    ("承诺办结时限", "promised"),
    ("到现场次数", "visits"),
    ("网上办理深度", "online_depth"),
    ("是否网上可办", "online"),
    ("是否可预约", "appointment"),
    ("是否就近办", "nearby"),
    ("是否马上办", "immediate"),
    ("是否跨省通办", "cross_province"),
    ("是否全市通办", "city_wide"),
    ("通办范围", "across"),
    ("是否收费", "fee"),
    ("收费标准", "fee_standard"),
    ("备注", "remark"),
)
MERGED = (1, 2, 4, 7)  # 序号, 基本编码, 事项名称 and 设定依据 span an item's 业务办理项
WIDTHS = {
    "seq": 6,
    "base_code": 15,
    "code": 36,
    "name": 30,
    "sub_name": 30,
    "basis": 40,
    "body": 22,
    "power_source": 12,
    "fee_standard": 30,
    "remark": 26,
}
NOTE = (
    "注：1.本清单所列事项均已纳入示例市政务服务网，可“一网通办”；2.承诺办结时限以工作日计，不含法定听证、"
    "检验、检测、鉴定、专家评审等时间；3.“到现场次数”为申请材料齐全、符合法定形式时的最多次数。"
)
REMARKS = (
    "可在街道便民服务中心就近办理",
    "已纳入“跨省通办”事项清单",
    "实行告知承诺制",
    "市级下放事项",
    "可通过示例市政务服务网全程网办",
    "与相关部门联合办理",
)
UPPER = "ABCDEFGHJKLMNPQRTUWXY"
FEE_STANDARD = {"ZS": "按示例省财政、价格主管部门核定的标准征收（示价费〔2019〕8号）", "XK": "证照工本费每证10元"}
# Sub-item words where generate.SUB_WORDS would read oddly on a service item.
SUB_WORDS = {
    "XK": "新办 变更 延续 注销 补办",
    "QR": "首次 变更 注销 补发",
    "JF": "申领 变更 停发 补发",
    "JL": "单位 个人",
    "CJ": "单位之间 个人之间",
    "ZS": "新办 补缴 退费",
    "QT": "首次 变更 注销",
    "GG": "线上办理 窗口办理 上门服务 预约办理",
}


@dataclass
class Row:
    name: str
    sub_name: str
    type: str
    body: str
    prefix: str
    dept: Dept
    seq: int = 0
    base_code: str = ""
    code: str = ""
    basis: str = ""
    body_kind: str = "法定机关"
    power_source: str = "法定本级行使"
    level: str = LEVEL
    handling: str = "承诺件"
    statutory: str = ""
    promised: str = ""
    visits: str = "0次"
    online_depth: str = "全程网办"
    online: str = "是"
    appointment: str = "是"
    nearby: str = "否"
    immediate: str = "否"
    cross_province: str = "否"
    city_wide: str = "否"
    across: str = ""
    fee: str = "否"
    fee_standard: str = ""
    remark: str = ""
    group: int = field(default=0, repr=False)  # the item it belongs to (rows of one item share it)


def credit_code(dept: Dept) -> str:
    """A fictional 统一社会信用代码 (18 characters) for a department: 11 (机关) + region + an organisation code."""
    number = int(dept.code)
    return f"11{REGION}MB{dept.code}{number * 7919 % 10000:04d}{UPPER[number % len(UPPER)]}"


def _days(rng: random.Random, choices: Sequence[int]) -> str:
    return f"{rng.choice(choices)}个工作日"


def serve(rng: random.Random, row: Row) -> None:
    """How a row is served: 即办件 or 承诺件 with time limits, visits, depth and the yes/no columns."""
    immediate_share = {"GG": 0.55, "QR": 0.4, "JF": 0.2, "QT": 0.5}.get(row.prefix, 0.1)
    statutory_days = {"XK": (20, 20, 20, 15, 30), "CJ": (60,), "JF": (15, 20, 30)}.get(row.prefix, (10, 15, 20))
    statutory = "无" if row.prefix == "GG" and rng.random() < 0.4 else _days(rng, statutory_days)
    row.statutory = statutory
    if rng.random() < immediate_share:
        row.handling, row.immediate = "即办件", "是"
        row.promised = "即办" if rng.random() < 0.7 else "1个工作日"
    else:
        limit = int(statutory.removesuffix("个工作日")) if statutory != "无" else 10
        row.promised = f"{max(2, min(limit, rng.choice((3, 5, 5, 7, 10)) if limit >= 10 else limit - 2))}个工作日"
    row.online_depth = rng.choices(("全程网办", "网上预审", "网上申请"), (80, 12, 8))[0]
    row.visits = "0次" if row.online_depth == "全程网办" else "1次"
    row.nearby = "是" if rng.random() < (0.5 if row.prefix in ("GG", "JF") else 0.15) else "否"
    row.cross_province = "是" if row.prefix in ("GG", "QR") and rng.random() < 0.12 else "否"
    row.city_wide = "是" if rng.random() < 0.35 else "否"
    row.fee = "是" if row.prefix == "ZS" or (row.prefix == "XK" and rng.random() < 0.03) else "否"
    if rng.random() < 0.06:
        row.remark = rng.choice(REMARKS)
        if row.remark == "已纳入“跨省通办”事项清单":
            row.cross_province = "是"
        if row.remark == "市级下放事项":
            row.power_source = "上级下放"
    row.across = "跨省" if row.cross_province == "是" else "全市" if row.city_wide == "是" else ""
    if row.fee == "是":
        row.fee_standard = FEE_STANDARD[row.prefix]


def basis_of(rng: random.Random, dept: Dept) -> str:
    """The item's 设定依据: one or two of the department's laws, articles made up."""
    laws = rng.sample(dept.laws, min(2, len(dept.laws))) if rng.random() < 0.25 else [rng.choice(dept.laws)]
    return "\n".join(f"《{law}》第{cn_number(rng.randint(8, 90))}条" for law in laws)


def plan(rng: random.Random, records: int, words: int) -> list[int]:
    """业务办理项 counts per item (0 = none) adding up to exactly ``records`` rows."""
    sizes: list[int] = []
    while records:
        subs = rng.randint(2, min(words, records)) if records >= 2 and words >= 2 and rng.random() < SUB_SHARE else 0
        sizes.append(subs)
        records -= max(subs, 1)
    return sizes


def service_rows(seed: int = 2021) -> list[Row]:
    rng, used = random.Random(seed), set[str]()
    items = []
    for prefix, total in RECORDS.items():
        words = SUB_WORDS[prefix].split()
        for subs in plan(rng, total, len(words)):
            item = new_item(rng, prefix, DEPTS, used)
            picked = [words[i] for i in sorted(rng.sample(range(len(words)), subs))]
            items.append((item.dept, prefix, item.name, [f"{item.name}（{word}）" for word in picked] or [""]))
    order = list(PREFIX.values())
    items.sort(key=lambda item: (DEPTS.index(item[0]), order.index(item[1])))
    rows: list[Row] = []
    laws = random.Random(seed + 1)  # a stream of its own, so that the citations leave the rest as it was
    for group, (dept, prefix, name, subs) in enumerate(items, 1):
        basis = basis_of(laws, dept)
        for sub in subs:
            row = Row(name, sub, TYPE_OF[prefix], dept.name, prefix, dept, group=group, basis=basis)
            serve(rng, row)
            rows.append(row)
    for index in rng.sample(range(len(rows)), NOT_BY_APPOINTMENT):
        rows[index].appointment = "否"
    number(rows)
    return rows


def number(rows: Sequence[Row]) -> None:
    """序号 per item; 基本编码 per item (type, department, item number, 000); 实施编码 per row: the department's
    credit code, the 基本编码 and the 业务办理项 number (000 when the item has none)."""
    counters: dict[tuple[str, str], int] = {}
    seq, last, sub = 0, -1, 0
    for row in rows:
        if row.group != last:
            seq, last, sub = seq + 1, row.group, 0
            key = (row.dept.code, row.prefix)
            counters[key] = counters.get(key, 0) + 1
            base = f"{TYPE_NO[row.prefix]}{row.dept.code}{counters[key]:04d}000"
        sub += bool(row.sub_name)
        row.seq, row.base_code = seq, base
        row.code = f"{credit_code(row.dept)}{base}{sub:03d}"


def keys(columns: Sequence[tuple[str, str]] = COLUMNS) -> list[str]:
    return [key for _, key in columns]


def groups(rows: Sequence[Row]) -> list[list[list[object]]]:
    out: list[list[list[object]]] = []
    last = None
    for row in rows:
        if row.group != last:
            out.append([])
            last = row.group
        out[-1].append([getattr(row, key) for key in keys()])
    return out


def service_list(rows: Sequence[Row], title: str, sheet: str = "政务服务事项实施清单") -> Workbook:
    wb, ws = workbook(sheet)
    fill_sheet(ws, title, [t for t, _ in COLUMNS], groups(rows), merged=MERGED)
    for col, key in enumerate(keys(), 1):
        ws.column_dimensions[get_column_letter(col)].width = WIDTHS.get(key, 10)
    note_under(ws, NOTE, len(COLUMNS), 48, gap=True)
    return wb


# --- the broken variant: one department's list, one seeded defect per rule -----------------------------------

HRSS = next(dept for dept in DEPTS if dept.name == "区人力资源和社会保障局")
_BROKEN_TYPES = "XK XK QR GG JF QR GG XK ZS GG QR JF GG QT GG JL GG QR XK GG JF GG QR GG QT GG XK GG QR GG"
LONG_NAME = "人力资源服务机构" + "、".join(["设立、变更、注销、延续、补办及信息查询服务"] * 14) + "办理"
DEFECTS: list[tuple[int, str, str, str, str]] = [  # row index, rule, severity, field, the value that spoils it
    (2, "required-field", "error", "body", ""),
    (4, "unknown-type", "error", "type", "行政服务"),
    (6, "type-variant", "warning", "type", "公共服务事项"),
    (8, "invalid-value", "error", "handling", "待定"),
    (10, "code-format", "error", "code", "11990102mb2075133x 07207000"),
    (12, "field-format", "error", "base_code", "待定"),
    (14, "field-length", "error", "name", LONG_NAME),
    (16, "duplicate-item", "error", "name", "the name of row index 1"),
    (18, "duplicate-code", "error", "code", "the code of row index 3"),
    (20, "disguised-licence", "warning", "name", "灵活就业人员社会保险补贴审批"),
    (22, "immediate-within-a-day", "error", "promised", "3个工作日"),
    (24, "promised-within-statutory", "error", "promised", "30个工作日"),
    (26, "basis-format", "error", "basis", "《中华人民共和国就业促进法》第四十条（一"),
]


def broken_rows(seed: int = 2024) -> tuple[list[Row], list[dict[str, str]]]:
    rng, used = random.Random(seed), set[str]()
    rows: list[Row] = []
    for group, prefix in enumerate(_BROKEN_TYPES.split(), 1):
        item = new_item(rng, prefix, [HRSS], used)
        row = Row(item.name, "", TYPE_OF[prefix], HRSS.name, prefix, HRSS, group=group, basis=basis_of(rng, HRSS))
        serve(rng, row)
        rows.append(row)
    number(rows)
    expected = []
    for index, rule, severity, key, value in DEFECTS:
        row = rows[index]
        if rule == "duplicate-item":
            row.name, row.sub_name, row.type, row.prefix = rows[1].name, rows[1].sub_name, rows[1].type, rows[1].prefix
        elif rule == "duplicate-code":
            row.code = rows[3].code
        elif rule == "immediate-within-a-day":
            row.handling, row.immediate, row.statutory = "即办件", "是", "20个工作日"
            row.promised = value
        elif rule == "promised-within-statutory":
            row.handling, row.immediate, row.statutory, row.promised = "承诺件", "否", "20个工作日", value
        elif rule == "disguised-licence":
            row.name, row.type = value, TYPE_OF["JF"]
        else:
            setattr(row, key, value)
        expected.append(
            {"rule": rule, "severity": severity, "cell": f"{get_column_letter(keys().index(key) + 1)}{index + 3}"}
        )
    return rows, expected


NEW_CITATION = "\n《示例市政务服务管理办法》（示例市人民政府令第15号）第十二条"


# --- the 2022 edition ----------------------------------------------------------------------------------------


def edition_2022(rows: Sequence[Row], seed: int = 2022) -> tuple[list[Row], list[dict[str, object]]]:
    """Three items cancelled, four added, ten adjusted: renamed, time limits shortened, 承诺件 made 即办件, booking
    opened, a body changed, a code changed; and 序号 renumbered, which changes nothing."""
    rng = random.Random(seed)
    rows = copy.deepcopy(list(rows))
    used = {row.name for row in rows}
    sizes: dict[int, int] = {}
    for row in rows:
        sizes[row.group] = sizes.get(row.group, 0) + 1
    singles = [row for row in rows if sizes[row.group] == 1]
    rng.shuffle(singles)
    expected: list[dict[str, object]] = []

    def pick(test: Callable[[Row], bool] = lambda row: True) -> Row:
        for row in singles:
            if test(row):
                singles.remove(row)
                return row
        raise LookupError("no row left")

    def adjust(row: Row, aspects: list[str]) -> None:
        expected.append({"kind": "adjusted", "aspects": sorted(aspects), "name": row.name})

    for prefix in ("QT", "GG", "QR"):
        gone = pick(lambda row, p=prefix: row.prefix == p)  # type: ignore[misc]
        rows.remove(gone)
        expected.append({"kind": "cancelled", "aspects": [], "name": gone.name})
    row = pick(lambda row: row.prefix == "XK" and "延续" not in row.name)
    row.name += "（含延续）"
    adjust(row, ["renamed"])
    row = pick(lambda row: row.prefix == "GG" and row.name.endswith("服务"))
    row.name = row.name.removesuffix("服务") + "综合服务"
    adjust(row, ["renamed"])
    for _ in range(3):  # 承诺办结时限 shortened
        row = pick(lambda row: row.handling == "承诺件" and int(row.promised.removesuffix("个工作日")) >= 5)
        row.promised = f"{int(row.promised.removesuffix('个工作日')) - 2}个工作日"
        adjust(row, ["other-field-changed"])
    row = pick(lambda row: row.handling == "承诺件" and row.prefix == "QR")  # made an on-the-spot case
    row.handling, row.immediate, row.promised = "即办件", "是", "即办"
    adjust(row, ["other-field-changed"])
    row = pick(lambda row: row.appointment == "否")
    row.appointment = "是"
    adjust(row, ["other-field-changed"])
    row = pick(lambda row: row.prefix == "GG" and row.online_depth != "全程网办")
    row.online_depth, row.visits = "全程网办", "0次"
    adjust(row, ["other-field-changed"])
    row = pick(lambda row: row.prefix == "GG")
    row.body = f"{AREA}政务服务中心"
    adjust(row, ["body-changed"])
    row = pick(lambda row: row.prefix == "XK")
    row.code = row.code[:-3] + "900"
    adjust(row, ["code-changed"])
    row = pick(lambda row: row.prefix == "QT")
    row.basis += NEW_CITATION
    adjust(row, ["basis-changed"])
    order = list(PREFIX.values())
    last_group = max(row.group for row in rows)
    added = []
    for number_, prefix in enumerate(("GG", "GG", "JF", "QR"), 1):
        item = new_item(rng, prefix, DEPTS, used)
        row = Row(
            item.name,
            "",
            TYPE_OF[prefix],
            item.dept.name,
            prefix,
            item.dept,
            group=last_group + number_,
            basis=basis_of(rng, item.dept),
        )
        serve(rng, row)
        added.append(row)
        expected.append({"kind": "added", "aspects": [], "name": row.name})
    rows += added
    rows.sort(key=lambda row: (DEPTS.index(row.dept), order.index(row.prefix), row.group))
    # renumber 序号 only; codes stay as they were, the added rows' codes from 9001 on.
    seq, last = 0, -1
    for row in rows:
        if row.group != last:
            seq, last = seq + 1, row.group
        row.seq = seq
    for number_, row in enumerate(added, 1):
        row.base_code = f"{TYPE_NO[row.prefix]}{row.dept.code}{9000 + number_:04d}000"
        row.code = f"{credit_code(row.dept)}{row.base_code}000"
    return rows, expected


def outputs(to_bytes: Callable[[Workbook], bytes]) -> dict[str, bytes]:
    rows = service_rows()
    broken, defects = broken_rows()
    rows_2022, changes = edition_2022(rows)
    return {
        "service-list.xlsx": to_bytes(service_list(rows, f"{AREA}政务服务事项实施清单（2021年版）")),
        "broken-service-list.xlsx": to_bytes(
            service_list(broken, f"{AREA}人力资源和社会保障局政务服务事项实施清单（征求意见稿）", "Sheet1")
        ),
        "broken-service-list.expected.json": json_bytes(defects),
        "service-list-2022.xlsx": to_bytes(service_list(rows_2022, f"{AREA}政务服务事项实施清单（2022年版）")),
        "service-list-2022.expected-diff.json": json_bytes(changes),
    }
