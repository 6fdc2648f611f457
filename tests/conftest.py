from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
REAL = ROOT.parent / "shared" / "real"


@pytest.fixture(autouse=True)
def _chinese_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    # Tests assert the default language; a developer's LISTKIT_LANG must not change them.
    monkeypatch.delenv("LISTKIT_LANG", raising=False)
    monkeypatch.delenv("LISTKIT_DEBUG", raising=False)
    monkeypatch.setenv("COLUMNS", "200")


class CliResult:
    def __init__(self, code: int, out: str, err: str) -> None:
        self.code = code
        self.out = out
        self.err = err


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., CliResult]:
    """Run listkit in-process through the same entry point as the console script."""
    from listkit.cli.app import run

    def invoke(*args: str | os.PathLike[str]) -> CliResult:
        capsys.readouterr()
        code = run([str(a) for a in args])
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return invoke
