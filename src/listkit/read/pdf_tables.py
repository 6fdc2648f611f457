"""The tables of a text PDF as sheets (pdfplumber): a list printed to PDF, page after page of one ruled table.

Tables are found from the ruling lines, the way printed lists are drawn; a document with no ruled table at all is
read from the positions of its text instead (pdfplumber's "text" strategies). pdfminer (through pdfplumber) opens
the file and counts its pages; each page's characters and lines are then read by PDFium (pypdfium2, which
pdfplumber itself depends on) — pdfminer takes some 200 ms a page of a printed list, too slow for a list of
hundreds of pages — and pdfplumber's table finder works on those lines. Should PDFium not open the file or count
its pages otherwise, pdfplumber reads every page itself. A table becomes a grid from its cell
rectangles: the distinct x and y edges of all cells are the grid's columns and rows, and a cell that spans several
of them is a merged range with its text in the top-left cell, as a spreadsheet gives it. A part of the table that
no rectangle covers (a cell whose bottom rule is missing, as under an item cut by a page break) is read as one
cell per column, and remembered as open at the bottom.

Text is taken as it is seen: characters outside every cell are dropped (LibreOffice draws a merged cell cut by a
page break whole on both pages, clipped to each part), and of glyphs printed over one another in a cell the first
drawn wins (the clipped part of such a cell lands over the repeated header). Lines wrapped by the cell's width are
joined — without a space between Chinese characters, with one between words — and a line that ends short of the
cell's edge keeps its line break, as a spreadsheet cell would.

Tables that continue one another over pages are joined (table_join); where an item's cell is open at the bottom of
one page and its rows go on at the top of the next, the two parts become one merged cell, so the item stays one.

Guards: more than 200 MB or 5,000 pages is refused, and so is a page of more than 200,000 characters or drawn
lines (pdfplumber's table finder is quadratic in the worst case; nothing in-process can time a page out). A PDF
with no text at all is a scan. pdfminer raises many kinds of exceptions on broken files: all are a corrupt
document here. pdfminer does no network access.
"""

from __future__ import annotations

import contextlib
import ctypes
import io
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from listkit.errors import InputError
from listkit.i18n import t
from listkit.read.grid import Grid
from listkit.read.table_join import Table, joined_grids, put_title, repeated_header
from listkit.vocabulary import PAGE_NUMBER_CHARACTERS, TABLE_SHEET, TITLE_WORDS

MAX_BYTES = 200 * 1024**2
MAX_PAGES = 5_000
MAX_PAGE_OBJECTS = 200_000  # characters, or rectangles and lines, on one page
TOLERANCE = 1.5  # points: cell edges closer than this are one grid line

LINES = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}
TEXT = {"vertical_strategy": "text", "horizontal_strategy": "text"}
# Text outside the tables that does not stop a table from going on over the next page: page numbers.
_FURNITURE = re.compile(rf"^[\s\-—–_·./|()（）{PAGE_NUMBER_CHARACTERS}\d]*$")


@dataclass
class _PageTable:
    table: Table
    page: int
    top: float
    bottom: float
    open_bottom: set[int] = field(default_factory=set)  # columns whose last cell has no bottom rule


def pdf_sheets(data: bytes, file: str) -> list[Grid]:
    if len(data) > MAX_BYTES:
        raise InputError("document-too-large", file=file, what="PDF", size=_size(len(data)), limit=_size(MAX_BYTES))
    try:
        import pdfplumber
    except ImportError as exc:  # pragma: no cover - pdfplumber is a dependency
        raise InputError("corrupt-document", file=file, kind="PDF", reason=f"pdfplumber: {exc}") from exc
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except InputError:
        raise
    except Exception as exc:
        raise InputError("corrupt-document", file=file, kind="PDF", reason=_reason(exc)) from exc
    try:
        return _read(pdf, data, file)
    finally:
        with contextlib.suppress(Exception):
            pdf.close()


def _read(pdf: Any, data: bytes, file: str) -> list[Grid]:
    claimed = _claimed_pages(pdf)
    if claimed > MAX_PAGES:
        raise InputError("document-too-large", file=file, what="PDF pages", size=f"{claimed:,}", limit=f"{MAX_PAGES:,}")
    try:
        pages = list(pdf.pages)
    except RecursionError as exc:
        raise InputError("corrupt-document", file=file, kind="PDF", reason="page tree too deep") from exc
    except Exception as exc:
        raise InputError("corrupt-document", file=file, kind="PDF", reason=_reason(exc)) from exc
    if len(pages) > MAX_PAGES:
        raise InputError(
            "document-too-large", file=file, what="PDF pages", size=f"{len(pages):,}", limit=f"{MAX_PAGES:,}"
        )
    if not pages:
        raise InputError("corrupt-document", file=file, kind="PDF", reason="no pages")

    fast = _Pdfium.open(data, len(pages))
    texts: list[tuple[Any, int, list[dict[str, Any]]]] = []  # pages with text: (page, number, chars)
    found: list[_PageTable] = []
    for number, page in enumerate(pages, 1):
        try:
            if fast is not None:
                chars, edges, bbox = fast.page(number - 1, number, file)
                if not chars:
                    continue
                texts.append((page, number, chars))
                found.extend(_tables_of(_edge_tables(edges, bbox), number, chars))
                continue
            chars = _page_chars(page, number, file)
            if not chars:
                continue
            texts.append((page, number, chars))
            found.extend(_page_tables(page, number, chars, LINES))
        except InputError:
            raise
        except Exception as exc:
            raise _page_error(file, number, exc) from exc
        finally:
            _release(page)
    if fast is not None:
        fast.close()
    if not texts:
        raise InputError("scanned-pdf", file=file, pages=len(pages))
    if not found:
        # No ruled table anywhere: a list laid out with spaces and tabs, read from where its text stands.
        for page, number, chars in texts:
            try:
                found.extend(_page_tables(page, number, chars, TEXT))
            except Exception as exc:
                raise _page_error(file, number, exc) from exc
            finally:
                _release(page)
    if not found:
        raise InputError("no-table", file=file, kind="PDF")
    _mark_follows(found, texts)
    tables = [page_table.table for page_table in found]
    starts: list[int] = []
    grids = joined_grids(tables, file, TABLE_SHEET, starts)
    _continue_open_cells(found, grids)
    for grid, start in zip(grids, starts, strict=True):
        title = _title_above(found[start], texts)
        if title:
            put_title(grid, title)
    return grids


def _page_error(file: str, number: int, exc: Exception) -> InputError:
    return InputError(
        "corrupt-document", file=file, kind="PDF", reason=t("where.page-reason", page=number, reason=_reason(exc))
    )


def _title_above(first: _PageTable, texts: list[tuple[Any, int, list[dict[str, Any]]]]) -> str:
    """The line above a table on its page that names a list ('示例市…权责清单·行政许可'): the list's title, printed
    outside the table, as a workbook printed to PDF has it."""
    chars = next((chars for _page, number, chars in texts if number == first.page), [])
    above = sorted((c for c in chars if float(c.get("bottom", 0)) <= first.top), key=lambda c: float(c["top"]))
    lines: list[list[dict[str, Any]]] = []
    for char in above:
        # One line: glyphs whose tops lie within a third of a glyph of the line's first (CJK glyphs of one line
        # are placed a point apart).
        if lines and float(char["top"]) - float(lines[-1][0]["top"]) <= float(char.get("size", 9)) / 3:
            lines[-1].append(char)
        else:
            lines.append([char])
    for line in lines:
        text = "".join(str(c.get("text", "")) for c in sorted(line, key=lambda c: float(c.get("x0", 0)))).strip()
        if any(word in text for word in TITLE_WORDS):
            return text
    return ""


def _claimed_pages(pdf: Any) -> int:
    """The page count the document's page tree claims (0 where it says nothing readable)."""
    try:
        from pdfminer.pdftypes import resolve1

        pages = resolve1(pdf.doc.catalog.get("Pages"))
        count = resolve1(pages.get("Count")) if isinstance(pages, dict) else 0
        return count if isinstance(count, int) else 0
    except Exception:
        return 0


def _within_limit(file: str, what: str, count: int) -> None:
    """A page's characters or ruling lines past MAX_PAGE_OBJECTS: refused before they are laid out."""
    if count > MAX_PAGE_OBJECTS:
        raise InputError("document-too-large", file=file, what=what, size=f"{count:,}", limit=f"{MAX_PAGE_OBJECTS:,}")


def _page_chars(page: Any, number: int, file: str) -> list[dict[str, Any]]:
    objects = page.objects
    chars: list[dict[str, Any]] = objects.get("char", [])
    drawn = sum(len(objects.get(kind, [])) for kind in ("rect", "line", "curve"))
    _within_limit(file, t("what.page-chars", page=number), len(chars))
    _within_limit(file, t("what.page-lines", page=number), drawn)
    return [c for c in chars if str(c.get("text", "")).strip()]


class _Pdfium:
    """Characters and ruling lines of each page read by PDFium (pdfplumber's own rendering library, in C): some
    ten times faster than pdfminer, which a list of hundreds of pages needs. Used only on a file pdfminer opened
    and counted alike; the tables are then found by pdfplumber's table finder from these lines."""

    def __init__(self, document: Any) -> None:
        self.document = document

    @classmethod
    def open(cls, data: bytes, pages: int) -> _Pdfium | None:
        try:
            import pypdfium2

            document = pypdfium2.PdfDocument(data)
            if len(document) != pages:
                document.close()
                return None
            return cls(document)
        except Exception:
            return None

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.document.close()

    def page(
        self, index: int, number: int, file: str
    ) -> tuple[list[dict[str, Any]], list[dict[str, Any]], tuple[float, float, float, float]]:
        import pypdfium2.raw as raw

        page = self.document[index]
        try:
            left, _bottom, right, top = page.get_mediabox()
            height = top - _bottom
            textpage = page.get_textpage()
            try:
                count = textpage.count_chars()
                _within_limit(file, t("what.page-chars", page=number), count)
                chars = []
                handle = textpage.raw
                for k in range(count):
                    if raw.FPDFText_IsGenerated(handle, k):
                        continue
                    code = raw.FPDFText_GetUnicode(handle, k)
                    if not code or code in (0xFFFE, 0xFFFF) or 0xD800 <= code <= 0xDFFF:
                        continue
                    text = chr(code)
                    if not text.strip():
                        continue
                    x0, y0, x1, y1 = textpage.get_charbox(k, loose=True)
                    chars.append(
                        {
                            "text": text,
                            "x0": x0 - left,
                            "x1": x1 - left,
                            "top": top - y1,
                            "bottom": top - y0,
                            "size": raw.FPDFText_GetFontSize(handle, k),
                        }
                    )
            finally:
                textpage.close()
            edges = self._edges(page, left, top, number, file)
            return chars, edges, (0.0, 0.0, right - left, height)
        finally:
            page.close()

    @staticmethod
    def _edges(page: Any, left: float, top: float, number: int, file: str) -> list[dict[str, Any]]:
        import pypdfium2.raw as raw

        edges: list[dict[str, Any]] = []
        segments_seen = 0
        for obj in page.get_objects(filter=[raw.FPDF_PAGEOBJ_PATH], max_depth=2):
            handle = obj.raw
            count = raw.FPDFPath_CountSegments(handle)
            segments_seen += max(count, 0)
            _within_limit(file, t("what.page-lines", page=number), segments_seen)
            if obj.level > 0:
                # Inside a form: its matrix is the form's too. Its bounds are right; a thin one is a line.
                x0, y0, x1, y1 = obj.get_bounds()
                _add_edge(edges, x0 - left, top - y1, x1 - left, top - y0)
                continue
            matrix = raw.FS_MATRIX()
            if not raw.FPDFPageObj_GetMatrix(handle, matrix):
                continue
            a, b, c, d, e, f = matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f
            x, y = ctypes.c_float(), ctypes.c_float()
            start: tuple[float, float] | None = None
            here: tuple[float, float] | None = None
            for k in range(count):
                segment = raw.FPDFPath_GetPathSegment(handle, k)
                if not segment or not raw.FPDFPathSegment_GetPoint(segment, x, y):
                    continue
                point = (a * x.value + c * y.value + e - left, top - (b * x.value + d * y.value + f))
                kind = raw.FPDFPathSegment_GetType(segment)
                if kind == raw.FPDF_SEGMENT_MOVETO or here is None:
                    start = here = point
                    continue
                if kind == raw.FPDF_SEGMENT_LINETO:
                    _add_line(edges, here, point)
                here = point
                if raw.FPDFPathSegment_GetClose(segment) and start is not None:
                    _add_line(edges, here, start)
                    here = start
        return edges


def _add_line(edges: list[dict[str, Any]], p: tuple[float, float], q: tuple[float, float]) -> None:
    """A straight segment, as an edge where it runs along an axis."""
    if abs(p[0] - q[0]) < 0.5 or abs(p[1] - q[1]) < 0.5:
        _add_edge(edges, min(p[0], q[0]), min(p[1], q[1]), max(p[0], q[0]), max(p[1], q[1]))


def _add_edge(edges: list[dict[str, Any]], x0: float, top: float, x1: float, bottom: float) -> None:
    width, height = x1 - x0, bottom - top
    if height <= 3 and width > height:
        y = (top + bottom) / 2
        edges.append(
            {
                "x0": x0,
                "x1": x1,
                "top": y,
                "bottom": y,
                "width": width,
                "height": 0.0,
                "orientation": "h",
                "object_type": "line",
            }
        )
    elif width <= 3 and height > width:
        x = (x0 + x1) / 2
        edges.append(
            {
                "x0": x,
                "x1": x,
                "top": top,
                "bottom": bottom,
                "width": 0.0,
                "height": height,
                "orientation": "v",
                "object_type": "line",
            }
        )


class _EdgePage:
    """What pdfplumber's table finder asks of a page when tables are found from ruling lines."""

    def __init__(self, edges: list[dict[str, Any]], bbox: tuple[float, float, float, float]) -> None:
        self.edges = edges
        self.bbox = bbox


def _edge_tables(edges: list[dict[str, Any]], bbox: tuple[float, float, float, float]) -> list[Any]:
    from pdfplumber.table import TableFinder

    return list(TableFinder(_EdgePage(edges, bbox), LINES).tables)  # type: ignore[arg-type]


def _release(page: Any) -> None:
    """Let a page's parsed objects go (a long document would otherwise keep every page's in memory)."""
    with contextlib.suppress(Exception):
        page.flush_cache()


def _page_tables(page: Any, number: int, chars: list[dict[str, Any]], settings: dict[str, str]) -> list[_PageTable]:
    return _tables_of(page.find_tables(settings), number, chars)


def _tables_of(tables: list[Any], number: int, chars: list[dict[str, Any]]) -> list[_PageTable]:
    result = []
    for found in sorted(tables, key=lambda t: (t.bbox[1], t.bbox[0])):
        if len(found.cells) < 2:
            continue  # a frame round the page or a box round a paragraph
        table = _grid_of(found.cells, found.bbox, chars, number)
        if table is not None and any(text.strip() for row in table.table.rows for text in row):
            result.append(table)
    return result


def _edges(values: Sequence[float]) -> list[float]:
    """Distinct grid lines: values closer than TOLERANCE are one line."""
    lines: list[float] = []
    for value in sorted(values):
        if not lines or value - lines[-1] > TOLERANCE:
            lines.append(value)
    return lines


def _index(lines: list[float], value: float) -> int:
    """The grid line nearest ``value``."""
    at = bisect_right(lines, value)
    if at == 0:
        return 0
    if at == len(lines):
        return len(lines) - 1
    return at if lines[at] - value < value - lines[at - 1] else at - 1


def _grid_of(
    cells: list[tuple[float, float, float, float]],
    bbox: tuple[float, float, float, float],
    chars: list[dict[str, Any]],
    number: int,
) -> _PageTable | None:
    xs = _edges([x for c in cells for x in (c[0], c[2])])
    ys = _edges([y for c in cells for y in (c[1], c[3])])
    n_rows, n_cols = len(ys) - 1, len(xs) - 1
    if n_rows < 1 or n_cols < 1:
        return None
    owner = [[-1] * n_cols for _ in range(n_rows)]
    spans: list[tuple[int, int, int, int]] = []  # (r0, c0, r1, c1) inclusive
    boxes: list[tuple[float, float]] = []  # each span's x0, x1 (for telling wrapped lines)
    for x0, top, x1, bottom in cells:
        r0, r1 = _index(ys, top), _index(ys, bottom) - 1
        c0, c1 = _index(xs, x0), _index(xs, x1) - 1
        if r1 < r0 or c1 < c0 or any(owner[r][c] >= 0 for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)):
            continue
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                owner[r][c] = len(spans)
        spans.append((r0, c0, r1, c1))
        boxes.append((xs[c0], xs[c1 + 1]))
    # What no rectangle covers (a rule missing): one cell per column over the uncovered rows that touch.
    open_bottom: set[int] = set()
    for c in range(n_cols):
        r = 0
        while r < n_rows:
            if owner[r][c] >= 0:
                r += 1
                continue
            start = r
            while r < n_rows and owner[r][c] < 0:
                owner[r][c] = len(spans)
                r += 1
            spans.append((start, c, r - 1, c))
            boxes.append((xs[c], xs[c + 1]))
            if r == n_rows:
                open_bottom.add(c)

    # Each character to the cell its centre lies in; outside every cell it is not seen (clipped) and dropped.
    left, top, right, bottom = xs[0], ys[0], xs[-1], ys[-1]
    held: list[list[tuple[int, dict[str, Any]]]] = [[] for _ in spans]
    for order, char in enumerate(chars):
        cx = (char["x0"] + char["x1"]) / 2
        cy = (char["top"] + char["bottom"]) / 2
        if not (left < cx < right and top < cy < bottom):
            continue
        row, col = bisect_right(ys, cy) - 1, bisect_right(xs, cx) - 1
        if 0 <= row < n_rows and 0 <= col < n_cols:
            held[owner[row][col]].append((order, char))

    rows = [[""] * n_cols for _ in range(n_rows)]
    merges = []
    for span, (x0, x1), mine in zip(spans, boxes, held, strict=True):
        r0, c0, r1, c1 = span
        rows[r0][c0] = _cell_text(mine, x1 - x0)
        if r1 > r0 or c1 > c0:
            merges.append(span)
    where = t("where.page", page=number)
    return _PageTable(Table(rows, merges, where), number, bbox[1], bbox[3], open_bottom)


def _cell_text(chars: list[tuple[int, dict[str, Any]]], width: float) -> str:
    if not chars:
        return ""
    # Runs: characters drawn one after another on one line, left to right. A run printed over what an earlier
    # run drew is a clipped part of another cell: dropped whole.
    runs: list[list[dict[str, Any]]] = []
    for _order, char in chars:  # already in drawing order
        if runs:
            last = runs[-1][-1]
            if abs(char["top"] - last["top"]) < 1 and char["x0"] >= last["x0"] - 0.5:
                runs[-1].append(char)
                continue
        runs.append([char])
    lines: dict[int, list[dict[str, Any]]] = {}
    kept: dict[int, list[dict[str, Any]]] = {}  # by 4-point band of their top, for the overprint test
    for run in runs:
        band = int(run[0]["top"] // 4)
        near = [c for k in (band - 1, band, band + 1) for c in kept.get(k, ())]
        if near and any(_overlaps(a, b) for a in run for b in near):
            continue
        kept.setdefault(band, []).extend(run)
        lines.setdefault(round(run[0]["top"]), []).extend(run)
    # Lines top to bottom (keys a point apart are one line).
    ordered: list[list[dict[str, Any]]] = []
    for key in sorted(lines):
        line = lines[key]
        if ordered and abs(ordered[-1][0]["top"] - line[0]["top"]) < max(1.0, 0.3 * _size_of(line[0])):
            ordered[-1].extend(line)
        else:
            ordered.append(line)
    texts = []
    for line in ordered:
        line.sort(key=lambda c: c["x0"])
        texts.append(_line_text(line))
    text = texts[0]
    for previous, (line, current) in zip(ordered, zip(ordered[1:], texts[1:], strict=True), strict=False):
        text += _glue(previous, line, width, text, current) + current
    return text.strip()


def _overlaps(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Two glyphs printed over one another: they share more than half of the smaller one's width and height."""
    across = min(a["x1"], b["x1"]) - max(a["x0"], b["x0"])
    down = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
    return bool(
        across > 0
        and down > 0
        and across > 0.5 * min(a["x1"] - a["x0"], b["x1"] - b["x0"])
        and down > 0.5 * min(a["bottom"] - a["top"], b["bottom"] - b["top"])
    )


def _size_of(char: dict[str, Any]) -> float:
    size = char.get("size") or (char["bottom"] - char["top"])
    return float(size) if size else 10.0


def _line_text(line: list[dict[str, Any]]) -> str:
    out: list[str] = []
    previous: dict[str, Any] | None = None
    for char in line:
        text = str(char["text"])
        if previous is not None:
            gap = char["x0"] - previous["x1"]
            if (
                gap > 0.25 * _size_of(char)
                and not out[-1].endswith(" ")
                and not text.startswith(" ")
                and not (_wide(out[-1][-1:]) and _wide(text[:1]))
            ):
                out.append(" ")
        out.append(text)
        previous = char
    return "".join(out)


def _wide(char: str) -> bool:
    return bool(char) and unicodedata.east_asian_width(char) in ("W", "F")


def _glue(previous: list[dict[str, Any]], line: list[dict[str, Any]], width: float, before: str, after: str) -> str:
    """'' or ' ' where the line before was wrapped by the cell's width, '\\n' where it was broken on purpose: the
    next line's first word would have fitted on it."""
    used = previous[-1]["x1"] - previous[0]["x0"]
    first = after[:1]
    if _wide(first) or not first:
        word = line[0]["x1"] - line[0]["x0"]
    else:
        word = 0.0
        for char in line:
            if not str(char["text"]).strip() or _wide(str(char["text"])):
                break
            word = char["x1"] - line[0]["x0"]
    available = width - 2.0  # the cell's padding, both sides
    if used + word + 0.5 < available:
        return "\n"
    last = before[-1:]
    return "" if _wide(last) or _wide(first) else " "


def _mark_follows(found: list[_PageTable], texts: list[tuple[Any, int, list[dict[str, Any]]]]) -> None:
    """A table first on its page goes on from the one last on the page before when nothing but page numbers
    stands between them."""
    chars_of = {number: chars for _page, number, chars in texts}
    for before, table in pairwise(found):
        if table.page != before.page + 1:
            continue
        if any(t.page == before.page and t.top > before.top for t in found if t is not before):
            continue  # not the last table of its page
        if any(t.page == table.page and t.top < table.top for t in found if t is not table):
            continue  # not the first table of its page
        below = [c for c in chars_of.get(before.page, []) if c["top"] > before.bottom]
        above = [c for c in chars_of.get(table.page, []) if c["bottom"] < table.top]
        if all(_FURNITURE.match(line) for line in _lines_of(below) + _lines_of(above)):
            table.table.follows = True


def _lines_of(chars: list[dict[str, Any]]) -> list[str]:
    lines: dict[int, list[dict[str, Any]]] = {}
    for char in chars:
        lines.setdefault(round(char["top"]), []).append(char)
    return ["".join(str(c["text"]) for c in sorted(line, key=lambda c: c["x0"])) for line in lines.values()]


def _continue_open_cells(found: list[_PageTable], grids: list[Grid]) -> None:
    """Where a table's cell is open at the bottom of a page and the table goes on at the top of the next, join
    the two parts into one merged cell. The groups are worked out again as table_join made them; should they
    differ, nothing is changed."""
    groups: list[list[tuple[_PageTable, int]]] = []
    for part in found:
        if not part.table.rows:
            continue
        if groups:
            first = groups[-1][0][0].table
            repeated = repeated_header(first, part.table)
            if repeated or (part.table.follows and part.table.width == first.width):
                groups[-1].append((part, repeated))
                continue
        groups.append([(part, 0)])
    if len(groups) != len(grids):
        return
    for group, grid in zip(groups, grids, strict=True):
        if sum(len(p.table.rows) - skipped for p, skipped in group) != len(grid.rows):
            return
        end = -1  # the grid row where the previous part ends
        previous: _PageTable | None = None
        for part, skipped in group:
            start = end + 1
            if previous is not None and part.page == previous.page + 1 and skipped < len(part.table.rows):
                for col in sorted(previous.open_bottom):
                    _join_cells(grid, end, start, col)
            end = start + len(part.table.rows) - skipped - 1
            previous = part


def _join_cells(grid: Grid, end: int, start: int, col: int) -> None:
    rows: Any = grid.rows
    upper = _span_at(grid.merges, end, col)
    lower = _span_at(grid.merges, start, col)
    if upper[1] != lower[1] or upper[3] != lower[3] or upper[0] > end or lower[2] < start:
        return
    r0, c0, _r1, c1 = upper
    head, tail = str(rows[r0][c0] or ""), str(rows[start][c0] or "")
    if head and tail:
        rows[r0][c0] = head + ("" if _wide(head[-1]) or _wide(tail[0]) else "\n") + tail
    elif tail:
        rows[r0][c0] = tail
    rows[start][c0] = ""
    grid.merges = [m for m in grid.merges if m not in (upper, lower)]
    grid.merges.append((r0, c0, lower[2], c1))


def _span_at(merges: list[tuple[int, int, int, int]], row: int, col: int) -> tuple[int, int, int, int]:
    for merge in merges:
        if merge[0] <= row <= merge[2] and merge[1] <= col <= merge[3]:
            return merge
    return (row, col, row, col)


def _reason(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {text}"[:200] if text else type(exc).__name__


def _size(n: int) -> str:
    return f"{n / 1024**2:,.0f} MB"
