"""Nothing lost on the way out: columns the schema does not know (申请条件, 法定期限 …) travel through every
output that claims to be a list, and the HTML catalogue shows them in the detail view."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from listkit.read import read_list
from tests.conftest import SAMPLES, CliResult
from tests.xlsx_fixtures import HEADER, row, write_xlsx

Cli = Callable[..., CliResult]
EXTRA_HEADERS = ["实施对象", "申请条件", "法定期限", "收费依据", "备用列(P)"]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def with_extras(tmp_path: Path) -> Path:
    rows = [[*HEADER, *EXTRA_HEADERS]]
    for n in range(1, 6):
        extras = [
            f"对象{n}",
            f"条件{n}：\n1.具备资格；\n2.材料齐全",
            f"{n * 5}个工作日",
            "" if n % 2 else "不收费",
            "依据",
        ]
        rows.append([*row(n, f"事项{n}"), *extras])
    return write_xlsx(tmp_path / "list.xlsx", {"行政许可": rows})


def extras_of(path: Path) -> list[dict[str, str]]:
    return [r.extra for r in sorted(read_list([path]).records, key=lambda r: r.values["name"])]


@pytest.mark.parametrize("suffix", ["csv", "json"])
def test_extra_columns_survive_export_and_import(cli: Cli, tmp_path: Path, suffix: str) -> None:
    source = with_extras(tmp_path)
    assert set(extras_of(source)[1]) == set(EXTRA_HEADERS)
    out = tmp_path / f"pub.{suffix}"
    assert cli("export", source, "-o", out).code == 0
    assert extras_of(out) == extras_of(source)
    diff = json.loads(cli("diff", source, out, "--format", "json").out)
    assert diff["summary"]["adjusted"] == diff["summary"]["added"] == diff["summary"]["cancelled"] == 0


def test_the_html_catalogue_carries_extra_columns(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "c.html"
    assert cli("export", with_extras(tmp_path), "-o", out).code == 0
    text = out.read_text(encoding="utf-8")
    details = json.loads(text.split('<script type="application/json" id="details">', 1)[1].split("</script>", 1)[0])
    assert ["法定期限", "5个工作日"] in details[0]["fields"]


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (Debian package 'chromium')")
def test_the_detail_view_shows_extra_columns_in_a_browser(cli: Cli, tmp_path: Path) -> None:
    playwright = pytest.importorskip("playwright.sync_api")
    out = tmp_path / "c.html"
    assert cli("export", with_extras(tmp_path), "-o", out).code == 0
    with playwright.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page()
        page.goto(out.as_uri())
        page.locator("#items tbody tr", has_text="事项2").first.click()
        detail = page.locator("#detail-fields").inner_text()
        browser.close()
    assert "申请条件" in detail and "2.材料齐全" in detail and "10个工作日" in detail and "不收费" in detail


@pytest.mark.parametrize("suffix", ["csv", "json"])
@pytest.mark.parametrize(
    "sample",
    [
        "district-power-list.xlsx",
        "district-power-list-2022.xlsx",
        "department-power-list.csv",
        "licensing-list.xlsx",
        "broken-power-list.xlsx",
    ],
)
def test_every_sample_comes_back_from_open_data_unchanged(cli: Cli, tmp_path: Path, sample: str, suffix: str) -> None:
    canonical, published, back = tmp_path / "list.jsonl", tmp_path / f"pub.{suffix}", tmp_path / "back.jsonl"
    assert cli("import", SAMPLES / sample, "-o", canonical).code == 0
    assert cli("export", canonical, "-o", published).code == 0
    assert cli("import", published, "-o", back).code == 0
    key = lambda r: (r.values, r.extra, r.department)  # noqa: E731
    assert sorted(map(key, read_list([back]).records), key=str) == sorted(
        map(key, read_list([canonical]).records), key=str
    )
    summary = json.loads(cli("diff", canonical, back, "--format", "json").out)["summary"]
    assert (summary["added"], summary["cancelled"], summary["adjusted"]) == (0, 0, 0)
