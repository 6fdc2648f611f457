"""`listkit check` at city scale: a 100,000-record list against a 5,000-item catalogue, --by department.

    .venv/bin/python benchmarks/generate.py 100000 /tmp/bench
    .venv/bin/python benchmarks/bench_check.py [--dir /tmp/bench] [--size 100000]

The catalogue is made from the generated list: every distinct item of its first county, as a city catalogue
(市级、县级, the city's departments, no codes), plus city-only items up to 5,000, a few of the shared ones renamed
or re-based. The list is the whole generated file (every county's departments): each catalogue item is taken up
by one county and the other counties' copies are extra — the fuzzy stage has the most to do. Prints the whole
command's wall time and the summary.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

CATALOGUE_ITEMS = 5_000


def catalogue(source: Path, target: Path) -> int:
    lines = source.read_text(encoding="utf-8").splitlines()
    header, records = lines[0], [json.loads(line) for line in lines[1:]]
    first_county = records[0]["department"][:6]
    own = [r for r in records if r["department"].startswith(first_county)]
    made = []
    for number, record in enumerate(own):
        record = {k: v for k, v in record.items() if k not in ("code", "source", "seq")}
        record["department"] = record["department"].replace(first_county, "示例市")
        record["level"] = "市级、县级"
        if number % 97 == 0:
            record["name"] = record["name"] + "（含变更）"
        made.append(record)
    extra = 0
    while len(made) < CATALOGUE_ITEMS:
        base = dict(made[extra % len(own)])
        base["name"] = f"市级专有事项{extra:04d}：" + base["name"]
        base["level"] = "市级"
        made.append(base)
        extra += 1
    target.write_text(
        header + "\n" + "\n".join(json.dumps(r, ensure_ascii=False) for r in made) + "\n", encoding="utf-8"
    )
    return len(made)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", type=Path, default=Path("/tmp/bench"))
    parser.add_argument("--size", type=int, default=100_000)
    args = parser.parse_args()
    listed = args.dir / f"list-{args.size}.jsonl"
    reference = args.dir / "catalogue-5000.jsonl"
    count = catalogue(listed, reference)
    report = args.dir / "check.json"
    command = [
        str(Path(sys.executable).with_name("listkit")),
        "check", str(listed), "--against", str(reference), "--by", "department", "-f", "json", "-o", str(report),
    ]  # fmt: skip
    start = time.perf_counter()
    finished = subprocess.run(command, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    summary = json.loads(report.read_text(encoding="utf-8"))["summary"] if report.exists() else finished.stderr
    print(f"check {args.size:,} records against {count:,} catalogue items, --by department: {elapsed:.2f} s")
    print(f"exit {finished.returncode}: {summary}")


if __name__ == "__main__":
    main()
