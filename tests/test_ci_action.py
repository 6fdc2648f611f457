"""The CI action's one script (python -m listkit.cli.ci_action, which action.yml runs), on a list repository with
a base and a head revision: the job summary's Markdown, the annotations, and the exit code per --fail-on."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import SAMPLES, CliResult
from tests.test_repo_kit import CANCELLED, RENAMED, ROWS, edit, git
from tests.xlsx_fixtures import HEADER, write_xlsx

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

LIST = "lists/示例局.xlsx"


def action(repo: Path, base: str, *options: str) -> tuple[int, str, str]:
    """(exit code, stdout, the summary) of the script run as the action runs it, in the repository."""
    summary = repo.parent / "summary.md"
    summary.unlink(missing_ok=True)
    env = {key: value for key, value in os.environ.items() if key != "LISTKIT_LANG"}
    env |= {"GITHUB_STEP_SUMMARY": str(summary), "CI": "true"}
    done = subprocess.run(
        [sys.executable, "-m", "listkit.cli.ci_action", "--base", base, *options],
        cwd=repo,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    return done.returncode, done.stdout, summary.read_text(encoding="utf-8") if summary.exists() else ""


@pytest.fixture
def repo(tmp_path: Path, cli: Callable[..., CliResult]) -> tuple[Path, str]:
    """A list repository (listkit init) with a base commit, and a head commit that renames one item and cancels
    another. Returns the repository and the base revision."""
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q")
    assert cli("init", root).code == 0
    write_xlsx(root / LIST, {"Sheet1": [["示例区示例局权责清单"], HEADER, *ROWS]})
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "base")
    base = git(root, "rev-parse", "HEAD").strip()
    edit(root / LIST)
    git(root, "commit", "-q", "-am", "head")
    return root, base


def test_the_summary_names_the_changed_records_and_the_exit_follows_fail_on(repo: tuple[Path, str]) -> None:
    root, base = repo
    code, out, summary = action(root, base)
    assert code == 0, out  # the list is valid, and by default only validation errors fail
    assert summary.startswith("## listkit 清单检查\n")
    assert f"### `{LIST}`" in summary and "- 校验通过" in summary
    assert "清单比对：" in summary  # diff's own Markdown report, against the base revision
    assert f"{RENAMED[1]}" in summary and "更名" in summary  # the renamed record
    assert "#### 取消（1）" in summary and CANCELLED in summary  # the cancelled one
    assert summary.rstrip().endswith("**通过**")
    assert "::error" not in out

    code, _out, summary = action(root, base, "--fail-on", "error,cancelled")
    assert code == 1 and "**未通过：cancelled**" in summary
    code, _out, _summary = action(root, base, "--fail-on", "added")
    assert code == 0
    code, _out, summary = action(root, base, "--fail-on", "nonsense")
    assert code == 2


def test_a_broken_list_fails_with_annotations_and_a_catalogue_is_checked(repo: tuple[Path, str]) -> None:
    root, base = repo
    shutil.copyfile(SAMPLES / "broken-power-list.xlsx", root / "lists" / "broken.xlsx")
    shutil.copyfile(SAMPLES / "city-catalogue.xlsx", root / "catalogue" / "city-catalogue.xlsx")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "a broken list and a catalogue")
    code, out, summary = action(root, base, "--lang", "en")
    assert code == 1
    assert "::error file=lists/broken.xlsx,title=required-field::Sheet1!C6" in out
    assert summary.startswith("## listkit list check\n")
    assert "### `lists/broken.xlsx`" in summary and "- validation failed (see the annotations)" in summary
    assert "A new list file: no earlier revision to compare with." in summary
    assert "#### Against catalogue/city-catalogue.xlsx" in summary
    assert "**Failed: lists/broken.xlsx**" in summary


def test_no_changed_list_passes(repo: tuple[Path, str]) -> None:
    root, _base = repo
    code, _out, summary = action(root, "HEAD")
    assert code == 0 and "本次没有改动清单文件。" in summary


def test_a_first_push_has_every_list_new(repo: tuple[Path, str]) -> None:
    root, _base = repo
    code, _out, summary = action(root, "0" * 40)  # github.event.before on a branch's first push
    assert code == 0, summary
    assert f"### `{LIST}`" in summary and "新增清单文件：无上一版本可比对。" in summary
