"""Time listkit's import, validate, diff, check, stats and export beside the tools a data-minded clerk would try:
frictionless (validate, on the same csv and the same xlsx), daff and datacompy (diff, on canonical jsonl and on
the same csv and xlsx files the peers read), pandas + openpyxl (import, export), and python-calamine alone (the
floor for reading a workbook). Every step runs as its own process, timed with its peak memory.

    .venv/bin/pip install -e ".[bench]"
    .venv/bin/python benchmarks/run.py --sizes 10000,100000,1000000 --peers-max 100000 --repeat 3 --memory

Prints a Markdown table (and writes it to benchmarks/RESULTS.md): seconds, records/s, peak RSS, and for each
step the peer's time and the peer/listkit ratio (medians of --repeat runs, listkit and peer alternated). Data is
generated once into benchmarks/data/ (git-ignored).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_check import catalogue as make_catalogue  # noqa: E402
from generate import build  # noqa: E402

PY = sys.executable
BIN = Path(sys.executable).parent  # the peers' command-line tools live beside this interpreter
LISTKIT = [PY, "-m", "listkit"]
GNU_TIME = shutil.which("time") or "/usr/bin/time"
MEMORY_BUDGET_MB = 1_536  # a province (1M records) on an office machine: 1.5 GB a command


@dataclass
class Timing:
    seconds: float
    peak_mb: float
    ok: bool


def timed(command: list[str], timeout: float, findings_ok: bool = True) -> Timing:
    """Wall time and peak RSS of one process (GNU time's %M), or a timeout."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        started = time.perf_counter()
        try:
            done = subprocess.run(
                [GNU_TIME, "-f", "%M", "-o", report.name, *command],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                timeout=timeout,
                env={**os.environ, "LISTKIT_QUIET": "1"},
            )
        except subprocess.TimeoutExpired:
            return Timing(timeout, 0.0, False)
        took = time.perf_counter() - started
        lines = [line for line in Path(report.name).read_text().splitlines() if line.strip().isdigit()]
        peak = int(lines[-1]) / 1024 if lines else 0.0
    # listkit exits 1 for findings (still a complete run); a peer must exit 0.
    return Timing(took, peak, done.returncode in ((0, 1) if findings_ok else (0,)))


def median(runs: list[Timing]) -> Timing:
    """The median run by time (the upper one of an even count), with the largest peak memory seen; failed if any
    run failed."""
    ordered = sorted(runs, key=lambda run: run.seconds)
    middle = ordered[len(ordered) // 2]
    return Timing(middle.seconds, max(run.peak_mb for run in runs), all(run.ok for run in runs))


KEYS = ["seq", "code", "name", "sub_name", "type", "basis", "body", "office", "level", "remark", "department"]
# The header of the csv and the xlsx (benchmarks/generate.py), in KEYS' order: the peers name fields by it.
HEADERS = [
    *("序号", "事项编码", "事项名称", "子项名称", "权力类型", "实施依据"),
    *("行使主体", "承办机构", "行使层级", "备注", "部门"),
]


def frictionless_schema(path: Path) -> Path:
    """The same rules as listkit's power-list schema, in Table Schema terms, over the published header that the
    csv and the xlsx both have."""
    fields = [{"name": n, "type": "string"} for n in HEADERS]
    constraints = {
        "name": {"required": True, "maxLength": 300},
        "basis": {"required": True},
        "body": {"required": True},
        "code": {"pattern": "[0-9A-Z][0-9A-Z-]{5,39}"},
        "type": {
            "required": True,
            "enum": [
                "行政许可",
                "行政处罚",
                "行政强制",
                "行政征收",
                "行政给付",
                "行政检查",
                "行政确认",
                "行政奖励",
                "行政裁决",
                "其他行政权力",
                "公共服务",
            ],
        },
    }
    for field, key in zip(fields, KEYS, strict=True):
        if key in constraints:
            field["constraints"] = constraints[key]
    target = path.parent / "frictionless-schema.json"
    target.write_text(json.dumps({"fields": fields}, ensure_ascii=False), encoding="utf-8")
    return target


def python(code: str, *args: str) -> list[str]:
    return [PY, "-c", code, *args]


CALAMINE = (
    "import sys, python_calamine as pc\nwb = pc.load_workbook(sys.argv[1])\n"
    "rows = sum(len(wb.get_sheet_by_name(n).to_python()) for n in wb.sheet_names)\n"
)
PANDAS_IMPORT = (
    "import sys, pandas as pd\nframes = pd.read_excel(sys.argv[1], sheet_name=None, engine='openpyxl', dtype=str)\n"
    "pd.concat(frames.values()).to_json(sys.argv[2], orient='records', lines=True, force_ascii=False)\n"
)
PANDAS_EXPORT = (
    "import sys, pandas as pd\ndf = pd.read_csv(sys.argv[1], dtype=str, keep_default_na=False)\n"
    "df.to_excel(sys.argv[2], index=False, engine='openpyxl')\n"
)
# datacompy on the workbooks: each read with pandas' fastest xlsx engine (python-calamine), as listkit reads them.
DATACOMPY_XLSX = (
    "import sys, pandas as pd, datacompy\n"
    "read = lambda p: pd.concat(pd.read_excel(p, sheet_name=None, engine='calamine', dtype=str).values())\n"
    "a, b = read(sys.argv[1]).fillna(''), read(sys.argv[2]).fillna('')\n"
    "c = datacompy.PandasCompare(a, b, join_columns=['事项编码'])\n"
    "report = c.report(); mismatches = c.all_mismatch()\n"
)
CHECK_CATALOGUE_ITEMS = 5_000
DATACOMPY = (
    "import sys, pandas as pd, datacompy\n"
    "a = pd.read_csv(sys.argv[1], dtype=str, keep_default_na=False)\n"
    "b = pd.read_csv(sys.argv[2], dtype=str, keep_default_na=False)\n"
    "c = datacompy.PandasCompare(a, b, join_columns=['事项编码'])\n"
    "report = c.report(); mismatches = c.all_mismatch()\n"
)


def steps(paths: dict[str, Path], out: Path, size: int, peers: bool) -> list[tuple[str, list[str], str, list[str]]]:
    """(step, listkit command, peer name, peer command)."""
    f_schema = frictionless_schema(paths["csv"])
    catalogue = paths["jsonl"].parent / f"catalogue-{CHECK_CATALOGUE_ITEMS}-of-{size}.jsonl"
    if not catalogue.exists():
        make_catalogue(paths["jsonl"], catalogue)
    frictionless = str(BIN / "frictionless")
    return [
        (
            "import xlsx",
            [*LISTKIT, "import", str(paths["xlsx"]), "-o", str(out / "imported.jsonl")],
            "python-calamine alone",
            python(CALAMINE, str(paths["xlsx"])),
        ),
        (
            "import xlsx (vs pandas)",
            [],
            "pandas + openpyxl",
            python(PANDAS_IMPORT, str(paths["xlsx"]), str(out / "pandas.jsonl")) if peers else [],
        ),
        (
            "validate",
            [*LISTKIT, "validate", str(paths["jsonl"]), "--format", "json"],
            "frictionless validate",
            [str(BIN / "frictionless"), "validate", "--trusted", str(paths["csv"]), "--schema", str(f_schema)]
            if peers
            else [],
        ),
        (
            "validate xlsx",
            [*LISTKIT, "validate", str(paths["xlsx"]), "--format", "json"],
            "frictionless validate",
            [frictionless, "validate", "--trusted", str(paths["xlsx"]), "--schema", str(f_schema)] if peers else [],
        ),
        # Canonical jsonl editions; the peers read the same editions as csv, timed once, on the csv step below.
        ("diff", [*LISTKIT, "diff", str(paths["jsonl"]), str(paths["new_jsonl"]), "--format", "json"], "", []),
        (
            "diff csv",
            [*LISTKIT, "diff", str(paths["csv"]), str(paths["new_csv"]), "--key", "code", "--format", "json"],
            "daff diff",
            [str(BIN / "daff"), "diff", str(paths["csv"]), str(paths["new_csv"])] if peers else [],
        ),
        (
            "diff csv (vs datacompy)",
            [],
            "datacompy",
            python(DATACOMPY, str(paths["csv"]), str(paths["new_csv"])) if peers else [],
        ),
        (
            "diff xlsx",
            [*LISTKIT, "diff", str(paths["xlsx"]), str(paths["new_xlsx"]), "--key", "code", "--format", "json"],
            "datacompy (xlsx via calamine)",
            python(DATACOMPY_XLSX, str(paths["xlsx"]), str(paths["new_xlsx"])) if peers else [],
        ),
        ("stats", [*LISTKIT, "stats", str(paths["jsonl"]), "--format", "json"], "", []),
        (
            f"check vs {CHECK_CATALOGUE_ITEMS:,}",
            [*LISTKIT, "check", str(paths["jsonl"]), "--against", str(catalogue), "--by", "department", "-f", "json"],
            "",
            [],
        ),
        (
            "export xlsx",
            [*LISTKIT, "export", str(paths["jsonl"]), "-o", str(out / "catalogue.xlsx")],
            "pandas + openpyxl",
            python(PANDAS_EXPORT, str(paths["csv"]), str(out / "pandas.xlsx")) if peers else [],
        ),
    ]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--peers-max", type=int, default=100_000, help="run the peers up to this size")
    parser.add_argument("--timeout", type=float, default=900)
    parser.add_argument("--data", type=Path, default=HERE / "data")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each command; the median is reported")
    parser.add_argument("--only", default="", help="run only the steps whose names start with one of these (a,b)")
    parser.add_argument("--results", type=Path, default=HERE / "RESULTS.md", help="where the table is written")
    parser.add_argument(
        "--memory",
        action="store_true",
        help=f"add the peers' peak RSS, and mark listkit's against the {MEMORY_BUDGET_MB:,} MB budget",
    )
    args = parser.parse_args()
    rows = [
        "| records | step | listkit | records/s | peak RSS | peer | peer time | peer / listkit |"
        + (" peer peak RSS |" if args.memory else ""),
        "|---:|---|---:|---:|---:|---|---:|---:|" + ("---:|" if args.memory else ""),
    ]
    print("\n".join(rows), flush=True)
    only = tuple(name for name in args.only.split(",") if name)
    for size in (int(s) for s in args.sizes.split(",")):
        paths = build(size, args.data)
        with tempfile.TemporaryDirectory() as tmp:
            listkit_time: Timing | None = None
            for step, command, peer, peer_command in steps(paths, Path(tmp), size, size <= args.peers_max):
                if only and not step.startswith(only):
                    continue
                listkit_runs: list[Timing] = []
                peer_runs: list[Timing] = []
                for _ in range(args.repeat):
                    # Alternated, so that a machine slowing down for a while weighs on both sides alike.
                    if command:
                        listkit_runs.append(timed(command, args.timeout))
                    if peer_command:
                        peer_runs.append(timed(peer_command, args.timeout, findings_ok=False))
                        if not peer_runs[-1].ok:
                            break  # a peer that failed or timed out once is not run again
                listkit_time = median(listkit_runs) if listkit_runs else listkit_time
                assert listkit_time is not None
                peer_time = median(peer_runs) if peer_runs else None
                mine = f"{listkit_time.seconds:.2f} s" if listkit_time.ok else "failed"
                rate = f"{size / listkit_time.seconds:,.0f}" if listkit_time.ok else "-"
                if peer_time is None:
                    theirs, ratio = ("-", "-") if not peer else ("not run", "-")
                elif not peer_time.ok:
                    theirs, ratio = (f"> {args.timeout:.0f} s" if peer_time.seconds >= args.timeout else "failed"), "-"
                else:
                    theirs, ratio = f"{peer_time.seconds:.2f} s", f"{peer_time.seconds / listkit_time.seconds:.1f}×"
                peak = f"{listkit_time.peak_mb:,.0f} MB"
                if args.memory and command:
                    peak += " ✓" if listkit_time.peak_mb <= MEMORY_BUDGET_MB else " ✗"
                line = (
                    f"| {size:,} | {step} | {mine if command else '(above)'} | {rate if command else ''} | "
                    f"{peak} | {peer or '-'} | {theirs} | {ratio} |"
                )
                if args.memory:
                    line += f" {peer_time.peak_mb:,.0f} MB |" if peer_time is not None and peer_time.ok else " - |"
                rows.append(line)
                print(line, flush=True)
    command = " ".join([".venv/bin/python", "benchmarks/run.py", *sys.argv[1:]])
    args.results.write_text(f"`{command}` ({time.strftime('%Y-%m-%d')})\n\n" + "\n".join(rows) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
