"""The canonical writers behind the format registry (listkit/formats): what `listkit import` and `listkit apply`
write, and every command reads back. Each takes the list and WriteOptions (which none of them needs)."""

from __future__ import annotations

from collections.abc import Iterator

from listkit.formats.options import WriteOptions
from listkit.model import ItemList
from listkit.write.canonical import json_document, jsonl_chunks
from listkit.write.table import csv_bytes, xlsx_bytes


def jsonl(items: ItemList, _options: WriteOptions) -> Iterator[bytes]:
    return jsonl_chunks(items)  # in chunks: a large list is written as it is made


def json(items: ItemList, _options: WriteOptions) -> bytes:
    return (json_document(items) + "\n").encode("utf-8")


def csv(items: ItemList, _options: WriteOptions) -> bytes:
    return csv_bytes(items)


def xlsx(items: ItemList, _options: WriteOptions) -> bytes:
    return xlsx_bytes(items)
