"""`listkit check`: a list held against the catalogue it must follow (samples made by samples/check_pairs.py)."""

from __future__ import annotations

import json
import random
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from listkit.check import check_lists
from listkit.model import ItemList
from listkit.read import read_list
from listkit.record import Record, SourceRef
from tests.conftest import SAMPLES, CliResult

Cli = Callable[..., CliResult]

CATALOGUE, COUNTY = SAMPLES / "city-catalogue.xlsx", SAMPLES / "county-list.xlsx"
DELEGATED, CANCELLED, TAKEN = (SAMPLES / f"delegated-{n}.xlsx" for n in ("items", "cancelled", "county"))


def _planted(path: Path) -> dict[str, object]:
    expected: dict[str, object] = json.loads(path.with_suffix(".expected-check.json").read_text(encoding="utf-8"))
    return expected


def _found(items: list[dict[str, object]] | list[tuple[str, list[str], str]]) -> list[tuple[str, tuple[str, ...], str]]:
    return sorted((str(s), tuple(a), str(n)) for s, a, n in items)  # type: ignore[misc]


def test_the_county_list_gets_exactly_the_planted_statuses() -> None:
    expected = _planted(COUNTY)
    result = check_lists(read_list([COUNTY]), read_list([CATALOGUE]))
    assert result.level == expected["level"]
    assert {k: v for k, v in result.summary.as_dict().items() if k != "cancelled"} == expected["summary"]
    got = [
        (item.status, item.aspects, (item.listed or item.reference).values["name"])  # type: ignore[union-attr]
        for item in result.items
    ]
    planted = [(e["status"], e["aspects"], e["name"]) for e in expected["items"]]  # type: ignore[attr-defined]
    assert _found(got) == _found(planted)


def test_bodies_and_offices_differ_everywhere_yet_are_not_compared() -> None:
    result = check_lists(read_list([COUNTY]), read_list([CATALOGUE]))
    matched = [item for item in result.items if item.listed and item.reference]
    assert all(item.listed.values["body"] != item.reference.values["body"] for item in matched)  # type: ignore[union-attr]
    assert not any("body-changed" in item.aspects or "office-changed" in item.aspects for item in result.items)
    asked = check_lists(read_list([COUNTY]), read_list([CATALOGUE]), compare=["body"])
    assert asked.summary.differs == len([i for i in matched if i.status != "out-of-level"])


def test_the_delegation_figure() -> None:
    result = check_lists(read_list([TAKEN]), read_list([DELEGATED]), cancelled=read_list([CANCELLED]))
    assert result.summary.as_dict() == _planted(TAKEN)["summary"]
    assert (result.summary.reference, result.summary.cancelled, result.summary.taken_up) == (348, 71, 230)


@pytest.mark.parametrize(
    ("scope", "statuses"),
    [("covers", {"conforming", "differs", "missing"}), ("within", {"conforming", "extra", "out-of-level"})],
)
def test_scopes(scope: str, statuses: set[str]) -> None:
    result = check_lists(read_list([COUNTY]), read_list([CATALOGUE]), scope=scope)
    assert {item.status for item in result.items} == statuses


def test_level_given_on_the_command_line_wins() -> None:
    result = check_lists(read_list([COUNTY]), read_list([CATALOGUE]), level="市级")
    # Held as a city list, the county-only items are out of level and the city-only ones missing.
    assert result.level == "市级"
    assert result.summary.out_of_level > 0 and result.summary.reference == 40


def test_a_list_without_levels_is_held_against_every_item() -> None:
    county = read_list([COUNTY])
    for record in county.records:
        record.values.pop("level", None)
    result = check_lists(county, read_list([CATALOGUE]))
    assert result.level is None and result.summary.reference == 60 and result.summary.out_of_level == 0


# --- matching on generated pairs -----------------------------------------------------------------------------


def _small_edit(rng: random.Random, name: str) -> str:
    position = rng.randrange(1, len(name) - 1)
    return name[:position] + "依法" + name[position:]


@pytest.fixture(scope="module")
def district() -> list[Record]:
    records = read_list([SAMPLES / "district-power-list.xlsx"]).records
    return [r for r in records if not r.values.get("sub_name")][:600]


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10_000), with_codes=st.booleans())
def test_matching_is_exact_on_generated_pairs(district: list[Record], seed: int, with_codes: bool) -> None:
    """A lower level's copy: reordered, other bodies, offices and departments, codes of its own or none, 20% of
    names slightly edited; every pair found (recall) and no false one (precision)."""
    rng = random.Random(seed)
    catalogue = [r.model_copy(deep=True) for r in district]
    for number, record in enumerate(catalogue):
        record.source = SourceRef(file="truth", row=number)
        record.values["level"] = "市级、县级"
    county = [r.model_copy(deep=True) for r in catalogue[:540]]
    edited = set(rng.sample(range(len(county)), k=len(county) // 5))
    for index, record in enumerate(county):
        record.department = "示例县" + (record.department or "")
        record.values["body"] = "示例县某局"
        record.values["office"] = "某股"
        record.values["level"] = "县级"
        if with_codes:
            record.values["code"] = f"990125{index:010d}"
        else:
            record.values.pop("code", None)
        if index in edited:
            record.values["name"] = _small_edit(rng, record.values["name"])
    rng.shuffle(county)
    result = check_lists(
        ItemList(schema_name="power-list", records=county), ItemList(schema_name="power-list", records=catalogue)
    )
    pairs = [item for item in result.items if item.listed and item.reference]
    assert all(item.listed.source == item.reference.source for item in pairs), "precision"  # type: ignore[union-attr]
    assert len(pairs) == 540, "recall"
    assert result.summary.differs == len(edited) and result.summary.missing == 60
    assert all(item.aspects == ["renamed"] for item in result.items if item.status == "differs")


# --- the command, in every format -----------------------------------------------------------------------------

ARGS = [str(COUNTY), "--against", str(CATALOGUE)]


def test_json_is_the_library_result_and_the_planted_statuses(cli: Cli) -> None:
    result = cli("check", *ARGS, "--format", "json")
    assert result.code == 1  # differences found
    document = json.loads(result.out)
    expected = _planted(COUNTY)
    assert document["summary"] == {**expected["summary"], "cancelled": 0}  # type: ignore[dict-item]
    assert document["level"] == "县级" and document["scope"] == "both"
    got = [(i["status"], i["aspects"], (i["list"] or i["reference"])["name"]) for i in document["items"]]
    assert _found(got) == _found([(e["status"], e["aspects"], e["name"]) for e in expected["items"]])  # type: ignore[attr-defined]
    renamed = next(i for i in document["items"] if i["aspects"] == ["renamed"])
    assert renamed["match"]["by"] == "fuzzy" and renamed["list"]["source"]["file"].endswith("county-list.xlsx")
    assert "应承接 40 项：已承接 37 项（其中不一致 6 项），未承接 3 项" in result.err


def test_text_markdown_and_english(cli: Cli) -> None:
    text = cli("check", *ARGS)
    assert text.code == 1 and "[未承接]" in text.out and "[层级不符]" in text.out and "目录所列层级：市级" in text.out
    assert text.out.count("[承接不一致]") == 6 and "[承接一致]" not in text.out
    markdown = cli("check", *ARGS, "--format", "markdown", "--by", "department")
    assert "#### 未承接（3）" in markdown.out and "#### 超出目录（2）" in markdown.out
    assert "| 部门 | 应承接 |" in markdown.out
    english = cli("check", *ARGS, "--lang", "en")
    assert "[missing]" in english.out and "40 catalogue items apply: 37 taken up (6 of them differ)" in english.err


def test_html_page_and_xlsx_sheet(cli: Cli, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    page = tmp_path / "check.html"
    assert cli("check", *ARGS, "--format", "html", "-o", page).code == 1
    html = page.read_text(encoding="utf-8")
    assert "<script" not in html and "http" not in html.split("<body>", 1)[1]
    assert "未承接（3）" in html and "<ins>（含延续）</ins>" in html
    sheet = tmp_path / "对照表.xlsx"
    assert cli("check", *ARGS, "--format", "xlsx", "-o", sheet).code == 1
    rows = list(load_workbook(sheet).active.iter_rows(values_only=True))
    assert rows[1][:4] == ("序号", "部门", "对照结果", "差异") and rows[1][-1] == "说明"
    statuses = [row[2] for row in rows[2:]]
    assert statuses.count("未承接") == 3 and statuses.count("承接一致") == 31 and len(statuses) == 44
    assert cli("check", *ARGS, "--format", "xlsx").code == 2  # needs -o


def test_exit_codes_and_fail_on(cli: Cli) -> None:
    assert cli("check", *ARGS, "--fail-on", "cancelled").code == 0
    assert cli("check", *ARGS, "--scope", "within", "--fail-on", "missing").code == 0
    assert cli("check", *ARGS, "--fail-on", "nonsense").code == 2
    assert cli("check", str(DELEGATED), "--against", str(DELEGATED)).code == 0  # every item conforms
    assert cli("check", *ARGS, "--level", "火星级").code == 2
    missing = cli("check", *ARGS, "--against", "nowhere.xlsx")
    assert missing.code == 2 and "nowhere.xlsx" in missing.err and "Traceback" not in missing.err


def test_delegation_from_the_command_line(cli: Cli) -> None:
    result = cli("check", str(TAKEN), "--against", str(DELEGATED), "--cancelled", str(CANCELLED), "-f", "json")
    assert json.loads(result.out)["summary"] == _planted(TAKEN)["summary"]
    assert "目录事项已取消 71 项" in result.err


def test_a_derived_list_against_its_master_list(cli: Cli) -> None:
    """Each 证照分离 item must name a licensing item: the one that names none is all `--scope within` reports."""
    derived = SAMPLES / "zhengzhao-derived.xlsx"
    expected = _planted(derived)
    result = cli(
        "check", derived, "--schema", "zhengzhao-list",
        "--against", SAMPLES / "licensing-list.xlsx", "--against-schema", "licensing-list",
        "--scope", "within", "--format", "json",
    )  # fmt: skip
    document = json.loads(result.out)
    reported = [item for item in document["items"] if item["status"] != "conforming"]
    assert [item["list"]["name"] for item in reported] == expected["extra"]
    assert [item["status"] for item in reported] == ["extra"] and result.code == 1
    taken = [item for item in document["items"] if item["status"] == "conforming"]
    assert taken and all(item["reference"]["type"] == "行政许可" for item in taken)  # the master's own record


# --- exactly the planted statuses, in every format ------------------------------------------------------------


def _listed_planted() -> set[tuple[str, str]]:
    """(status label, name) of every item the reports list one by one: all but the conforming."""
    from listkit.i18n import t

    return {
        (t(f"check.status.{e['status']}", "zh"), str(e["name"]))
        for e in _planted(COUNTY)["items"]  # type: ignore[attr-defined]
        if e["status"] != "conforming"
    }


def test_every_format_lists_exactly_the_planted_items(cli: Cli, tmp_path: Path) -> None:
    import re

    from openpyxl import load_workbook

    from listkit.i18n import t

    planted = _listed_planted()
    labels = "|".join(re.escape(status) for status, _name in planted)
    text = cli("check", *ARGS).out
    assert {(m[0], m[1]) for m in re.findall(rf"^\[({labels})\] [^·\n]+ · (.+?)(?:  .*)?$", text, re.M)} == planted
    markdown = cli("check", *ARGS, "-f", "markdown").out
    found_md = set()
    for block in markdown.split("#### ")[1:]:
        status = block.split("（", 1)[0]
        for row in block.splitlines()[4:]:
            if row.startswith("|"):
                found_md.add((status, row.split(" | ")[2]))
    assert found_md == planted
    page = tmp_path / "check.html"
    cli("check", *ARGS, "-f", "html", "-o", page)
    html = page.read_text(encoding="utf-8")
    found_html = set()
    for block in html.split('<h2 class="')[1:]:
        status = block.split(">", 1)[1].split("（", 1)[0]
        for name in re.findall(r"<strong>[^<]*? · ([^<·]+?)</strong>", block):
            found_html.add((status, name))
    assert planted <= found_html  # renamed items also show the catalogue's name beside the list's
    result = check_lists(read_list([COUNTY]), read_list([CATALOGUE]))
    renamed = {
        (t("check.status.differs", "zh"), item.reference.values["name"])
        for item in result.items
        if "renamed" in item.aspects and item.reference is not None
    }
    assert found_html - planted == renamed
    sheet = tmp_path / "check.xlsx"
    cli("check", *ARGS, "-f", "xlsx", "-o", sheet)
    rows = list(load_workbook(sheet).active.iter_rows(min_row=3, values_only=True))
    every = {(str(row[2]), str(row[5] or row[4])) for row in rows}
    assert every == {
        (t(f"check.status.{e['status']}", "zh"), str(e["name"]))
        for e in _planted(COUNTY)["items"]  # type: ignore[attr-defined]
    }


@pytest.mark.skipif(
    not (shutil.which("soffice") and shutil.which("pdftotext")), reason="LibreOffice and poppler-utils not installed"
)
def test_the_check_sheet_prints_landscape_with_every_item_whole(cli: Cli, tmp_path: Path) -> None:
    from tests.test_print import _flat, _print

    sheet = tmp_path / "对照表.xlsx"
    cli("check", *ARGS, "-f", "xlsx", "-o", sheet)
    raw, heights, pages = _print(sheet)
    assert heights[len(heights) // 2] >= 8.0  # 8 pt type, as the publication
    printed = _flat(raw)
    for item in check_lists(read_list([COUNTY]), read_list([CATALOGUE])).items:
        for record in (item.listed, item.reference):
            if record is not None:
                assert _flat(record.values["name"]) in printed and _flat(record.values["basis"]) in printed
    assert "第 1 页，共" in raw and pages >= 2


def test_the_library_entry_point_is_what_the_command_renders(cli: Cli) -> None:
    import listkit
    from listkit import __version__
    from listkit.render.check_json import check_json

    result = listkit.check_lists(read_list([COUNTY]), read_list([CATALOGUE]))
    document = json.loads(cli("check", *ARGS, "-f", "json").out)
    assert document == json.loads(json.dumps(check_json(result, __version__), ensure_ascii=False))
