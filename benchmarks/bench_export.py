"""Exporting the 3,630-record district sample to every publication format (run on demand).

.venv/bin/python benchmarks/bench_export.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "district-power-list.xlsx"


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in ("xlsx", "html", "json", "csv", "md"):
            out = Path(tmp) / f"district.{fmt}"
            started = time.perf_counter()
            subprocess.run([sys.executable, "-m", "listkit", "export", str(SAMPLE), "-o", str(out)], check=True)
            took = time.perf_counter() - started
            print(
                f"export {fmt:<4} {took:5.2f} s  {out.stat().st_size / 1e6:6.1f} MB  (whole command, reading included)"
            )


if __name__ == "__main__":
    main()
