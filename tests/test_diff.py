"""listkit diff: matching stages, classification, merges and splits, reports in every format, CI exit codes."""

from __future__ import annotations

import json
import random
import zipfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from listkit.diff import diff_lists
from listkit.model import ItemList
from listkit.read import read_list
from listkit.record import Record, SourceRef
from tests.conftest import SAMPLES, CliResult

Cli = Callable[..., CliResult]
OLD = SAMPLES / "district-power-list.xlsx"
NEW = SAMPLES / "district-power-list-2022.xlsx"
EXPECTED = json.loads((SAMPLES / "district-power-list-2022.expected-diff.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def editions() -> tuple[ItemList, ItemList]:
    return read_list([OLD]), read_list([NEW])


def test_sample_editions_give_the_published_figure(editions: tuple[ItemList, ItemList]) -> None:
    changes = diff_lists(*editions)
    assert (changes.count("added"), changes.count("cancelled"), changes.count("adjusted")) == (21, 3, 21)
    got = Counter((c.kind, tuple(sorted(c.aspects))) for c in changes.changes)
    want = Counter((e["kind"], tuple(e["aspects"])) for e in EXPECTED)
    assert got == want
    names = {c.subject().values["name"] for c in changes.changes}
    assert names == {e["name"] for e in EXPECTED}
    # the cosmetic edits (bracket and comma width, a space, 序号 renumbering) are not adjustments
    assert changes.cosmetic and all(c.kind == "cosmetic" for c in changes.cosmetic)
    assert changes.unchanged == 3630 - 3 - 22  # a merge consumes two old records


def test_every_format_reports_the_same_figure(cli: Cli, tmp_path: Path) -> None:
    report = json.loads(cli("diff", OLD, NEW, "--format", "json").out)
    assert {k: report["summary"][k] for k in ("added", "cancelled", "adjusted")} == {
        "added": 21,
        "cancelled": 3,
        "adjusted": 21,
    }
    assert report["old"]["records"] == 3630 and report["new"]["records"] == 3648
    assert sum(v["added"] for v in report["summary"]["by_type"].values()) == 21
    assert next(iter(report["summary"]["by_type"])) == "行政许可"
    kinds = Counter(c["kind"] for c in report["changes"])
    assert kinds == {"added": 21, "cancelled": 3, "adjusted": 21}
    merge = next(c for c in report["changes"] if "merged" in c["aspects"])
    assert len(merge["merged_from"]) == 1 and merge["match"]["by"] == "merge"
    split = next(c for c in report["changes"] if "split" in c["aspects"])
    assert len(split["split_into"]) == 1
    text = cli("diff", OLD, NEW)
    assert "新增 21 项、取消 3 项、调整 21 项" in text.err
    assert "合计" in text.out and "{+行政+}" in text.out  # inline marks where colour is off
    markdown = cli("diff", OLD, NEW, "--format", "markdown").out
    assert "| **合计** | **21** | **3** | **21** |" in markdown
    assert "#### 新增（21）" in markdown and "#### 取消（3）" in markdown and "#### 调整（21）" in markdown
    html_path, xlsx_path = tmp_path / "d.html", tmp_path / "d.xlsx"
    assert cli("diff", OLD, NEW, "--format", "html", "-o", html_path).code == 0
    html = html_path.read_text(encoding="utf-8")
    assert "<script" not in html and "http" not in html.split("</style>")[0].split("<style>")[1]
    assert html.count("<tr>") >= 45 and "<ins>行政</ins>" in html
    assert cli("diff", OLD, NEW, "--format", "xlsx", "-o", xlsx_path).code == 0
    from openpyxl import load_workbook

    workbook = load_workbook(xlsx_path)
    summary = workbook["调整情况表"]
    assert [c.value for c in summary[2]] == [
        "序号",
        "部门",
        "事项名称",
        "子项名称",
        "权力类型",
        "调整类型",
        "调整内容",
        "调整理由",
        "调整依据",
        "备注",
    ]
    kinds_written = Counter(str(row[5].value)[:2] for row in summary.iter_rows(min_row=3))
    assert kinds_written == {"新增": 21, "取消": 3, "调整": 21}
    contents = [str(row[6].value) for row in summary.iter_rows(min_row=3)]
    split_text = next(c for c in contents if "拆分为" in c)
    assert "（1." in split_text and "（2." in split_text  # the pieces of a split are told apart by sub-item
    assert any(c.startswith("由“") and "合并为" in c for c in contents)


def test_english_report(cli: Cli) -> None:
    result = cli("diff", OLD, NEW, "--lang", "en")
    assert "21 added, 3 cancelled, 21 adjusted" in result.err and "Total" in result.out


def test_apply_reproduces_the_new_edition_from_json_and_xlsx(cli: Cli, tmp_path: Path) -> None:
    new_canonical = tmp_path / "new.jsonl"
    cli("import", NEW, "-o", new_canonical)
    for fmt in ("json", "xlsx"):
        order, result = tmp_path / f"order.{fmt}", tmp_path / f"result-{fmt}.jsonl"
        assert cli("diff", OLD, NEW, "--format", fmt, "-o", order, "--show-cosmetic").code == 0
        applied = cli("apply", OLD, order, "-o", result)
        assert applied.code == 0, applied.err
        again = json.loads(cli("diff", new_canonical, result, "--format", "json", "--show-cosmetic").out)
        assert again["changes"] == [] and again["cosmetic"] == [], fmt


def test_apply_refuses_a_change_that_does_not_fit(cli: Cli, tmp_path: Path) -> None:
    order = tmp_path / "order.json"
    cli("diff", OLD, NEW, "--format", "json", "-o", order)
    document = json.loads(order.read_text(encoding="utf-8"))
    adjusted = next(
        i for i, c in enumerate(document["changes"]) if c["kind"] == "adjusted" and not c.get("merged_from")
    )
    document["changes"][adjusted]["old"]["body"] = "某个别的机关"
    order.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    target = tmp_path / "out.jsonl"
    result = cli("apply", OLD, order, "-o", target)
    assert result.code == 2 and f"changes[{adjusted + 1}]" in result.err and "某个别的机关" in result.err
    assert not target.exists()
    cancelled = next(i for i, c in enumerate(document["changes"]) if c["kind"] == "cancelled")
    document["changes"][adjusted]["old"]["body"] = document["changes"][adjusted]["new"]["body"]
    document["changes"][cancelled]["old"]["name"] = "不存在的事项"
    document["changes"][cancelled]["old"].pop("code", None)
    order.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    result = cli("apply", OLD, order, "-o", target)
    assert result.code == 2 and "不存在的事项" in result.err and not target.exists()


def test_apply_from_a_clerk_written_change_order(cli: Cli, tmp_path: Path) -> None:
    """A clerk writes 变更明细 by hand: one cancellation by name only, one addition."""
    from openpyxl import Workbook

    base = read_list([SAMPLES / "licensing-list.xlsx"])
    first = base.records[0]
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "变更明细"
    sheet.append(["变更序号", "原/新", "许可事项名称", "实施机关", "设定和实施依据"])
    sheet.append([1, "原", first.values["name"], None, None])
    sheet.append([2, "新", "示例新增许可", "区示例局", "《示例条例》第三条"])
    order = tmp_path / "order.xlsx"
    workbook.save(order)
    result_path = tmp_path / "out.jsonl"
    assert cli("apply", SAMPLES / "licensing-list.xlsx", order, "-o", result_path).code == 0
    names = [r.values["name"] for r in read_list([result_path]).records]
    assert "示例新增许可" in names and len(names) == len(base.records)
    assert names.count(first.values["name"]) == sum(r.values["name"] == first.values["name"] for r in base.records) - 1


def test_exit_codes_for_ci(cli: Cli) -> None:
    assert cli("diff", OLD, NEW).code == 0
    assert cli("diff", OLD, NEW, "--exit-code").code == 1
    assert cli("diff", OLD, OLD, "--exit-code").code == 0
    assert cli("diff", OLD, NEW, "--fail-on", "cancelled").code == 1
    assert cli("diff", OLD, NEW, "--fail-on", "bogus").code == 2
    assert cli("diff", OLD, NEW, "--format", "xlsx").code == 2  # needs -o


def test_two_canonical_jsonl_files(cli: Cli, tmp_path: Path) -> None:
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    cli("import", OLD, "-o", a)
    cli("import", NEW, "-o", b)
    report = json.loads(cli("diff", a, b, "--format", "json").out)
    assert (report["summary"]["added"], report["summary"]["cancelled"], report["summary"]["adjusted"]) == (21, 3, 21)


def test_show_cosmetic(cli: Cli) -> None:
    plain = json.loads(cli("diff", OLD, NEW, "--format", "json").out)
    shown = json.loads(cli("diff", OLD, NEW, "--format", "json", "--show-cosmetic").out)
    assert "cosmetic" not in plain and shown["cosmetic"]
    assert all(c["kind"] == "cosmetic" and c["fields"] == [] for c in shown["cosmetic"])


# --- matching on generated data -------------------------------------------------------------------------


def _records(items: ItemList) -> list[Record]:
    return [r.model_copy(deep=True) for r in items.records]


def _small_edit(rng: random.Random, name: str) -> str:
    """A wording edit of one or two characters, the kind a 更名 makes (never a no-op)."""
    while True:
        position = rng.randrange(1, len(name) - 1)
        choice = rng.random()
        if choice < 0.4:
            edited = name[:position] + "依法" + name[position:]
        elif choice < 0.7:
            edited = name[:position] + name[position + 1 :]
        else:
            edited = name[:position] + "相关" + name[position + 2 :]
        if edited != name:
            return edited


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_fuzzy_matching_recovers_every_true_pair(editions: tuple[ItemList, ItemList], seed: int) -> None:
    """No codes, re-ordered rows, 20% of names slightly edited, plus unrelated additions and cancellations."""
    rng = random.Random(seed)
    base = [r for r in _records(editions[0]) if not r.values.get("sub_name")][:1000]
    for number, record in enumerate(base):
        record.values.pop("code", None)
        record.source = SourceRef(file="truth", row=number)
    old = base[:950]
    new = [r.model_copy(deep=True) for r in old]
    edited = set(rng.sample(range(len(new)), k=len(new) // 5))
    for index in edited:
        new[index].values["name"] = _small_edit(rng, new[index].values["name"])
    new += [r.model_copy(deep=True) for r in base[950:]]  # 50 additions: real items, unrelated to the rest
    old += [r.model_copy(deep=True) for r in _records(editions[1])[-40:] if not r.values.get("sub_name")]
    for record in old[950:]:
        record.values.pop("code", None)
        record.source = SourceRef(file="unrelated", row=0)
    rng.shuffle(new)
    items = ItemList(schema_name="power-list", records=old), ItemList(schema_name="power-list", records=new)
    changes = diff_lists(*items)
    pairs = [(c.old, c.new) for c in changes.changes if c.kind == "adjusted"]
    correct = sum(1 for o, n in pairs if o and n and o.source == n.source)
    true_pairs = len(edited)
    assert correct == len(pairs), "precision: every reported pair is a true pair"
    assert correct == true_pairs, "recall: every edited name was found"
    assert changes.count("added") == 50 and changes.count("cancelled") == len(old) - 950
    fuzzy = [c for c in changes.changes if c.match and c.match.by == "fuzzy"]
    assert len(fuzzy) == true_pairs and min(c.match.score for c in fuzzy if c.match) >= 0.8


def test_min_score_and_no_fuzzy(editions: tuple[ItemList, ItemList]) -> None:
    old = [r for r in _records(editions[0]) if not r.values.get("sub_name")][:200]
    for record in old:
        record.values.pop("code", None)
    new = [r.model_copy(deep=True) for r in old]
    name = new[0].values["name"]
    new[0].values["name"] = name[:4] + "依法" + name[4:]
    items = ItemList(schema_name="power-list", records=old), ItemList(schema_name="power-list", records=new)
    assert diff_lists(*items).count("adjusted") == 1
    strict = diff_lists(*items, fuzzy=False)
    assert (strict.count("added"), strict.count("cancelled"), strict.count("adjusted")) == (1, 1, 0)
    picky = diff_lists(*items, min_score=0.999)
    assert (picky.count("added"), picky.count("cancelled")) == (1, 1)


def test_code_changed_item_is_not_cancelled_and_added() -> None:
    def record(code: str, name: str) -> Record:
        return Record(values={"code": code, "name": name, "type": "行政许可", "basis": "《法》第一条", "body": "局"})

    old = ItemList(
        schema_name="power-list", records=[record("990102201XK00100", "甲许可"), record("990102201XK00200", "乙许可")]
    )
    new = ItemList(
        schema_name="power-list", records=[record("990102201XK00100", "甲许可"), record("990102201XK00900", "乙许可")]
    )
    (change,) = diff_lists(old, new).changes
    assert change.kind == "adjusted" and change.aspects == ["code-changed"] and change.match
    assert change.match.by == "identity"


def test_level_change_direction() -> None:
    def record(level: str) -> Record:
        return Record(
            values={"name": "甲许可", "type": "行政许可", "basis": "《法》第一条", "body": "局", "level": level}
        )

    old = ItemList(schema_name="power-list", records=[record("区级")])
    new = ItemList(schema_name="power-list", records=[record("街道级")])
    (change,) = diff_lists(old, new).changes
    assert change.aspects == ["level-changed"] and change.fields[0].direction == "delegated"
    (back,) = diff_lists(new, old).changes
    assert back.fields[0].direction == "taken-back"


def test_change_order_workbook_is_deterministic(cli: Cli, tmp_path: Path) -> None:
    a, b = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    cli("diff", OLD, NEW, "--format", "xlsx", "-o", a)
    cli("diff", OLD, NEW, "--format", "xlsx", "-o", b)
    assert a.read_bytes() == b.read_bytes()
    assert "变更明细" in zipfile.ZipFile(a).read("xl/workbook.xml").decode()


def test_text_report_into_a_file(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "report.txt"
    result = cli("diff", OLD, NEW, "-o", out)
    assert result.code == 0 and result.out == ""
    text = out.read_text(encoding="utf-8")
    assert "合计" in text and "{+行政+}" in text and "\x1b[" not in text
