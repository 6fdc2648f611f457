"""The README's two commands are the ones CI runs, and the commands it documents exist."""

from __future__ import annotations

import re
from collections.abc import Callable

from tests.conftest import ROOT, CliResult


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```sh\n(.+?)\n```", text)[:2]


def test_ci_runs_the_readme_commands() -> None:
    install, tests = readme_commands()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert install in ci and tests in ci
    assert "listkit validate samples/" in install and "pytest" in tests


def test_documented_commands_exist(cli: Callable[..., CliResult]) -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^listkit (\w+)", text, flags=re.M)) | set(re.findall(r"`listkit (\w+)", text))
    help_text = cli("--help").out
    for command in documented:
        assert command in help_text, command
