"""Lists at a git revision: an input written ``REV:path`` (``HEAD~1:lists/交通.xlsx``) is read from ``git show``.

Only git on this machine, in the repository holding the current directory — never a network. An argument is a
revision only when it is not an existing path and has the ``<rev>:<path>`` shape, so a file whose name holds a
colon still reads as a file.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path, PurePosixPath

from listkit.errors import InputError
from listkit.model import ItemList
from listkit.read import read_list

# <rev>:<path>, rev without whitespace; not a Windows drive ("C:\…", a one-letter rev).
_REVISION = re.compile(r"^(?P<rev>[^\s:]{2,}|[^\s:A-Za-z]):(?P<path>[^:].*)$")


def is_revision(argument: str) -> bool:
    return not Path(argument).exists() and _REVISION.match(argument) is not None


def revision_bytes(spec: str, cwd: Path | None = None) -> bytes:
    """The bytes of ``REV:path`` as git stores them (``git show``, which also applies no textconv to a blob)."""
    try:
        done = subprocess.run(["git", "show", spec], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError:
        raise InputError("git-missing", spec=spec) from None
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise InputError("git-revision-unreadable", spec=spec, reason=reason[0] if reason else done.returncode)
    return done.stdout


def read_revision_or_file(
    argument: str, schema: str | None = None, *, password: str | None = None, cwd: Path | None = None
) -> ItemList:
    """One list from a file, or from ``REV:path`` when the argument names a revision (is_revision).

    The blob is written under its own file name (the suffix and the name both matter: readers sniff, and a
    department may come from the name) in a folder of its own, so that its records say the same source file
    as the working copy's; the list's file is then the revision spec, as a report should name it."""
    if not is_revision(argument):
        return read_list([argument], schema, password=password)
    data = revision_bytes(argument, cwd)
    name = PurePosixPath(argument.split(":", 1)[1]).name or "list"
    with tempfile.TemporaryDirectory(prefix="listkit-git-") as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        items = read_list([path], schema, password=password)  # read whole: nothing refers to the file after
    items.files = [argument]
    for layout in items.layouts:
        layout.file = argument
    return items


# git hands a textconv driver the older side of a diff as "$TMPDIR/XXXXXX_<name>" (diff.c, prep_temp_blob).
_GIT_TEMP_NAME = re.compile(r"^[A-Za-z0-9]{6}_(?P<name>.+)$")


def git_temp_name(path: Path) -> str | None:
    """The file's own name when ``path`` is one of git's temporary copies of a blob, else None."""
    match = _GIT_TEMP_NAME.match(path.name)
    temp = Path(os.environ.get("TMPDIR") or "/tmp")
    if match is None or path.parent.resolve() != temp.resolve():
        return None
    return match.group("name")


def read_as_named(path: Path, schema: str | None = None, *, password: str | None = None) -> ItemList:
    """One file as a list, read under its own name when git gave a temporary copy of it: a department or an
    edition may come from the file name, and git's random prefix would otherwise change them between the two
    sides of a diff (every line would differ)."""
    name = git_temp_name(path)
    if name is None:
        return read_list([path], schema, password=password)
    with tempfile.TemporaryDirectory(prefix="listkit-git-") as folder:
        named = Path(folder) / name
        shutil.copyfile(path, named)
        return read_list([named], schema, password=password)
