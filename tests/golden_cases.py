"""The commands whose outputs are kept byte for byte (tests/golden.json): a refactoring must not change one byte.

The fixture holds each output's SHA-256 and size (the outputs themselves are 100 MB); to see what changed, run
the case before and after the change.

`python -m tests.golden_cases` rewrites the fixtures from the current code — run it only when an output is meant
to change, and say so in the commit.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden.json"
OUT = "{out}"  # where a case writes its file; replaced by a temporary path when it runs

LISTS = {
    "district": "samples/district-power-list.xlsx",
    "department": "samples/department-power-list.csv",
    "broken": "samples/broken-power-list.xlsx",
    "licensing": "samples/licensing-list.xlsx",
}
OLD, NEW = "samples/district-power-list-2022.xlsx", "samples/district-power-list.xlsx"
ZHENGZHAO = ["samples/zhengzhao-list.xlsx", "--schema", "zhengzhao-list"]
DERIVED = ("zhengzhao-list", "commitment-list", "service-list", "intermediary-list")


def cases() -> Iterator[tuple[str, list[str], str | None]]:
    """(name, argv, suffix of the file the command writes or None for stdout only)."""
    for name, path in LISTS.items():
        for fmt in ("jsonl", "json", "csv", "xlsx"):
            yield f"import-{name}-{fmt}", ["import", path, "-o", OUT + "." + fmt], fmt
        yield f"import-{name}-explain", ["import", path, "--explain"], None
        yield f"import-{name}-stdout", ["import", path], None
        for fmt in ("text", "json", "github"):
            yield f"validate-{name}-{fmt}", ["validate", path, "-f", fmt], None
        yield f"validate-{name}-en", ["validate", path, "--lang", "en"], None
        yield f"validate-{name}-xlsx", ["validate", path, "-f", "xlsx", "-o", OUT + ".xlsx"], "xlsx"
        for by in ("type", "department", "level"):
            for fmt in ("text", "json", "csv"):
                yield f"stats-{name}-{by}-{fmt}", ["stats", path, "--by", by, "-f", fmt], None
        for fmt in ("xlsx", "html", "json", "csv", "md"):
            yield f"export-{name}-{fmt}", ["export", path, "-o", OUT + "." + fmt], fmt
    yield "export-district-by-department", ["export", NEW, "-o", OUT + ".xlsx", "--group-by", "department"], "xlsx"
    yield "export-district-en", ["export", NEW, "-o", OUT + ".xlsx", "--lang", "en"], "xlsx"
    yield "import-zhengzhao", ["import", *ZHENGZHAO, "-o", OUT + ".jsonl"], "jsonl"
    yield "validate-zhengzhao", ["validate", *ZHENGZHAO, "-f", "json"], None
    yield "export-zhengzhao", ["export", *ZHENGZHAO, "-o", OUT + ".xlsx"], "xlsx"
    for name in DERIVED:
        path, broken, after = f"samples/{name}.xlsx", f"samples/broken-{name}.xlsx", f"samples/{name}-2022.xlsx"
        yield f"import-{name}", ["import", path, "-o", OUT + ".jsonl"], "jsonl"
        yield f"validate-broken-{name}", ["validate", broken, "-f", "json"], None
        yield f"stats-{name}", ["stats", path, "-f", "json"], None
        yield f"diff-{name}", ["diff", path, after, "-f", "json"], None
        yield f"export-{name}", ["export", path, "-o", OUT + ".xlsx"], "xlsx"
        yield f"template-{name}", ["schema", "template", name, "-o", OUT + ".xlsx"], "xlsx"
    rates = ["--rate", "online", "--rate", "appointment", "--rate", "handling=即办件"]
    yield "stats-service-rates", ["stats", "samples/service-list.xlsx", "--by", "department", *rates, "-f", "csv"], None
    checked = ["samples/intermediary-list.xlsx", "--against", "samples/licensing-list.xlsx"]
    yield "check-intermediary", ["check", *checked, "-f", "json"], None
    for lang in ("zh", "en"):
        for fmt in ("text", "json", "markdown"):
            yield f"diff-{fmt}-{lang}", ["diff", OLD, NEW, "-f", fmt, "--lang", lang, "--show-cosmetic"], None
        for fmt in ("html", "xlsx"):
            yield f"diff-{fmt}-{lang}", ["diff", OLD, NEW, "-f", fmt, "--lang", lang, "-o", OUT + "." + fmt], fmt
        yield f"diff-text-file-{lang}", ["diff", OLD, NEW, "--lang", lang, "-o", OUT + ".txt"], "txt"
    yield "diff-no-fuzzy", ["diff", OLD, NEW, "-f", "json", "--no-fuzzy"], None
    yield "schema-list", ["schema", "list"], None
    yield "schema-show", ["schema", "show", "power-list"], None
    yield "schema-template", ["schema", "template", "licensing-list", "-o", OUT + ".xlsx"], "xlsx"


def run_case(argv: list[str], suffix: str | None, workdir: Path) -> dict[str, bytes]:
    """Run one case from the repository root; its stdout, stderr, exit code and written file, by name."""
    import contextlib
    import io

    from listkit.cli.app import run

    out = str(workdir / "out")
    args = [a.replace(OUT, out) for a in argv]
    stdout, stderr = io.StringIO(), io.StringIO()
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            code = run(args)
    finally:
        os.chdir(cwd)
    result = {
        "stdout": stdout.getvalue().encode("utf-8"),
        "stderr": stderr.getvalue().replace(out, OUT).encode("utf-8"),
        "code": str(code).encode(),
    }
    if suffix is not None:
        result[suffix] = Path(f"{out}.{suffix}").read_bytes()
    return result


def fingerprint(data: bytes) -> str:
    import hashlib

    return f"{hashlib.sha256(data).hexdigest()} {len(data)}"


def _update() -> None:
    import json
    import tempfile

    stored: dict[str, str] = {}
    for name, argv, suffix in cases():
        with tempfile.TemporaryDirectory() as workdir:
            for part, data in run_case(argv, suffix, Path(workdir)).items():
                stored[f"{name}.{part}"] = fingerprint(data)
    GOLDEN.write_text(json.dumps(stored, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(stored)} outputs in {GOLDEN}", file=sys.stderr)


if __name__ == "__main__":
    os.environ.pop("LISTKIT_LANG", None)
    os.environ["COLUMNS"] = "200"
    _update()
