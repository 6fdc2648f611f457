"""The canonical .jsonl writer assembles lines as columns; each line must be exactly what orjson makes of
``record_object``, in the canonical order — stated here record by record, as the specification."""

from __future__ import annotations

import os

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from listkit.model import ItemList, Record, SourceRef
from listkit.normalize import fold
from listkit.read import read_list
from listkit.schema import Schema, load_schema
from listkit.write.canonical import header, jsonl_bytes, record_object
from tests.conftest import SAMPLES


def _sort_key(record: Record, schema: Schema) -> tuple[str, str, str, str, int]:
    code_key = schema.key_of("code")
    code = record.values.get(code_key, "") if code_key else ""
    identity = (
        "code:" + fold(code)
        if code
        else "item:" + "\x1f".join(fold(record.values.get(key, "")) for key in schema.identity_keys)
    )
    source = record.source
    return (
        identity,
        record.department or "",
        source.file if source else "",
        (source.sheet or "") if source else "",
        (source.row or 0) if source else 0,
    )


def _expected(items: ItemList) -> bytes:
    schema = load_schema(items.schema_name)
    lines = [orjson.dumps(header(items))]
    lines += [orjson.dumps(record_object(r, schema)) for r in sorted(items.records, key=lambda r: _sort_key(r, schema))]
    return b"\n".join(lines) + b"\n"


@pytest.mark.parametrize(
    "name", ["district-power-list.xlsx", "broken-power-list.xlsx", "licensing-list.xlsx", "department-power-list.csv"]
)
def test_samples_write_record_by_record_bytes(name: str) -> None:
    items = read_list([SAMPLES / name])
    assert jsonl_bytes(items) == _expected(items)


text = st.one_of(st.none(), st.text(max_size=6), st.sampled_from(["行政许可", 'a"b\\c\n\t\x01\u2028😀', " ", "ＡＢ"]))


@settings(max_examples=150, deadline=None)
@given(
    rows=st.lists(
        st.tuples(
            st.dictionaries(st.sampled_from(["seq", "code", "name", "sub_name", "type", "basis"]), text, max_size=6),
            text,
            st.one_of(
                st.none(),
                st.tuples(st.sampled_from(["a.xlsx", "/x/b.xlsx"]), text, st.one_of(st.none(), st.integers(0, 99))),
            ),
            st.dictionaries(st.sampled_from(["备注2", "x"]), st.text(max_size=4), max_size=2),
            st.dictionaries(st.just("type"), st.text(max_size=3), max_size=1),
            st.one_of(st.none(), st.sampled_from(["column", "sheet"])),
        ),
        max_size=12,
    )
)
def test_any_records_write_record_by_record_bytes(rows: list[tuple[object, ...]]) -> None:
    records = []
    for values, department, source, extra, raw, type_from in rows:
        records.append(
            Record(
                values={k: v for k, v in values.items() if v},  # type: ignore[union-attr]
                department=department or None,  # type: ignore[arg-type]
                source=SourceRef(file=source[0], sheet=source[1], row=source[2]) if source else None,  # type: ignore[index]
                extra=extra,  # type: ignore[arg-type]
                raw=raw,  # type: ignore[arg-type]
                type_from=type_from,  # type: ignore[arg-type]
            )
        )
    items = ItemList(schema_name="power-list", records=records)
    assert jsonl_bytes(items) == _expected(items)
    assert os.sep  # (paths in source are written as base names by record_object itself)
