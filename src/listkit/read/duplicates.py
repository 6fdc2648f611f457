"""Files given twice: byte-identical copies among the inputs ('a.xlsx' and 'a (1).xlsx', a download repeated).

Collecting a city's files by hand often yields the same workbook under two names; read twice, every record
would count twice and every item would look duplicated. Only files whose size equals another input's are
hashed (most inputs differ in size, so most are never read here), and those are hashed in chunks.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path


def duplicate_files(paths: Sequence[str | Path]) -> dict[int, int]:
    """Index of each input that repeats an earlier one byte for byte → index of the first one it repeats.

    Paths that cannot be looked at are left out: reading them reports the error that says why.
    """
    sizes: dict[int, list[int]] = {}
    for index, path in enumerate(paths):
        try:
            file = Path(path)
            if file.is_file():
                sizes.setdefault(file.stat().st_size, []).append(index)
        except OSError:
            continue
    repeats: dict[int, int] = {}
    for indices in sizes.values():
        if len(indices) < 2:
            continue
        first: dict[bytes, int] = {}
        for index in indices:
            digest = _digest(Path(paths[index]))
            if digest is None:
                continue
            if digest in first:
                repeats[index] = first[digest]
            else:
                first[digest] = index
    return repeats


def _digest(path: Path) -> bytes | None:
    try:
        with path.open("rb") as handle:
            return hashlib.file_digest(handle, "sha256").digest()
    except OSError:
        return None
