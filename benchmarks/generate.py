"""Realistic lists for benchmarks: a province's worth of county power lists, at 10k, 100k or 1M records.

Each county publishes the same catalogue of items under its own departments (as real provinces do), with
Chinese names of 10–20 characters, legal bases of about 200 characters, all 11 power types in the published
proportions, sub-items and unique codes. Written as canonical .jsonl, as .csv (for the peers) and as .xlsx
(split across sheets past Excel's 1,048,576 rows), plus a next edition with 1% added, 1% cancelled and 2%
adjusted records.

    .venv/bin/python benchmarks/generate.py 100000 benchmarks/data
"""

from __future__ import annotations

import csv
import json
import random
import sys
from pathlib import Path

# DOMAIN.md §2: one district's published breakdown, used as the type proportions.
TYPES = {
    "行政许可": 437,
    "行政处罚": 2122,
    "行政强制": 141,
    "行政征收": 105,
    "行政给付": 26,
    "行政检查": 193,
    "行政确认": 41,
    "行政奖励": 13,
    "行政裁决": 5,
    "其他行政权力": 205,
    "公共服务": 342,
}
PREFIX = dict(zip(TYPES, ["XK", "CF", "QZ", "ZS", "JF", "JC", "QR", "JL", "CJ", "QT", "GG"], strict=True))
DEPARTMENTS = [
    "市场监督管理局",
    "住房和城乡建设局",
    "交通运输局",
    "生态环境局",
    "农业农村局",
    "自然资源局",
    "应急管理局",
    "卫生健康委员会",
    "教育局",
    "文化和旅游局",
    "人力资源和社会保障局",
    "民政局",
    "水利局",
    "林业和草原局",
]
ACTORS = [
    "生产经营单位",
    "建设单位",
    "施工单位",
    "食品生产者",
    "道路运输经营者",
    "排污单位",
    "医疗机构",
    "培训机构",
    "物业服务企业",
    "特种设备使用单位",
    "危险化学品经营企业",
    "娱乐场所",
    "旅行社",
    "出租汽车经营者",
]
ACTS = [
    "未按规定办理登记手续",
    "未取得许可擅自从事经营活动",
    "拒绝、阻碍监督检查",
    "伪造、变造相关证件",
    "未按规定公示信息",
    "未建立安全生产责任制",
    "超出核定范围经营",
    "未按规定保存原始记录",
    "使用不合格原材料",
    "未落实安全防护措施",
]
OBJECTS = [
    "食品经营许可证",
    "建筑工程施工许可证",
    "道路运输经营许可证",
    "排污许可证",
    "医疗机构执业许可证",
    "特种设备使用登记证",
    "危险化学品经营许可证",
    "娱乐场所经营许可证",
    "旅行社业务经营许可证",
    "出租汽车经营许可证",
]
LAWS = [
    "中华人民共和国行政许可法",
    "中华人民共和国食品安全法",
    "中华人民共和国安全生产法",
    "中华人民共和国道路运输条例",
    "中华人民共和国环境保护法",
    "中华人民共和国建筑法",
    "中华人民共和国特种设备安全法",
    "医疗机构管理条例",
]
FIELDS = ["seq", "code", "name", "sub_name", "type", "basis", "body", "office", "level", "remark"]
TITLES = [
    "序号",
    "事项编码",
    "事项名称",
    "子项名称",
    "权力类型",
    "实施依据",
    "行使主体",
    "承办机构",
    "行使层级",
    "备注",
]


def _name(rng: random.Random, kind: str) -> str:
    if kind == "行政处罚":
        return f"对{rng.choice(ACTORS)}{rng.choice(ACTS)}的处罚"
    if kind == "行政许可":
        return f"{rng.choice(OBJECTS)}{rng.choice(['核发', '变更', '延续', '注销'])}"
    if kind == "行政检查":
        return f"对{rng.choice(ACTORS)}{rng.choice(['安全生产', '经营活动', '信息公示'])}情况的监督检查"
    if kind == "行政强制":
        return f"查封、扣押{rng.choice(ACTORS)}{rng.choice(['违法物品', '相关设施', '涉案财物'])}"
    thing = rng.choice(["登记", "备案", "信息", "资格", "补贴"])
    return f"{rng.choice(ACTORS)}{thing}{kind[2:]}{rng.choice(['办理', '服务', '事项'])}"


def _basis(rng: random.Random) -> str:
    law = rng.choice(LAWS)
    article = rng.randint(8, 120)
    filler = "，".join(rng.sample(ACTS, 4))
    return (
        f"【法律】《{law}》（{rng.randint(1995, 2015)}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日通过，"
        f"{rng.randint(2016, 2023)}年修正）第{article}条：违反本法规定，有下列行为之一的，"
        f"由县级以上人民政府有关主管部门责令改正，给予警告；{filler}的，"
        f"处{rng.randint(1, 5)}千元以上{rng.randint(1, 9)}万元以下罚款。"
    )


def catalogue(size: int, seed: int = 2026) -> list[dict[str, str]]:
    """One county's catalogue: `size` records of items and sub-items, unique (type, name, sub-item)."""
    rng = random.Random(seed)
    total = sum(TYPES.values())
    records: list[dict[str, str]] = []
    seen: set[tuple[str, str]] = set()
    number = 0
    for kind, share in TYPES.items():
        want = max(1, round(size * share / total))
        made = 0
        while made < want:
            name = _name(rng, kind)
            if (kind, name) in seen:
                name = f"{name[:-2]}{rng.choice(ACTORS)[:2]}{name[-2:]}"
                if (kind, name) in seen:
                    continue
            seen.add((kind, name))
            number += 1
            subs = (
                [""]
                if rng.random() > 0.08
                else [f"{i}.{name}（{w}）" for i, w in enumerate(rng.sample(["新办", "变更", "延续", "注销"], 2), 1)]
            )
            department = rng.choice(DEPARTMENTS)
            for sub_number, sub in enumerate(subs):
                records.append(
                    {
                        "seq": str(number),
                        "name": name,
                        "sub_name": sub,
                        "type": kind,
                        "basis": _basis(rng),
                        "department": department,
                        "office": rng.choice(["审批科", "执法大队", "法规科", "综合科"]),
                        "level": rng.choice(["县级", "市级", "县级、乡镇级"]),
                        "remark": "委托乡镇实施" if rng.random() < 0.05 else "",
                        "item": f"{PREFIX[kind]}{number:05d}{sub_number:02d}",
                    }
                )
                made += 1
    return records


def province(records: int, county_size: int = 3630) -> list[dict[str, str]]:
    """Counties, each with the same catalogue under its own departments and codes, up to `records` records."""
    base = catalogue(min(records, county_size))
    out: list[dict[str, str]] = []
    county = 0
    while len(out) < records:
        county += 1
        for record in base:
            if len(out) == records:
                break
            department = f"示例县{county:03d}{record['department']}"
            out.append(
                {**record, "code": f"99{county:04d}{record['item']}", "body": department, "department": department}
            )
    return out


def next_edition(records: list[dict[str, str]], seed: int = 7) -> list[dict[str, str]]:
    """1% cancelled, 1% added, 2% adjusted (renames, new basis, body changes), a little reordering."""
    rng = random.Random(seed)
    n = len(records)
    touched = rng.sample(range(n), int(n * 0.03))
    cancelled = set(touched[: n // 100])
    edited = [dict(r) for r in records]
    for k, index in enumerate(touched[n // 100 :]):
        record = edited[index]
        if k % 3 == 0:
            record["name"] = (
                record["name"].replace("的", "行为的", 1) if "的" in record["name"] else record["name"] + "事项"
            )
        elif k % 3 == 1:
            record["basis"] += "【规章】《示例省行政执法条例》第十条"
        else:
            record["office"] = "综合行政执法大队"
    kept = [r for i, r in enumerate(edited) if i not in cancelled]
    for k in range(n // 100):
        donor = records[rng.randrange(n)]
        added = {
            **donor,
            "name": f"新设{rng.choice(OBJECTS)}{rng.choice(['备案', '核准'])}办理{k}",
            "sub_name": "",
            "code": f"98{k:012d}",
            "basis": _basis(rng),
            "type": "行政许可",
        }
        kept.insert(rng.randrange(len(kept)), added)
    return kept


def write_jsonl(records: list[dict[str, str]], path: Path) -> None:
    """Compact, as `listkit import` writes canonical files."""
    header = {"listkit": {"format": "listkit-canonical", "version": 1, "schema": "power-list", "meta": {}}}
    compact = {"ensure_ascii": False, "separators": (",", ":")}
    with path.open("w", encoding="utf-8") as handle:
        handle.write(json.dumps(header, **compact) + "\n")  # type: ignore[arg-type]
        for record in records:
            obj = {k: record[k] for k in FIELDS if record.get(k)}
            obj["department"] = record["department"]
            handle.write(json.dumps(obj, **compact) + "\n")  # type: ignore[arg-type]


def write_csv(records: list[dict[str, str]], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([*TITLES, "部门"])  # the published header, as the workbook has it
        writer.writerows([record.get(k, "") for k in [*FIELDS, "department"]] for record in records)


def write_xlsx(records: list[dict[str, str]], path: Path) -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(
        path, {"constant_memory": True, "strings_to_formulas": False, "strings_to_numbers": False}
    )
    per_sheet = 1_048_575  # one row for the header
    for start in range(0, max(len(records), 1), per_sheet):
        sheet = book.add_worksheet(f"权责清单{start // per_sheet + 1}")
        sheet.write_row(0, 0, [*TITLES, "部门"])
        for row, record in enumerate(records[start : start + per_sheet], 1):
            sheet.write_row(row, 0, [record.get(k, "") for k in FIELDS] + [record["department"]])
    book.close()


def build(size: int, directory: Path, xlsx: bool = True) -> dict[str, Path]:
    directory.mkdir(parents=True, exist_ok=True)
    paths = {
        kind: directory / f"list-{size}{suffix}"
        for kind, suffix in (
            ("jsonl", ".jsonl"),
            ("csv", ".csv"),
            ("xlsx", ".xlsx"),
            ("new_jsonl", "-next.jsonl"),
            ("new_csv", "-next.csv"),
            ("new_xlsx", "-next.xlsx"),
        )
    }
    if all(p.exists() for k, p in paths.items() if xlsx or not k.endswith("xlsx")):
        return paths
    old = province(size)
    new = next_edition(old)
    write_jsonl(old, paths["jsonl"])
    write_csv(old, paths["csv"])
    write_jsonl(new, paths["new_jsonl"])
    write_csv(new, paths["new_csv"])
    if xlsx:
        write_xlsx(old, paths["xlsx"])
        write_xlsx(new, paths["new_xlsx"])
    return paths


if __name__ == "__main__":
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    target = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(__file__).parent / "data"
    for kind, path in build(size, target).items():
        print(kind, path)
