"""Settling unchanged pairs as columns must never change a diff: every case is diffed with and without it."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest

from listkit.diff import diff_lists
from listkit.diff import settle as settle_module
from listkit.diff.settle import Settled
from listkit.model import ItemList
from listkit.read import read_file, read_list
from listkit.record import Record
from listkit.render.change_order_json import changeset_json
from listkit.schema import load_schema
from listkit.write.canonical import jsonl_bytes
from tests.conftest import SAMPLES

OLD = SAMPLES / "district-power-list.xlsx"
NEW = SAMPLES / "district-power-list-2022.xlsx"


def _unsettled(old: Any, new: Any, _schema: Any, **_options: Any) -> Settled:
    return Settled(list(range(old.height)), list(range(new.height)), 0)


def _both_ways(old: ItemList, new: ItemList, monkeypatch: pytest.MonkeyPatch, **options: Any) -> dict[str, Any]:
    cosmetic = bool(options.get("cosmetic", True))
    fast = changeset_json(diff_lists(old, new, **options), "test", cosmetic)
    with monkeypatch.context() as patch:
        patch.setattr("listkit.diff.settle_unchanged", _unsettled)  # diff_lists calls it by this name
        slow = changeset_json(diff_lists(old, new, **options), "test", cosmetic)
    assert fast == slow
    return fast


@pytest.fixture(scope="module")
def editions() -> tuple[ItemList, ItemList]:
    return read_list([OLD]), read_list([NEW])


@pytest.mark.parametrize("cosmetic", [True, False])
def test_sample_editions_diff_the_same_with_and_without_settling(
    editions: tuple[ItemList, ItemList], monkeypatch: pytest.MonkeyPatch, cosmetic: bool
) -> None:
    result = _both_ways(*editions, monkeypatch, cosmetic=cosmetic)
    assert result["summary"]["added"] == 21 and result["summary"]["unchanged"] > 3000
    old, new = editions
    settled = settle_module.settle_unchanged(
        old.table(), new.table(), load_schema("power-list"), key=None, keep_cosmetic=cosmetic
    )
    # The comparison above really had two paths to compare (with cosmetics kept, 序号 shifts keep pairs back).
    assert settled.unchanged > (0 if cosmetic else 3000)
    assert bool(result.get("cosmetic")) == cosmetic


def test_canonical_editions_diff_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lists = []
    for name, source in (("old", OLD), ("new", NEW)):
        path = tmp_path / f"{name}.jsonl"
        path.write_bytes(jsonl_bytes(read_list([source])))
        items = read_file(path)
        assert items._records is None  # read as columns
        lists.append(items)
    _both_ways(lists[0], lists[1], monkeypatch, cosmetic=False)
    _both_ways(lists[0], lists[1], monkeypatch, cosmetic=True)


def _copy(records: list[Record]) -> list[Record]:
    return [r.model_copy(deep=True) for r in records]


@pytest.mark.parametrize("seed", range(6))
def test_awkward_editions_diff_the_same(
    editions: tuple[ItemList, ItemList], monkeypatch: pytest.MonkeyPatch, seed: int
) -> None:
    """Repeated codes, codes differing only in case or spaces, moved departments, extra columns, 序号-only edits."""
    rng = random.Random(seed)
    base = _copy(editions[0].records[:400])
    old, new = _copy(base), _copy(base)
    for record in rng.sample(old, 20):
        record.values["code"] = old[0].values["code"]  # one code many times
    for record in rng.sample(new, 20):
        record.values["code"] = " " + record.values.get("code", "").lower()
    for record in rng.sample(new, 15):
        record.department = "另一部门"
    for record in rng.sample(new, 15):
        record.extra = {"备注2": "新增说明"}
    for record in rng.sample(old, 10):
        record.extra = {"备注2": "新增说明"}
    for record in rng.sample(new, 30):
        record.values["seq"] = str(int(record.values.get("seq", "0") or 0) + 1)
    for record in rng.sample(new, 10):
        record.values.pop("code", None)
    rng.shuffle(new)
    lists = ItemList(schema_name="power-list", records=old), ItemList(schema_name="power-list", records=new)
    for cosmetic in (True, False):
        _both_ways(*lists, monkeypatch, cosmetic=cosmetic)
        _both_ways(*lists, monkeypatch, cosmetic=cosmetic, key="name")
