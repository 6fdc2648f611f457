"""LibreOffice as the tests use it to make real-shaped files: a conversion in a private profile (a running office
is left alone), the way lists become .ods, .pdf or .doc in the hands of the people who publish them."""

from __future__ import annotations

import subprocess
from pathlib import Path


def converted(source: Path, target: str, out: Path, profile: Path) -> Path:
    """``source`` converted by ``soffice --convert-to target`` into ``out``; the file it made."""
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", target, "--outdir",
         str(out), str(source)],
        check=True,
        capture_output=True,
        timeout=180,
    )  # fmt: skip
    made = out / f"{source.stem}.{target.split(':')[0]}"
    assert made.is_file(), f"LibreOffice made no {made.name}"
    return made
