"""Validation throughput on a 100,000-record list (run on demand; not part of the test suite).

    .venv/bin/python benchmarks/bench_validate.py [--records 100000]

Builds the list from the bundled district sample (codes and names made unique per copy), then times
(1) the library's validate_list on the records in memory, and (2) the whole CLI on a CSV of the same list
(reading included), and prints records per second for each.
"""

from __future__ import annotations

import argparse
import csv
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from synthetic import big_list


def write_csv(items, path: Path) -> None:  # type: ignore[no-untyped-def]
    from listkit.schema import load_schema

    schema = load_schema(items.schema_name)
    keys = [f.key for f in schema.fields]
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        # 部门 too: the same item under two departments is not a duplicate, and the CLI must see the same list.
        writer.writerow([*(f.title for f in schema.fields), "部门"])
        for record in items.records:
            writer.writerow([*(record.values.get(k, "") for k in keys), record.department or ""])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=100_000)
    args = parser.parse_args()
    from listkit.validate import validate_list

    items = big_list(args.records)
    started = time.perf_counter()
    report = validate_list(items)
    library = time.perf_counter() - started
    print(
        f"validate_list  {args.records:>9,} records  {library:6.2f} s  {args.records / library:>10,.0f} records/s"
        f"  ({report.errors} errors, {report.warnings} warnings)"
    )
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.csv"
        write_csv(items, path)
        command = [sys.executable, "-m", "listkit", "validate", str(path), "--format", "json"]
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, check=False)
        whole = time.perf_counter() - started
    print(
        f"listkit validate (CLI, csv read included)  {whole:6.2f} s  {args.records / whole:>10,.0f} records/s"
        f"  exit {done.returncode}"
    )


if __name__ == "__main__":
    main()
