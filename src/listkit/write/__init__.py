"""Writers: each turns an ItemList into the bytes of one output format; atomic.py puts them on disk."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from listkit.errors import UsageError
from listkit.model import ItemList

CANONICAL_FORMATS = ("jsonl", "json", "csv", "xlsx")


def format_from_path(path: Path, formats: tuple[str, ...] = CANONICAL_FORMATS) -> str:
    suffix = path.suffix.lower().lstrip(".")
    if suffix in formats:
        return suffix
    raise UsageError("output-format", file=str(path), formats=", ".join(formats))


def canonical_writer(fmt: str) -> Callable[[ItemList], bytes]:
    """The canonical writers (what `listkit import` produces, and every command reads back)."""
    if fmt == "jsonl":
        from listkit.write.canonical import jsonl_bytes

        return jsonl_bytes
    if fmt == "json":
        from listkit.write.canonical import json_document

        return lambda items: (json_document(items) + "\n").encode("utf-8")
    if fmt == "csv":
        from listkit.write.table import csv_bytes

        return csv_bytes
    if fmt == "xlsx":
        from listkit.write.table import xlsx_bytes

        return xlsx_bytes
    raise UsageError("output-format", file=fmt, formats=", ".join(CANONICAL_FORMATS))


def canonical_chunks(fmt: str) -> Callable[[ItemList], Iterable[bytes]]:
    """The same, in chunks where the format allows it (jsonl): for writing large lists to a file."""
    if fmt == "jsonl":
        from listkit.write.canonical import jsonl_chunks

        return jsonl_chunks
    whole = canonical_writer(fmt)
    return lambda items: [whole(items)]
