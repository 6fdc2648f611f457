"""Reading the published workbooks in ../shared/real together (run on demand; they are not in this repository).

.venv/bin/python benchmarks/bench_import_real.py
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

REAL = Path(__file__).resolve().parents[2] / "shared" / "real"


def main() -> None:
    from listkit.read import read_list

    files = sorted(p for p in REAL.glob("*") if p.suffix.lower() in (".xls", ".xlsx"))
    if not files:
        print(f"no workbooks in {REAL}")
        return
    timings = []
    for _ in range(5):
        started = time.perf_counter()
        items = read_list(files)
        timings.append(time.perf_counter() - started)
    print(
        f"read {len(files)} workbooks, {len(items.records):,} records: median {statistics.median(timings):.2f} s "
        f"(min {min(timings):.2f} s, max {max(timings):.2f} s, 5 runs)"
    )


if __name__ == "__main__":
    main()
