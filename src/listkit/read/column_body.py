"""A sheet's body read as columns, exactly as the row reader would read it, when every row of it is plain.

Most rows of a big list take the row reader's fast path (row_records.RecordBuilder.fast): nothing merged, the item
named on the row itself, so the row is a record of its own. When every row under the header is such a row or
blank, and no merged range or hidden row reaches into the body, nothing carries from one row to the next, and
the records are made here as column operations with the same cleaning. Text functions that must agree with the
row reader exactly (clean_value, join_lines, normalize_seq, fold) run in Python once per distinct value, and
only on the values that need them. Any other sheet returns None and is read row by row, as is a sheet with a
field published as ticked columns (ticks.py: rare, and never a big sheet's time).
tests/test_column_read.py reads sheets both ways and requires the same records.

Why a second path: reading the 100,000-record benchmark workbook takes 1.98 s with it and 3.81 s row by row,
485 MB at peak instead of 347 MB (`benchmarks/bench_twins.py read-xlsx [--without column_body]`, whole process,
medians of 5 alternated runs, 2026-12-02).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from listkit.continuation import CONTINUED_NAME
from listkit.i18n import t
from listkit.normalize import clean_value, fold, join_lines, normalize_seq
from listkit.progress import track
from listkit.read.column_rows import ColumnRows, has_text, strip
from listkit.read.sheet_plan import PLACEHOLDER_MAX_CHARS, SheetPlan
from listkit.read.skipped_rows import NOTE_PREFIX
from listkit.read.subitems import NUMBERED_LOOSE, split_sub_items
from listkit.table import DEPARTMENT, EXTRA, RAW, SOURCE, TYPE_FROM, RecordTable, map_distinct, saved_table
from listkit.vocabulary import NOTE_WORD_CORES, alternatives

if TYPE_CHECKING:
    import polars as pl

# What may start a note row; the exact test (skipped_rows.NOTE_PREFIX) runs on the cells that contain one of these.
_NOTE_WORDS = alternatives(NOTE_WORD_CORES)


def read_body(plan: SheetPlan, start: int) -> RecordTable | None:
    grid = plan.grid
    rows = grid.rows
    assert isinstance(rows, ColumnRows)
    extras = list(plan.columns.extras.values())
    if (
        plan.name_col is None
        or plan.ticks
        or any(row >= start for row in grid.hidden_rows)
        or any(last >= start for _r0, _c0, last, _c1 in grid.merges)
        or len(set(extras)) != len(extras)  # two extra columns of one header: the row reader keeps one value
    ):
        return None
    with track(t("progress.read", where=grid.sheet or grid.file)):
        body = _Body(rows, start)
        plain = body.plain_rows(plan.name_col, plan.header_words)
        if plain is None:
            return None
        if plan.sub_col is not None and _packs_sub_items(body.cells(plan.sub_col)):
            return None  # a cell of several numbered sub-items is several records: the row reader splits it
        return saved_table(body.records(plan, plain), plan.schema)


class _Body:
    def __init__(self, rows: ColumnRows, start: int) -> None:
        self.rows = rows
        self.start = start
        self.keep: pl.Series | None = None  # the rows that are records

    def cells(self, col: int) -> pl.Series:
        cells = self.rows.column(col).slice(self.start)
        return cells if self.keep is None else cells.filter(self.keep)

    def plain_rows(self, name_col: int, header_words: set[str]) -> pl.Series | None:
        """Which rows are records (the fast path's rows); None when some row is neither a record nor blank."""
        import polars as pl

        frame = self.rows.frame.slice(self.start)
        if not frame.width:
            return None
        name_cells = self.cells(name_col)
        name = strip(name_cells)
        filled = frame.select(
            pl.sum_horizontal([(pl.col(c).is_not_null() & (pl.col(c) != "")).cast(pl.Int32) for c in frame.columns])
        ).to_series()
        note_before = pl.repeat(False, frame.height, eager=True)
        for col in range(self.rows.first_column, min(name_col, self.rows.width)):
            note_before = note_before | _notes(self.cells(col))
        record = (
            name_cells.is_not_null()
            & (name != "")
            & ~name.is_in(list(header_words))
            & ~name.str.ends_with(CONTINUED_NAME)  # a row continuing the record above (continued_rows.continue_record)
            & ~note_before
            & (filled >= 2)
        ).fill_null(False)
        others = frame.filter(~record)
        if others.height and has_text(others).any():
            return None  # a row that is neither a record of its own nor blank
        return record

    def records(self, plan: SheetPlan, keep: pl.Series) -> pl.DataFrame:
        """The frame of the records (saved_table's shape), cleaned as RecordBuilder.fast and .build clean them."""
        import polars as pl

        self.keep = keep
        height = int(keep.sum())
        values: dict[str, pl.Series] = {}
        for col, key, single_line, is_seq in plan.mapped:
            text = self.text(col)
            if single_line:
                text = _python_where(text, text.str.contains("\n", literal=True), join_lines)
            if is_seq:
                text = map_distinct(text, normalize_seq, pl.String)
            values[key] = _blank_to_null(text)
        raw: dict[str, pl.Series] = {}
        for key, nothing in plan.none_values.items():
            if key in values:
                value = values[key]
                short = pl.select(pl.when(value.str.len_chars() < PLACEHOLDER_MAX_CHARS).then(value)).to_series()
                none = map_distinct(short, _folds_into(nothing), pl.Boolean).fill_null(False)
                values[key] = _null_where(value, none)
                if none.any():
                    raw[key] = _null_where(value, ~none).alias(key)
        type_from, raw_type = self.settle_types(plan, values, height)
        if raw_type is not None and raw_type.is_not_null().any():
            raw[raw_type.name] = raw_type
        _settle_enums(plan, values, raw)
        _settle_levels(plan, values, raw, height)
        columns = [value.alias(key) for key, value in values.items()]
        columns.append(self.department(plan.columns.department, height))
        columns.append(type_from.alias(TYPE_FROM))
        if raw:
            columns.append(pl.DataFrame([raw[key] for key in sorted(raw)]).to_struct(RAW))
        if plan.columns.extras:
            extra = pl.DataFrame([self.text(col).alias(header) for col, header in plan.columns.extras.items()])
            columns.append(extra.to_struct(EXTRA))
        row = pl.int_range(self.start + 1, self.start + 1 + len(keep), eager=True).filter(keep)
        source = pl.DataFrame(
            [
                pl.repeat(plan.grid.file, height, dtype=pl.String, eager=True).alias("file"),
                pl.repeat(plan.grid.sheet, height, dtype=pl.String, eager=True).alias("sheet"),
                row.cast(pl.Int64).alias("row"),
            ]
        )
        columns.append(source.to_struct(SOURCE))
        return pl.DataFrame(columns)

    def text(self, col: int) -> pl.Series:
        """A cell's text as the fast path takes it: stripped, line endings unified where it has a \\r."""
        cells = self.cells(col)
        stripped = strip(cells)
        return _blank_to_null(_python_where(stripped, cells.str.contains("\r", literal=True), clean_value, of=cells))

    def settle_types(
        self, plan: SheetPlan, values: dict[str, pl.Series], height: int
    ) -> tuple[pl.Series, pl.Series | None]:
        """type_settle.settle_type for every record: the canonical type in ``values``; where it came from, and
        the original spelling of the types canonicalised."""
        import polars as pl

        key = plan.type_key
        if key is None:
            return pl.repeat(None, height, dtype=pl.String, eager=True), None
        written = values.get(key, pl.repeat(None, height, dtype=pl.String, eager=True))
        canonical = map_distinct(written, plan.types.canonical, pl.String)
        changed = (canonical.is_not_null() & (canonical != written)).fill_null(False)
        raw = _null_where(written, ~changed).alias(key)
        settled = canonical.zip_with(changed, written)
        from_column = pl.select(pl.when(written.is_not_null()).then(pl.lit("column"))).to_series()
        fallback, origin = plan.sheet_type, "sheet"
        if not fallback:
            fallback, origin = plan.schema.by_key[key].default, "default"
        if fallback:
            settled = settled.fill_null(fallback)
            from_column = from_column.fill_null(origin)
        values[key] = settled.alias(key)
        return from_column, raw

    def department(self, col: int | None, height: int) -> pl.Series:
        import polars as pl

        if col is None:
            return pl.repeat(None, height, dtype=pl.String, eager=True).alias(DEPARTMENT)
        text = self.text(col)
        return _blank_to_null(_python_where(text, text.str.contains("\n", literal=True), join_lines)).alias(DEPARTMENT)


def _settle_enums(plan: SheetPlan, values: dict[str, pl.Series], raw: dict[str, pl.Series]) -> None:
    """EnumSpellings.settle for every record, once per distinct spelling."""
    import polars as pl

    for key in plan.enums.by_key:
        written = values.get(key)
        if written is None:
            continue
        canonical = map_distinct(written, partial(plan.enums.canonical, key), pl.String)
        changed = (canonical.is_not_null() & (canonical != written)).fill_null(False)
        if not changed.any():
            continue
        values[key] = canonical.zip_with(changed, written).alias(key)
        spelled = _null_where(written, ~changed)
        earlier = raw.get(key)
        raw[key] = (earlier.fill_null(spelled) if earlier is not None else spelled).alias(key)


def _settle_levels(plan: SheetPlan, values: dict[str, pl.Series], raw: dict[str, pl.Series], height: int) -> None:
    """LevelResolver.settle_values for every record, once per distinct (level, scope filled?) pair."""
    import polars as pl

    levels, key = plan.levels, plan.levels.key
    if key is None or (key not in values and not plan.sheet_level):
        return
    level = values.get(key, pl.repeat(None, height, dtype=pl.String, eager=True))
    scope_key = levels.scope_key
    scope = values.get(scope_key) if scope_key else None
    has_scope = scope.is_not_null() if scope is not None else pl.repeat(False, height, eager=True)
    # NUL, which no cell holds, stands for an empty level so that the join below pairs empties too.
    pairs = pl.DataFrame({"level": level.fill_null("\0"), "has_scope": has_scope})
    distinct = pairs.unique()
    settled: list[tuple[str | None, str | None, str | None]] = []
    for written, scoped in distinct.iter_rows():
        written = None if written == "\0" else written
        record = {key: written} if written else {}
        if scoped and scope_key:
            record[scope_key] = "filled"
        record_raw: dict[str, str] = {}
        levels.settle_values(record, record_raw, plan.sheet_level)
        new_scope = record.get(scope_key) if scope_key and not scoped else None
        settled.append((record.get(key), new_scope, record_raw.get(key)))
    lookup = distinct.with_columns(
        pl.Series("new_level", [s[0] for s in settled], dtype=pl.String),
        pl.Series("new_scope", [s[1] for s in settled], dtype=pl.String),
        pl.Series("raw_level", [s[2] for s in settled], dtype=pl.String),
    )
    joined = pairs.join(lookup, on=["level", "has_scope"], how="left", maintain_order="left")
    values[key] = joined.get_column("new_level").alias(key)
    if scope_key:
        new_scope = joined.get_column("new_scope")
        if new_scope.is_not_null().any():
            values[scope_key] = new_scope.fill_null(scope) if scope is not None else new_scope
            values[scope_key] = values[scope_key].alias(scope_key)
    raw_level = joined.get_column("raw_level")
    if raw_level.is_not_null().any():
        earlier = raw.get(key)
        raw[key] = (earlier.fill_null(raw_level) if earlier is not None else raw_level).alias(key)


def _notes(cells: pl.Series) -> pl.Series:
    """Cells that start a note ('注：…'), by the row reader's own pattern, asked only of cells that could."""
    import polars as pl

    candidates = pl.select(pl.when(cells.str.contains(_NOTE_WORDS)).then(cells)).to_series()
    return map_distinct(candidates, lambda text: NOTE_PREFIX.match(text) is not None, pl.Boolean).fill_null(False)


def _packs_sub_items(cells: pl.Series) -> bool:
    """Whether some cell packs several numbered sub-items (subitems.split_sub_items), asked only of the cells
    with two numbers or more."""
    import polars as pl

    candidates = pl.select(pl.when(cells.str.count_matches(NUMBERED_LOOSE) >= 2).then(cells)).to_series()
    if candidates.is_null().all():
        return False
    packs = map_distinct(candidates, lambda text: split_sub_items(clean_value(text)) is not None, pl.Boolean)
    return bool(packs.fill_null(False).any())


def _python_where(
    column: pl.Series, mask: pl.Series, function: Callable[[str], Any], of: pl.Series | None = None
) -> pl.Series:
    """``column``, but where ``mask`` holds ``function`` of the value (of ``of``'s value, if given), computed once
    per distinct value."""
    import polars as pl

    mask = mask.fill_null(False)
    if not mask.any():
        return column
    chosen = pl.select(pl.when(mask).then(column if of is None else of)).to_series()
    return map_distinct(chosen, function, pl.String).zip_with(mask, column).alias(column.name)


def _folds_into(nothing: set[str]) -> Callable[[str], bool]:
    return lambda text: fold(text) in nothing


def _null_where(column: pl.Series, mask: pl.Series) -> pl.Series:
    import polars as pl

    return pl.select(pl.when(mask).then(None).otherwise(column)).to_series().alias(column.name)


def _blank_to_null(column: pl.Series) -> pl.Series:
    return _null_where(column, (column == "").fill_null(False))
