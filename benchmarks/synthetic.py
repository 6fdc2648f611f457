"""Large lists for benchmarks, made from the bundled district sample: one copy per fictional county."""

from __future__ import annotations

import random
from pathlib import Path

from listkit.model import ItemList
from listkit.read import read_list
from listkit.record import Record

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "district-power-list.xlsx"


_FRESH = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥金木水火土风云雷电山川湖海松竹梅兰"


def big_list(records: int) -> ItemList:
    base = read_list([SAMPLE])
    template = base.records
    out = []
    for i in range(records):
        source = template[i % len(template)]
        copy = i // len(template)
        values = dict(source.values)
        # Each copy is another county's list: same item names, its own department and codes — as a
        # province's lists are.
        if values.get("code"):
            values["code"] = f"{copy:04d}{values['code'][4:]}"
        out.append(source.model_copy(update={"values": values, "department": f"示例县{copy:03d}·{values['body']}"}))
    base.records = out
    return base


def next_edition(
    items: ItemList, seed: int = 7, added: float = 0.01, cancelled: float = 0.01, adjusted: float = 0.02
) -> ItemList:
    """1% cancelled, 1% added, 2% adjusted (half renamed, half with a new basis), order shuffled a little."""
    rng = random.Random(seed)
    records = [r.model_copy(update={"values": dict(r.values)}) for r in items.records]
    n = len(records)
    picked = rng.sample(range(n), int(n * (cancelled + adjusted)))
    gone = set(picked[: int(n * cancelled)])
    for k, index in enumerate(picked[int(n * cancelled) :]):
        values = records[index].values
        if k % 2:
            values["name"] = (
                values["name"].replace("的", "等的", 1) if "的" in values["name"] else values["name"] + "等"
            )
        else:
            values["basis"] = values["basis"] + "\n【规章】《示例办法》第十条"
    kept = [r for i, r in enumerate(records) if i not in gone]
    for k in range(int(n * added)):
        donor = records[rng.randrange(n)]
        # A new item: its own name and basis, only the department and type borrowed from an existing one.
        name = "对" + "".join(rng.choice(_FRESH) for _ in range(rng.randint(6, 12))) + "的处罚"
        basis = f"【法规】《示例新条例{k}》第{rng.randint(1, 99)}条：" + "".join(rng.choice(_FRESH) for _ in range(60))
        values = dict(donor.values, name=name, basis=basis, code=f"NEW{k:07d}XK00000")
        kept.insert(rng.randrange(len(kept)), Record(values=values))
    return items.model_copy(update={"records": kept})


def strip_codes(items: ItemList) -> ItemList:
    records = [
        r.model_copy(update={"values": {k: v for k, v in r.values.items() if k != "code"}}) for r in items.records
    ]
    return items.model_copy(update={"records": records})
