"""A list repository in one step (`listkit init`), and the check behind the `listkit-canonical` hook.

The files come from listkit/templates/repo/ (package data; stored without their leading dot, which some
packagers drop). A file that exists is never overwritten: init says which it kept. The core prints nothing:
``init_repository`` returns what it did and the CLI says it.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from listkit import __version__
from listkit.errors import UsageError
from listkit.read import read_list
from listkit.write.canonical import jsonl_bytes

# Where the hooks and the action live; a repository of one's own is written in its place.
LISTKIT_REPO = "https://github.com/listkit/listkit"
LISTKIT_ACTION = "listkit/listkit"
TEXTCONV = "listkit cat"

# template (listkit/templates/repo/…) → the file it becomes in the repository
FILES: tuple[tuple[str, str], ...] = (
    ("README.md", "README.md"),
    ("gitattributes", ".gitattributes"),
    ("listkit.gitconfig", "listkit.gitconfig"),
    ("pre-commit-config.yaml", ".pre-commit-config.yaml"),
    ("lists.yml", ".github/workflows/lists.yml"),
)
# git keeps no empty folder: a placeholder in each makes them part of the first commit.
FOLDERS = ("lists", "catalogue")
PLACEHOLDER = ".gitkeep"


@dataclass
class InitResult:
    created: list[str] = field(default_factory=list)  # paths relative to the repository, as written
    kept: list[str] = field(default_factory=list)  # existing files left as they were
    git_config: Path | None = None  # the git work tree whose config now has the textconv driver


def template(name: str) -> str:
    text = resources.files("listkit").joinpath("templates", "repo", name).read_text(encoding="utf-8")
    return (
        text.replace("@LISTKIT_REPO@", LISTKIT_REPO)
        .replace("@LISTKIT_ACTION@", LISTKIT_ACTION)
        .replace("@LISTKIT_VERSION@", __version__)
    )


def init_repository(folder: Path) -> InitResult:
    if folder.exists() and not folder.is_dir():
        raise UsageError("init.not-a-directory", path=str(folder))
    folder.mkdir(parents=True, exist_ok=True)
    result = InitResult()
    files = [(f"{name}/{PLACEHOLDER}", "") for name in FOLDERS]
    files += [(target, template(name)) for name, target in FILES]
    for relative, text in files:
        path = folder / relative
        if path.exists() or (relative.endswith(PLACEHOLDER) and path.parent.is_dir() and any(path.parent.iterdir())):
            # A folder that holds files already needs no placeholder: that is not worth a "kept" line.
            if not relative.endswith(PLACEHOLDER):
                result.kept.append(relative)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        result.created.append(relative)
    result.git_config = _set_textconv(folder)
    return result


def _set_textconv(folder: Path) -> Path | None:
    """Set the textconv driver in the config of the git repository holding ``folder`` (git does not version its
    config, so the repository's files cannot carry it). None when there is no git, or no repository."""
    try:
        top = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"], cwd=folder, capture_output=True, text=True, check=False
        )
        if top.returncode != 0:
            return None
        done = subprocess.run(
            ["git", "config", "diff.listkit.textconv", TEXTCONV], cwd=folder, capture_output=True, check=False
        )
    except FileNotFoundError:  # no git on this machine
        return None
    return Path(top.stdout.strip()) if done.returncode == 0 else None


# The canonical copy kept beside a workbook: lists/交通.xlsx → lists/交通.jsonl
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".tsv")


def canonical_pair(path: Path) -> tuple[Path, Path] | None:
    """(workbook, its canonical .jsonl) for a workbook, or for a .jsonl that has a workbook beside it; None when
    the file has no such twin."""
    if path.suffix.lower() in WORKBOOK_SUFFIXES:
        canonical = path.with_suffix(".jsonl")
        return (path, canonical) if canonical.is_file() else None
    if path.suffix.lower() == ".jsonl":
        for suffix in WORKBOOK_SUFFIXES:
            workbook = path.with_suffix(suffix)
            if workbook.is_file():
                return workbook, path
    return None


def canonical_is_stale(workbook: Path, canonical: Path) -> bool:
    """Whether ``canonical`` differs from what `listkit import WORKBOOK -o CANONICAL` would write now."""
    return jsonl_bytes(read_list([workbook])) != canonical.read_bytes()
