"""listkit's own .jsonl files read straight into columns (polars' parallel JSON reader), records built on demand.

Only files shaped as listkit writes them take this path: line 1 is a listkit header, every line is one record,
values are strings (nested only in ``source``/``raw``/``extra``) and types are canonical. Anything else — a
foreign file, blank lines that would shift the line numbers findings point at, a boolean or a fraction where text
belongs, a variant type spelling, nesting deep enough to crash the parser (nesting.py) — returns None and the
file goes through the record-by-record reader, which states the rules (``canonical.record_from_object``). Rows
built here go through that same function, so a record is the same whichever way it was read
(tests/test_canonical_table.py compares both on every sample and on files with late surprises).

Columns are first guessed from the first lines, which is half the work of guessing from all of them; that guess
is kept only when the columns account for every byte of the file (_read_sampled).

Why a second path: the 100,000-record benchmark .jsonl is read in 0.69 s this way and in 1.39 s record by
record (`benchmarks/bench_twins.py read-jsonl [--without canonical_table]`, whole process, medians of 5 alternated
runs, 2026-12-02) — every command reads canonical files.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from listkit.errors import is_panic
from listkit.i18n import t
from listkit.model import ItemList, ListMeta
from listkit.progress import track
from listkit.read.canonical import HEADER_KEY, record_from_object, source_columns
from listkit.read.enum_values import EnumSpellings
from listkit.read.header_schema import header_schema
from listkit.read.json_keys import repeated_key
from listkit.read.nesting import shallow_enough
from listkit.read.types import TypeResolver
from listkit.record import Record
from listkit.schema import Schema, candidate_schemas
from listkit.table import DEPARTMENT, RecordTable

if TYPE_CHECKING:
    import polars as pl

NESTED = ("source", "raw", "extra")
FIRST_RECORD_LINE = 2  # line 1 is the header


def read_canonical_table(path: Path, file: str, schema_name: str | None) -> ItemList | None:
    header = _header(path)
    if header is None or not shallow_enough(path, file):
        return None
    import polars as pl

    try:
        with track(t("progress.read", where=file)):
            lines = (
                pl.scan_csv(path, separator="\x01", quote_char=None, has_header=False, schema={"line": pl.String})
                .select(pl.len())
                .collect()
                .item()
            )
            frame, exact = _read_sampled(path, lines)
            if frame is None:
                # A key first seen late, or a value that is not text: read again, inferring from every line.
                frame = pl.read_ndjson(path, infer_schema_length=None)
    except BaseException as exc:  # any doubt sends the file to the record reader, which names the problem exactly
        if not (isinstance(exc, Exception) or is_panic(exc)):
            raise  # an interrupt; a polars panic is a doubt like any other
        return None
    if frame.height != lines or frame.height == 0 or HEADER_KEY not in frame.columns:
        return None
    frame = frame.slice(1).drop(HEADER_KEY)
    if schema_name is None and isinstance(header.get("schema"), str):
        schema_name = header_schema(header["schema"], file)  # only a bundled name or a file beside this one
    schema = _schema(header, frame.columns, schema_name)
    if schema is None or not _simple(frame) or (not exact and (_coerced(frame) or not _keys_once(path, frame))):
        return None
    frame = _blank_to_null(frame)
    if not _spelled_canonically(frame, schema):
        return None
    meta = ListMeta.model_validate(header.get("meta") or {})
    table = _table(frame, file, schema)
    return ItemList.from_table(
        table, schema_name=schema.ref, meta=meta, files=[file], source_columns=source_columns(header)
    )


SAMPLE_ROWS = 1000


def _read_sampled(path: Path, lines: int) -> tuple[pl.DataFrame | None, bool]:
    """The file read with its columns guessed from the first lines (half the work of guessing from all of
    them), and kept only if it accounts for every byte of the file: polars silently drops a key it did not
    guess and turns a late number into text, and either leaves bytes unaccounted for (see _encoded_size)."""
    import orjson
    import polars as pl

    with path.open("rb") as handle:
        handle.readline()
        first_record = handle.readline(1 << 20).rstrip(b"\r\n")
    try:
        compact = orjson.dumps(orjson.loads(first_record)) == first_record
    except orjson.JSONDecodeError:
        compact = False
    if not compact:
        return None, False  # written with spaces or escapes (not by listkit): the byte count cannot tell
    try:
        frame = pl.read_ndjson(path, infer_schema_length=SAMPLE_ROWS)
    except Exception:  # a late value that contradicts the guess
        return None, False
    if frame.height != lines or frame.height == 0:
        return None, False
    with path.open("rb") as handle:
        header_bytes = len(handle.readline())
        handle.seek(-1, 2)
        final_newline = handle.read(1) == b"\n"
    size = _encoded_size(frame.slice(1))
    if size is None or header_bytes + size - (0 if final_newline else 1) != path.stat().st_size:
        return None, False
    return frame, True


def _encoded_size(body: pl.DataFrame) -> int | None:
    """Bytes of the records written as compact JSON lines with minimal escapes (what orjson writes) — the
    fewest bytes any JSON text of these values can take. A file of exactly this size holds these values and
    nothing else. None where a column's size cannot be told (it then takes the slow way)."""
    import orjson
    import polars as pl

    if HEADER_KEY in body.columns and body.get_column(HEADER_KEY).null_count() != body.height:
        return None  # 'listkit' used as a record key
    columns = [name for name in body.columns if name != HEADER_KEY]
    totals: list[pl.Expr] = []
    for name in columns:
        value = _value_size(pl.col(name), body.schema[name])
        if value is None:
            return None
        # Each present member: its value, '"key":' and a comma or brace after it.
        key = len(orjson.dumps(name)) + 1
        totals.append((value.filter(pl.col(name).is_not_null()).sum() + pl.col(name).count() * (key + 1)).alias(name))
    if not columns or body.select(pl.all_horizontal([pl.col(c).is_null() for c in columns]).any()).item():
        return None  # an empty object '{}' is not accounted for here
    sums = body.select(totals).row(0)
    # Per line: '{', the members (each followed by ',' or '}'), the newline.
    return int(sum(sums)) + 2 * body.height


def _value_size(column: pl.Expr, dtype: Any) -> pl.Expr | None:
    import orjson
    import polars as pl

    if dtype == pl.String:
        # polars' JSON encoder escapes exactly as orjson does (tests/test_canonical_table.py): the text of
        # {"v":…} less its six bytes of wrapping.
        return pl.struct(column.alias("v")).struct.json_encode().str.len_bytes().cast(pl.Int64) - 6
    if dtype == pl.Int64:
        return column.cast(pl.String).str.len_bytes().cast(pl.Int64)
    if dtype == pl.Null:
        return pl.lit(4, dtype=pl.Int64)
    if isinstance(dtype, pl.Struct) and dtype.fields:
        parts = []
        for field in dtype.fields:
            inner = _value_size(column.struct.field(field.name), field.dtype)
            if inner is None:
                return None
            key = len(orjson.dumps(field.name)) + 1
            parts.append(key + inner.fill_null(4))  # a field inside an object is written even when null
        return pl.sum_horizontal(parts) + len(parts) - 1 + 2
    return None


def _header(path: Path) -> dict[str, Any] | None:
    import orjson

    with path.open("rb") as handle:
        first = handle.readline(1 << 20)
    if not first.startswith(b'{"' + HEADER_KEY.encode()):
        return None
    try:
        value = orjson.loads(first)
    except orjson.JSONDecodeError:
        return None
    if repeated_key(first) is not None:
        return None  # the record reader refuses it, naming line 1
    header = value.get(HEADER_KEY) if isinstance(value, dict) and len(value) == 1 else None
    return header if isinstance(header, dict) else None


def _schema(header: dict[str, Any], columns: list[str], requested: str | None) -> Schema | None:
    requested = requested or (header["schema"] if isinstance(header.get("schema"), str) else None)
    candidates = list(candidate_schemas(requested))
    if len(candidates) == 1:
        return candidates[0]
    return max(candidates, key=lambda s: s.fit(columns), default=None)


def _keys_once(path: Path, body: pl.DataFrame) -> bool:
    """No record line repeats a key, which polars would take silently (keeping the first value): per line,
    the '"' + ':' sequences of its text equal the members polars parsed — the non-null values and their
    fields (json_keys says why that proves it). Only for files not accounted for byte by byte (_read_sampled
    proves it there); a null written out or a '\\":' in a text differs too, and the record reader decides."""
    import polars as pl

    if body.height == 0:
        return True  # a header alone (the header line is checked by _header)
    members: list[pl.Expr] = []
    for name, dtype in body.schema.items():
        members.append(pl.col(name).is_not_null().cast(pl.UInt32))
        if isinstance(dtype, pl.Struct):
            members += [pl.col(name).struct.field(f.name).is_not_null().cast(pl.UInt32) for f in dtype.fields]
    if not members:
        return False  # records without a column: the record reader has them
    parsed = body.select(pl.sum_horizontal(members).alias("n")).get_column("n")
    written = (
        pl.scan_csv(path, separator="\x01", quote_char=None, has_header=False, schema={"line": pl.String})
        .select(pl.col("line").str.count_matches(r'"[ \t\r\n]*:').cast(pl.UInt32).alias("n"))
        .slice(1)
        .collect()
        .get_column("n")
    )
    return written.len() == parsed.len() and bool((written == parsed).all())


def _source_fields() -> dict[str, Any]:
    import polars as pl

    return {"file": pl.String, "sheet": pl.String, "row": pl.Int64}


def _simple(frame: pl.DataFrame) -> bool:
    """Strings everywhere, objects only under the reserved keys: what listkit writes."""
    import polars as pl

    for name, dtype in frame.schema.items():
        if name in NESTED:
            if isinstance(dtype, pl.Struct):
                expected = _source_fields() if name == "source" else {}
                if any(field.dtype not in (expected.get(field.name, pl.String), pl.Null) for field in dtype.fields):
                    return False
            elif dtype != pl.Null:
                return False
        elif dtype not in (pl.String, pl.Null):
            return False
    return True


# Where a line holds a number, boolean or object among strings, polars turns it into text of its own making
# ("true", "1e-07" as "0.0000001", '{"a":1}') where the record reader writes "TRUE", "1e-07", '{"a": 1}'.
# Integers (and integral floats) agree; any value that could be one of the others sends the file to the
# record reader.
_COERCED = r"^(?:true|false|-0|-?[0-9]+(?:\.[0-9]+(?:[eE][+-]?[0-9]+)?|[eE][+-]?[0-9]+)|[\[{].*)$"


def _coerced(frame: pl.DataFrame) -> bool:
    import polars as pl

    text = [c for c, dtype in frame.schema.items() if dtype == pl.String]
    if not text:
        return False
    hits = frame.select(pl.any_horizontal([pl.col(c).str.contains(_COERCED).any() for c in text]))
    return bool(hits.item())


def _blank_to_null(frame: pl.DataFrame) -> pl.DataFrame:
    """An empty string is an empty cell, as the record reader has it."""
    import polars as pl

    text = [c for c in frame.columns if c not in NESTED]
    return frame.with_columns(
        [pl.when(pl.col(c) == "").then(None).otherwise(pl.col(c)).cast(pl.String).alias(c) for c in text]
    )


def _spelled_canonically(frame: pl.DataFrame, schema: Schema) -> bool:
    """A variant spelling of a type or another closed value would be rewritten (and remembered in ``raw``) record
    by record: not handled here."""
    type_key = schema.key_of("type")
    if type_key is not None and type_key in frame.columns:
        resolver = TypeResolver(schema)
        for value in frame.get_column(type_key).drop_nulls().unique().to_list():
            canonical = resolver.canonical(value)
            if canonical is not None and canonical != value:
                return False
    enums = EnumSpellings(schema)
    return all(
        enums.all_canonical(key, frame.get_column(key).drop_nulls().unique().to_list())
        for key in enums.by_key
        if key in frame.columns
    )


def _table(frame: pl.DataFrame, file: str, schema: Schema) -> RecordTable:
    import polars as pl

    if DEPARTMENT not in frame.columns:
        frame = frame.with_columns(pl.lit(None, dtype=pl.String).alias(DEPARTMENT))
    names = frame.columns

    def materialise(rows: Sequence[int]) -> list[Record]:
        chosen = frame if rows == range(frame.height) else frame[list(rows)]
        # Column by column to Python, then zipped: polars' row iteration costs several times more.
        columns = [chosen.get_column(name).to_list() for name in names]
        return [
            record_from_object(
                {name: _without_nulls(value) for name, value in zip(names, row, strict=True) if value is not None},
                index + FIRST_RECORD_LINE,
                file,
                schema,
            )
            for index, row in zip(rows, zip(*columns, strict=True), strict=True)
        ]

    return RecordTable(frame, materialise)


def _without_nulls(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: v for k, v in value.items() if v is not None}
    return value
