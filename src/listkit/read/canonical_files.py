"""The canonical .jsonl reader behind the format registry (listkit/formats); .json is read_json itself."""

from __future__ import annotations

from pathlib import Path

from listkit.model import ItemList
from listkit.read.canonical import read_jsonl
from listkit.read.canonical_table import read_canonical_table
from listkit.read.json_keys import bounded_lines


def jsonl_records(data: bytes, file: str, schema_name: str | None) -> ItemList:
    return read_jsonl(data.splitlines(), file, schema_name)


def jsonl_stream(path: Path, file: str, schema_name: str | None) -> ItemList:
    """From the path, never held whole: as columns when the file is shaped as listkit writes it, else line by
    line (a 200 MB line is refused, never held)."""
    table = read_canonical_table(path, file, schema_name)
    if table is not None:
        return table
    with path.open("rb") as lines:
        return read_jsonl(bounded_lines(lines), file, schema_name)
