"""Workbooks whose bytes depend only on their content: an openpyxl save repacked, and the fixed dates of every
package's docProps/core.xml (the publication's too: write/rust_xlsx.py).

Sample files and golden test files are compared byte for byte, so nothing about the moment or the
machine of the save may leak into the package: not the document properties, not the zip timestamps.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from openpyxl import Workbook

FIXED_TIME = datetime(2000, 1, 1, 0, 0, 0)
_FIXED_W3CDTF = "2000-01-01T00:00:00Z"
# The earliest date a zip entry can hold; any fixed value would do, this one is the convention.
_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
CORE_XML = "docProps/core.xml"
_CORE_DATES = re.compile(rb"(<dcterms:(created|modified)\b[^>]*>)[^<]*(</dcterms:\2>)")


def workbook_bytes(wb: Workbook) -> bytes:
    """The .xlsx package of ``wb``, identical for identical content."""
    raw = io.BytesIO()
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    # openpyxl's save_workbook stamps `modified` with the wall clock regardless of what we set,
    # so the dates are fixed again in core.xml below.
    wb.save(raw)
    return _repack(raw.getvalue())


def _repack(package: bytes) -> bytes:
    """Rewrite every entry with a fixed timestamp and fixed core.xml dates, keeping the order."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(package)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for entry in source.infolist():
            data = source.read(entry.filename)
            if entry.filename == CORE_XML:
                data = fixed_core_dates(data)
            info = zipfile.ZipInfo(entry.filename, date_time=_ZIP_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            # Plain rw-r--r-- regular files; the default would carry no Unix mode at all.
            info.external_attr = 0o100644 << 16
            target.writestr(info, data)
    return out.getvalue()


def fixed_core_dates(xml: bytes) -> bytes:
    """docProps/core.xml with its created and modified dates set to FIXED_TIME."""
    return _CORE_DATES.sub(rb"\g<1>" + _FIXED_W3CDTF.encode() + rb"\g<3>", xml)
