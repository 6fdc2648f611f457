"""Lists published as web pages (.html, .htm, a page saved from a browser): every data table of the page a sheet.

A table is laid out as a browser lays it out (the HTML table model): a cell takes the first position of its row
that no ``rowspan`` from above holds, and covers ``rowspan`` × ``colspan`` positions; the text is in the top-left
position and the covered ones are empty, with the cell a merge — as the spreadsheet readers give merged cells, so
the layout logic (header search, an item's merged cell over its sub-items, notes under the table) works unchanged.

Which tables: real pages wrap everything in layout tables. A table of fewer than 2 rows or 2 columns is layout; a
table that holds a data table inside one of its cells is layout too (its inner tables are read); a small table
inside a data table's cell is part of that cell's text. A table that repeats the previous one's header continues
it (table_join).

Text is read as it is shown: ``<br>`` and block elements break lines, runs of blanks are one space, ``&nbsp;`` is a
space, entities are decoded; ``<script>``, ``<style>``, comments and elements hidden with ``display:none`` or
``hidden`` are not read.

The page's title (``<title>``, else its first ``<h1>``–``<h3>``) becomes a title row above the first table, where
a sheet has its title and meta.read_meta reads it — unless the table has a title row of its own. A ``<caption>``
is its table's title row.

Encoding: a BOM, else the page's ``<meta charset>`` or ``http-equiv`` content type, else UTF-8, else GB18030.
A page declared GB2312 or GBK is decoded as GB18030, their superset (real pages declared GB2312 use GBK
characters). Hostile pages: over 64 MB is refused before parsing; libxml2 parses with no network, no huge-tree
mode, and does not expand entities declared in a document type; a ``rowspan`` is clipped to its table and a
``colspan`` to 1,000 (as browsers do), and a table or page past a cell budget is refused before it is allocated.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from listkit.errors import InputError
from listkit.i18n import t
from listkit.normalize import fold
from listkit.read.grid import Grid
from listkit.read.table_join import MAX_HEADER_ROWS, Table, joined_grids, put_title
from listkit.vocabulary import TABLE_SHEET, TITLE_WORDS

if TYPE_CHECKING:
    from lxml.html import HtmlElement

MAX_PAGE_BYTES = 64 * 1024**2
MAX_TABLE_CELLS = 2_000_000  # grid positions (rows × columns) one table may span
MAX_PAGE_CELLS = 2 * MAX_TABLE_CELLS  # and all the page's tables together
MAX_COLSPAN = 1_000  # browsers clip colspan so (HTML standard); rowspan is clipped to the table's rows
KIND = "HTML"
MAX_HEADING = 40  # characters of a line before a table that heads it ('二、行政处罚')

# Elements that start a new line where they begin and end.
_BLOCKS = frozenset(
    {
        "address", "article", "aside", "blockquote", "caption", "center", "dd", "details", "dialog", "div", "dl",
        "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "tfoot", "thead", "tr",
        "ul",
    }
)  # fmt: skip
_CELLS = frozenset({"td", "th"})
_NOT_SHOWN = ("script", "style", "noscript", "template", "iframe", "object", "embed", "select", "textarea")
_BLANKS = re.compile(r"[ \t\n\r\f\v]+")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none", re.IGNORECASE)
_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_TITLE_PARTS = re.compile(r"\s*[_|｜]\s*|\s+[-–—]\s+")
_SPAN = re.compile(r"\s*(\d+)")
# Declared single-byte Western encodings decode anything: a Chinese page declaring one is mistaken, so UTF-8 is
# tried before them.
_WESTERN = frozenset({"ascii", "latin-1", "iso8859-1", "cp1252"})
_GB = frozenset({"gb2312", "gbk", "gb18030", "cp936", "hz"})


def html_sheets(data: bytes, file: str) -> list[Grid]:
    """Every data table of the page ``data`` as a grid named 表1, 表2 … (after joining continued tables)."""
    if len(data) > MAX_PAGE_BYTES:
        raise InputError(
            "document-too-large",
            file=file,
            what=t("what.page"),
            size=_megabytes(len(data)),
            limit=_megabytes(MAX_PAGE_BYTES),
        )
    root = _parse(decode_page(data, file), file)
    _drop_unshown(root)
    title = _page_title(root)
    tables = list(_data_tables(root, file))
    if not tables:
        raise InputError("no-table", file=file, kind=KIND)
    grids = joined_grids(tables, file, TABLE_SHEET)
    if title:
        _title_above(grids[0], title)
    return grids


# --- bytes → text → tree --------------------------------------------------------------------------------------
def decode_page(data: bytes, file: str) -> str:
    """The page's text: by its BOM, else its declared charset, else UTF-8, else GB18030."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    declared = _declared(data)
    tries = ["utf-8", "gb18030"]
    if declared in _WESTERN:
        tries.append(declared)
    elif declared:
        tries.insert(0, declared)
    for encoding in dict.fromkeys(tries):
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    raise InputError("bad-encoding", file=file)


def _declared(data: bytes) -> str | None:
    """The encoding the page names in its first 4 KB (``<meta charset>``, ``http-equiv`` content type, or an XML
    declaration), as a Python codec name; GB2312 and GBK as GB18030."""
    head = data[:4096]
    found = _CHARSET.search(head) or re.search(rb"""<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", head)
    if not found:
        return None
    try:
        name = codecs.lookup(found.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None
    if name in _GB or name.startswith("gb"):
        return "gb18030"
    return {"iso8859-1": "iso8859-1", "latin-1": "iso8859-1"}.get(name, name)


def _parse(text: str, file: str) -> HtmlElement:
    import lxml.etree
    import lxml.html

    # The text is handed over as UTF-8 bytes with the encoding named, so that a page's own (now wrong) charset
    # declaration is not obeyed. The HTML parser reads no document type's entities and fetches nothing.
    parser = lxml.html.HTMLParser(
        encoding="utf-8",
        remove_comments=True,
        remove_pis=True,
        no_network=True,
        huge_tree=False,
        recover=True,
        collect_ids=False,
        default_doctype=False,
    )
    try:
        root = lxml.html.document_fromstring(text.encode("utf-8", errors="replace"), parser=parser)
    except (lxml.etree.ParserError, lxml.etree.XMLSyntaxError, ValueError) as exc:
        reason = str(exc).strip() or type(exc).__name__
        raise InputError("corrupt-document", file=file, kind=KIND, reason=reason[:200]) from None
    if root is None:
        raise InputError("corrupt-document", file=file, kind=KIND, reason="no document")
    return root


def _drop_unshown(root: HtmlElement) -> None:
    """Remove what a browser does not show: scripts, styles, and elements hidden by style or attribute."""
    import lxml.etree

    lxml.etree.strip_elements(root, *_NOT_SHOWN, with_tail=False)
    hidden = [
        element
        for element in root.iter()
        if isinstance(element.tag, str)
        and (element.get("hidden") is not None or _HIDDEN_STYLE.search(element.get("style") or ""))
        and element.tag not in ("html", "body")
    ]
    for element in hidden:
        parent = element.getparent()
        if parent is not None:
            element.drop_tree()


def _page_title(root: HtmlElement) -> str:
    candidates = [*root.iter("title"), *root.iter("h1", "h2", "h3")]
    for element in candidates:
        text = " ".join(line for line in shown_text(element).splitlines() if line).strip()
        if text:
            return text
    return ""


def _title_above(grid: Grid, title: str) -> None:
    """The page's title as a row above the first table (where a sheet has its title and meta.read_meta looks),
    unless it says nothing of a list or the table's first rows already hold a title."""
    # A page's title often names the site after the list ('…权责清单_示例市人民政府'): the part naming a list.
    parts = [part for part in _TITLE_PARTS.split(title) if any(word in part for word in TITLE_WORDS)]
    if not parts:
        return
    title = parts[0].strip()
    for index in range(min(3, len(grid.rows))):
        if any(any(word in text for word in TITLE_WORDS) for text in grid.texts(index)):
            return
    put_title(grid, title)


# --- text as shown --------------------------------------------------------------------------------------------
def shown_text(element: HtmlElement) -> str:
    """An element's text as a browser shows it: blocks and ``<br>`` break lines, blanks collapse, ``&nbsp;`` is a
    space, table cells of an inner table are spaced. Walked without recursion (a page may nest deeply)."""
    lines: list[list[str]] = [[]]

    def soft_break() -> None:
        if any(part.strip() for part in lines[-1]):
            lines.append([])

    stack: list[tuple[HtmlElement, bool]] = [(element, False)]
    while stack:
        node, closing = stack.pop()
        if closing:
            if node.tag in _BLOCKS:
                soft_break()
            if node is not element and node.tail:
                lines[-1].append(node.tail)
            continue
        tag = node.tag
        if not isinstance(tag, str):  # a comment or an entity left by the parser
            if node.tail and node is not element:
                lines[-1].append(node.tail)
            continue
        if tag == "br":
            lines.append([])
            if node.tail and node is not element:
                lines[-1].append(node.tail)
            continue
        if tag in _BLOCKS:
            soft_break()
        elif tag in _CELLS and node is not element:
            lines[-1].append(" ")
        if node.text:
            lines[-1].append(node.text)
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(node))
    texts = [_BLANKS.sub(" ", "".join(parts)).replace("\xa0", " ").strip() for parts in lines]
    while texts and not texts[-1]:
        texts.pop()
    while texts and not texts[0]:
        texts.pop(0)
    return "\n".join(texts)


# --- tables ---------------------------------------------------------------------------------------------------
@dataclass
class _Layout:
    rows: list[list[str]]
    merges: list[tuple[int, int, int, int]]
    heading: str = ""  # the table's <caption>, else the short text block just before it
    captioned: bool = False

    @property
    def width(self) -> int:
        return max((len(row) for row in self.rows), default=0)

    def is_data(self) -> bool:
        return len(self.rows) >= 2 and self.width >= 2

    def insert_row(self, at: int, text: str) -> None:
        """A row of one cell over the whole width (a section or title row, as a sheet has it) before row ``at``."""
        width = self.width
        self.rows.insert(at, [text] + [""] * (width - 1))
        self.merges = [(r0 + (r0 >= at), c0, r1 + (r1 >= at), c1) for r0, c0, r1, c1 in self.merges]
        if width > 1:
            self.merges.append((at, 0, at, width - 1))


def _data_tables(root: HtmlElement, file: str) -> Iterator[Table]:
    """The page's data tables in document order, each laid out on its grid.

    A page with one table per kind of item heads each with its kind ('一、行政许可', '二、行政处罚') — in a
    ``<caption>`` or a line before the table. Tables that repeat one another's header are joined (table_join):
    each heading goes in as a section row under its table's header, where the layout reads a section's kind from.
    A table standing alone keeps its caption as a title row above it."""
    every = list(root.iter("table"))
    budget = [MAX_PAGE_CELLS]
    laid: dict[int, _Layout] = {}
    holds_data: set[int] = set()
    for number, table in enumerate(every, 1):
        layout = _lay_out(table, file, budget)
        if layout.is_data():
            laid[number] = layout
            for outer in table.iterancestors("table"):
                holds_data.add(id(outer))
    kept = [(number, laid[number], table) for number, table in enumerate(every, 1) if number in laid]
    kept = [(number, layout, table) for number, layout, table in kept if id(table) not in holds_data]
    header_rows = [0] * len(kept)
    for index in range(1, len(kept)):
        repeated = _repeated_rows(kept[index - 1][1].rows, kept[index][1].rows)
        header_rows[index - 1] = max(header_rows[index - 1], repeated)
        header_rows[index] = max(header_rows[index], repeated)
    for (number, layout, table), header in zip(kept, header_rows, strict=True):
        if not layout.captioned:
            layout.heading = _heading_before(table)
        if layout.heading and header and not any(r0 < header <= r1 for r0, _c0, r1, _c1 in layout.merges):
            layout.insert_row(header, layout.heading)
        elif layout.heading and layout.captioned:
            layout.insert_row(0, layout.heading)
        yield Table(rows=layout.rows, merges=layout.merges, where=f"<table> #{number}", follows=False)


def _repeated_rows(first: list[list[str]], then: list[list[str]]) -> int:
    """How many of ``then``'s first rows repeat ``first``'s (a header written again), 0 if none."""
    best = 0
    for count in range(1, min(MAX_HEADER_ROWS, len(first), len(then)) + 1):
        head = [[fold(text) for text in row] for row in first[:count]]
        if any(any(row) for row in head) and head == [[fold(text) for text in row] for row in then[:count]]:
            best = count
    return best


def _heading_before(table: HtmlElement) -> str:
    """The short line just before the table ('二、行政处罚'): the text of the element before it — or before the
    element it is the first thing of — when that is one short line that names no list (a page's title is not a
    section). Empty if there is none."""
    node: HtmlElement | None = table
    for _level in range(3):
        if node is None:
            return ""
        before = node.getprevious()
        while before is not None and not (isinstance(before.tag, str) and shown_text(before)):
            before = before.getprevious()
        if before is not None:
            if before.tag in ("table", "script", "style") or before.find(".//table") is not None:
                return ""
            text = shown_text(before)
            if "\n" in text or len(text) > MAX_HEADING or any(word in text for word in TITLE_WORDS):
                return ""
            return text
        parent = node.getparent()
        if parent is None or (parent.text or "").strip() or parent.tag in ("body", "html", "td", "th"):
            return ""
        node = parent
    return ""


def _own_rows(table: HtmlElement) -> list[HtmlElement]:
    """The table's own rows (not those of a table inside it): head rows first and foot rows last, as shown."""
    head: list[HtmlElement] = []
    body: list[HtmlElement] = []
    foot: list[HtmlElement] = []
    stack: list[tuple[HtmlElement, list[HtmlElement]]] = [(child, body) for child in reversed(table)]
    while stack:
        node, into = stack.pop()
        tag = node.tag
        if tag == "tr":
            into.append(node)
        elif tag in ("table", "td", "th") or not isinstance(tag, str):
            continue
        else:
            group = head if tag == "thead" else foot if tag == "tfoot" else into
            stack.extend((child, group) for child in reversed(node))
    return head + body + foot


def _span(value: str | None) -> int:
    """A rowspan/colspan attribute as a browser reads it: leading digits, else 1; 0 is kept (rowspan=0: to the
    end of the table)."""
    if not value:
        return 1
    match = _SPAN.match(value)
    if not match:
        return 1
    digits = match.group(1)
    return 10**7 if len(digits) > 7 else int(digits)


def _lay_out(table: HtmlElement, file: str, budget: list[int]) -> _Layout:
    """The table on its grid (the HTML table model): rows of texts, each cell's text at its top-left position."""
    rows = _own_rows(table)
    count = len(rows)
    caption = next((child for child in table if child.tag == "caption"), None)
    # taken[c]: the last row that a rowspan from above holds in column c (-1: none).
    taken: list[int] = []
    placed: list[tuple[int, int, int, int, str]] = []  # (row, col, last_row, last_col, text)
    width = 0
    for r, tr in enumerate(rows):
        c = 0
        for cell in tr:
            if cell.tag not in _CELLS:
                continue
            while c < len(taken) and taken[c] >= r:
                c += 1
            rowspan = _span(cell.get("rowspan"))
            last_row = count - 1 if rowspan == 0 else min(count - 1, r + rowspan - 1)
            colspan = min(max(_span(cell.get("colspan")), 1), MAX_COLSPAN)
            # A colspan that runs into a position a rowspan from above holds stops before it (no overlaps).
            last_col = c
            while last_col + 1 < c + colspan and not (last_col + 1 < len(taken) and taken[last_col + 1] >= r):
                last_col += 1
            if last_col + 1 > width:
                width = last_col + 1
                if width * count > MAX_TABLE_CELLS:
                    _too_many(file, width * count, MAX_TABLE_CELLS)
            if len(taken) <= last_col:
                taken.extend([-1] * (last_col + 1 - len(taken)))
            for column in range(c, last_col + 1):
                taken[column] = last_row
            placed.append((r, c, last_row, last_col, shown_text(cell)))
            c = last_col + 1
    budget[0] -= max(width, 1) * count
    if budget[0] < 0:
        _too_many(file, MAX_PAGE_CELLS - budget[0], MAX_PAGE_CELLS)
    grid = [[""] * width for _ in range(count)]
    merges = []
    for r0, c0, r1, c1, text in placed:
        grid[r0][c0] = text
        if r1 > r0 or c1 > c0:
            merges.append((r0, c0, r1, c1))
    heading = shown_text(caption).replace("\n", " ") if caption is not None else ""
    return _Layout(grid, merges, heading, captioned=bool(heading))


def _too_many(file: str, size: int, limit: int) -> None:
    raise InputError("document-too-large", file=file, what=t("what.table-cells"), size=f"{size:,}", limit=f"{limit:,}")


def _megabytes(size: int) -> str:
    return f"{size / 1024**2:,.1f} MB"
