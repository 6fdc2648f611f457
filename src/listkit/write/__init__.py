"""Writers: each turns an ItemList into the bytes of one output format (registered in listkit/formats);
atomic.py puts them on disk."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from listkit.errors import UsageError
from listkit.formats import list_writer, names
from listkit.formats.options import WriteOptions
from listkit.model import ItemList


def format_from_path(path: Path, formats: Sequence[str] | None = None) -> str:
    """The format an output's suffix names, one of ``formats`` (default: the canonical ones, import's)."""
    known = tuple(formats) if formats is not None else names("import")
    suffix = path.suffix.lower().lstrip(".")
    if suffix in known:
        return suffix
    raise UsageError("output-format", file=str(path), formats=", ".join(known))


def joined(data: bytes | Iterable[bytes]) -> bytes:
    """A writer's output whole, were it made in chunks."""
    return data if isinstance(data, bytes) else b"".join(data)


def canonical_writer(fmt: str) -> Callable[[ItemList], bytes]:
    """The canonical writers (what `listkit import` produces, and every command reads back)."""
    chunks = canonical_chunks(fmt)
    return lambda items: joined(chunks(items))


def canonical_chunks(fmt: str) -> Callable[[ItemList], Iterable[bytes]]:
    """The same, in chunks where the format allows it (jsonl): for writing large lists to a file."""
    if fmt not in names("import"):
        raise UsageError("output-format", file=fmt, formats=", ".join(names("import")))
    write = list_writer("import", fmt).writer()

    def chunks(items: ItemList) -> Iterable[bytes]:
        data = write(items, WriteOptions())
        return [data] if isinstance(data, bytes) else data

    return chunks
