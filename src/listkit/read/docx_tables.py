"""Word documents (.docx): each table of the document a sheet, tables that continue one another joined.

python-docx opens the package; the tables are then read from its XML, because python-docx's ``rows[i].cells``
repeats a merged cell once per grid column it spans and says nothing of where a vertical merge starts. Each
``w:tr`` is walked ``w:tc`` by ``w:tc``: ``w:gridBefore`` shifts a row's first cell, ``w:gridSpan`` widens a cell
over grid columns (a horizontal merge), ``w:vMerge`` restart / continue makes a vertical merge — all turned into
the merged ranges a spreadsheet has, the text in the top-left cell only, covered cells "". A cell's paragraphs
(and its ``w:br`` line breaks) are joined by line breaks; deleted text (``w:del``, ``w:moveFrom``), hidden text
(``w:vanish``) and the fallback copies of drawings are left out. A table nested in a cell is read as text of that
cell, except when the outer table is a single-cell frame around the list: then the nested tables are the list.

A header row marked ``w:tblHeader`` is repeated by Word on every page but written once: nothing to drop. Tables a
clerk broke into pieces (the header typed again, or nothing but a page break between them) are joined by
table_join. The list's title — the first heading before the first table, else the first paragraph there naming a
list — is put as a row above the first table, where meta.py looks for it.

Guards: the file's size, the zip's entries inflated as a stream before python-docx inflates them (a zip bomb is
refused without holding it), a table's cell count, and a ``w:gridSpan`` clipped to a sane width without
allocating for it. python-docx's lxml parser resolves no entities and reaches for no network.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from listkit.errors import InputError
from listkit.i18n import t
from listkit.read.grid import Grid
from listkit.read.guard import CHUNK, MAX_ENTRIES, MAX_RATIO, RATIO_FLOOR, ZIP_ERRORS
from listkit.read.table_join import Table, joined_grids, put_title
from listkit.vocabulary import HEADING_STYLES, TABLE_SHEET, TITLE_WORDS


def _kind() -> str:
    return t("what.word")


MAX_FILE_BYTES = 64 * 1024**2
MAX_INFLATED_BYTES = 512 * 1024**2  # all parts together; a 3,000-record list's document.xml is some 20 MB
MAX_TABLE_CELLS = 2_000_000
MAX_COLUMNS = 1_000  # grid columns a table may span; a wider gridSpan is clipped
WORD_MAX_COLUMNS = 63  # the most Word itself makes: a span's limit where a table declares no grid
MAX_NESTING = 8  # tables nested in cells deeper than this are not read

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_P, _TBL, _TR, _TC = f"{{{W}}}p", f"{{{W}}}tbl", f"{{{W}}}tr", f"{{{W}}}tc"
_R, _T, _TAB, _BR, _CR = f"{{{W}}}r", f"{{{W}}}t", f"{{{W}}}tab", f"{{{W}}}br", f"{{{W}}}cr"
_PPR, _RPR, _TCPR, _TRPR = f"{{{W}}}pPr", f"{{{W}}}rPr", f"{{{W}}}tcPr", f"{{{W}}}trPr"
_VAL = f"{{{W}}}val"
# Elements that only wrap content (content controls, custom XML, smart tags, inserted text, hyperlinks): their
# children are read as if they stood in their place.
_WRAPPERS = frozenset(
    f"{{{W}}}{name}"
    for name in ("sdt", "sdtContent", "customXml", "smartTag", "ins", "moveTo", "hyperlink", "fldSimple")
)
# What is not the text a reader sees: deleted and moved-away text, drawings and their text boxes (each held twice,
# as the choice and its fallback), field codes, properties.
_SKIPPED = frozenset(
    {
        f"{{{W}}}del",
        f"{{{W}}}moveFrom",
        f"{{{W}}}drawing",
        f"{{{W}}}pict",
        f"{{{W}}}object",
        f"{{{W}}}instrText",
        f"{{{W}}}delText",
        f"{{{MC}}}AlternateContent",
        _PPR,
        _RPR,
        _TCPR,
        _TRPR,
        f"{{{W}}}sdtPr",
        f"{{{W}}}sdtEndPr",
        f"{{{W}}}tblPr",
        f"{{{W}}}tblGrid",
        f"{{{W}}}tblPrEx",
    }
)


def docx_sheets(data: bytes, file: str) -> list[Grid]:
    """Each table of the Word document (tables continuing one another joined) as a Grid: '表1', '表2' …"""
    if len(data) > MAX_FILE_BYTES:
        raise InputError(
            "document-too-large", file=file, what="docx", size=_size(len(data)), limit=_size(MAX_FILE_BYTES)
        )
    check_docx_zip(data, file)
    body, styles = _open(data, file)
    found = _Found()
    _read_blocks(body, found, file, styles)
    if not found.tables:
        raise InputError("no-table", file=file, kind=_kind())
    grids = joined_grids(found.tables, file, TABLE_SHEET)
    if not grids:
        raise InputError("no-table", file=file, kind=_kind())
    if found.title:
        put_title(grids[0], found.title)
    return grids


# ---- the zip -------------------------------------------------------------------------------------------------


def check_docx_zip(data: bytes, file: str) -> None:
    """Inflate every entry as a stream, counting its true size (headers can lie): refuse a zip bomb — an entry
    inflating far beyond its packed size — and a document whose parts together inflate beyond the limit."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except ZIP_ERRORS as exc:
        raise InputError("corrupt-document", file=file, kind=_kind(), reason=f"zip: {exc}") from None
    with archive:
        entries = archive.infolist()
        if len(entries) > MAX_ENTRIES:
            raise InputError("zip-too-many-entries", file=file, count=len(entries), limit=MAX_ENTRIES)
        total = 0
        for entry in entries:
            limit = max(MAX_RATIO * max(entry.compress_size, 1), RATIO_FLOOR)
            if entry.file_size > limit:
                raise _bomb(file, entry, entry.file_size)
            size = 0
            try:
                with archive.open(entry) as stream:
                    while chunk := stream.read(CHUNK):
                        size += len(chunk)
                        total += len(chunk)
                        if total > MAX_INFLATED_BYTES:
                            raise InputError(
                                "document-too-large",
                                file=file,
                                what=t("what.inflated"),
                                size=f"> {_size(total)}",
                                limit=_size(MAX_INFLATED_BYTES),
                            )
                        if size > limit:
                            raise _bomb(file, entry, size)
            except ZIP_ERRORS as exc:
                raise InputError(
                    "corrupt-document", file=file, kind=_kind(), reason=f"{entry.filename}: {exc}"
                ) from None


def _bomb(file: str, entry: zipfile.ZipInfo, size: int) -> InputError:
    return InputError(
        "zip-bomb", file=file, entry=entry.filename, size=f"> {_size(size)}", packed=_size(entry.compress_size)
    )


def _size(n: int) -> str:
    if n < 1024**2:
        return f"{n / 1024:,.0f} KB"
    return f"{n / 1024**2:,.0f} MB" if n < 1024**3 else f"{n / 1024**3:,.1f} GB"


def _open(data: bytes, file: str) -> tuple[Any, dict[str, str]]:
    """The document's body element and its styles (id → name), through python-docx's package reader. A .docm or
    .dotx (another content type of the same main part) is read as well."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.package import OpcPackage
    from docx.oxml.parser import parse_xml

    try:
        package = OpcPackage.open(io.BytesIO(data))
        part = package.main_document_part
        root = _element(part, parse_xml)
        body = root.find(f"{{{W}}}body")
        if root.tag != f"{{{W}}}document" or body is None:
            raise ValueError(f"the main part is {root.tag}, not a Word document body")
        styles: dict[str, str] = {}
        try:
            styles_part = part.part_related_by(RT.STYLES)
        except KeyError:
            styles_part = None
        if styles_part is not None:
            for style in _element(styles_part, parse_xml).iterchildren(f"{{{W}}}style"):
                name = style.find(f"{{{W}}}name")
                styles[str(style.get(f"{{{W}}}styleId", ""))] = str(name.get(_VAL, "")) if name is not None else ""
    except InputError:
        raise
    except Exception as exc:  # python-docx and lxml raise many kinds for a damaged package
        reason = (str(exc).strip() or type(exc).__name__).splitlines()[0][:200]
        raise InputError("corrupt-document", file=file, kind=_kind(), reason=reason) from None
    return body, styles


def _element(part: Any, parse_xml: Any) -> Any:
    element = getattr(part, "element", None)
    return element if element is not None else parse_xml(part.blob)


# ---- the body ------------------------------------------------------------------------------------------------


@dataclass
class _Found:
    tables: list[Table] = field(default_factory=list)
    title: str = ""
    heading: str = ""  # the first heading, if none names a list
    named: str = ""  # the first paragraph naming a list ('…清单')
    before_first: bool = True  # no table yet
    gap_empty: bool = True  # nothing but empty paragraphs since the last table


def _blocks(parent: Any) -> Iterator[Any]:
    """Paragraphs and tables of a body or cell, in order, through the elements that only wrap them."""
    for child in parent.iterchildren():
        tag = child.tag
        if tag in (_P, _TBL):
            yield child
        elif tag in _WRAPPERS:
            yield from _blocks(child)


def _read_blocks(parent: Any, found: _Found, file: str, styles: dict[str, str], depth: int = 0) -> None:
    for block in _blocks(parent):
        if block.tag == _P:
            text = _paragraph_text(block).strip()
            if text:
                found.gap_empty = False
                if found.before_first:
                    _maybe_title(block, text, found, styles)
            continue
        inner = _frame_contents(block)
        if inner is not None and depth < MAX_NESTING:
            _read_blocks(inner, found, file, styles, depth + 1)  # a one-cell frame around the list
            continue
        if found.before_first:
            # A heading naming a list, else a paragraph naming one, else the first heading ('附件1' is one; meta.py
            # then finds no title in it, as in a workbook's rows above the header).
            found.title = found.title or found.named or found.heading
            found.before_first = False
        rows, merges = _table(block, file, len(found.tables) + 1)
        follows = bool(found.tables) and found.gap_empty
        found.tables.append(
            Table(rows=rows, merges=merges, where=f"{TABLE_SHEET}{len(found.tables) + 1}", follows=follows)
        )
        found.gap_empty = True


def _maybe_title(paragraph: Any, text: str, found: _Found, styles: dict[str, str]) -> None:
    if len(text) > 200:
        return
    names_list = any(word in text for word in TITLE_WORDS)
    if _is_heading(paragraph, styles):
        if names_list and not found.title:
            found.title = text
        found.heading = found.heading or text
    elif names_list:
        found.named = found.named or text


def _is_heading(paragraph: Any, styles: dict[str, str]) -> bool:
    properties = paragraph.find(_PPR)
    if properties is None:
        return False
    if properties.find(f"{{{W}}}outlineLvl") is not None:
        return True
    style = properties.find(f"{{{W}}}pStyle")
    if style is None:
        return False
    style_id = str(style.get(_VAL, ""))
    name = styles.get(style_id, style_id).lower()
    return name.startswith(HEADING_STYLES) or any(word in name for word in HEADING_STYLES[2:])


def _frame_contents(table: Any) -> Any | None:
    """The one cell of a table that is a single-cell frame holding tables, or None."""
    rows = list(_children(table, _TR))
    if len(rows) != 1:
        return None
    cells = list(_children(rows[0], _TC))
    if len(cells) != 1 or not any(block.tag == _TBL for block in _blocks(cells[0])):
        return None
    return cells[0]


def _children(parent: Any, tag: str) -> Iterator[Any]:
    """``parent``'s children of ``tag``, looking through wrappers (rows and cells inside content controls)."""
    for child in parent.iterchildren():
        if child.tag == tag:
            yield child
        elif child.tag in _WRAPPERS:
            yield from _children(child, tag)


# ---- text ----------------------------------------------------------------------------------------------------


def _paragraph_text(paragraph: Any) -> str:
    parts: list[str] = []
    _collect(paragraph, parts)
    return "".join(parts)


def _collect(element: Any, parts: list[str]) -> None:
    for child in element.iterchildren():
        tag = child.tag
        if tag == _T:
            if child.text:
                parts.append(child.text)
        elif tag == _R:
            properties = child.find(_RPR)
            if properties is not None and _on(properties.find(f"{{{W}}}vanish")):
                continue  # hidden text
            _collect(child, parts)
        elif tag in (_BR, _CR):
            parts.append("\n")
        elif tag == _TAB:
            parts.append("\t")
        elif tag in _SKIPPED or not isinstance(tag, str):
            continue  # deleted text, drawings, properties, comments and processing instructions
        else:
            _collect(child, parts)


def _on(flag: Any) -> bool:
    return flag is not None and str(flag.get(_VAL, "true")).lower() not in ("0", "false", "off")


def _cell_text(cell: Any, depth: int = 0) -> str:
    """The cell's paragraphs joined by line breaks; a nested table's rows as lines, its cells by spaces."""
    lines: list[str] = []
    for block in _blocks(cell):
        if block.tag == _P:
            lines.append(_paragraph_text(block))
        elif depth < MAX_NESTING:
            for row in _children(block, _TR):
                texts = [_cell_text(inner, depth + 1) for inner in _children(row, _TC)]
                lines.append(" ".join(t for t in texts if t.strip()))
    return "\n".join(lines).strip("\n")


# ---- a table -------------------------------------------------------------------------------------------------


def _int(element: Any, default: int) -> int:
    if element is None:
        return default
    value = str(element.get(_VAL, "")).strip()
    if not value.isascii() or not value.isdigit():
        return default
    return MAX_COLUMNS if len(value) > 7 else int(value)  # never more: a span is clipped to the widest table


def _table(table: Any, file: str, number: int) -> tuple[list[list[str]], list[tuple[int, int, int, int]]]:
    """A ``w:tbl``'s rows as grid texts and merged ranges (zero-based, inclusive)."""
    rows: list[list[str]] = []
    merges: list[tuple[int, int, int, int]] = []
    # Vertical merges still open: first column → (first row, last column).
    open_merges: dict[int, tuple[int, int]] = {}
    cells = 0
    grid = table.find(f"{{{W}}}tblGrid")
    # A span reaches no further than the table's grid (a cell beyond it, which a file may have, still counts), or
    # than Word's widest table where the grid is not written.
    declared = len(grid.findall(f"{{{W}}}gridCol")) if grid is not None else 0
    grid_width = min(declared or WORD_MAX_COLUMNS, MAX_COLUMNS)
    for r, row in enumerate(_children(table, _TR)):
        properties = row.find(_TRPR)
        col = min(_int(properties.find(f"{{{W}}}gridBefore") if properties is not None else None, 0), MAX_COLUMNS)
        texts: list[str] = [""] * col
        continued: dict[int, tuple[int, int]] = {}
        for cell in _children(row, _TC):
            if col >= MAX_COLUMNS:
                break
            cell_properties = cell.find(_TCPR)
            span, vmerge = 1, None
            if cell_properties is not None:
                span = max(1, _int(cell_properties.find(f"{{{W}}}gridSpan"), 1))
                vmerge = cell_properties.find(f"{{{W}}}vMerge")
            last = min(col + span, max(grid_width, col + 1), MAX_COLUMNS) - 1
            restart = vmerge is not None and str(vmerge.get(_VAL, "continue")) == "restart"
            if vmerge is not None and not restart and col in open_merges:
                first_row, first_last = open_merges.pop(col)
                continued[col] = (first_row, first_last)
                texts.extend([""] * (last - col + 1))
            else:
                texts.append(_cell_text(cell))
                texts.extend([""] * (last - col))
                if restart:
                    continued[col] = (r, last)
                elif last > col:
                    merges.append((r, col, r, last))
            col = last + 1
        for first_col, (first_row, last_col) in open_merges.items():  # not continued in this row: they end above
            _close(merges, first_row, first_col, r - 1, last_col)
        open_merges = continued
        cells += len(texts)
        if cells > MAX_TABLE_CELLS:
            raise _too_many_cells(file, number, cells)
        rows.append(texts)
    for first_col, (first_row, last_col) in open_merges.items():
        _close(merges, first_row, first_col, len(rows) - 1, last_col)
    width = max((len(texts) for texts in rows), default=0)
    if len(rows) * width > MAX_TABLE_CELLS:
        raise _too_many_cells(file, number, len(rows) * width)
    for texts in rows:
        texts.extend([""] * (width - len(texts)))
    return rows, sorted(merges)


def _close(merges: list[tuple[int, int, int, int]], r0: int, c0: int, r1: int, c1: int) -> None:
    if r1 > r0 or c1 > c0:
        merges.append((r0, c0, r1, c1))


def _too_many_cells(file: str, number: int, cells: int) -> InputError:
    return InputError(
        "document-too-large",
        file=file,
        what=t("what.table-number-cells", number=number),
        size=f"{cells:,}",
        limit=f"{MAX_TABLE_CELLS:,}",
    )
