"""The xlsx writer of the publication: rust_xlsxwriter, through the rvgsrust-xlsxwriter binding.

XlsxWriter is pure Python and was most of an export's time (a million records: 134 s); rust_xlsxwriter is the
same author's port of it to Rust, writing the same XML, about three times faster per cell here, and it saves
(XML and deflate) without holding the GIL. What this module adds: formats from the XlsxWriter-style property
dicts the layout code speaks, the Normal font the column widths are planned in, and a package whose bytes depend
on its content only (the binding stamps the save's moment into docProps/core.xml).
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from typing import Any

from listkit.cells import note_controls_in
from listkit.write.page_plan import NORMAL_FONT
from listkit.write.stable_xlsx import CORE_XML, fixed_core_dates

# Excel's Normal style at Verdana 11: rows 15 pt (20 px); columns 8.43 digits of 7 px plus padding (64 px).
_DEFAULT_ROW_PX, _DEFAULT_COL_PX = 20, 64
_ALIGN = {"center": "center", "right": "right", "left": "left"}
_VALIGN = {"top": "top", "vcenter": "center", "bottom": "bottom"}


def new_book() -> Any:
    """A workbook whose sheets are added with ``add_sheet``."""
    import rvgsrust_xlsxwriter

    book = rvgsrust_xlsxwriter.Workbook()
    normal = add_format(book, {"font_name": NORMAL_FONT["font_name"], "font_size": NORMAL_FONT["font_size"]})
    book.set_default_format(normal, _DEFAULT_ROW_PX, _DEFAULT_COL_PX)
    return book


def add_sheet(book: Any, name: str) -> Any:
    """A sheet held in memory until the save. Not the binding's constant-memory mode: it refuses a second
    vertical merge starting on a row (the first one's blanks below count as written), and the publication merges
    an item's 序号, name and type down its sub-items; nor would it save memory where it counts, at the save,
    which assembles each sheet's XML in memory either way (2.6 against 3.4 GB for a million rows)."""
    return book.add_worksheet(name)


def add_format(book: Any, properties: dict[str, Any]) -> Any:
    """A format from XlsxWriter-style ``properties`` (the subset listkit's paper uses)."""
    style = book.add_format()
    if "font_name" in properties:
        style.set_font_name(properties["font_name"])
    if "font_size" in properties:
        style.set_font_size(float(properties["font_size"]))
    if properties.get("bold"):
        style.set_bold()
    if properties.get("text_wrap"):
        style.set_text_wrap()
    if properties.get("border"):
        style.set_border("thin")
    if "align" in properties:
        style.set_align(_ALIGN[properties["align"]])
    if "valign" in properties:
        style.set_vertical_align(_VALIGN[properties["valign"]])
    if "bg_color" in properties:
        style.set_background_color(properties["bg_color"])
    return style


def write_row(sheet: Any, row: int, col: int, texts: list[str], style: Any) -> None:
    """Strings (never formulas or numbers) from (``row``, ``col``) on; an empty text is a blank cell keeping
    ``style``."""
    note_controls_in(texts)
    sheet.write_row(row, col, texts, style)


def package(book: Any) -> bytes:
    """The saved workbook, its creation and modification dates fixed (the rest of the package already is:
    rust_xlsxwriter writes every zip entry with the 1980 epoch)."""
    return _with_fixed_dates(book.save_to_buffer())


def _with_fixed_dates(saved: bytes) -> bytes:
    """``saved`` with docProps/core.xml's dates replaced; the other entries copied as they were compressed.

    Re-deflating a province's sheets took as long as writing them, so every other entry is copied byte for byte
    (local header and data, read through zipfile's own directory) and only core.xml is deflated anew."""
    source = zipfile.ZipFile(io.BytesIO(saved))
    out = io.BytesIO()
    directory: list[bytes] = []
    for info in source.infolist():
        offset = out.tell()
        if info.filename == CORE_XML:
            data = fixed_core_dates(source.read(info.filename))
            info.CRC = zlib.crc32(data)
            info.file_size = len(data)
            deflate = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
            body = deflate.compress(data) + deflate.flush()
            info.compress_size = len(body)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.flag_bits &= ~0x08  # sizes in the local header, no data descriptor after the body
            out.write(info.FileHeader() + body)
        else:
            out.write(_local_entry(saved, info))
        info.header_offset = offset
        directory.append(_central_record(info))
    start = out.tell()
    out.write(b"".join(directory))
    size = out.tell() - start
    out.write(struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(directory), len(directory), size, start, 0))
    return out.getvalue()


def _local_entry(saved: bytes, info: zipfile.ZipInfo) -> bytes:
    """The entry's local header, data and data descriptor (if any) as they are in ``saved``."""
    start = info.header_offset
    name_length, extra_length = struct.unpack("<HH", saved[start + 26 : start + 30])
    end = start + 30 + name_length + extra_length + info.compress_size
    if info.flag_bits & 0x08:
        end += 16 if saved[end : end + 4] == b"PK\x07\x08" else 12
    return saved[start:end]


def _central_record(info: zipfile.ZipInfo) -> bytes:
    name = info.filename.encode("utf-8")
    dos_date = (info.date_time[0] - 1980) << 9 | info.date_time[1] << 5 | info.date_time[2]
    dos_time = info.date_time[3] << 11 | info.date_time[4] << 5 | info.date_time[5] // 2
    return (
        struct.pack(
            "<4s6H3L5H2L",
            b"PK\x01\x02",
            info.create_version | info.create_system << 8,
            info.extract_version,
            info.flag_bits,
            info.compress_type,
            dos_time,
            dos_date,
            info.CRC,
            info.compress_size,
            info.file_size,
            len(name),
            0,
            0,
            0,
            info.internal_attr,
            info.external_attr,
            info.header_offset,
        )
        + name
    )
