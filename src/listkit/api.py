"""The library for scripts: what each command does, as a function returning the object the command renders.

Each function is a thin wrapper over the same core calls as its command (cli/*_cmd.py), so a script and the CLI
cannot disagree: ``validate_list`` returns the Report that ``listkit validate --format json`` prints, ``diff`` the
ChangeSet of ``listkit diff``, ``check`` the CheckResult of ``listkit check``, ``export`` the very bytes of
``listkit export``. Nothing here prints or exits; a file that cannot be read raises an InputError, a bad argument
a UsageError (both ListkitError, listkit.errors).

A list may be given as an ItemList already read, or as the path(s) to read it from (as ``read_list`` does).
``listkit/__init__.py`` exposes these functions lazily, so that ``import listkit`` stays cheap.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeAlias, overload

from listkit.check import check_lists, list_schema_for
from listkit.check.model import CheckResult
from listkit.diff import diff_lists, same_schema
from listkit.diff.apply import Entry, apply_entries
from listkit.diff.match import DEFAULT_MIN_SCORE
from listkit.diff.model import ChangeSet
from listkit.formats import names
from listkit.i18n import Lang
from listkit.model import ItemList
from listkit.read import read_list as read_files
from listkit.read.change_order import read_change_order
from listkit.read.change_order_json import entries_from_json
from listkit.render.change_order_json import changeset_json
from listkit.schema import load_schema
from listkit.stats import Stats
from listkit.stats import compute_stats as stats_of
from listkit.validate import Report, combine
from listkit.validate import validate_list as validate_one
from listkit.write import format_from_path, joined
from listkit.write.atomic import check_output, write_bytes_atomic
from listkit.write.export import publication

__all__ = [
    "ChangeOrder",
    "ListSource",
    "PathLike",
    "Paths",
    "apply",
    "check",
    "compute_stats",
    "diff",
    "export",
    "read_list",
    "validate_list",
]

PathLike: TypeAlias = "str | os.PathLike[str]"
Paths: TypeAlias = "PathLike | Sequence[PathLike]"
# A list already read, or the file(s) to read it from.
ListSource: TypeAlias = "ItemList | PathLike | Sequence[PathLike]"
# A change order: a file (diff's json, a 调整情况表 workbook), diff's json document parsed, or a diff's result.
ChangeOrder: TypeAlias = "PathLike | Mapping[str, Any] | ChangeSet"


def read_list(paths: Paths, schema: str | None = None, password: str | None = None) -> ItemList:
    """Read one file, or many into one list, as every command reads its inputs.

    ``paths``: a path or a sequence of them (xlsx, xls, ods, csv, jsonl, json, and the published formats listkit
    reads). ``schema``: a bundled schema's name or a schema file's path (default: detected from the headers).
    ``password`` opens workbooks locked with one. Given several files, ones that are not lists at all are left
    out and named in the result's ``skipped_files`` (the CLI warns of them), as are repeats of a file given
    before (``duplicate_files``).
    """
    files = _paths(paths)
    return read_files(files, schema, skip_foreign=len(files) > 1, password=password)


def validate_list(
    items: ItemList | Iterable[ItemList],
    *,
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    strict: bool = False,
    max_errors: int | None = None,
) -> Report:
    """The schema checks and list-level rules of ``listkit validate``: the Report its ``--format json`` prints.

    ``items``: one list, or several (each validated on its own, as the CLI validates each file: one file's
    records are no duplicates of another's), reported together. ``select`` / ``ignore``: rule ids (an unknown id
    is a UsageError). ``strict``: warnings make the report invalid too. ``max_errors``: list at most that many
    errors (the counts stay complete).
    """
    lists = [items] if isinstance(items, ItemList) else list(items)
    selected, ignored = list(select), list(ignore)  # each list is validated with them: an iterator would run dry
    reports = (validate_one(one, select=selected, ignore=ignored) for one in lists)
    return combine(reports, strict=strict, max_errors=max_errors)


def diff(
    old: ListSource,
    new: ListSource,
    *,
    key: str | None = None,
    fuzzy: bool = True,
    min_score: float = DEFAULT_MIN_SCORE,
    cosmetic: bool = False,
    schema: str | None = None,
    password: str | None = None,
) -> ChangeSet:
    """新增 / 取消 / 调整 between two editions, as ``listkit diff``: its ChangeSet (``.changes``, ``.count(kind)``).

    ``key``: match on this field first (default: the item code). ``fuzzy=False``: exact matches only.
    ``min_score``: the lowest similarity (0–1) of a fuzzy match. ``cosmetic``: also keep the whitespace/width-only
    and 序号-only differences (``--show-cosmetic``). Both editions must be lists of one schema (a UsageError
    otherwise); ``schema`` and ``password`` are used to read the ones given as paths.
    """
    before, after = _list(old, schema, password), _list(new, schema, password)
    same_schema(before, after)
    return diff_lists(before, after, key=key, fuzzy=fuzzy, min_score=min_score, cosmetic=cosmetic)


def apply(
    items: ListSource, change_order: ChangeOrder, *, schema: str | None = None, password: str | None = None
) -> ItemList:
    """A change order replayed onto a base list, as ``listkit apply``: the new list (the base is left as it was).

    ``change_order``: a file (diff's json, or a 调整情况表 workbook: diff's xlsx or one a clerk wrote), diff's json
    document already parsed, or the ChangeSet ``diff`` returned. A change that does not fit the base (a record to
    change that it does not hold, an addition it holds already) raises an InputError naming the change, and
    nothing is applied.
    """
    base = _list(items, schema, password)
    return apply_entries(base, _entries(change_order, base.schema_name))


def check(
    items: ListSource,
    catalogue: ListSource,
    *,
    level: str | None = None,
    scope: str = "both",
    compare: Sequence[str] = (),
    cancelled: ListSource | None = None,
    fuzzy: bool = True,
    min_score: float = DEFAULT_MIN_SCORE,
    schema: str | None = None,
    catalogue_schema: str | None = None,
    password: str | None = None,
) -> CheckResult:
    """A list held against the catalogue it must follow, as ``listkit check``: its CheckResult (``.summary``:
    reference, conforming, differs, missing, extra, out_of_level, cancelled; ``.items``; ``.fails_on(statuses)``).

    ``level``: the list's level, e.g. '县级' (default: from its level column). ``scope``: 'covers' (what the
    catalogue requires), 'within' (what the list has beyond it) or 'both'. ``compare``: more fields to compare
    (body, office …). ``cancelled``: items cancelled since the catalogue was published. Read from paths, the
    catalogue takes ``catalogue_schema`` (a derived list's master list), else ``schema``, else is detected; the
    list takes ``schema``, else the catalogue's schema file where that is the user's own, else is detected.
    """
    reference = _list(catalogue, catalogue_schema or schema, password)
    own = _list(items, schema or list_schema_for(reference.schema_name), password)
    gone = _list(cancelled, reference.schema_name, password) if cancelled is not None else None
    return check_lists(
        own,
        reference,
        level=level,
        scope=scope,
        compare=list(compare),
        cancelled=gone,
        fuzzy=fuzzy,
        min_score=min_score,
    )


def compute_stats(
    items: ListSource, by: str | None = None, *, rates: Sequence[str] = (), schema: str | None = None
) -> Stats:
    """Records and items per group, with a total row, as ``listkit stats``: its Stats (``.rows``, ``.total``,
    ``.as_json()``).

    ``by``: type, department, level, or any schema field by key or title (default: type, or department for a list
    without types). ``rates``: 'FIELD' (the share of records saying yes) or 'FIELD=VALUE', per group and in total.
    """
    return stats_of(_list(items, schema, None), by, rates=rates)


@overload
def export(
    items: ListSource,
    target: None = None,
    *,
    format: str | None = None,
    title: str | None = None,
    group_by: str = "type",
    lang: Lang = "zh",
) -> bytes: ...


@overload
def export(
    items: ListSource,
    target: PathLike,
    *,
    format: str | None = None,
    title: str | None = None,
    group_by: str = "type",
    lang: Lang = "zh",
) -> None: ...


def export(
    items: ListSource,
    target: PathLike | None = None,
    *,
    format: str | None = None,
    title: str | None = None,
    group_by: str = "type",
    lang: Lang = "zh",
) -> bytes | None:
    """A publication of the list, as ``listkit export``: byte for byte the file it writes.

    ``format``: 'xlsx' (the print-ready workbook), 'html' (the offline catalogue), 'json', 'csv' or 'md' (open
    data); default: from ``target``'s suffix, else xlsx. ``title``: default the list's own (e.g.
    示例县权责清单（2024年版）). ``group_by``: the workbook's sheets per 'type' or per 'department'. ``lang``: the
    language of the words listkit adds (zh, en). Given ``target``, the file is written whole or not at all and
    None is returned (a target that is one of the list's own files is refused); else the bytes are returned.
    """
    path = Path(target) if target is not None else None
    fmt = format or (format_from_path(path, names("export")) if path is not None else "xlsx")
    if path is not None:
        check_output(path, _inputs(items))  # before the work, as the CLI does: a wrong path costs no long read
    listed = _list(items, None, None)
    data = publication(listed, fmt, title=title, group_by=group_by, lang=lang)
    if path is None:
        return joined(data)
    # Never over a file the list came from, whether the script gave its path or the list read from it.
    write_bytes_atomic(path, data, [*_inputs(items), *listed.files])
    return None


def _paths(paths: Paths) -> list[str | Path]:
    """A path or a sequence of them as read_list takes them (a str is one path, not a sequence of letters)."""
    if isinstance(paths, str | os.PathLike):
        return [Path(paths)]
    return [Path(path) for path in paths]


def _list(source: ListSource, schema: str | None, password: str | None) -> ItemList:
    return source if isinstance(source, ItemList) else read_list(source, schema, password)


def _inputs(source: ListSource) -> list[str | Path]:
    """The files a list is to be read from: an output must be none of them."""
    return [] if isinstance(source, ItemList) else _paths(source)


def _entries(change_order: ChangeOrder, schema_name: str) -> list[Entry]:
    if isinstance(change_order, ChangeSet):
        # Through the json document `listkit diff --format json` writes: apply takes a diff's result exactly as
        # it takes that file. The cosmetic section is given when the ChangeSet kept it (diff(..., cosmetic=True)).
        document = changeset_json(change_order, "", show_cosmetic=True)
        return entries_from_json(document, "<diff>", load_schema(schema_name))
    if isinstance(change_order, Mapping):
        return entries_from_json(dict(change_order), "<change order>", load_schema(schema_name))
    return read_change_order(Path(change_order), schema_name)
