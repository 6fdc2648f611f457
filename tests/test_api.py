"""The library for scripts (listkit/api.py): each function gives what its command renders, and the README's
annual-update script runs as written.

Each function is held against the CLI on the samples: the library's result rendered by the command's own json
renderer is the CLI's ``--format json`` output, its list written as the CLI writes it is the CLI's file, its
publication is byte for byte the CLI's. The name clash of ``listkit.diff`` / ``listkit.check`` (functions, and the
core's subpackages) is tested in fresh interpreters, where the order of imports is the script's own.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import listkit
from listkit import __version__
from listkit.diff.model import ChangeSet
from listkit.errors import InputError, UsageError
from listkit.formats import renderer
from listkit.formats.options import RenderOptions
from listkit.model import ItemList
from listkit.render.check_text import title
from listkit.write import canonical_writer
from tests.conftest import ROOT, SAMPLES, CliResult

Cli = Callable[..., CliResult]

COUNTY, CATALOGUE = SAMPLES / "county-list.xlsx", SAMPLES / "city-catalogue.xlsx"
OLD, NEW = SAMPLES / "district-power-list.xlsx", SAMPLES / "district-power-list-2022.xlsx"
BROKEN = SAMPLES / "broken-power-list.xlsx"
ORDERS = sorted(SAMPLES.glob("county-change-*.json"))
SCRIPT_HEADING = "## 脚本中使用 / The library for scripts"


def rendered_json(command: str, result: object, **options: Any) -> Any:
    """``result`` as the command's ``--format json`` renders it."""
    text = renderer(command, "json").renderer()(result, RenderOptions(version=__version__, **options))
    assert isinstance(text, str | bytes)
    return json.loads(text)


# -- each function against its command ------------------------------------------------------------------------


def test_read_list_takes_a_path_or_paths() -> None:
    one = listkit.read_list(COUNTY)
    assert isinstance(one, ItemList) and len(one.records) == 41
    assert listkit.read_list(str(COUNTY)).records == one.records
    both = listkit.read_list([COUNTY, SAMPLES / "generate.py", CATALOGUE])  # not a list: skipped, as the CLI does
    assert len(both.records) == 41 + 60
    assert len(both.skipped_files) == 1


@pytest.mark.parametrize("options", [[], ["--strict", "--max-errors", "2"], ["--select", "basis-format"]])
def test_validate_list_is_validates_report(cli: Cli, options: list[str]) -> None:
    result = cli("validate", BROKEN, "--format", "json", *options)
    keywords: dict[str, Any] = {}
    if "--strict" in options:
        keywords = {"strict": True, "max_errors": 2}
    if "--select" in options:
        keywords = {"select": ["basis-format"]}
    report = listkit.validate_list(listkit.read_list(BROKEN), **keywords)
    assert rendered_json("validate", report) == json.loads(result.out)
    assert result.code == (0 if report.valid else 1)


def test_validate_list_takes_several_lists_each_on_its_own(cli: Cli) -> None:
    result = cli("validate", BROKEN, COUNTY, "--format", "json")
    report = listkit.validate_list([listkit.read_list(BROKEN), listkit.read_list(COUNTY)])
    assert rendered_json("validate", report) == json.loads(result.out)


def test_diff_is_diffs_changeset(cli: Cli) -> None:
    result = cli("diff", OLD, NEW, "--format", "json")
    changes = listkit.diff(str(OLD), str(NEW))  # the paths as the CLI was given them: the report names them
    assert isinstance(changes, ChangeSet)
    assert rendered_json("diff", changes) == json.loads(result.out)
    assert (changes.count("added"), changes.count("cancelled"), changes.count("adjusted")) == (21, 3, 21)


def test_diff_options_are_the_clis(cli: Cli) -> None:
    result = cli("diff", OLD, NEW, "--format", "json", "--no-fuzzy", "--show-cosmetic")
    changes = listkit.diff(str(OLD), str(NEW), fuzzy=False, cosmetic=True)
    assert rendered_json("diff", changes, show_cosmetic=True) == json.loads(result.out)


def test_diff_refuses_lists_of_two_schemas() -> None:
    with pytest.raises(UsageError):
        listkit.diff(OLD, SAMPLES / "licensing-list.xlsx")


def test_apply_is_applys_list(cli: Cli, tmp_path: Path) -> None:
    order = tmp_path / "order.json"
    assert cli("diff", OLD, NEW, "--format", "json", "-o", order).code == 0
    assert cli("apply", OLD, order, "-o", tmp_path / "new.jsonl").code == 0
    from_file = listkit.apply(OLD, order)
    assert canonical_writer("jsonl")(from_file) == (tmp_path / "new.jsonl").read_bytes()
    # The same change order as a parsed document, and as the ChangeSet diff returned: the same list (the records
    # it adds say where they came from, which differs: the file, or the document).
    from_document = listkit.apply(OLD, json.loads(order.read_text(encoding="utf-8")))
    from_changes = listkit.apply(listkit.read_list(OLD), listkit.diff(OLD, NEW))
    contents = [(r.department, r.values) for r in from_file.records]
    assert [(r.department, r.values) for r in from_document.records] == contents
    assert [(r.department, r.values) for r in from_changes.records] == contents
    assert len(contents) == len(listkit.read_list(NEW).records)


def test_apply_refuses_a_change_that_does_not_fit() -> None:
    order = {"changes": [{"kind": "cancelled", "old": {"name": "本清单没有的事项", "type": "行政处罚"}}]}
    base = listkit.read_list(COUNTY)
    with pytest.raises(InputError):
        listkit.apply(base, order)
    assert len(base.records) == 41  # the base is as it was


@pytest.mark.parametrize("by_department", [False, True])
def test_check_is_checks_result(cli: Cli, by_department: bool) -> None:
    result = cli("check", COUNTY, "--against", CATALOGUE, "--format", "json", *(["--by", "department"] * by_department))
    checked = listkit.check(str(COUNTY), str(CATALOGUE))
    heading = title(checked, "zh", names_only=True)
    assert rendered_json("check", checked, title=heading, by_department=by_department) == json.loads(result.out)
    assert result.code == 1 and checked.fails_on(("missing",))
    expected = json.loads((SAMPLES / "county-list.expected-check.json").read_text(encoding="utf-8"))
    assert checked.level == expected["level"]
    assert checked.summary.missing == expected["summary"]["missing"]


def test_check_with_cancelled_items(cli: Cli) -> None:
    taken, delegated, gone = (SAMPLES / f"delegated-{n}.xlsx" for n in ("county", "items", "cancelled"))
    result = cli("check", taken, "--against", delegated, "--cancelled", gone, "--format", "json")
    checked = listkit.check(str(taken), str(delegated), cancelled=str(gone))
    heading = title(checked, "zh", names_only=True)
    assert rendered_json("check", checked, title=heading) == json.loads(result.out)
    assert (checked.summary.conforming, checked.summary.cancelled, checked.summary.missing) == (230, 71, 47)


def test_compute_stats_is_stats(cli: Cli) -> None:
    result = cli("stats", SAMPLES / "service-list.xlsx", "--rate", "online", "--format", "json")
    stats = listkit.compute_stats(SAMPLES / "service-list.xlsx", rates=["online"])
    assert rendered_json("stats", stats) == json.loads(result.out)
    by_department = listkit.compute_stats(listkit.read_list(COUNTY), by="department")
    assert by_department.total.records == 41


@pytest.mark.parametrize("fmt", ["xlsx", "html", "json", "csv", "md"])
def test_export_is_exports_file(cli: Cli, tmp_path: Path, fmt: str) -> None:
    cli_file, api_file = tmp_path / f"cli.{fmt}", tmp_path / f"api.{fmt}"
    assert cli("export", COUNTY, "-o", cli_file).code == 0
    items = listkit.read_list(COUNTY)
    assert listkit.export(items, format=fmt) == cli_file.read_bytes()
    assert listkit.export(items, api_file) is None  # the format from the suffix, as -o chooses it
    assert api_file.read_bytes() == cli_file.read_bytes()


def test_export_options_are_the_clis(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "by-department.xlsx"
    assert cli("export", COUNTY, "-o", out, "--title", "某县清单", "--group-by", "department").code == 0
    assert listkit.export(COUNTY, format="xlsx", title="某县清单", group_by="department") == out.read_bytes()


def test_export_never_overwrites_its_input(tmp_path: Path) -> None:
    copy = tmp_path / "county.csv"
    copy.write_bytes(listkit.export(COUNTY, format="csv"))
    before = copy.read_bytes()
    with pytest.raises(UsageError):
        listkit.export(listkit.read_list(copy), copy)
    with pytest.raises(UsageError):
        listkit.export(copy, copy)
    with pytest.raises(UsageError):
        listkit.export(COUNTY, format="docx")
    assert copy.read_bytes() == before


# -- listkit.diff and listkit.check: functions and subpackages at once -------------------------------------------


def run_python(code: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """``code`` in a fresh interpreter (imports in the order it makes them), failing the test on an error."""
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], cwd=cwd, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    return done


def test_subpackages_imported_first_leave_the_functions_callable() -> None:
    run_python(
        """
        import listkit.diff.match
        import listkit.check.model
        from listkit import diff, check
        assert callable(diff) and callable(check), (diff, check)
        import listkit
        assert listkit.diff is diff and listkit.check is check
        changes = listkit.diff("samples/district-power-list.xlsx", "samples/district-power-list-2022.xlsx")
        assert changes.count("added") == 21, changes.count("added")
        result = check("samples/county-list.xlsx", "samples/city-catalogue.xlsx")
        assert result.summary.missing == 3
        """
    )


def test_functions_imported_first_leave_the_subpackages_whole() -> None:
    run_python(
        """
        import inspect
        import sys
        from unittest import mock
        from listkit import check, diff
        from listkit.diff import diff_lists
        from listkit.check import check_lists
        from listkit.check.model import CheckResult
        import listkit.diff as diff_package
        import listkit.check as check_package
        import listkit
        assert diff_package is sys.modules["listkit.diff"] is diff and diff.diff_lists is diff_lists
        assert check_package is sys.modules["listkit.check"] is check and check.check_lists is check_lists
        # A patch by dotted name finds the package through the attribute (test_settle.py patches so).
        with mock.patch("listkit.diff.settle_unchanged") as patched:
            assert sys.modules["listkit.diff"].settle_unchanged is patched
        assert list(inspect.signature(listkit.diff).parameters)[:2] == ["old", "new"]
        assert list(inspect.signature(check).parameters)[:2] == ["items", "catalogue"]
        """
    )


def test_functions_work_after_the_cli_ran_a_diff_and_a_check() -> None:
    run_python(
        """
        from listkit.cli.app import run
        assert run(["diff", "samples/district-power-list.xlsx", "samples/district-power-list-2022.xlsx"]) == 0
        assert run(["check", "samples/county-list.xlsx", "--against", "samples/city-catalogue.xlsx"]) == 1
        import listkit
        changes = listkit.diff("samples/district-power-list.xlsx", "samples/district-power-list-2022.xlsx")
        assert changes.count("cancelled") == 3
        assert listkit.check("samples/county-list.xlsx", "samples/city-catalogue.xlsx").summary.extra == 2
        from listkit.diff import diff_lists
        from listkit.check import check_lists
        """
    )


def test_import_listkit_loads_no_layer() -> None:
    done = run_python(
        """
        import sys
        import listkit
        print(sorted(name for name in sys.modules if name.startswith("listkit")))
        """
    )
    assert done.stdout.strip() == "['listkit']"


# -- the README's annual-update script -----------------------------------------------------------------------


def readme_script() -> str:
    """The one fenced python block of the README's library-for-scripts section, as written."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split(f"\n{SCRIPT_HEADING}\n", 1)[1].split("\n## ", 1)[0]
    blocks: list[str] = re.findall(r"```python\n(.+?)\n```", section, flags=re.S)
    (block,) = blocks
    return block


def test_the_readme_script_updates_the_county_list(tmp_path: Path) -> None:
    # Run from "the repository root" as the README says: a directory of its own, holding the samples.
    (tmp_path / "samples").symlink_to(SAMPLES, target_is_directory=True)
    done = subprocess.run(
        [sys.executable, "-c", readme_script()], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert ORDERS, "no change orders among the samples"
    kinds = [c["kind"] for order in ORDERS for c in json.loads(order.read_text(encoding="utf-8"))["changes"]]
    expected = 41 + kinds.count("added") - kinds.count("cancelled")
    assert expected == 40
    assert f"2025年版：{expected} 条" in done.stdout
    assert "应承接 40 项：已承接 40 项，不一致 0 项，未承接 0 项，超出目录 0 项" in done.stdout
    # Its real outputs: the print-ready catalogue reads back to the new list, which follows the catalogue.
    workbook = tmp_path / "示例县权责清单（2025年版）.xlsx"
    published = listkit.read_list(workbook)
    assert len(published.records) == expected
    checked = listkit.check(published, CATALOGUE)
    assert (checked.summary.reference, checked.summary.conforming) == (40, 40)
    assert not checked.fails_on(("differs", "missing", "extra", "out-of-level"))
    assert json.loads((tmp_path / "示例县权责清单（2025年版）.json").read_text(encoding="utf-8"))
