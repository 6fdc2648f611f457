"""Reading the files a command was given, the same way for every command."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from listkit.cli.console import err
from listkit.errors import InputError
from listkit.i18n import MESSAGES, t
from listkit.model import ItemList
from listkit.read import read_list
from listkit.read.duplicates import duplicate_files

if TYPE_CHECKING:
    from listkit.read import ReadSource


def read_inputs(files: Sequence[str], schema: str | None, password: str | None = None) -> ItemList:
    """One list from all files. Given several files, ones that are not lists at all are skipped with a warning,
    and so are copies of a file given before (read once: their records would otherwise count twice)."""
    items = read_list(files, schema, skip_foreign=len(files) > 1, password=password)
    for reason in items.skipped_files:
        err().print(t("skipped-file", reason=reason), style="yellow", markup=False, highlight=False)
    _warn_duplicates(items.duplicate_files)
    warn_layout_notes(items)
    return items


def _warn_duplicates(duplicates: Sequence[tuple[str, str]]) -> None:
    for copy, original in duplicates:
        err().print(t("duplicate-file", file=copy, original=original), style="yellow", markup=False, highlight=False)


def read_each(
    files: Sequence[str], schema: str | None, keep: list[ReadSource] | None = None, password: str | None = None
) -> list[ItemList]:
    """Each file as its own list (validate checks files separately), with the same skipping rule. Given
    ``keep``, what each file was read from is appended to it (read_list's ``keep``)."""
    lists: list[ItemList] = []
    skipped: list[str] = []
    # Read one by one, each file is its own list: a copy would repeat every finding of the file it copies.
    repeats = duplicate_files(files)
    _warn_duplicates([(files[copy], files[first]) for copy, first in sorted(repeats.items())])
    for index, file in enumerate(files):
        if index in repeats:
            continue
        try:
            lists.append(read_list([file], schema, keep=keep, password=password))
        except InputError as exc:
            if len(files) > 1 and exc.key == "not-a-list-file":
                skipped.append(exc.message())
                continue
            raise
    for reason in skipped:
        err().print(t("skipped-file", reason=reason), style="yellow", markup=False, highlight=False)
    if not lists:
        raise InputError("no-list-files", files=len(skipped))
    for items in lists:
        warn_layout_notes(items)
    return lists


def warn_layout_notes(items: ItemList) -> None:
    """Layout notes worth a warning on stderr, not only a line in --explain: those whose kind has a
    "warn.<kind>" text in the message catalogue (e.g. a hidden copy of a column whose content differs)."""
    for layout in items.layouts:
        for note in layout.notes:
            kind, *args = note.split(":")
            if f"warn.{kind}" in MESSAGES:
                text = t(f"warn.{kind}", file=layout.file, sheet=layout.sheet or "-", args=args)
                err().print(text, style="yellow", markup=False, highlight=False)
