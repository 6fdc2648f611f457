"""Diff of two large editions (1% added, 1% cancelled, 2% adjusted); run on demand.

.venv/bin/python benchmarks/bench_diff.py [--records 100000]
"""

from __future__ import annotations

import argparse
import time

from synthetic import big_list, next_edition, strip_codes


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=100_000)
    args = parser.parse_args()
    from listkit.diff import diff_lists

    old = big_list(args.records)
    new = next_edition(old)
    without = [strip_codes(old), strip_codes(new)]
    for label, pair in (("with codes", (old, new)), ("without codes (identity, then fuzzy)", without)):
        started = time.perf_counter()
        changes = diff_lists(*pair)
        took = time.perf_counter() - started
        print(
            f"diff {args.records:,} vs {len(new.records):,} records, {label}: {took:.2f} s — "
            f"added {changes.count('added')}, cancelled {changes.count('cancelled')}, "
            f"adjusted {changes.count('adjusted')}, unchanged {changes.unchanged}"
        )


if __name__ == "__main__":
    main()
