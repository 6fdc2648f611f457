"""The district's 行政审批中介服务事项清单 (schemas/intermediary-list.schema.json): the intermediary services the
licensing items of licensing-list.xlsx require. Each 涉及的审批事项 is the exact name of one of its items, and
审批部门 that item's department; one service may serve several items and one item need several services, so a
record is a service for an item.

Also a broken variant with one seeded defect per rule that can fire on this schema, and the 2022 edition with the
changes a diff must find. Everything is fictional, as in generate.py; law titles are real, articles made up.
"""

from __future__ import annotations

import copy
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from generate import (
    AREA,
    DEPTS,
    REGION,
    Item,
    cn_number,
    fill_sheet,
    json_bytes,
    licensing_items,
    note_under,
    workbook,
)
from openpyxl import Workbook
from openpyxl.utils import get_column_letter

COLUMNS = (
    ("序号", "seq"),
    ("事项编码", "code"),
    ("中介服务事项名称", "name"),
    ("涉及的审批事项", "serves"),
    ("审批部门", "competent"),
    ("设定依据", "basis"),
    ("中介服务实施机构", "provider"),
    ("机构性质", "provider_kind"),
    ("机构资质要求", "qualification"),
    ("是否收费", "charged"),
    ("收费依据", "fee_basis"),
    ("备注", "remark"),
)
WIDTHS = {
    "seq": 6,
    "code": 16,
    "name": 30,
    "serves": 30,
    "competent": 22,
    "basis": 44,
    "provider": 26,
    "provider_kind": 10,
    "qualification": 30,
    "charged": 8,
    "fee_basis": 30,
    "remark": 16,
}
MARKET = "实行市场调节价"
NOTE = (
    "注：1.本清单所列中介服务事项，审批部门不得要求申请人委托特定中介机构提供服务；2.申请人可自主选择符合条件"
    "的中介服务机构；3.清单之外的中介服务事项，不得作为行政审批受理条件。"
)

# Per department: services as "name | provider | qualification | charged (是/否) | fee basis (when charged)".
# The basis cites one of the department's laws (generate.DEPARTMENTS), with a made-up article.
SERVICES = {
    "区市场监督管理局": """
特种设备安装改造维修监督检验 | 特种设备检验机构 | 特种设备检验检测机构核准证 | 是 | 示价费〔2016〕31号
食品检验检测报告出具 | 具有相应资质的食品检验机构 | 检验检测机构资质认定（CMA） | 是 | 实行市场调节价
生产加工场所平面布局图绘制 | 申请人自行编制或委托设计单位编制 | 无资质要求 | 否 |
""",
    "区住房和城乡建设局": """
建设工程施工图设计文件审查 | 施工图审查机构 | 施工图审查机构认定 | 否 |
建设工程勘察 | 工程勘察单位 | 工程勘察资质 | 是 | 实行市场调节价
排水水质检测报告出具 | 具有相应资质的检验检测机构 | 检验检测机构资质认定（CMA） | 是 | 实行市场调节价
建筑工程质量检测 | 建设工程质量检测机构 | 建设工程质量检测机构资质 | 是 | 实行市场调节价
""",
    "示例市生态环境局滨江分局": """
建设项目环境影响报告书（表）编制 | 环境影响评价技术服务机构 | 编制主持人须为环境影响评价工程师 | 是 | 实行市场调节价
排污单位自行监测报告编制 | 具有相应资质的环境监测机构 | 检验检测机构资质认定（CMA） | 是 | 实行市场调节价
建设项目竣工环境保护验收监测 | 具有相应资质的环境监测机构 | 检验检测机构资质认定（CMA） | 是 | 实行市场调节价
""",
    "区交通运输局": """
道路运输车辆综合性能检测 | 机动车检验检测机构 | 检验检测机构资质认定（CMA） | 是 | 示价费〔2017〕12号
机动车维修竣工质量检验 | 机动车检验检测机构 | 检验检测机构资质认定（CMA） | 是 | 实行市场调节价
公路桥梁技术状况检测评估 | 公路水运工程试验检测机构 | 公路水运工程试验检测机构等级证书 | 是 | 实行市场调节价
""",
    "区人力资源和社会保障局": """
经营场所消防安全检测 | 消防技术服务机构 | 消防设施维护保养检测机构资质 | 是 | 实行市场调节价
验资报告出具 | 会计师事务所 | 会计师事务所执业证书 | 是 | 实行市场调节价
""",
    "区教育局": """
校舍建筑结构安全鉴定 | 房屋安全鉴定机构 | 房屋安全鉴定机构资格 | 是 | 实行市场调节价
办学场所消防安全检测 | 消防技术服务机构 | 消防设施维护保养检测机构资质 | 是 | 实行市场调节价
验资报告出具 | 会计师事务所 | 会计师事务所执业证书 | 是 | 实行市场调节价
""",
    "区文化广电旅游体育局": """
演出场所消防安全检测 | 消防技术服务机构 | 消防设施维护保养检测机构资质 | 是 | 实行市场调节价
营业场所建筑结构安全鉴定 | 房屋安全鉴定机构 | 房屋安全鉴定机构资格 | 是 | 实行市场调节价
旅游服务质量保证金存款证明出具 | 商业银行 | 无资质要求 | 否 |
""",
    "区农业农村局": """
动物诊疗场所动物防疫条件评估 | 动物防疫技术服务机构 | 无资质要求 | 否 |
农作物种子质量检验 | 农作物种子质量检验机构 | 农作物种子质量检验机构考核合格证书 | 是 | 实行市场调节价
宅基地地籍测绘 | 测绘单位 | 测绘资质（不动产测绘专业） | 是 | 《测绘生产成本费用定额》
""",
    "区水利局": """
河道采砂可行性论证报告编制 | 水利技术服务机构 | 无资质要求 | 是 | 实行市场调节价
防洪影响评价报告编制 | 水利技术服务机构 | 无资质要求 | 是 | 实行市场调节价
水土保持方案编制 | 水土保持技术服务机构 | 无资质要求 | 是 | 实行市场调节价
""",
    "示例市自然资源和规划局滨江分局": """
地质灾害危险性评估 | 地质灾害危险性评估单位 | 地质灾害防治单位资质 | 是 | 实行市场调节价
土地勘测定界 | 测绘单位 | 测绘资质（地籍测绘专业） | 是 | 实行市场调节价
不动产测绘 | 测绘单位 | 测绘资质（不动产测绘专业） | 是 | 《测绘生产成本费用定额》
""",
    "区民政局": """
养老机构建筑消防安全检测 | 消防技术服务机构 | 消防设施维护保养检测机构资质 | 是 | 实行市场调节价
房屋安全鉴定 | 房屋安全鉴定机构 | 房屋安全鉴定机构资格 | 是 | 实行市场调节价
地名命名论证报告编制 | 地名技术服务机构 | 无资质要求 | 否 |
""",
    "示例市公安局滨江分局": """
治安安全技术防范设施检测 | 安全技术防范检测机构 | 检验检测机构资质认定（CMA） | 是 | 实行市场调节价
建筑消防设施检测 | 消防技术服务机构 | 消防设施维护保养检测机构资质 | 是 | 实行市场调节价
""",
    "区商务局": """
经营场所环境影响评价 | 环境影响评价技术服务机构 | 编制主持人须为环境影响评价工程师 | 是 | 实行市场调节价
酒类产品质量检验报告出具 | 具有相应资质的食品检验机构 | 检验检测机构资质认定（CMA） | 是 | 实行市场调节价
""",
    "区城市管理局": """
建筑垃圾运输车辆密闭装置检测 | 机动车检验检测机构 | 检验检测机构资质认定（CMA） | 是 | 实行市场调节价
""",
    "区司法局": """
办公场所房屋安全鉴定 | 房屋安全鉴定机构 | 房屋安全鉴定机构资格 | 是 | 实行市场调节价
验资报告出具 | 会计师事务所 | 会计师事务所执业证书 | 是 | 实行市场调节价
""",
    "区人民防空办公室": """
人防工程质量检测 | 人防工程质量检测机构 | 人民防空工程质量检测机构资质 | 是 | 实行市场调节价
人防工程拆除安全评估 | 人防工程设计单位 | 人民防空工程设计资质 | 是 | 实行市场调节价
防空地下室施工图审查 | 施工图审查机构 | 施工图审查机构认定 | 否 |
""",
    "区林业和园林局": """
林草种子质量检验 | 林草种子质量检验机构 | 检验检测机构资质认定（CMA） | 是 | 实行市场调节价
使用林地可行性报告编制 | 林业调查规划设计单位 | 无资质要求 | 是 | 实行市场调节价
""",
}
# 机构性质 of the providers that are not companies; a provider the applicant chooses has none.
PUBLIC_PROVIDERS = {
    "特种设备检验机构": "事业单位",
    "施工图审查机构": "事业单位",
    "农作物种子质量检验机构": "事业单位",
    "林草种子质量检验机构": "事业单位",
    "动物防疫技术服务机构": "事业单位",
    "地名技术服务机构": "社会组织",
    "申请人自行编制或委托设计单位编制": "",
}
REMARKS = ("申请人可自行编制", "可由审批部门委托开展，费用由审批部门承担", "涉及时提供")


@dataclass
class Row:
    name: str
    serves: str
    competent: str
    basis: str
    provider: str
    qualification: str
    provider_kind: str
    charged: str
    fee_basis: str
    dept_code: str
    remark: str = ""
    seq: int = 0
    code: str = ""


@dataclass(frozen=True)
class Service:
    name: str
    provider: str
    qualification: str
    charged: str
    fee_basis: str


def services() -> dict[str, list[Service]]:
    out: dict[str, list[Service]] = {}
    for dept, table in SERVICES.items():
        for line in table.strip().splitlines():
            name, provider, qualification, charged, fee_basis = (part.strip() for part in line.split("|"))
            out.setdefault(dept, []).append(Service(name, provider, qualification, charged, fee_basis))
    return out


def kind_of(provider: str) -> str:
    return PUBLIC_PROVIDERS.get(provider, "企业")


def basis_of(rng: random.Random, dept_name: str) -> str:
    dept = next(dept for dept in DEPTS if dept.name == dept_name)
    laws = rng.sample(dept.laws, min(2, len(dept.laws))) if rng.random() < 0.3 else [rng.choice(dept.laws)]
    return "\n".join(f"《{law}》第{cn_number(rng.randint(10, 80))}条" for law in laws)


def intermediary_rows(items: Sequence[Item] | None = None, seed: int = 2023) -> list[Row]:
    """One to three services for each licensing item, from its department's services; several items of a
    department share some services (and their basis)."""
    rng = random.Random(seed)
    pool = services()
    bases: dict[tuple[str, str], str] = {}
    rows: list[Row] = []
    for item in licensing_items(2023) if items is None else items:
        dept = item.dept.name
        offered = pool.get(dept, [])
        if not offered:
            continue
        count = min(len(offered), rng.choices((1, 2, 3), (35, 45, 20))[0])
        for service in sorted(rng.sample(offered, count), key=offered.index):
            basis = bases.setdefault((dept, service.name), basis_of(rng, dept))
            remark = rng.choice(REMARKS) if rng.random() < 0.08 else ""
            rows.append(
                Row(
                    service.name,
                    item.name,
                    dept,
                    basis,
                    service.provider,
                    service.qualification,
                    kind_of(service.provider),
                    service.charged,
                    service.fee_basis if service.charged == "是" else "",
                    item.dept.code,
                    remark,
                )
            )
    number(rows)
    return rows


def number(rows: Sequence[Row]) -> None:
    """序号 1..N; 事项编码 ZJ + region + department + a number per department."""
    counters: dict[str, int] = {}
    for seq, row in enumerate(rows, 1):
        counters[row.dept_code] = counters.get(row.dept_code, 0) + 1
        row.seq, row.code = seq, f"ZJ{REGION}{row.dept_code}{counters[row.dept_code]:03d}"


def keys() -> list[str]:
    return [key for _, key in COLUMNS]


def intermediary_list(rows: Sequence[Row], title: str, sheet: str = "中介服务事项清单") -> Workbook:
    wb, ws = workbook(sheet)
    fill_sheet(ws, title, [t for t, _ in COLUMNS], [[[getattr(row, key) for key in keys()]] for row in rows])
    for col, key in enumerate(keys(), 1):
        ws.column_dimensions[get_column_letter(col)].width = WIDTHS[key]
    note_under(ws, NOTE, len(COLUMNS), 36, gap=True)
    return wb


# --- the broken variant: one seeded defect per rule ------------------------------------------------------------

LONG_NAME = "建设项目" + "、".join(["环境影响评价、安全评价、节能评估、水土保持方案、地质灾害危险性评估"] * 9) + "编制"
DEFECTS: list[tuple[int, str, str, str, str]] = [  # row index, rule, severity, field, the value that spoils it
    (2, "required-field", "error", "serves", ""),
    (4, "invalid-value", "error", "charged", "部分收费"),
    (6, "code-format", "error", "code", "zj-990102 201"),
    (8, "field-length", "error", "name", LONG_NAME),
    (10, "duplicate-item", "error", "name", "the service and item of row index 1"),
    (12, "duplicate-code", "error", "code", "the code of row index 3"),
    (14, "basis-format", "error", "basis", "《中华人民共和国城乡规划法》第四十条（一"),
    (16, "basis-format", "warning", "basis", "依照有关法律、法规的规定，由申请人委托有关机构编制。"),
    (18, "fee-basis-when-charged", "error", "fee_basis", ""),
]


def broken_rows() -> tuple[list[Row], list[dict[str, str]]]:
    rows = intermediary_rows(seed=2024)[:24]
    number(rows)
    expected = []
    for index, rule, severity, key, value in DEFECTS:
        row = rows[index]
        if rule == "duplicate-item":
            row.name, row.serves = rows[1].name.replace("（", "(").replace("）", ")"), rows[1].serves
        elif rule == "duplicate-code":
            row.code = rows[3].code
        elif rule == "fee-basis-when-charged":
            row.charged, row.fee_basis = "是", ""
        else:
            setattr(row, key, value)
        expected.append(
            {"rule": rule, "severity": severity, "cell": f"{get_column_letter(keys().index(key) + 1)}{index + 3}"}
        )
    return rows, expected


# --- the 2022 edition ----------------------------------------------------------------------------------------

NEW_BASIS = "\n《国务院关于清理规范第一批行政审批中介服务事项的决定》（国发〔2015〕58号）"


def edition_2022(rows: Sequence[Row], seed: int = 2022) -> tuple[list[Row], list[dict[str, object]]]:
    """清理规范: three services cancelled, two made free, a provider opened up, one renamed, one basis changed;
    two new services; 序号 renumbered."""
    rng = random.Random(seed)
    rows = copy.deepcopy(list(rows))
    order = list(range(len(rows)))
    rng.shuffle(order)
    picked = [rows[i] for i in order]
    expected: list[dict[str, object]] = []

    def pick(test: Callable[[Row], bool]) -> Row:
        row = next(row for row in picked if test(row))
        picked.remove(row)
        return row

    for _ in range(3):
        gone = pick(lambda row: True)
        rows.remove(gone)
        expected.append({"kind": "cancelled", "aspects": [], "name": gone.name})
    for _ in range(2):
        row = pick(lambda row: row.charged == "是")
        row.charged, row.fee_basis, row.remark = "否", "", "由审批部门委托开展，费用由审批部门承担"
        expected.append({"kind": "adjusted", "aspects": ["other-field-changed"], "name": row.name})
    row = pick(lambda row: row.qualification != "无资质要求")
    row.qualification = "无资质要求"
    expected.append({"kind": "adjusted", "aspects": ["other-field-changed"], "name": row.name})
    row = pick(lambda row: row.name.endswith("编制"))
    row.name = row.name.removesuffix("编制") + "编制（含修编）"
    expected.append({"kind": "adjusted", "aspects": ["renamed"], "name": row.name})
    row = pick(lambda row: True)
    row.basis += NEW_BASIS
    expected.append({"kind": "adjusted", "aspects": ["basis-changed"], "name": row.name})
    pool = services()
    taken = {(row.name, row.serves) for row in rows}
    for index, dept in enumerate(("区住房和城乡建设局", "示例市自然资源和规划局滨江分局"), 1):
        serves = next(row for row in rows if row.competent == dept)
        service = next(s for s in pool[dept] if (s.name, serves.serves) not in taken)
        new = Row(
            service.name,
            serves.serves,
            dept,
            basis_of(rng, dept),
            service.provider,
            service.qualification,
            kind_of(service.provider),
            service.charged,
            service.fee_basis if service.charged == "是" else "",
            serves.dept_code,
            seq=0,
            code=f"ZJ{REGION}{serves.dept_code}{900 + index:03d}",
        )
        rows.insert(rows.index(serves) + 1, new)
        expected.append({"kind": "added", "aspects": [], "name": new.name})
    for seq, row in enumerate(rows, 1):
        row.seq = seq
    return rows, expected


def outputs(to_bytes: Callable[[Workbook], bytes]) -> dict[str, bytes]:
    rows = intermediary_rows()
    broken, defects = broken_rows()
    rows_2022, changes = edition_2022(rows)
    return {
        "intermediary-list.xlsx": to_bytes(intermediary_list(rows, f"{AREA}行政审批中介服务事项清单（2021年版）")),
        "broken-intermediary-list.xlsx": to_bytes(
            intermediary_list(broken, f"{AREA}行政审批中介服务事项清单（征求意见稿）", "Sheet1")
        ),
        "broken-intermediary-list.expected.json": json_bytes(defects),
        "intermediary-list-2022.xlsx": to_bytes(
            intermediary_list(rows_2022, f"{AREA}行政审批中介服务事项清单（2022年版）")
        ),
        "intermediary-list-2022.expected-diff.json": json_bytes(changes),
    }
