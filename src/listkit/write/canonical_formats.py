"""The canonical writers behind the format registry (listkit/formats): what `listkit import` and `listkit apply`
write, and every command reads back. Each takes the list and WriteOptions (which none of them needs)."""

from __future__ import annotations

from collections.abc import Iterator

from listkit.formats.options import WriteOptions
from listkit.model import ItemList


def jsonl(items: ItemList, _options: WriteOptions) -> Iterator[bytes]:
    from listkit.write.canonical import jsonl_chunks

    return jsonl_chunks(items)  # in chunks: a large list is written as it is made


def json(items: ItemList, _options: WriteOptions) -> bytes:
    from listkit.write.canonical import json_document

    return (json_document(items) + "\n").encode("utf-8")


def csv(items: ItemList, _options: WriteOptions) -> bytes:
    from listkit.write.table import csv_bytes

    return csv_bytes(items)


def xlsx(items: ItemList, _options: WriteOptions) -> bytes:
    from listkit.write.table import xlsx_bytes

    return xlsx_bytes(items)
