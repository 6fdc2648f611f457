"""Tables that continue one another (read/table_join.py): a header repeated on each page dropped, a page that goes
on joined, merges kept in place, and tables that are not one left apart."""

from __future__ import annotations

from listkit.read.table_join import Table, joined_grids

HEADER = ["序号", "事项名称", "设定依据"]


def test_a_repeated_header_is_dropped_and_the_tables_joined() -> None:
    first = Table([HEADER, ["1", "甲", "法一"], ["", "", "法二"]], merges=[(1, 0, 2, 0), (1, 1, 2, 1)], where="第1页")
    second = Table([HEADER, ["2", "乙", "法三"], ["3", "丙", "法四"]], merges=[(1, 1, 2, 1)], where="第2页")
    (grid,) = joined_grids([first, second], "a.pdf", "表")
    assert grid.sheet == "表1"
    assert grid.rows == [HEADER, ["1", "甲", "法一"], ["", "", "法二"], ["2", "乙", "法三"], ["3", "丙", "法四"]]
    assert grid.merges == [(1, 0, 2, 0), (1, 1, 2, 1), (3, 1, 4, 1)]
    assert grid.notes == ["tables-joined:2:第1页、第2页"]


def test_a_page_that_goes_on_without_its_header_joins_when_nothing_stands_between() -> None:
    first = Table([HEADER, ["1", "甲", "法一"]], where="第1页")
    goes_on = Table([["", "", "法一续"], ["2", "乙", "法二"]], merges=[(0, 0, 1, 0)], where="第2页", follows=True)
    (grid,) = joined_grids([first, goes_on], "a.pdf", "表")
    assert grid.rows[2:] == [["", "", "法一续"], ["2", "乙", "法二"]]
    assert grid.merges == [(2, 0, 3, 0)]


def test_tables_that_are_not_one_stay_apart() -> None:
    licences = Table([HEADER, ["1", "甲", "法一"]], where="表1")
    other_width = Table([["序号", "名称"], ["1", "乙"]], where="表2", follows=True)
    not_following = Table([["1", "丙", "法"]], where="表3")
    grids = joined_grids([licences, other_width, not_following, Table([])], "a.html", "表")
    assert [g.sheet for g in grids] == ["表1", "表2", "表3"]
    assert [g.notes for g in grids] == [
        ["table-from:表1"],
        ["table-from:表2"],
        ["table-from:表3"],
    ]
