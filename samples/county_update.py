"""The county's annual update (the README's library script, "脚本中使用"): one change order per department that
brings last year's county list (county-list.xlsx) in line with the city's catalogue (city-catalogue.xlsx).

Each is a change order as ``listkit apply`` takes it, in the shape of ``listkit diff --format json``: the missing
items added (新增), the renamed, re-typed and re-based ones given back the catalogue's name, type and basis (调整),
the extra and out-of-level ones cancelled (取消). Applied, the list checks as 40 of 40 items taken up.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict

from check_pairs import COUNTY_REGION, county_copy, county_pair
from generate import DEPTS, Item, Record, json_bytes

# The generator's record attributes that the power-list schema names otherwise.
FIELD_OF = {"sub": "sub_name", "scope": "level_scope"}


def record_object(record: Record) -> dict[str, str]:
    """A record as a change order's json holds it: the schema's field keys, empty fields left out."""
    values = {FIELD_OF.get(attr, attr): str(value) for attr, value in asdict(record).items()}
    return {key: value for key, value in values.items() if value and value != "0"}


def department_orders() -> dict[str, list[dict[str, object]]]:
    """The changes of each department (by its county body, 示例县…局), in the county list's order."""
    catalogue, county, expected = county_pair()
    status = {str(e["name"]): str(e["status"]) for e in expected["items"]}  # type: ignore[index, union-attr]
    by_name = {item.name: item for item in catalogue}
    orders: dict[str, list[dict[str, object]]] = {}
    for item in county:
        own = item.records[0]
        kind = status[own.name]
        if kind in ("extra", "out-of-level"):
            change: dict[str, object] = {"kind": "cancelled", "old": _identified(own), "new": None}
        elif kind == "differs":
            master = by_name.get(own.name) or _same_basis(catalogue, item)
            fixed = Record(**{**asdict(own), **{k: getattr(master.records[0], k) for k in ("name", "type", "basis")}})
            change = {"kind": "adjusted", "old": _identified(own), "new": record_object(fixed)}
        else:
            continue
        orders.setdefault(own.body, []).append(change)
    seq = max(item.records[0].seq for item in county)
    for missing in sorted((by_name[str(e["name"])] for e in _missing(expected)), key=lambda i: DEPTS.index(i.dept)):
        (added,) = county_copy([missing])
        seq += 1
        record = added.records[0]
        record.seq, record.code = seq, f"{COUNTY_REGION}{added.dept.code}{added.prefix}{seq:03d}00"
        orders.setdefault(record.body, []).append({"kind": "added", "old": None, "new": record_object(record)})
    return orders


def _identified(record: Record) -> dict[str, str]:
    """The record a change takes out, as a clerk names it: by code and name (apply finds it and checks both)."""
    return {"code": record.code, "name": record.name}


def _same_basis(catalogue: Sequence[Item], item: Item) -> Item:
    """A renamed item's catalogue entry: the one of its department with its basis (only the name was changed)."""
    basis = item.records[0].basis
    return next(c for c in catalogue if c.dept == item.dept and c.records[0].basis == basis)


def _missing(expected: dict[str, object]) -> list[dict[str, object]]:
    items: list[dict[str, object]] = expected["items"]  # type: ignore[assignment]
    return [e for e in items if e["status"] == "missing"]


def outputs() -> dict[str, bytes]:
    return {
        f"county-change-{body}.json": json_bytes({"changes": changes}) for body, changes in department_orders().items()
    }
