"""One entry point for reading any list: ``read_list(paths)`` sniffs each file and returns an ItemList."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, overload

from listkit import formats
from listkit.bulk import bulk
from listkit.errors import InputError, SchemaError, is_panic, panic_reason
from listkit.model import ItemList, ListMeta, SheetLayout
from listkit.read.decrypt import decrypted, is_encrypted
from listkit.read.duplicates import duplicate_files
from listkit.read.grid import Grid
from listkit.read.header_find import HEADER_SEARCH_ROWS, HeaderMatch, header_score
from listkit.read.meta import common_meta, file_meta, read_meta
from listkit.read.sheet import read_sheet
from listkit.read.sniff import sniff
from listkit.read.types import TypeResolver
from listkit.record import Record
from listkit.schema import Schema, candidate_schemas, load_schema
from listkit.table import DEPARTMENT, RecordTable, concat_saved, saved_table

if TYPE_CHECKING:
    from listkit.formats.registry import Reader

__all__ = ["ReadSource", "read_grids", "read_list"]


def read_bytes(path: Path) -> bytes:
    file = str(path)
    if not path.exists():
        raise InputError("file-not-found", file=file)
    if path.is_dir():
        raise InputError("is-directory", file=file)
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError("file-unreadable", file=file, reason=exc.strerror or str(exc)) from None


def _head(path: Path) -> bytes:
    """The first bytes of a file, enough to tell its format."""
    if not path.is_file():
        read_bytes(path)  # raises the error that says what the path is instead
    try:
        with path.open("rb") as handle:
            return handle.read(SNIFF_BYTES)
    except OSError as exc:
        raise InputError("file-unreadable", file=str(path), reason=exc.strerror or str(exc)) from None


def read_grids(path: Path) -> list[Grid]:
    """The sheets of a spreadsheet or CSV file, format sniffed from its bytes."""
    file = str(path)
    data = read_bytes(path)
    kind = sniff(data, file)
    read_sheets = _reader(kind, file).sheet_reader()
    if read_sheets is None:  # a list file (jsonl, json) has records, not sheets
        raise InputError("not-a-list-file", file=file, kind=kind)
    return read_sheets(data, file)


def _reader(kind: str, file: str) -> Reader:
    entry = formats.reader(kind)
    if entry is None:
        raise InputError("not-a-list-file", file=file, kind=kind)
    return entry


@dataclass
class ReadSource:
    """What one file was read from, kept when the caller asks (``keep``): a copy of the input — validate's
    annotated workbook — is made from this, not from a second read of the file."""

    path: Path
    kind: str  # as sniff named it
    sheets: list[Grid]  # as parsed; none for a file of records (jsonl, json)
    items: ItemList  # the list this file gave on its own
    data: bytes | None = None  # the workbook's bytes as read (opened, where a password locked it)


def _detect(grids: list[Grid], requested: str | None) -> tuple[Schema, list[tuple[Grid, HeaderMatch | None]]]:
    """The schema whose header fits a sheet best (Schema.fit), with each sheet's header under it."""
    best: tuple[tuple[int, int], Schema, list[tuple[Grid, HeaderMatch | None]]] | None = None
    for schema in candidate_schemas(requested):
        matches = [(grid, header_score(grid, schema)) for grid in grids]
        fit = max((schema.fit(m.keys, chosen=requested is not None) for _g, m in matches if m), default=(0, 0))
        if best is None or fit > best[0]:
            best = (fit, schema, matches)
    assert best is not None
    if best[0][0] == 0:
        # No header: the error names the columns of the list the sheet comes nearest to.
        return _nearest(grids, candidate_schemas(requested)), [(grid, None) for grid, _m in best[2]]
    return best[1], best[2]


def _nearest(grids: list[Grid], schemas: Iterable[Schema]) -> Schema:
    """The schema naming most fields in any one of the sheets' first rows (the first schema on a tie)."""

    def named(schema: Schema) -> int:
        return max(
            (
                len({key for text in grid.texts(row) if text and (key := schema.match_header(text))})
                for grid in grids
                for row in range(min(HEADER_SEARCH_ROWS, len(grid.rows)))
            ),
            default=0,
        )

    candidates = list(schemas)
    return max(candidates, key=lambda schema: (named(schema), -candidates.index(schema)))


def _no_header_error(grids: list[Grid], schema: Schema, file: str) -> InputError:
    non_empty = [g for g in grids if not g.is_empty()]
    if not non_empty:
        return InputError("no-data-sheet", file=file)
    grid = non_empty[0]
    # Show the row that looks most like a header: the one with the most filled cells near the top.
    candidates = [grid.texts(i) for i in range(min(30, len(grid.rows)))]
    row = max(range(len(candidates)), key=lambda i: sum(1 for t in candidates[i] if t.strip()))
    seen = [t.replace("\n", "") for t in candidates[row] if t.strip()][:12]
    expected = [f.title for f in schema.fields if f.required or f.identity][:8]
    return InputError(
        "header-not-found",
        file=file,
        sheet=grid.sheet or "-",
        rows=30,
        expected="、".join(expected),
        row=row + 1,
        seen="、".join(seen) or "-",
    )


SNIFF_BYTES = 64 * 1024
# How --explain names a kind sniff.py tells (the others by their upper-case name: XLSX, XLS, ODS, CSV, PDF).
READ_AS = {"html": "HTML", "docx": "Word", "office": "LibreOffice"}
WORKBOOK_MAGIC = (b"PK", b"\xd0\xcf\x11\xe0")  # zip (xlsx, ods) and OLE (xls): binary, never text


def read_file(
    path: Path, schema_name: str | None = None, *, keep: list[ReadSource] | None = None, password: str | None = None
) -> ItemList:
    """One file as a list, by the reader registered for its kind (listkit/formats). Given ``keep``, what the
    file was read from is appended to it (ReadSource); ``password`` opens a workbook locked with one."""
    file = str(path)
    head = _head(path)
    if head and not head.startswith(WORKBOOK_MAGIC):
        # A kind the first bytes tell whose reader takes the path (jsonl) is read without holding the file.
        kind = sniff(head, file)
        read_stream = _reader(kind, file).stream_reader()
        if read_stream is not None:
            return _kept(keep, path, kind, [], read_stream(path, file, schema_name))
    data = read_bytes(path)
    if is_encrypted(data):
        data = decrypted(data, file, password)
    kind = sniff(data, file)
    entry = _reader(kind, file)
    read_records = entry.record_reader()
    if read_records is not None:
        return _kept(keep, path, kind, [], read_records(data, file, schema_name))
    read_sheets = entry.sheet_reader()
    assert read_sheets is not None  # a reader has one or the other
    grids = read_sheets(data, file)
    items = _from_sheets(path, grids, schema_name)
    for layout in items.layouts:
        # --explain says what each file was read as: an .xls named .xlsx, a web page, a converted document.
        layout.read_as = READ_AS.get(kind, kind.upper())
    return _kept(keep, path, kind, grids, items, data)


def _kept(
    keep: list[ReadSource] | None,
    path: Path,
    kind: str,
    sheets: list[Grid],
    items: ItemList,
    data: bytes | None = None,
) -> ItemList:
    if keep is not None:
        keep.append(ReadSource(path, kind, sheets, items, data))
    return items


def _from_sheets(path: Path, grids: list[Grid], schema_name: str | None) -> ItemList:
    """The list in a workbook's sheets: the header found, the layout worked out, the records read."""
    file = str(path)
    schema, matches = _detect(grids, schema_name)
    if not any(m for _g, m in matches):
        if schema_name is None and all(g.is_empty() for g in grids):
            raise InputError("no-data-sheet", file=file)
        raise _no_header_error(grids, schema, file)
    types = TypeResolver(schema)
    result = ItemList(schema_name=schema.ref, files=[file])
    parts: list[list[Record] | RecordTable] = []
    sheet_metas: list[ListMeta] = []
    for grid, match in matches:
        if match is None:
            empty = grid.is_empty()
            result.layouts.append(
                SheetLayout(file=file, sheet=grid.sheet, notes=["empty-sheet" if empty else "no-header", *grid.notes])
            )
            continue
        sheet_read, layout = read_sheet(grid, schema, match, types)
        sheet_meta = read_meta(grid, match.row)
        if sheet_meta.department:
            # A sheet whose title rows name a department ('部门名称：…'): its records are that department's.
            sheet_read = _with_department(sheet_read, sheet_meta.department, schema)
        sheet_metas.append(sheet_meta)
        result.layouts.append(layout)
        parts.append(sheet_read)
    result.meta = file_meta(sheet_metas, path.name)
    tables = [part for part in parts if isinstance(part, RecordTable)]
    joined = concat_saved(tables, schema) if len(tables) == len(parts) else None
    if joined is not None:
        return ItemList.from_table(
            _with_department(joined, result.meta.department, schema),
            schema_name=result.schema_name,
            meta=result.meta,
            layouts=result.layouts,
            files=result.files,
        )
    records = [record for part in parts for record in (part if isinstance(part, list) else part.all_records())]
    if result.meta.department:
        for record in records:
            if record.department is None:
                record.department = result.meta.department
    result.records = records
    return result


@overload
def _with_department(read: RecordTable, department: str | None, schema: Schema) -> RecordTable: ...
@overload
def _with_department(read: list[Record], department: str | None, schema: Schema) -> list[Record]: ...
def _with_department(
    read: list[Record] | RecordTable, department: str | None, schema: Schema
) -> list[Record] | RecordTable:
    """Records without a department of their own belong to the one the title rows or the file name give."""
    if not department:
        return read
    if isinstance(read, list):
        for record in read:
            if record.department is None:
                record.department = department
        return read
    import polars as pl

    return saved_table(read.frame.with_columns(pl.col(DEPARTMENT).fill_null(department)), schema)


def read_list(
    paths: Sequence[str | Path],
    schema: str | None = None,
    *,
    skip_foreign: bool = False,
    keep: list[ReadSource] | None = None,
    password: str | None = None,
) -> ItemList:
    """Read one or many list files into one ItemList (the schema is detected from the first file's headers).

    With ``skip_foreign``, files that are not lists at all (a PDF, a README) are left out and named in
    ``skipped_files`` instead of failing the whole read; damaged workbooks still fail. A file whose bytes repeat
    an earlier one's is read once, and named in ``duplicate_files``.

    Given ``keep``, each file read appends what it was read from (ReadSource: its sheets, its own list) — an
    opt-in, as the sheets of a large workbook are worth letting go once the list is read. ``password`` opens the
    workbooks locked with one (read/decrypt.py).
    """
    with bulk():
        return _read_all(paths, schema, skip_foreign, keep, password)


def _read_all(
    paths: Sequence[str | Path],
    schema: str | None,
    skip_foreign: bool,
    keep: list[ReadSource] | None,
    password: str | None = None,
) -> ItemList:
    if not paths:
        raise InputError("file-not-found", file="-")
    merged: ItemList | None = None
    metas: list[ListMeta] = []
    skipped: list[str] = []
    repeats = duplicate_files(paths)
    for index, path in enumerate(paths):
        if index in repeats:
            continue
        try:
            current = read_file(Path(path), schema, keep=keep, password=password)
        except InputError as exc:
            if skip_foreign and exc.key == "not-a-list-file":
                skipped.append(exc.message())
                continue
            raise
        except BaseException as exc:
            # A Rust parser's panic (polars, fastexcel, calamine, orjson) on this file: a file it could not
            # parse, named like any other. Interrupts are not panics and pass through.
            if not is_panic(exc):
                raise
            raise InputError("parser-panic", file=str(path), reason=panic_reason(exc)) from exc
        if merged is None:
            merged = current
            schema = schema or current.schema_name
            metas = [current.meta]
            continue
        if current.schema_name != merged.schema_name:
            raise SchemaError("schema-undetected", file=str(path), known=merged.schema_name)
        _append_records(merged, current)
        merged.layouts.extend(current.layouts)
        merged.source_columns.extend(current.source_columns)
        merged.files.extend(current.files)
        metas.append(current.meta)
    if merged is None:
        raise InputError("no-list-files", files=len(skipped))
    merged.meta = common_meta(metas)
    merged.skipped_files = skipped
    merged.duplicate_files = [(str(paths[copy]), str(paths[first])) for copy, first in sorted(repeats.items())]
    return merged


def _append_records(merged: ItemList, current: ItemList) -> None:
    """current's records after merged's: as one table when both are still columns of the same shape."""
    tables = [merged.unbuilt_table(), current.unbuilt_table()]
    if tables[0] is not None and tables[1] is not None:
        joined = concat_saved([tables[0], tables[1]], load_schema(merged.schema_name))
        if joined is not None:
            merged.set_table(joined)
            return
    merged.records.extend(current.records)
