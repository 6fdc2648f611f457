"""Hostile cases of one class (issue 14, class 1): files of a few kilobytes that make a parser allocate the
whole sheet. Sheets written in ways the writers of real lists do not use (attributes in another order, cells and
rows without a reference, namespace prefixes), merges over a whole sheet, ods repeats, forged .xls records — and
beside them the normal files they must not be confused with (LibreOffice's trailing repeats)."""

from __future__ import annotations

import struct
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tests.hostile.corpus import Case

HEADER = ["序号", "事项名称", "权力类型", "实施依据", "行使主体"]
ROW = ["1", "对违法行为的处罚", "行政处罚", "《中华人民共和国行政处罚法》第八条", "区示例局"]
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
ODS_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"'
)


def text_cell(value: str, ref: str | None = None, prefix: str = "", first: str = "r") -> str:
    """An inline-string cell; its r attribute first or last (``first``), or none."""
    p = prefix
    if ref is None:
        attrs = ' t="inlineStr"'
    else:
        attrs = f' r="{ref}" t="inlineStr"' if first == "r" else f' t="inlineStr" r="{ref}"'
    return f"<{p}c{attrs}><{p}is><{p}t>{value}</{p}t></{p}is></{p}c>"


def sheet_xml(rows: Sequence[str], merges: Sequence[str] = (), prefix: str = "") -> bytes:
    """A worksheet part of the given <row> elements and merged ranges."""
    p = prefix
    xmlns = f'xmlns:{p[:-1]}="{MAIN}"' if p else f'xmlns="{MAIN}"'
    merged = f'<{p}mergeCells count="{len(merges)}">' + "".join(f'<{p}mergeCell ref="{m}"/>' for m in merges)
    return (
        f"<{p}worksheet {xmlns}><{p}sheetData>{''.join(rows)}</{p}sheetData>"
        + (merged + f"</{p}mergeCells>" if merges else "")
        + f"</{p}worksheet>"
    ).encode()


def list_rows(prefix: str = "") -> list[str]:
    """The header and one record, cells referenced as Excel writes them."""
    p = prefix
    return [
        f'<{p}row r="{r + 1}">'
        + "".join(text_cell(v, f"{chr(65 + c)}{r + 1}", p) for c, v in enumerate(values))
        + f"</{p}row>"
        for r, values in enumerate([HEADER, ROW])
    ]


def xlsx(sheet: bytes) -> Callable[[Path], None]:
    """A minimal workbook around one sheet part."""
    parts = {
        "[Content_Types].xml": (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
        ),
        "_rels/.rels": (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Target="xl/workbook.xml" '
            'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>'
            "</Relationships>"
        ),
        "xl/workbook.xml": (
            f'<workbook xmlns="{MAIN}" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<sheets><sheet name="清单" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Target="worksheets/sheet1.xml" '
            'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"/>'
            "</Relationships>"
        ),
    }

    def make(path: Path) -> None:
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, text in parts.items():
                archive.writestr(name, text)
            archive.writestr("xl/worksheets/sheet1.xml", sheet)

    return make


def ods_cell(value: str | None, repeat: int = 1) -> str:
    """A table cell holding a string, or an empty one (self-closing, as LibreOffice writes it)."""
    times = f' table:number-columns-repeated="{repeat}"' if repeat > 1 else ""
    if value is None:
        return f"<table:table-cell{times}/>"
    return f'<table:table-cell{times} office:value-type="string"><text:p>{value}</text:p></table:table-cell>'


def ods_row(cells: str, repeat: int = 1) -> str:
    times = f' table:number-rows-repeated="{repeat}"' if repeat > 1 else ""
    return f"<table:table-row{times}>{cells}</table:table-row>"


def ods(rows: list[str]) -> Callable[[Path], None]:
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODS_NS}><office:body>'
        f'<office:spreadsheet><table:table table:name="清单">{"".join(rows)}</table:table>'
        "</office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'
    )

    def make(path: Path) -> None:
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
            archive.writestr("META-INF/manifest.xml", manifest)
            archive.writestr("content.xml", content)

    return make


def ods_list_rows() -> list[str]:
    return [ods_row("".join(ods_cell(v) for v in values)) for values in (HEADER, ROW)]


# --- .xls: a BIFF8 workbook stream in a minimal OLE compound file -------------------------------------------


def _record(kind: int, body: bytes = b"") -> bytes:
    return struct.pack("<HH", kind, len(body)) + body


def _bof(kind: int) -> bytes:
    return _record(0x0809, struct.pack("<HHHHII", 0x0600, kind, 0x0DBB, 0x07CC, 0, 0x06))


def _label(row: int, col: int, text: str) -> bytes:
    return _record(0x0204, struct.pack("<HHHHB", row, col, 0, len(text), 1) + text.encode("utf-16-le"))


def biff(
    dimensions: tuple[int, int, int, int],
    extra: Sequence[tuple[int, int, float]] = (),
    merges: Sequence[tuple[int, int, int, int]] = (),
) -> bytes:
    """A one-sheet BIFF8 stream: the header and a record as labels, extra numbers, a DIMENSIONS record as given
    (first row, last row + 1, first column, last column + 1) and merged ranges (rows, then columns)."""
    sheet = _bof(0x10) + _record(0x0200, struct.pack("<IIHHH", *dimensions, 0))
    for r, values in enumerate([HEADER, ROW]):
        sheet += b"".join(_label(r, c, v) for c, v in enumerate(values))
    sheet += b"".join(_record(0x0203, struct.pack("<HHHd", r, c, 0, v)) for r, c, v in extra)
    if merges:
        ranges = b"".join(struct.pack("<HHHH", *m) for m in merges)
        sheet += _record(0x00E5, struct.pack("<H", len(merges)) + ranges)
    sheet += _record(0x000A)
    name = "清单".encode("utf-16-le")

    def globals_(offset: int) -> bytes:
        sheet_entry = struct.pack("<IBBBB", offset, 0, 0, len(name) // 2, 1) + name
        return _bof(0x05) + _record(0x0042, struct.pack("<H", 1200)) + _record(0x0085, sheet_entry) + _record(0x000A)

    return globals_(len(globals_(0))) + sheet


def ole(stream: bytes) -> bytes:
    """The stream as the 'Workbook' of an OLE compound file (512-byte sectors, no mini stream)."""
    stream += b"\0" * (max(4096, -(-len(stream) // 512) * 512) - len(stream))
    sectors = len(stream) // 512
    end, free, fat_mark = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD
    fat = [*range(1, sectors), end, end, fat_mark]
    fat += [free] * (128 - len(fat))

    def entry(name: str, kind: int, child: int, start: int, size: int) -> bytes:
        raw = name.encode("utf-16-le") + b"\0\0"
        links = struct.pack("<III", free, free, child)
        return (
            raw.ljust(64, b"\0")
            + struct.pack("<HBB", len(raw), kind, 1)
            + links
            + b"\0" * 36
            + struct.pack("<II", start, size)
            + b"\0" * 4
        )

    directory = entry("Root Entry", 5, 1, end, 0) + entry("Workbook", 2, free, 0, len(stream)) + b"\0" * 256
    header = (
        bytes.fromhex("D0CF11E0A1B11AE1")
        + b"\0" * 16
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + b"\0" * 6
        + struct.pack("<IIIIIIIII", 0, 1, sectors, 0, 4096, end, 0, end, 0)
        + struct.pack("<I", sectors + 1)
        + struct.pack("<I", free) * 108
    )
    return header + stream + directory + struct.pack("<128I", *fat)


def xls(stream: bytes) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        path.write_bytes(ole(stream))

    return make


def extent_cases() -> list[Case]:
    from tests.hostile.corpus import INPUT_ERROR, READABLE, Case

    far = '<row r="3">' + text_cell("x", "XFD1048576", first="t") + "</row>"
    wide_row = '<row r="3000">' + "<c><v>1</v></c>" * 20_000 + "</row>"
    counted_rows = "<row/>" * 600_000 + "<row>" + "<c><v>1</v></c>" * 70 + "</row>"
    prefixed = '<x:row r="3">' + text_cell("x", "XFD1048576", "x:") + "</x:row>"
    trailing = [
        ods_row("".join(ods_cell(v) for v in values) + ods_cell(None, 16_384 - len(values))) for values in (HEADER, ROW)
    ]
    return [
        Case("cell-attributes-reordered.xlsx", INPUT_ERROR, xlsx(sheet_xml([*list_rows(), far])), "超过"),
        Case("cells-without-reference.xlsx", INPUT_ERROR, xlsx(sheet_xml([*list_rows(), wide_row])), "超过"),
        Case("rows-without-reference.xlsx", INPUT_ERROR, xlsx(sheet_xml([*list_rows(), counted_rows])), "超过"),
        Case("prefixed-cells.xlsx", INPUT_ERROR, xlsx(sheet_xml([*list_rows("x:"), prefixed], prefix="x:")), "超过"),
        Case("whole-sheet-merge.xlsx", READABLE, xlsx(sheet_xml(list_rows(), ["A8:XFD1048576", "G1:XFD2"]))),
        Case("ods-30m-rows.ods", INPUT_ERROR, ods([*ods_list_rows(), ods_row(ods_cell("x"), 30_000_000)]), "重复"),
        Case("ods-rows-by-columns.ods", INPUT_ERROR, ods([ods_row(ods_cell("x", 20_000), 20_000)]), "超过"),
        Case("ods-trailing-repeats.ods", READABLE, ods([*trailing, ods_row(ods_cell(None, 16_384), 1_048_574)])),
        Case("xls-far-cell.xls", INPUT_ERROR, xls(biff((0, 2, 0, 5), extra=[(65_535, 65_535, 1.0)])), "超过"),
        Case("xls-dimensions.xls", INPUT_ERROR, xls(biff((0, 0xFFFF_FFFF, 0, 0xFFFF))), "超过"),
        Case("xls-whole-sheet-merge.xls", READABLE, xls(biff((0, 2, 0, 5), merges=[(7, 65_535, 0, 255)]))),
    ]
