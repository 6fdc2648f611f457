"""Aspects that are exactly the change, pairs that are the same item: merges and splits list only the fields
that differ; a declared --key is the identity; two different codes need more than a similar name."""

from __future__ import annotations

from listkit.diff import diff_lists
from listkit.model import ItemList
from listkit.record import Record

BASIS = "《中华人民共和国行政处罚法》第十八条"
OTHER_BASIS = "《城市市容和环境卫生管理条例》第三十六条：有下列行为之一者，处以罚款"


def record(name: str, **values: str) -> Record:
    base = {"name": name, "type": "行政处罚", "basis": BASIS, "body": "市示例局", "level": "市级"}
    return Record(values={**base, **values})


def lists(old: list[Record], new: list[Record]) -> tuple[ItemList, ItemList]:
    return ItemList(schema_name="power-list", records=old), ItemList(schema_name="power-list", records=new)


def test_a_merge_of_sub_items_lists_no_aspect_but_the_merge() -> None:
    # Two sub-items that differed only in their scope become one item keeping one of the scopes.
    old = [
        record("对违法排污行为的处罚", sub_name="1.超标排放", level_scope="负责市本级", code="CF0000000101"),
        record("对违法排污行为的处罚", sub_name="2.偷排", level_scope="负责市辖区", code="CF0000000102"),
    ]
    new = [record("对违法排污行为的处罚", level_scope="负责市本级", code="CF0000000101")]
    (change,) = diff_lists(*lists(old, new)).changes
    assert change.aspects == ["merged"] and change.fields == []


def test_a_merge_lists_the_fields_that_changed_and_only_those() -> None:
    old = [
        record("对违法排污行为的处罚", sub_name="1.超标排放", level_scope="负责市本级"),
        record("对违法排污行为的处罚", sub_name="2.偷排", level_scope="负责市辖区"),
    ]
    new = [record("对违法排污行为的处罚", basis=OTHER_BASIS, level_scope="负责市辖区")]
    (change,) = diff_lists(*lists(old, new)).changes
    assert change.aspects == ["merged", "basis-changed"]
    assert [(f.field, f.old, f.new) for f in change.fields] == [("basis", BASIS, OTHER_BASIS)]


def test_a_split_lists_the_fields_that_changed_besides_its_pieces() -> None:
    old = [record("对违法排污行为的处罚", code="CF0000000100")]
    new = [
        record("对违法排污行为的处罚", sub_name="1.超标排放", code="CF0000000101", body="市示例分局"),
        record("对违法排污行为的处罚", sub_name="2.偷排", code="CF0000000102", body="市示例分局"),
    ]
    (change,) = diff_lists(*lists(old, new)).changes
    assert change.aspects == ["split", "body-changed"]
    assert [(f.field, f.old, f.new) for f in change.fields] == [("body", "市示例局", "市示例分局")]


def test_a_scope_sentence_gives_no_delegation_direction() -> None:
    old = [record("对违法排污行为的处罚", level_scope="负责县级以下的案件")]
    new = [record("对违法排污行为的处罚", level_scope="负责市级案件")]
    (change,) = diff_lists(*lists(old, new)).changes
    assert [f.direction for f in change.fields] == [None]


def test_records_whose_declared_keys_differ_are_never_paired() -> None:
    old = [record("对违法排污行为的处罚", code="CF0000000101"), record("对噪声污染行为的处罚", code="CF0000000201")]
    new = [record("对违法排污行为的处罚", code="CF0000000901"), record("对噪声污染行为的处理", code="CF0000000902")]
    by_key = diff_lists(*lists(old, new), key="code")
    assert (by_key.count("added"), by_key.count("cancelled"), by_key.count("adjusted")) == (2, 2, 0)
    # Without a declared key the same name is the same item, whose code changed.
    undeclared = diff_lists(*lists(old, new))
    same_name = next(c for c in undeclared.changes if c.subject().values["name"] == "对违法排污行为的处罚")
    assert same_name.aspects == ["code-changed"]


def test_a_key_still_lets_a_record_without_one_pair_by_name() -> None:
    old = [record("对违法排污行为的处罚", code="CF0000000101")]
    new = [record("对违法排污行为的处罚", basis=OTHER_BASIS)]
    (change,) = diff_lists(*lists(old, new), key="code").changes
    assert change.kind == "adjusted" and "basis-changed" in change.aspects


def test_two_codes_need_more_than_a_similar_name_to_pair() -> None:
    old = [record("对违反城市绿化管理规定行为的处罚", code="CF0000000101")]
    # A similar name and a basis citing another article of a like-named law: 0.84 in all, over --min-score,
    # but the bases (0.70 alike) say two items.
    renamed = record(
        "对违反城市绿化管理规定行为的处理", code="CF0000000901", basis="《中华人民共和国城乡规划法》第六十四条"
    )
    unrelated = diff_lists(*lists(old, [renamed]))
    assert (unrelated.count("added"), unrelated.count("cancelled"), unrelated.count("adjusted")) == (1, 1, 0)
    # The same item with its code and name changed keeps its basis: that pairs it.
    same_basis = record("对违反城市绿化管理规定行为的处理", code="CF0000000901")
    (change,) = diff_lists(*lists(old, [same_basis])).changes
    assert sorted(change.aspects) == ["code-changed", "renamed"]
