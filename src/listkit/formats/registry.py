"""The machinery of the format registry: three kinds of entry, each naming its function lazily.

An entry names its function as a "package.module:function" string, imported on first use: registering every
format imports none of them, so `listkit --help` pays for no reader or writer. A plugin (or a test) may give a
function itself instead. The registrations themselves are in one place, listkit/formats/__init__.py.

- Reader: a kind of input file, as ``sniff`` names it → its sheets (``sheets``), or a list already (``records``).
- ListWriter: an ItemList → the bytes of a file; keyed by command: "import" (the canonical formats, also what
  ``apply`` writes) and "export" (publications).
- Renderer: a command's result (validate's Report, diff's ChangeSet, check's CheckResult, stats' Stats) → text
  or bytes.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol, TypeAlias, cast

if TYPE_CHECKING:
    from pathlib import Path

    from rich.console import RenderableType

    from listkit.formats.options import RenderOptions, WriteOptions
    from listkit.model import ItemList
    from listkit.read.grid import Grid

Target: TypeAlias = "str | Callable[..., Any]"  # "package.module:function", or the function itself


def load(target: Target) -> Any:
    """The function a target names, its module imported now (once: Python keeps it)."""
    if not isinstance(target, str):
        return target
    module, _, name = target.partition(":")
    return getattr(importlib.import_module(module), name)


class SheetReader(Protocol):
    def __call__(self, data: bytes, file: str, /) -> list[Grid]: ...


class RecordReader(Protocol):
    def __call__(self, data: bytes, file: str, schema_name: str | None, /) -> ItemList: ...


class StreamReader(Protocol):
    def __call__(self, path: Path, file: str, schema_name: str | None, /) -> ItemList: ...


class WriteList(Protocol):
    def __call__(self, items: ItemList, options: WriteOptions, /) -> bytes | Iterable[bytes]: ...


# A terminal renderer's result is rich renderables; any other's is the text or bytes of the output.
Rendered: TypeAlias = "str | bytes | Sequence[RenderableType]"


class Render(Protocol):
    def __call__(self, result: Any, options: RenderOptions, /) -> Rendered: ...


# Entries are NamedTuples, not dataclasses: immutable all the same, and made for free when `listkit --help`
# imports this list (a dataclass costs a compile of its methods: milliseconds for the lot).


class Reader(NamedTuple):
    """An input format: ``sheets`` (data, file) → the sheets, whose layout listkit then works out; or ``records``
    (data, file, schema_name) → the list, for a file that is one already. ``stream`` (path, file, schema_name)
    reads the same from the path without holding the file: used when the file's first bytes tell its kind."""

    kind: str  # as read.sniff names it
    sheets: Target | None = None
    records: Target | None = None
    stream: Target | None = None

    def sheet_reader(self) -> SheetReader | None:
        return None if self.sheets is None else cast(SheetReader, load(self.sheets))

    def record_reader(self) -> RecordReader | None:
        return None if self.records is None else cast(RecordReader, load(self.records))

    def stream_reader(self) -> StreamReader | None:
        return None if self.stream is None else cast(StreamReader, load(self.stream))


class ListWriter(NamedTuple):
    """An output of a list: ``write`` (items, WriteOptions) → bytes, or chunks of them (a large file is written
    as it is made). ``name`` is the --format value and the -o suffix that chooses it."""

    command: str  # "import" or "export"
    name: str
    write: Target
    help: str = ""
    needs_file: bool = False  # binary: never on stdout, -o required

    def writer(self) -> WriteList:
        return cast(WriteList, load(self.write))


class Renderer(NamedTuple):
    """An output of a command's result: ``render`` (result, RenderOptions) → text or bytes; with ``terminal``,
    rich renderables instead (coloured on a terminal, plain text into a file)."""

    command: str  # "validate", "diff", "check", "stats"
    name: str
    render: Target
    help: str = ""
    needs_file: bool = False  # binary or a page: -o required
    terminal: bool = False
    copies_input: bool = False  # a copy of the one input file (options.sources holds what it was read from)

    def renderer(self) -> Render:
        return cast(Render, load(self.render))


Entry: TypeAlias = "Reader | ListWriter | Renderer"
Output: TypeAlias = "ListWriter | Renderer"

_readers: dict[str, Reader] = {}
_outputs: dict[str, dict[str, Output]] = {}  # command → name → entry, in the order registered


def register(entry: Entry) -> None:
    """Add a format. A name already taken is an error: a plugin cannot silently replace a built-in format."""
    if isinstance(entry, Reader):
        if (entry.sheets is None) == (entry.records is None):
            raise ValueError(f"reader {entry.kind}: give sheets or records, one of them")
        if entry.kind in _readers:
            raise ValueError(f"a reader for {entry.kind} is registered already")
        _readers[entry.kind] = entry
        return
    named = _outputs.setdefault(entry.command, {})
    if entry.name in named:
        raise ValueError(f"{entry.command} has a format {entry.name} already")
    if named and type(next(iter(named.values()))) is not type(entry):
        raise ValueError(f"{entry.command}'s formats are all list writers or all renderers")
    named[entry.name] = entry


def unregister(entry: Entry) -> None:
    """Take a format away again (a test's toy format)."""
    if isinstance(entry, Reader):
        del _readers[entry.kind]
    else:
        del _outputs[entry.command][entry.name]


def reader(kind: str) -> Reader | None:
    return _readers.get(kind)


def outputs(command: str) -> tuple[Output, ...]:
    """The formats of a command's --format, in the order registered (the first is listed first in --help)."""
    return tuple(_outputs.get(command, {}).values())


def names(command: str) -> tuple[str, ...]:
    return tuple(_outputs.get(command, {}))


def list_writer(command: str, name: str) -> ListWriter:
    """The writer ``name`` of ``command``; a KeyError for a name not registered (the CLI lets none through)."""
    entry = _outputs[command][name]
    assert isinstance(entry, ListWriter), entry
    return entry


def renderer(command: str, name: str) -> Renderer:
    entry = _outputs[command][name]
    assert isinstance(entry, Renderer), entry
    return entry
