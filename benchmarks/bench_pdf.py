"""Reading a 3,000-record list from PDF (run on demand; needs LibreOffice).

The district sample's first 3,000 records, published with `listkit export` (print-ready: header rows repeated on
every page, merged item cells) and printed to PDF by LibreOffice, then read back with `listkit import`.

    .venv/bin/python benchmarks/bench_pdf.py [RECORDS]
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "district-power-list.xlsx"
LIMIT = 30.0  # seconds: the target for 3,000 records


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 3_000
    listkit = [sys.executable, "-m", "listkit"]
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        whole = work / "district.jsonl"
        subprocess.run([*listkit, "import", str(SAMPLE), "-o", str(whole)], check=True)
        lines = whole.read_text(encoding="utf-8").splitlines()
        subset = work / "subset.jsonl"
        subset.write_text("\n".join(lines[: count + 1]) + "\n", encoding="utf-8")
        published = work / "subset-pub.xlsx"
        subprocess.run([*listkit, "export", str(subset), "-o", str(published)], check=True)
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{work / 'lo-profile'}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(work),
                str(published),
            ],
            check=True,
            capture_output=True,
        )
        pdf = published.with_suffix(".pdf")
        import pdfplumber

        with pdfplumber.open(pdf) as document:
            pages = len(document.pages)
        out = work / "back.jsonl"
        started = time.perf_counter()
        subprocess.run([*listkit, "import", str(pdf), "-o", str(out)], check=True)
        took = time.perf_counter() - started
        records = len(out.read_text(encoding="utf-8").splitlines()) - 1
        verdict = "within" if took < LIMIT else "OVER"
        print(
            f"import pdf {took:6.2f} s  {records:,} records  {pages:,} pages  {pdf.stat().st_size / 1e6:5.1f} MB  "
            f"({took / pages * 1000:.0f} ms a page; {verdict} the {LIMIT:.0f} s target)"
        )


if __name__ == "__main__":
    main()
