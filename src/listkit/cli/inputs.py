"""Reading the files a command was given, the same way for every command."""

from __future__ import annotations

from collections.abc import Sequence

from listkit.model import ItemList


def read_inputs(files: Sequence[str], schema: str | None) -> ItemList:
    """One list from all files. Given several files, ones that are not lists at all are skipped with a warning."""
    from listkit.cli.console import err
    from listkit.i18n import t
    from listkit.read import read_list

    items = read_list(files, schema, skip_foreign=len(files) > 1)
    for reason in items.skipped_files:
        err().print(t("skipped-file", reason=reason), style="yellow", markup=False, highlight=False)
    return items


def read_each(files: Sequence[str], schema: str | None) -> list[ItemList]:
    """Each file as its own list (validate checks files separately), with the same skipping rule."""
    from listkit.cli.console import err
    from listkit.errors import InputError
    from listkit.i18n import t
    from listkit.read import read_list

    lists: list[ItemList] = []
    skipped: list[str] = []
    for file in files:
        try:
            lists.append(read_list([file], schema))
        except InputError as exc:
            if len(files) > 1 and exc.key == "not-a-list-file":
                skipped.append(exc.message())
                continue
            raise
    for reason in skipped:
        err().print(t("skipped-file", reason=reason), style="yellow", markup=False, highlight=False)
    if not lists:
        raise InputError("no-list-files", files=len(skipped))
    return lists
