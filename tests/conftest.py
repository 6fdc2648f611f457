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


def _fingerprints(args: list[str]) -> dict[str, str]:
    """Hashes of every existing input file named on a command line (the -o target excluded)."""
    import hashlib

    inputs: dict[str, str] = {}
    skip_next = False
    for arg in args:
        if skip_next:
            skip_next = False
            continue
        if arg in ("-o", "--output"):
            skip_next = True
            continue
        path = Path(arg)
        if path.is_file():
            inputs[arg] = hashlib.sha256(path.read_bytes()).hexdigest()
    return inputs


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., CliResult]:
    """Run listkit in-process through the same entry point as the console script.

    Every invocation also proves that listkit changed none of its input files: they are hashed before and after.
    """
    from listkit.cli.app import run

    def invoke(*args: str | os.PathLike[str]) -> CliResult:
        argv = [str(a) for a in args]
        before = _fingerprints(argv)
        capsys.readouterr()
        code = run(argv)
        captured = capsys.readouterr()
        assert _fingerprints(argv) == before | {k: v for k, v in _fingerprints(argv).items() if k not in before}, (
            f"an input file changed: {argv}"
        )
        return CliResult(code, captured.out, captured.err)

    return invoke
