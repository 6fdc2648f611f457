"""The column helpers agree with the record-level functions they stand in for."""

from __future__ import annotations

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from listkit.normalize import fold
from listkit.table import folded, map_distinct

text = st.one_of(
    st.none(),
    st.text(alphabet=st.characters(max_codepoint=0x7F), max_size=12),
    st.text(max_size=12),
    st.sampled_from(["ABC 123", "A\x1cB", "行政　许可（一）", "①号", "990102201XK00100", " \t", "ＡＢＣ"]),
)


@settings(max_examples=300, deadline=None)
@given(values=st.lists(text, max_size=20))
def test_folded_column_is_fold_of_each_value(values: list[str | None]) -> None:
    column = pl.Series("v", values, dtype=pl.String)
    assert folded(column).to_list() == [fold(v) if v is not None else "" for v in values]


@settings(max_examples=100, deadline=None)
@given(values=st.lists(st.one_of(st.none(), st.sampled_from(["a", "b", "行政"])), max_size=20))
def test_map_distinct_keeps_rows_aligned(values: list[str | None]) -> None:
    column = pl.Series("v", values, dtype=pl.String)
    assert map_distinct(column, len, pl.Int64).to_list() == [len(v) if v is not None else None for v in values]
