"""Lists held against their catalogue (`listkit check`): a city catalogue with a level column and a county list
made from it with planted differences; the city's delegated items, those since cancelled, and a county's list
that took up part of the rest. Each county list has an `.expected-check.json` with what check must report.

The county's bodies, offices and codes differ from the catalogue's on every item, as they do between levels.
"""

from __future__ import annotations

import copy
import random
from collections.abc import Sequence

from edition2022 import reword
from generate import DEPTS, Item, new_item

CITY_LEVEL, COUNTY_LEVEL, BOTH_LEVELS = "市级", "县级", "市级、县级"
COUNTY_REGION = "990125"
RETYPED_TO = "其他行政权力"
NEW_CITATION = "\n【规章】《示例市权责清单管理办法》（示例市人民政府令第30号）第八条"


def catalogue_items(seed: int, count: int, levels: Sequence[str]) -> list[Item]:
    """``count`` single-record items over the departments and types, level i taken from ``levels`` in turn."""
    rng, used = random.Random(seed), set[str]()
    # The types in about the proportions lists have them (the phrase lists of the rarer ones are short).
    prefixes = ("CF", "XK", "CF", "JC", "CF", "QZ", "GG", "CF", "QR", "XK")
    items = []
    for index in range(count):
        item = new_item(rng, prefixes[index % len(prefixes)], DEPTS, used)
        for record in item.records:
            record.level = levels[index % len(levels)]
            record.body = "示例市" + item.dept.name.removeprefix("区").removeprefix("示例市")
        items.append(item)
    items.sort(key=lambda item: DEPTS.index(item.dept))
    _number(items, "990100")
    return items


def county_copy(items: Sequence[Item]) -> list[Item]:
    """The county's own copy of catalogue items: its level, bodies, offices and codes."""
    county = copy.deepcopy(list(items))
    for item in county:
        for record in item.records:
            record.level = COUNTY_LEVEL
            record.body = "示例县" + item.dept.name.removeprefix("区").removeprefix("示例市")
            record.office = record.office + "（县）"
    return county


def _number(items: Sequence[Item], region: str) -> None:
    for seq, item in enumerate(items, 1):
        for record in item.records:
            record.seq = seq
            record.code = f"{region}{item.dept.code}{item.prefix}{seq:03d}00"


def county_pair(seed: int = 2030) -> tuple[list[Item], list[Item], dict[str, object]]:
    """The catalogue (60 items: 20 市级, 20 县级, 20 both), the county list, and what check must report."""
    catalogue = catalogue_items(seed, 60, (CITY_LEVEL, COUNTY_LEVEL, BOTH_LEVELS))
    city_only = [i for i in catalogue if i.records[0].level == CITY_LEVEL]
    applying = [i for i in catalogue if i.records[0].level != CITY_LEVEL]
    rng = random.Random(seed)
    picked = rng.sample(applying, 9)
    missing, renamed, retyped, rebased = picked[:3], picked[3:5], picked[5:7], picked[7:9]
    out_of_level = city_only[:2]
    expected: list[dict[str, object]] = []
    county: list[Item] = []
    for item, own in zip(catalogue, county_copy(catalogue), strict=True):
        if item in missing:
            expected.append({"status": "missing", "aspects": [], "name": item.name})
            continue
        if item in city_only and item not in out_of_level:
            continue
        record = own.records[0]
        status, aspects = "conforming", []
        if item in out_of_level:
            status = "out-of-level"
        elif item in renamed:
            own.name = record.name = reword(item.name)
            status, aspects = "differs", ["renamed"]
        elif item in retyped:
            record.type = RETYPED_TO
            status, aspects = "differs", ["type-changed"]
        elif item in rebased:
            record.basis += NEW_CITATION
            status, aspects = "differs", ["basis-changed"]
        expected.append({"status": status, "aspects": aspects, "name": record.name})
        county.append(own)
    used = {item.name for item in catalogue}
    extra_rng = random.Random(seed + 1)
    for prefix in ("CF", "JC"):
        extra = county_copy([new_item(extra_rng, prefix, DEPTS, used)])[0]
        county.append(extra)
        expected.append({"status": "extra", "aspects": [], "name": extra.name})
    county.sort(key=lambda item: DEPTS.index(item.dept))
    _number(county, COUNTY_REGION)
    summary = {status: sum(e["status"] == status for e in expected) for status in
               ("conforming", "differs", "missing", "extra", "out-of-level")}
    return catalogue, county, {
        "level": COUNTY_LEVEL,
        "summary": {"reference": len(applying), **{k.replace("-", "_"): v for k, v in summary.items()}},
        "items": sorted(expected, key=lambda e: (str(e["status"]), str(e["name"]))),
    }


# The figure of an annual report:
# "对348项市级行政权力事项下放承接运行情况开展全面自查，目前已取消71项，已下放到位230项".
DELEGATED, CANCELLED, TAKEN_UP = 348, 71, 230


def delegation(seed: int = 2031) -> tuple[list[Item], list[Item], list[Item], dict[str, object]]:
    """The delegated items (to 县级), those cancelled since, a county list that took up 230, and the counts."""
    delegated = catalogue_items(seed, DELEGATED, (COUNTY_LEVEL,))
    rng = random.Random(seed)
    order = list(range(DELEGATED))
    rng.shuffle(order)
    cancelled = copy.deepcopy([delegated[i] for i in sorted(order[:CANCELLED])])
    taken = county_copy([delegated[i] for i in sorted(order[CANCELLED : CANCELLED + TAKEN_UP])])
    for item in cancelled:
        for record in item.records:
            record.level = CITY_LEVEL
    _number(taken, COUNTY_REGION)
    counts = {
        "reference": DELEGATED,
        "conforming": TAKEN_UP,
        "differs": 0,
        "missing": DELEGATED - CANCELLED - TAKEN_UP,
        "extra": 0,
        "out_of_level": 0,
        "cancelled": CANCELLED,
    }
    return delegated, cancelled, taken, {"level": COUNTY_LEVEL, "summary": counts}



def zhengzhao_from(licensing: Sequence[Item], seed: int = 2032) -> tuple[list[Item], dict[str, object]]:
    """A 证照分离 list derived from the licensing list (every second item the reform covers), plus one item that
    names no licensing item: the one thing `check --scope within` must report."""
    rng = random.Random(seed)
    reformed = [copy.deepcopy(item) for item in licensing[::2] if len(item.records) == 1]
    stray = new_item(rng, "XK", DEPTS, {item.name for item in licensing})
    reformed.insert(len(reformed) // 2, stray)
    return reformed, {"scope": "within", "extra": [stray.name]}
