"""CSV/TSV in the encodings Chinese offices actually send: UTF-8 (with or without BOM), GBK/GB18030, UTF-16."""

from __future__ import annotations

import csv
import io

from listkit.errors import InputError
from listkit.read.grid import Grid


def decode(data: bytes, file: str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError("bad-encoding", file=file)


def _delimiter(text: str) -> str:
    sample = text[:8192]
    lines = sample.splitlines()[:20]
    best, best_score = ",", 0
    for candidate in (",", "\t", ";"):
        counts = [line.count(candidate) for line in lines if line.strip()]
        score = max(counts, default=0)
        if score > best_score:
            best, best_score = candidate, score
    return best


def read_csv(data: bytes, file: str) -> Grid:
    try:
        text = decode(data, file)
    except UnicodeDecodeError:
        raise InputError("bad-encoding", file=file) from None
    if "\x00" in text:
        raise InputError("bad-encoding", file=file)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    try:
        rows = [row for row in reader]
    except csv.Error as exc:
        raise InputError("file-unreadable", file=file, reason=str(exc)) from None
    return Grid(file=file, sheet=None, rows=rows)
