"""Tell a file's real format from its bytes; the extension is only a hint (real '.xlsx' files are often .xls).

Beside spreadsheets and listkit's own files, lists as they are published: a web page (html), a Word document
(docx), a PDF, and what LibreOffice opens and listkit converts ("office": .doc, .wps, .et, .xlsb, .odt, .rtf …).
"""

from __future__ import annotations

import io
import zipfile
from typing import Literal

from listkit.errors import InputError
from listkit.read.guard import ZIP_ERRORS

Format = Literal["xlsx", "xls", "ods", "csv", "jsonl", "json", "html", "docx", "pdf", "office"]

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_PACKAGE = "EncryptedPackage"
_FOREIGN = (
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"BM", "BMP image"),
    (b"Rar!", "RAR archive"),
    (b"7z\xbc\xaf", "7z archive"),
    (b"\x1f\x8b", "gzip archive"),
)
# OLE streams that make a file a workbook; any other OLE file (a .doc, a .wps) is converted by LibreOffice.
_WORKBOOK_STREAMS = frozenset({"Workbook", "Book"})
# OLE streams of a word processor's document (.doc, and WPS's .wps, which keeps Word's layout).
_DOCUMENT_STREAMS = frozenset({"WordDocument"})
# The first thing a web page says of itself (after a BOM and blanks), lower-cased.
_HTML_STARTS = (b"<!doctype html", b"<html", b"<?xml", b"<head", b"<body", b"<meta", b"<table", b"<!--")


# Text files that are documents, not tables: a folder of lists often holds a README beside them.
_DOCUMENT_SUFFIXES = frozenset(
    {".md", ".markdown", ".rst", ".html", ".htm", ".xml", ".py", ".log", ".ini", ".yaml", ".yml", ".toml", ".doc"}
)


def sniff(data: bytes, file: str) -> Format:
    """The format of ``data`` (the whole file), or an InputError that says what the file is instead."""
    if not data:
        raise InputError("empty-file", file=file)
    if data.startswith(b"PK"):
        return _sniff_zip(data, file)
    if data.startswith(_OLE):
        return _sniff_ole(data, file)
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"{\\rtf"):
        return "office"
    if _is_html(data):
        return "html"
    for magic, kind in _FOREIGN:
        if data.startswith(magic):
            raise InputError("not-a-list-file", file=file, kind=kind)
    kind = _sniff_text(data)
    suffix = file[file.rfind(".") :].lower() if "." in file else ""
    if kind == "csv" and suffix in _DOCUMENT_SUFFIXES:
        raise InputError("not-a-list-file", file=file, kind=f"text document ({suffix})")
    return kind


def _sniff_ole(data: bytes, file: str) -> Format:
    """An OLE file by its streams, as olefile lists its directory (a stream's name can also occur in the bytes of
    another: Word's style 'Book Title' holds 'Book')."""
    import olefile

    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            streams = {entry[0] for entry in ole.listdir(streams=True, storages=False) if len(entry) == 1}
    except Exception as exc:  # olefile raises OSError, ValueError, IndexError … on a damaged container
        raise InputError("corrupt-workbook", file=file, reason=f"OLE: {exc}") from None
    # Excel stores an encrypted .xlsx inside an OLE container with an EncryptedPackage stream (read/decrypt.py
    # opens it before this is asked).
    if _ENCRYPTED_PACKAGE in streams:
        raise InputError("password-required", file=file)
    if streams & _WORKBOOK_STREAMS:
        return "xls"
    if streams & _DOCUMENT_STREAMS:
        return "office"
    raise InputError("corrupt-workbook", file=file, reason="OLE file with no workbook or document stream")


def _sniff_zip(data: bytes, file: str) -> Format:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "mimetype" in names and archive.read("mimetype").startswith(
                b"application/vnd.oasis.opendocument.spreadsheet"
            ):
                return "ods"
    except ZIP_ERRORS as exc:
        raise InputError("corrupt-workbook", file=file, reason=f"zip: {exc}") from None
    if "xl/workbook.bin" in names:
        return "office"  # .xlsb: binary parts the guards do not read; LibreOffice converts it
    if any(name.startswith("xl/") for name in names):
        return "xlsx"
    if "word/document.xml" in names:
        return "docx"
    if "mimetype" in names:
        return "office"  # an OpenDocument text or other document LibreOffice opens
    if any(name.startswith("ppt/") for name in names):
        raise InputError("not-a-list-file", file=file, kind="PowerPoint presentation")
    raise InputError("not-a-list-file", file=file, kind="zip archive")


def _is_html(data: bytes) -> bool:
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"\xff\xfe") or head.startswith(b"\xfe\xff"):
        head = head.decode("utf-16", errors="ignore").encode("ascii", errors="ignore").lstrip().lower()
    return head.startswith(_HTML_STARTS) and (b"<table" in data[: 1 << 20].lower() or b"<html" in head[:512])


def _sniff_text(data: bytes) -> Format:
    head = data[:65536].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"["):
        return "json"
    if head.startswith(b"{"):
        # A JSON document spans lines; a JSONL file has one complete object per line. A first line longer than
        # the head (a long header line) is not a document's opening line either.
        first_line, *rest = head.split(b"\n", 1)
        return "jsonl" if first_line.rstrip().endswith(b"}") or not rest else "json"
    return "csv"
