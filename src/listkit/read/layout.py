"""Understand one sheet: find the header, map columns to schema fields, and turn rows into records.

Real sheets put title rows above the header, merge a header over two columns, merge one item's cells over
several rows, repeat or omit the item name on sub-item rows and write notes under the table. The rules here
are general; nothing refers to a particular file.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from listkit.continuation import CONTINUED_NAME, continues, join_continued
from listkit.i18n import t
from listkit.identity import count_items
from listkit.model import Record, SheetLayout, SkippedRow, make_record, make_source
from listkit.normalize import clean_text, clean_value, fold, join_lines, normalize_seq
from listkit.progress import Advance, track
from listkit.read.column_rows import ColumnRows, strip
from listkit.read.grid import Grid, column_letter
from listkit.read.levels import LevelResolver
from listkit.read.merges import Covered, covered_cells
from listkit.read.subitems import split_sub_items
from listkit.read.types import TypeResolver
from listkit.schema import Schema
from listkit.table import SOURCE, RecordTable

HEADER_SEARCH_ROWS = 30
PROGRESS_STEP = 4096
NOTE_PREFIX = re.compile(r"^\s*(备注|注|说明|附注|填表说明)\s*[:：\d一二三、.]")
_SHEET_COUNT = re.compile(r"(\d+)\s*项")
DEPARTMENT_HEADERS = frozenset({"部门", "所属部门", "部门名称", "单位", "所属单位"})


@dataclass
class HeaderMatch:
    row: int
    keys: set[str]
    texts: list[str]


@dataclass
class ColumnMap:
    fields: dict[int, str] = field(default_factory=dict)  # column index → field key
    extras: dict[int, str] = field(default_factory=dict)  # column index → header kept as an extra field
    unnamed: list[int] = field(default_factory=list)  # columns without any header
    department: int | None = None  # a 部门 column (lists that span departments, listkit's own csv/xlsx)
    # (hidden column, visible column read instead): a header block copied, one copy hidden in Excel/WPS.
    hidden_copies: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class _Open:
    """The record being built, and the cells (merge anchors) that define it."""

    record: Record
    name_anchor: tuple[int, int] | None
    sub_anchor: tuple[int, int] | None
    seq_anchor: tuple[int, int] | None


def header_score(grid: Grid, schema: Schema) -> HeaderMatch | None:
    """The best header row among the first rows: most distinct schema fields, the name field among them."""
    name_key = schema.key_of("name")
    best: HeaderMatch | None = None
    for index in range(min(HEADER_SEARCH_ROWS, len(grid.rows))):
        row = grid.texts(index)
        keys = {key for key in (schema.match_header(text) for text in row if text) if key}
        if len(keys) < 2 or (name_key is not None and name_key not in keys):
            continue
        if best is None or len(keys) > len(best.keys):
            best = HeaderMatch(row=index, keys=keys, texts=[join_lines(t) for t in row if t.strip()])
    return best


def _anchors(grid: Grid) -> Covered:
    """Covered cell → its merge's first cell; merges clipped to the sheet's cells, large ones kept as ranges
    (a merge over a whole sheet above twenty rows costs nothing)."""
    return covered_cells(grid.merges, grid.rows)


def _sub_header_row(grid: Grid, header: int, schema: Schema) -> bool:
    """True when the row under the header is a second header row (e.g. '层级' | '权限' under a merged cell)."""
    texts = [t for t in grid.texts(header + 1) if t.strip()]
    if not texts:
        return False
    return all(schema.match_header(t) for t in texts)


def map_columns(grid: Grid, header: int, rows: int, schema: Schema) -> ColumnMap:
    covered = _anchors(grid)
    width = max((len(grid.rows[r]) for r in range(header, header + rows)), default=0)
    mapping = ColumnMap()
    used: set[str] = set()
    previous: str | None = None
    headers = [_column_header(grid, covered, header, rows, col, schema) for col in range(width)]
    demoted = _hidden_copies(grid, headers)
    for col, (own, key, _borrowed) in enumerate(headers):
        if col in demoted:
            # The clerk sees and prints the visible copy; the hidden one is kept, not read as the field.
            mapping.extras[col] = f"{own}({column_letter(col)})"
            previous = None
            continue
        if key is not None and key in used:
            # The same header twice (merged over two columns, or simply repeated): the second one is the
            # field that continues it, if the schema has one.
            key = schema.continuation_of(key)
            if key is None or key in used:
                mapping.extras[col] = f"{own}({column_letter(col)})"
                previous = None
                continue
        if key is None and not own and previous is not None:
            key = schema.continuation_of(previous)
            if key in used:
                key = None
        if key is not None:
            mapping.fields[col] = key
            used.add(key)
            previous = key
        elif own and mapping.department is None and fold(own) in DEPARTMENT_HEADERS:
            mapping.department = col
            previous = None
        elif own:
            mapping.extras[col] = own
            previous = None
        else:
            mapping.unnamed.append(col)
            previous = None
    mapping.hidden_copies = [
        (hidden, shown) for hidden, shown in sorted(demoted.items()) if mapping.fields.get(shown) == headers[shown][1]
    ]
    return mapping


def _column_header(
    grid: Grid, covered: Covered, header: int, rows: int, col: int, schema: Schema
) -> tuple[str, str | None, bool]:
    """(header text, its field, borrowed?): borrowed when the text is a merged header cell's, written in a column
    to the left (a header merged over H:I is one header, not two copies)."""
    texts = []
    lent = []
    for r in range(header, header + rows):
        anchor = covered.get((r, col), (r, col))
        texts.append(join_lines(grid.cell(*anchor)))
        lent.append(anchor[1] != col)
    own = texts[-1] or texts[0]
    key = schema.match_header(texts[-1]) or schema.match_header(texts[0])
    return own, key, lent[-1] if texts[-1] else lent[0]


def _hidden_copies(grid: Grid, headers: list[tuple[str, str | None, bool]]) -> dict[int, int]:
    """Hidden column → the visible column read instead, where a field's header is written in several columns
    and some are hidden: the visible copy is what the clerk sees. A hidden column that is the only copy of its
    header, or copies that are all visible or all hidden, are left to the usual mapping."""
    if not grid.hidden_cols:
        return {}
    copies: dict[str, list[int]] = {}
    for col, (_own, key, borrowed) in enumerate(headers):
        if key is not None and not borrowed:
            copies.setdefault(key, []).append(col)
    demoted: dict[int, int] = {}
    for cols in copies.values():
        visible = [col for col in cols if col not in grid.hidden_cols]
        if visible and len(visible) < len(cols):
            demoted.update((col, visible[0]) for col in cols if col in grid.hidden_cols)
    return demoted


def _hidden_copy_notes(grid: Grid, columns: ColumnMap, start: int) -> list[str]:
    """A layout note per hidden copy of a header: the same content, or how many body rows differ (a warning:
    the hidden copy may be the one that was kept up to date)."""
    notes = []
    for hidden, shown in columns.hidden_copies:
        where = f"{column_letter(hidden)}:{column_letter(shown)}"
        differ = _differing_rows(grid, hidden, shown, start)
        notes.append(f"hidden-duplicate-differs:{where}:{differ}" if differ else f"hidden-duplicate-column:{where}")
    return notes


def _differing_rows(grid: Grid, first: int, second: int, start: int) -> int:
    """How many rows from ``start`` down hold different text in two columns (merged cells read their anchor's)."""
    if isinstance(grid.rows, ColumnRows) and not any(last >= start for _r0, _c0, last, _c1 in grid.merges):
        # As columns, without making rows: no merge reaches the body, so no cell reads another's text.
        a, b = (strip(grid.rows.column(col).slice(start)).fill_null("") for col in (first, second))
        return int((a != b).sum())
    covered = _anchors(grid)

    def text(row: int, col: int) -> str:
        return grid.cell(*covered.get((row, col), (row, col))).strip()

    return sum(1 for row in range(start, len(grid.rows)) if text(row, first) != text(row, second))


def parse_sheet(
    grid: Grid, schema: Schema, header: HeaderMatch, types: TypeResolver
) -> tuple[list[Record], SheetLayout]:
    read, layout = read_sheet(grid, schema, header, types)
    return (read if isinstance(read, list) else read.all_records()), layout


def read_sheet(
    grid: Grid, schema: Schema, header: HeaderMatch, types: TypeResolver
) -> tuple[list[Record] | RecordTable, SheetLayout]:
    """A sheet's records (as columns where the sheet was read as columns and its body is plain), and what was
    understood of it."""
    header_rows = 2 if _sub_header_row(grid, header.row, schema) else 1
    # A header cell merged downwards also pushes the data start down.
    data_start = header.row + header_rows
    for r0, _c0, r1, _c1 in grid.merges:
        if r0 == header.row and r1 >= data_start:
            data_start = r1 + 1
    columns = map_columns(grid, header.row, header_rows, schema)
    layout = SheetLayout(
        file=grid.file,
        sheet=grid.sheet,
        header_row=header.row + 1,
        header_rows=header_rows,
        columns={key: column_letter(col) for col, key in columns.fields.items()},
        headers={column_letter(col): _header_text(grid, header.row, header_rows, col) for col in columns.fields},
        extra_columns={column_letter(col): text for col, text in columns.extras.items()},
    )
    layout.notes.extend(_hidden_copy_notes(grid, columns, data_start))
    sheet_type = types.from_text(grid.sheet or "")
    if sheet_type:
        layout.type_from_sheet = sheet_type
    builder = RowReader(grid, schema, columns, types, layout, sheet_type)
    read: list[Record] | RecordTable | None = None
    if isinstance(grid.rows, ColumnRows):
        from listkit.read.column_body import read_body

        read = read_body(builder, data_start)
    if read is None:
        read = _drop_hidden_repeats(builder.read(data_start), grid, schema, layout)
    layout.records = len(read) if isinstance(read, list) else read.height
    layout.items = count_items(read, schema)
    _check_sheet_count(grid, layout)
    # Once per row: the records of a split sub-item cell share their row and 序号.
    for row, seq in dict.fromkeys(_combined_seqs(read, schema)):
        # '2,3' on one row whose name lists two items: read as one record (a judgement call, said here).
        layout.notes.append(f"combined-seq:{row}:{seq}")
    for col in columns.unnamed:
        filled = _filled(grid, col, data_start)
        if filled:
            layout.notes.append(f"unnamed-column:{column_letter(col)}:{filled}")
    return read, layout


def _combined_seqs(read: list[Record] | RecordTable, schema: Schema) -> list[tuple[int, str]]:
    """(row, 序号) of the records whose 序号 names several numbers ('2,3')."""
    seq_key = schema.key_of("seq")
    if isinstance(read, list):
        return [
            (record.at.row, seq)
            for record in read
            if "," in (seq := record.get(seq_key)) and record.at is not None and record.at.row is not None
        ]
    import polars as pl

    seqs = read.column(seq_key)
    rows = read.frame.get_column(SOURCE).struct.field("row")
    chosen = pl.DataFrame({"row": rows, "seq": seqs}).filter(pl.col("seq").str.contains(",", literal=True))
    return list(chosen.iter_rows())


def _filled(grid: Grid, col: int, start: int) -> int:
    """How many cells of a column hold text from row ``start`` down."""
    if isinstance(grid.rows, ColumnRows):
        return int((strip(grid.rows.column(col).slice(start)) != "").sum())
    return sum(1 for r in range(start, len(grid.rows)) if grid.cell(r, col).strip())


def _header_text(grid: Grid, first: int, rows: int, col: int) -> str:
    """The header as written for a column: the lowest non-empty header cell (the sub-header under a group)."""
    texts = [join_lines(grid.cell(r, col)) for r in range(first, first + rows)]
    return next((text for text in reversed(texts) if text), "")


def _drop_hidden_repeats(records: list[Record], grid: Grid, schema: Schema, layout: SheetLayout) -> list[Record]:
    """A record on hidden rows that repeats a visible record of the sheet is a leftover, not a record."""
    if not grid.hidden_rows:
        return records
    keys = [schema.key_of("seq"), schema.key_of("name"), schema.key_of("sub-item")]

    def key(record: Record) -> tuple[str, ...]:
        return tuple(fold(record.get(k)) for k in keys)

    def hidden(record: Record) -> bool:
        return record.at is not None and (record.at.row or 0) - 1 in grid.hidden_rows

    visible = {key(r) for r in records if not hidden(r)}
    kept = []
    for record in records:
        if hidden(record) and key(record) in visible:
            row = record.at.row if record.at and record.at.row else 0
            skipped = SkippedRow(row=row, reason="hidden-repeat", text=record.get(keys[1])[:60])
            if not layout.skipped or layout.skipped[-1] != skipped:  # a split cell's records: one row skipped
                layout.skipped.append(skipped)
            continue
        kept.append(record)
    return kept


def _check_sheet_count(grid: Grid, layout: SheetLayout) -> None:
    """Sheet names like '行政处罚（254项）' promise a count of items: say when the main items read differ (an item
    with two sub-items is one 项 on three rows). Some publishers count every record as a 项, as published
    breakdowns and listkit's own export do: a count equal to the records read is no mismatch either."""
    match = _SHEET_COUNT.search(grid.sheet or "")
    if match and int(match.group(1)) not in (layout.items, layout.records):
        layout.notes.append(f"sheet-count-mismatch:{match.group(1)}:{layout.items}")


class RowReader:
    def __init__(
        self,
        grid: Grid,
        schema: Schema,
        columns: ColumnMap,
        types: TypeResolver,
        layout: SheetLayout,
        sheet_type: str | None,
    ) -> None:
        self.grid = grid
        self.schema = schema
        self.columns = columns
        self.types = types
        self.layout = layout
        self.sheet_type = sheet_type
        self.levels = LevelResolver(schema)
        self.sheet_level = self.levels.from_sheet(grid.sheet)
        self.section_type: str | None = None
        self.covered = _anchors(grid)
        self.merged_rows = self.covered.rows()
        self.anchor_texts: dict[tuple[int, int], str] = {}
        self.none_values = {spec.key: {fold(v) for v in spec.none_values} for spec in schema.fields if spec.none_values}
        self.key_col = {key: col for col, key in columns.fields.items()}
        self.name_col = self.key_col.get(schema.key_of("name") or "")
        self.sub_col = self.key_col.get(schema.key_of("sub-item") or "")
        self.seq_col = self.key_col.get(schema.key_of("seq") or "")
        self.sub_key = schema.key_of("sub-item")
        # Records whose sub-item cell packs several numbered sub-items, and the pieces (as written): split only
        # once the sheet is read, so that continuation rows first complete the record every piece copies.
        self.packed: list[tuple[Record, list[str]]] = []
        self.type_key = schema.key_of("type")
        # Per mapped column: (column, field, joins line breaks?, is 序号?) — decided once, used on every row.
        self.plan = [
            (col, key, schema.by_key[key].single_line, schema.by_key[key].role == "seq")
            for col, key in columns.fields.items()
        ]
        self.used_columns = sorted(
            {*columns.fields, *columns.extras, *([columns.department] if columns.department is not None else [])}
        )
        # Texts that, in the name column, mean a header row repeated inside the data.
        self.header_words = set(schema.header_words) | set(layout.headers.values())

    def _cell(self, row: int, col: int | None, own: dict[int, str]) -> tuple[str, tuple[int, int] | None, bool]:
        """(text, anchor, own): merged cells read their anchor's text; hidden leftovers under a merge are ignored."""
        if col is None:
            return "", None, False
        anchor = self.covered.get((row, col)) if row in self.merged_rows else None
        if anchor is not None:
            text = self._anchor_text(anchor)
            return text, (anchor if text else None), False
        text = own.get(col, "")
        return text, ((row, col) if text else None), True

    def _anchor_text(self, anchor: tuple[int, int]) -> str:
        text = self.anchor_texts.get(anchor)
        if text is None:
            text = self.anchor_texts[anchor] = clean_text(self.grid.cell(*anchor))
        return text

    def read(self, start: int) -> list[Record]:
        with track(t("progress.read", where=self.grid.sheet or self.grid.file), len(self.grid.rows) - start) as advance:
            return self._split_packed(self._read(start, advance))

    def _split_packed(self, records: list[Record]) -> list[Record]:
        """Each record whose sub-item cell packs k numbered sub-items becomes k records: copies of it, each with
        its own piece as the sub-item, all from the same row; the cell is named in the layout notes."""
        if not self.packed or self.sub_key is None or self.sub_col is None:
            return records
        sub_key, single_line = self.sub_key, self.schema.by_key[self.sub_key].single_line
        pieces_of = {id(record): pieces for record, pieces in self.packed}
        self.packed = []
        split: list[Record] = []
        for record in records:
            pieces = pieces_of.get(id(record))
            if pieces is None:
                split.append(record)
                continue
            row = record.at.row if record.at is not None and record.at.row is not None else 0
            self.layout.notes.append(f"split-sub-items:{column_letter(self.sub_col)}{row}:{len(pieces)}")
            for piece in pieces:
                values = {**record.values, sub_key: join_lines(piece) if single_line else piece}
                split.append(
                    make_record(
                        values,
                        record.source,
                        department=record.department,
                        extra=dict(record.extra),
                        raw=dict(record.raw),
                        type_from=record.type_from,
                        at=record.at,
                    )
                )
        return split

    def _read(self, start: int, advance: Advance) -> list[Record]:
        records: list[Record] = []
        current: _Open | None = None
        covered = self.covered
        for row in range(start, len(self.grid.rows)):
            if not (row - start + 1) % PROGRESS_STEP:
                advance(PROGRESS_STEP)
            cells = self.grid.rows[row]
            if row in self.merged_rows:
                own = {
                    col: text
                    for col, raw in enumerate(cells)
                    if raw is not None and raw != "" and (row, col) not in covered and (text := clean_value(raw))
                }
            else:
                fast = self._fast(row, cells)
                if fast is not None:
                    records.append(fast.record)
                    current = fast
                    continue
                own = {
                    col: text
                    for col, raw in enumerate(cells)
                    if raw is not None and raw != "" and (text := clean_value(raw))
                }
            if not own:
                continue  # blank row, or the covered remainder of merged cells
            if self._is_note(own):
                self.layout.skipped.append(SkippedRow(row=row + 1, reason="note", text=_first(own)))
                continue
            section = self._section_type(own)
            if section is not None:
                self.section_type = section
                self.layout.skipped.append(SkippedRow(row=row + 1, reason="section", text=_first(own)))
                continue
            if self._is_repeated_header(own):
                self.layout.skipped.append(SkippedRow(row=row + 1, reason="repeated-header", text=_first(own)))
                continue
            current = self._place(row, own, current, records)
        advance((len(self.grid.rows) - start) % PROGRESS_STEP)
        return records

    def _place(self, row: int, own: dict[int, str], current: _Open | None, records: list[Record]) -> _Open | None:
        if current is not None and self._continues(current.record, own):
            self._continue(current.record, row, own)
            return current
        _name, name_anchor, name_own = self._cell(row, self.name_col, own)
        _sub, sub_anchor, _sub_own = self._cell(row, self.sub_col, own)
        _seq, seq_anchor, seq_own = self._cell(row, self.seq_col, own)
        carry_from: _Open | None = None
        if current is not None:
            same_item_merge = name_anchor is not None and not name_own and name_anchor == current.name_anchor
            if same_item_merge and (sub_anchor is None or sub_anchor == current.sub_anchor):
                self._append(current.record, row, own)
                return current
            if name_anchor is None:
                same_seq = seq_anchor is None or (not seq_own and seq_anchor == current.seq_anchor)
                if sub_anchor is not None and sub_anchor != current.sub_anchor and same_seq:
                    # A sub-item whose item name is written only on the item's first row.
                    carry_from = current
                elif sub_anchor is None and same_seq:
                    self._append(current.record, row, own)
                    return current
        record = self._record(row, own, carry_from)
        records.append(record)
        if carry_from is not None:
            name_anchor = name_anchor or carry_from.name_anchor
            seq_anchor = seq_anchor or carry_from.seq_anchor
        return _Open(record=record, name_anchor=name_anchor, sub_anchor=sub_anchor, seq_anchor=seq_anchor)

    def _fast(self, row: int, cells: list[Any]) -> _Open | None:
        """Most rows of a big list: nothing merged, the item named on the row itself. Such a row is a record
        of its own, read straight from its cells; anything less plain goes the careful way (None)."""
        name_col = self.name_col
        if name_col is None or name_col >= len(cells) or type(cells[name_col]) is not str:
            return None
        name = cells[name_col].strip()
        if not name or name in self.header_words or name.endswith(CONTINUED_NAME):
            return None  # a blank name, a header repeated inside the data, or a row continuing the record above
        for col in range(name_col):
            before = cells[col]
            if type(before) is str and NOTE_PREFIX.match(before):
                return None
        if sum(1 for c in cells if c is not None and c != "") < 2:
            return None  # the name alone on its row: perhaps a section heading

        width = len(cells)
        # str.strip inline for the common case; clean_value for numbers, dates and \r line ends.
        texts = {
            col: (value.strip() if type(value) is str and "\r" not in value else clean_value(value))
            for col in self.used_columns
            if col < width and (value := cells[col]) is not None and value != ""
        }
        text_of = texts.get
        record = self._build(row, lambda col: text_of(col, ""), None)

        def anchor(col: int | None) -> tuple[int, int] | None:
            return (row, col) if col is not None and texts.get(col) else None

        return _Open(
            record=record, name_anchor=(row, name_col), sub_anchor=anchor(self.sub_col), seq_anchor=anchor(self.seq_col)
        )

    def _record(self, row: int, own: dict[int, str], carry_from: _Open | None) -> Record:
        return self._build(row, lambda col: self._cell(row, col, own)[0], carry_from)

    def _build(self, row: int, text_of: Callable[[int], str], carry_from: _Open | None) -> Record:
        """A record from a row: each mapped column's text cleaned by its field's role; the type settled."""
        values: dict[str, str] = {}
        for col, key, single_line, is_seq in self.plan:
            text = text_of(col)
            if not text:
                continue
            if single_line and "\n" in text:
                text = join_lines(text)
            if is_seq:
                text = normalize_seq(text)
            if text:
                values[key] = text
        raw: dict[str, str] = {}
        for key, nothing in self.none_values.items():
            value = values.get(key)
            if value is not None and len(value) < 8 and fold(value) in nothing:
                # A placeholder ('/', '无') says there is nothing: the field is empty, what was written is kept.
                raw[key] = values.pop(key)
        if carry_from is not None:
            for carried in (self.schema.key_of("name"), self.schema.key_of("seq")):
                if carried and carried not in values and carried in carry_from.record.values:
                    values[carried] = carry_from.record.values[carried]
        extra = {header: text for col, header in self.columns.extras.items() if (text := text_of(col))}
        type_from = self._settle_type(values, raw)
        self.levels.settle_values(values, raw, self.sheet_level)
        department_col = self.columns.department
        department = join_lines(text_of(department_col)) if department_col is not None else ""
        # Built from text this reader produced itself: no need for pydantic to validate it again.
        source = make_source(self.grid.file, self.grid.sheet, row + 1)
        record = make_record(
            values, source, department=department or None, extra=extra, raw=raw, type_from=type_from, at=source
        )
        if self.sub_col is not None and self.sub_key in values:
            # The cell's own text: the field's value has its line breaks joined, and they may separate pieces.
            pieces = split_sub_items(text_of(self.sub_col))
            if pieces is not None:
                self.packed.append((record, pieces))
        return record

    def _settle_type(self, values: dict[str, str], raw: dict[str, str]) -> str | None:
        """The power type and where it came from: the column, else a section row, the sheet name, the default."""
        if self.type_key is None:
            return None
        if values.get(self.type_key):
            self.types.canonicalise(values, raw, self.type_key)
            return "column"
        fallback = self.section_type or self.sheet_type
        if fallback:
            values[self.type_key] = fallback
            return "section" if self.section_type else "sheet"
        default = self.schema.by_key[self.type_key].default
        if default:
            values[self.type_key] = default
            return "default"
        return None

    def _append(self, record: Record, row: int, own: dict[int, str]) -> None:
        """A continuation row: its own (unmerged) texts continue the record's fields, in order."""
        for col, text in own.items():
            key = self.columns.fields.get(col)
            if key is None:
                header = self.columns.extras.get(col)
                if header is not None:
                    record.extra[header] = f"{record.extra[header]}\n{text}" if header in record.extra else text
                continue
            spec = self.schema.by_key[key]
            if spec.role in ("seq", "type", "code"):
                continue
            previous = record.values.get(key)
            joined = text if not previous else (previous + text if spec.single_line else f"{previous}\n{text}")
            record.values[key] = join_lines(joined) if spec.single_line else joined
        self.layout.skipped.append(SkippedRow(row=row + 1, reason="continuation"))

    def _continues(self, record: Record, own: dict[int, str]) -> bool:
        """A row naming the record above "事项名称（续）" (and its 序号, or none): a publication printing a record
        too long for one row on several (see listkit.continuation)."""
        written = own.get(self.name_col) if self.name_col is not None else None
        name_key = self.schema.key_of("name")
        if not written or not continues(join_lines(written), record.get(name_key)):
            return False
        seq = own.get(self.seq_col) if self.seq_col is not None else None
        return not seq or normalize_seq(seq) == record.get(self.schema.key_of("seq"))

    def _continue(self, record: Record, row: int, own: dict[int, str]) -> None:
        """The record's texts continued by a row that repeats its 序号, name and sub-item: each cell's text goes on
        on a new line, or inside the line it was cut from (listkit.continuation.join_continued)."""
        repeated = {self.name_col, self.seq_col, self.sub_col, self.columns.department}
        for col, text in own.items():
            if col in repeated:
                continue
            key = self.columns.fields.get(col)
            if key is None:
                header = self.columns.extras.get(col)
                if header is not None:
                    record.extra[header] = join_continued(record.extra.get(header, ""), text)
                continue
            spec = self.schema.by_key[key]
            if spec.role in ("type", "code"):
                continue
            previous = record.values.get(key, "")
            record.values[key] = join_lines(previous + text) if spec.single_line else join_continued(previous, text)
        self.layout.skipped.append(SkippedRow(row=row + 1, reason="continuation"))

    def _is_note(self, own: dict[int, str]) -> bool:
        first_col = min(own)
        if self.name_col is not None and self.name_col in own and first_col == self.name_col:
            return False
        return bool(NOTE_PREFIX.match(own[first_col]))

    def _section_type(self, own: dict[int, str]) -> str | None:
        """A row holding only a power type ('一、行政许可（11项）') heads a section of that type."""
        if len(set(own.values())) != 1 or (self.name_col is not None and self.name_col in own and len(own) > 1):
            return None
        text = next(iter(own.values()))
        stripped = re.sub(r"^[一二三四五六七八九十\d]+[、.．]\s*", "", text)
        stripped = re.sub(r"[（(][^）)]*[）)]$", "", stripped).strip()
        return self.types.canonical(stripped) if stripped else None

    def _is_repeated_header(self, own: dict[int, str]) -> bool:
        """A header repeated inside the data (page headers pasted between blocks). Only short cells can be headers."""
        name = own.get(self.name_col) if self.name_col is not None else None
        if name is None or len(name) > 20 or self.schema.match_header(name) != self.columns.fields[self.name_col or 0]:
            return False
        fields = self.columns.fields
        matched = sum(
            1 for col, text in own.items() if len(text) <= 20 and fields.get(col) == self.schema.match_header(text)
        )
        return matched >= max(2, len(own) // 2 + 1)


def _first(own: dict[int, str]) -> str:
    return join_lines(own[min(own)])[:60]
