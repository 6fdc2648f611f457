"""The list repository: `listkit init`, `listkit cat` as git's textconv driver, git revisions as diff inputs, and
the canonical-copy check behind the `listkit-canonical` hook — with real git in a temporary repository."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from listkit.read import read_list
from listkit.read.git_revision import is_revision
from listkit.render.cat_text import cat_text
from listkit.repo_kit import canonical_is_stale, canonical_pair
from tests.conftest import CliResult
from tests.xlsx_fixtures import HEADER, row, write_xlsx

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

LISTKIT = Path(__file__).resolve().parents[1] / ".venv" / "bin" / "listkit"

ROWS = [
    row(1, "食品经营许可"),
    row(2, "药品零售许可"),
    row(3, "对无证经营的处罚", kind="行政处罚"),
    row(4, "对超范围经营的处罚", kind="行政处罚"),
    row(5, "特种设备使用登记", kind="行政确认"),
]
RENAMED = ("药品零售许可", "药品零售企业许可")
CANCELLED = "对超范围经营的处罚"


def git(repo: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org"}
    env |= {"GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org", "PATH": _path()}
    done = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, env=env, check=True)
    return done.stdout


def _path() -> str:
    # git runs the textconv driver ("listkit cat") by name: the venv's listkit first on PATH.
    return f"{LISTKIT.parent}{os.pathsep}{os.environ.get('PATH', '')}"


def edit(path: Path) -> None:
    """A clerk's edit in Excel: one item renamed, one cancelled (its row deleted)."""
    from openpyxl import load_workbook

    workbook = load_workbook(path)
    sheet = workbook.active
    assert sheet is not None
    for cells in sheet.iter_rows(min_row=3):
        if cells[1].value == RENAMED[0]:
            cells[1].value = RENAMED[1]
    doomed = next(cells[0].row for cells in sheet.iter_rows(min_row=3) if cells[1].value == CANCELLED)
    sheet.delete_rows(doomed)
    workbook.save(path)


@pytest.fixture
def repo(tmp_path: Path, cli: Callable[..., CliResult]) -> Path:
    """A list repository made by `listkit init`, one workbook committed, then edited (not committed)."""
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q")
    result = cli("init", root)
    assert result.code == 0, result.err
    write_xlsx(root / "lists" / "示例局.xlsx", {"Sheet1": [["示例区示例局权责清单"], HEADER, *ROWS]})
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "first edition")
    edit(root / "lists" / "示例局.xlsx")
    return root


def test_init_writes_the_kit_and_keeps_what_exists(tmp_path: Path, cli: Callable[..., CliResult]) -> None:
    root = tmp_path / "kit"
    (root / ".github" / "workflows").mkdir(parents=True)
    (root / "README.md").write_text("ours\n", encoding="utf-8")
    git(root, "init", "-q")
    result = cli("init", root)
    assert result.code == 0, result.err
    for name in (".gitattributes", ".pre-commit-config.yaml", ".github/workflows/lists.yml", "listkit.gitconfig"):
        assert (root / name).is_file(), name
    assert (root / "lists").is_dir() and (root / "catalogue").is_dir()
    assert (root / "README.md").read_text(encoding="utf-8") == "ours\n"  # never overwritten
    assert "README.md" in result.err and "已保留" in result.err
    assert "*.xlsx diff=listkit" in (root / ".gitattributes").read_text(encoding="utf-8")
    hooks = (root / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    assert "id: listkit-validate" in hooks and "id: listkit-canonical" in hooks
    assert git(root, "config", "diff.listkit.textconv").strip() == "listkit cat"
    again = cli("init", root, "--lang", "en")
    assert again.code == 0 and "Created" not in again.err
    assert f"Kept {root / '.gitattributes'} (it exists; not overwritten)" in again.err


def changed_lines(diff: str) -> tuple[list[str], list[str]]:
    removed = [line[1:] for line in diff.splitlines() if line.startswith("-") and not line.startswith("---")]
    added = [line[1:] for line in diff.splitlines() if line.startswith("+") and not line.startswith("+++")]
    return removed, added


def test_git_diff_shows_exactly_the_changed_records(repo: Path) -> None:
    removed, added = changed_lines(git(repo, "diff", "--", "lists/示例局.xlsx"))
    # The rename: the old name's line out, the new name's in; the cancel: its line out. Nothing else.
    assert len(removed) == 2 and len(added) == 1, (removed, added)
    assert sorted(line.split(" ｜ ")[0] for line in removed) == sorted([RENAMED[0], CANCELLED])
    assert added[0].split(" ｜ ")[0] == RENAMED[1]
    assert "权力类型：行政许可" in added[0]  # the record's fields, as readable Chinese
    # git log -p reads the same way (both sides are git's temporary copies of blobs there).
    git(repo, "commit", "-q", "-am", "second edition")
    removed_log, added_log = changed_lines(git(repo, "log", "-p", "-1", "--format=", "--", "lists/示例局.xlsx"))
    assert (removed_log, added_log) == (removed, added)


def test_diff_of_a_revision_equals_the_diff_of_two_files(
    repo: Path, cli: Callable[..., CliResult], monkeypatch: pytest.MonkeyPatch
) -> None:
    old = repo.parent / "old" / "示例局.xlsx"  # the committed edition as a file of the same name
    old.parent.mkdir()
    old.write_bytes(subprocess.run(["git", "show", "HEAD:lists/示例局.xlsx"], cwd=repo, capture_output=True).stdout)
    monkeypatch.chdir(repo)
    by_revision = cli("diff", "HEAD:lists/示例局.xlsx", "lists/示例局.xlsx", "--format", "json")
    by_files = cli("diff", old, "lists/示例局.xlsx", "--format", "json")
    assert by_revision.code == by_files.code == 0, by_revision.err
    revision_report, files_report = json.loads(by_revision.out), json.loads(by_files.out)
    assert revision_report["old"]["file"] == "HEAD:lists/示例局.xlsx"  # the report names the revision
    revision_report["old"]["file"] = files_report["old"]["file"]
    assert revision_report == files_report
    assert files_report["summary"]["cancelled"] == 1 and files_report["summary"]["adjusted"] == 1


def test_a_bad_revision_is_one_clear_message(
    repo: Path, cli: Callable[..., CliResult], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repo)
    zh = cli("diff", "nosuchrev:lists/示例局.xlsx", "lists/示例局.xlsx")
    assert zh.code == 2 and "无法从 git 读取 nosuchrev:lists/示例局.xlsx" in zh.err and "Traceback" not in zh.err
    en = cli("diff", "HEAD:lists/none.xlsx", "lists/示例局.xlsx", "--lang", "en")
    assert en.code == 2 and "Cannot read HEAD:lists/none.xlsx from git" in en.err


def test_no_git_is_one_clear_message(
    repo: Path, cli: Callable[..., CliResult], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repo)
    monkeypatch.setenv("PATH", str(repo / "nowhere"))
    result = cli("diff", "HEAD:lists/示例局.xlsx", "lists/示例局.xlsx")
    assert result.code == 2 and "找不到 git" in result.err


def test_only_a_missing_path_of_the_rev_path_shape_is_a_revision(tmp_path: Path) -> None:
    existing = tmp_path / "a:b.csv"
    existing.write_text("x", encoding="utf-8")
    assert not is_revision(str(existing))
    assert is_revision("HEAD~1:lists/交通.xlsx") and is_revision("main:x.xlsx")
    assert not is_revision("C:\\lists\\x.xlsx") and not is_revision("plain.xlsx") and not is_revision("HEAD:")


def test_cat_reads_by_content_and_equals_the_canonical_copy(tmp_path: Path, cli: Callable[..., CliResult]) -> None:
    workbook = write_xlsx(tmp_path / "示例局.xlsx", {"Sheet1": [["示例区示例局权责清单"], HEADER, *ROWS]})
    bare = tmp_path / "blob"  # git's temporary file may have no telling name: sniffed by content
    shutil.copyfile(workbook, bare)
    assert cli("import", workbook, "-o", tmp_path / "示例局.jsonl").code == 0
    texts = [cli("cat", path) for path in (workbook, bare, tmp_path / "示例局.jsonl")]
    assert all(result.code == 0 for result in texts), [r.err for r in texts]
    assert texts[0].out == texts[1].out == texts[2].out
    lines = texts[0].out.splitlines()
    assert lines[0] == "# power-list" and len(lines) == 1 + len(ROWS)
    assert texts[0].out == cat_text(read_list([workbook]), "zh")  # the CLI prints the core's text
    assert "\\u" not in texts[0].out  # Chinese as it is, not escaped


def test_cat_writes_line_breaks_in_a_cell_as_escapes(tmp_path: Path, cli: Callable[..., CliResult]) -> None:
    workbook = write_xlsx(tmp_path / "a.xlsx", {"Sheet1": [HEADER, row(1, "甲许可", basis="《甲法》\n第一条")]})
    result = cli("cat", workbook)
    assert result.code == 0 and len(result.out.splitlines()) == 2 and "《甲法》\\n第一条" in result.out


def test_a_stale_canonical_copy_is_told(tmp_path: Path, cli: Callable[..., CliResult]) -> None:
    workbook = write_xlsx(tmp_path / "示例局.xlsx", {"Sheet1": [["示例区示例局权责清单"], HEADER, *ROWS]})
    copy = tmp_path / "示例局.jsonl"
    assert cli("import", workbook, "-o", copy).code == 0
    assert canonical_pair(workbook) == canonical_pair(copy) == (workbook, copy)
    assert not canonical_is_stale(workbook, copy)
    edit(workbook)
    assert canonical_is_stale(workbook, copy)
    assert canonical_pair(tmp_path / "other.xlsx") is None
