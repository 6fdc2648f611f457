"""The hooks of .pre-commit-hooks.yaml, run by pre-commit itself: `pre-commit try-repo` on this repository.

try-repo takes a local repository's committed tree plus its staged and modified tracked files — untracked files
(a new module, a new hook file) are left out. So the repository is copied as it stands in the working tree
(git ls-files: tracked and untracked, ignored ones left out) into a fresh repository, committed, and tried.

Each try-repo run makes pre-commit's environment anew (try-repo keeps its store in a temporary folder of its own:
PRE_COMMIT_HOME is not used, it is set only to keep the developer's cache out of it): installing listkit and its
dependencies into it took 29 s of a run on an idle dev box and 63 s on a busy one (2026-12-02, 2 cores, wheels
from the local index and pip's cache); this test took 132 s under load. Hence two runs in all, each running both
hooks (one environment serves all hooks of a repository): a clean list passes, a broken list fails.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLES, CliResult

pytestmark = [
    pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed"),
    pytest.mark.skipif(importlib.util.find_spec("pre_commit") is None, reason="pre-commit is not installed"),
]

# What pip needs to install listkit from the copy, and the hook manifest.
HOOK_REPO_FILES = ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml", "src", "schemas")
GIT_ENV = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org"}
GIT_ENV |= {"GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", *args], cwd=repo, capture_output=True, text=True, env={**os.environ, **GIT_ENV}, check=True
    )
    return done.stdout


@pytest.fixture(scope="session")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """This repository's working tree, committed in a repository of its own."""
    copy = tmp_path_factory.mktemp("hook-repo")
    listed = git(ROOT, "ls-files", "--cached", "--others", "--exclude-standard", "-z", "--", *HOOK_REPO_FILES)
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file() and "__pycache__" not in name:
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, copy / name)
    git(copy, "init", "-q")
    git(copy, "add", "-A")
    git(copy, "commit", "-q", "-m", "listkit as it stands")
    return copy


@pytest.fixture(scope="session")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


def try_repo(hook_repo: Path, home: Path, where: Path, files: list[str], ci: bool) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key not in ("CI", "LISTKIT_LANG")}
    env |= {"PRE_COMMIT_HOME": str(home), **({"CI": "true"} if ci else {})}
    command = [sys.executable, "-m", "pre_commit", "try-repo", str(hook_repo), "--files", *files]
    return subprocess.run(command, cwd=where, capture_output=True, text=True, env=env, check=False)


@pytest.fixture
def lists_repo(tmp_path: Path, cli: Callable[..., CliResult]) -> Path:
    """A list repository with a clean list and its fresh canonical copy, a broken list and a stale copy."""
    root = tmp_path / "lists-repo"
    (root / "lists").mkdir(parents=True)
    git(root, "init", "-q")
    shutil.copyfile(SAMPLES / "district-power-list.xlsx", root / "lists" / "clean.xlsx")
    assert cli("import", root / "lists" / "clean.xlsx", "-o", root / "lists" / "clean.jsonl").code == 0
    shutil.copyfile(SAMPLES / "broken-power-list.xlsx", root / "lists" / "broken.xlsx")
    shutil.copyfile(root / "lists" / "clean.jsonl", root / "lists" / "broken.jsonl")  # another list's: stale
    git(root, "add", "-A")
    return root


def test_the_hooks_pass_a_clean_list_and_fail_a_broken_one(
    hook_repo: Path, pre_commit_home: Path, lists_repo: Path
) -> None:
    clean = try_repo(hook_repo, pre_commit_home, lists_repo, ["lists/clean.xlsx", "lists/clean.jsonl"], ci=False)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "listkit validate" in clean.stdout and "listkit canonical copies" in clean.stdout
    assert "Failed" not in clean.stdout

    broken = try_repo(hook_repo, pre_commit_home, lists_repo, ["lists/broken.xlsx", "lists/broken.jsonl"], ci=True)
    assert broken.returncode == 1, broken.stdout + broken.stderr
    # In CI the findings are GitHub annotations, each at its cell (samples/broken-power-list.expected.json).
    assert "::error file=lists/broken.xlsx,title=required-field::Sheet1!C6" in broken.stdout
    assert "::error file=lists/broken.xlsx,title=unknown-type::Sheet1!E12" in broken.stdout
    # The canonical copy beside the broken workbook is another list's: stale, with the command that renews it.
    assert "listkit import lists/broken.xlsx -o lists/broken.jsonl" in broken.stdout
    assert broken.stdout.count("Failed") == 2
