"""The column-pass schema checks agree with fastjsonschema on every record, and step aside when they must."""

from __future__ import annotations

import fastjsonschema
from hypothesis import given, settings
from hypothesis import strategies as st

from listkit.record import Record
from listkit.schema import load_schema
from listkit.table import table_from_records
from listkit.validate.columnar import compile_columns

SCHEMAS = [
    load_schema("power-list"),
    load_schema("licensing-list"),
    load_schema("zhengzhao-list"),
]
FIELDS = sorted({key for schema in SCHEMAS for key in schema.by_key})
value = st.one_of(
    st.sampled_from(
        [
            "行政许可",
            "处罚",
            "990102201XK00100",
            "990102201XK00100\n",
            "abc",
            "ZZ00001",
            "审批改为备案",
            "x" * 301,
            "𠀀" * 300,
        ]
    ),
    st.text(max_size=8),
)


@settings(max_examples=300, deadline=None)
@given(rows=st.lists(st.dictionaries(st.sampled_from(FIELDS), value, max_size=8), max_size=12))
def test_column_checks_agree_with_fastjsonschema(rows: list[dict[str, str]]) -> None:
    records = [Record(values={k: v for k, v in row.items() if v}) for row in rows]
    for schema in SCHEMAS:
        columns = compile_columns(schema.validation_document)
        assert columns is not None, schema.name
        fast = fastjsonschema.compile(schema.validation_document)
        expected = set()
        for index, record in enumerate(records):
            try:
                fast(record.values)
            except fastjsonschema.JsonSchemaValueException:
                expected.add(index)
        assert columns(table_from_records(records, schema)) == expected, schema.name


def test_other_keywords_fall_back_to_fastjsonschema() -> None:
    document = dict(load_schema("power-list").validation_document)
    assert compile_columns({**document, "additionalProperties": False}) is None
    properties = dict(document["properties"])
    properties["name"] = {**properties["name"], "format": "email"}
    assert compile_columns({**document, "properties": properties}) is None


@settings(max_examples=200, deadline=None)
@given(
    values=st.lists(st.text(alphabet="0129AZaz-_ \n٣", max_size=10), max_size=20),
    pattern=st.sampled_from(
        ["^[0-9A-Z][0-9A-Z-]{5,39}$", "^[A-Z]{2}[0-9]{5}$", "^\\d{3}$", "^(ab|AZ)+-?$", "Z-", "^a?z*$"]
    ),
)
def test_simple_patterns_read_the_same_in_polars_and_python(values: list[str], pattern: str) -> None:
    import polars as pl

    from listkit.schema import pattern_search
    from listkit.validate.columnar import _SIMPLE_PATTERN

    assert _SIMPLE_PATTERN.fullmatch(pattern)
    search = pattern_search(pattern)
    column = pl.Series("v", values, dtype=pl.String)
    assert column.str.contains(pattern).to_list() == [search(v) is not None for v in values]
