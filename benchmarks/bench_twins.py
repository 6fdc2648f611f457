"""Each column path against the record path it mirrors, at province scale (run on demand, not in the tests).

    .venv/bin/python benchmarks/generate.py 100000 /tmp/bench
    .venv/bin/python benchmarks/bench_twins.py STEP [--without TWIN] [--dir /tmp/bench] [--size 100000]

STEP is one whole operation, in-process: `read-xlsx`, `read-jsonl`, `write-jsonl` (read the xlsx, then write
the canonical lines: the main job) or `validate` (read the jsonl, then validate). `--without TWIN` switches one
column path off, so that the same step takes the record path: `column_rows` (the sheet as columns, and so the
column body with it), `column_body`, `canonical_table`, `canonical_columns` or `columnar`. Time the two with
any whole-process timer (`/usr/bin/time`, hyperfine) alternately; the medians are in each twin's docstring and
the README.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any


@contextlib.contextmanager
def without(twin: str | None) -> Iterator[None]:
    """The twin's entry point answers 'not for this input', exactly as it does for an input it cannot take."""
    import listkit.read.canonical_table as canonical_table
    import listkit.read.column_body as column_body
    import listkit.read.excel as excel
    import listkit.validate.columnar as columnar
    import listkit.write.canonical_columns as canonical_columns

    def none(*_args: Any, **_kwargs: Any) -> None:
        return None

    targets: dict[str, tuple[Any, str]] = {
        "column_rows": (excel._Workbook, "column_grid"),
        "column_body": (column_body, "read_body"),
        "canonical_table": (canonical_table, "read_canonical_table"),
        "canonical_columns": (canonical_columns, "jsonl_lines"),
        "columnar": (columnar, "compile_columns"),
    }
    if twin is None:
        yield
        return
    owner, name = targets[twin]
    saved = getattr(owner, name)
    setattr(owner, name, none)
    try:
        yield
    finally:
        setattr(owner, name, saved)


def run(step: str, folder: Path, size: int) -> int:
    from listkit.read import read_list

    if step in ("read-xlsx", "write-jsonl"):
        items = read_list([folder / f"list-{size}.xlsx"])
        if step == "read-xlsx":
            return items.size
        from listkit.write.canonical import jsonl_chunks

        return sum(len(chunk) for chunk in jsonl_chunks(items))  # the main job: a workbook into canonical lines
    items = read_list([folder / f"list-{size}.jsonl"])
    if step == "read-jsonl":
        return items.size
    if step == "validate":
        from listkit.validate import validate_list

        return len(validate_list(items).findings)
    raise SystemExit(f"unknown step {step}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("step", choices=["read-xlsx", "read-jsonl", "write-jsonl", "validate"])
    parser.add_argument("--without")
    parser.add_argument("--dir", type=Path, default=Path("/tmp/bench"))
    parser.add_argument("--size", type=int, default=100_000)
    args = parser.parse_args()
    with without(args.without):
        print(run(args.step, args.dir, args.size), file=sys.stderr)


if __name__ == "__main__":
    main()
