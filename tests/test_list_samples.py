"""What every list sample beside the two catalogues must do (samples/list_*.py: 证照分离, 告知承诺, 政务服务, 中介服务),
with no code of its own: known by its headers and clean under --strict, each seeded defect of its broken copy found
at its cell (the schema's declared rules among them, selectable by id), its next edition's changes exactly, and a
publication that reads back unchanged. Each list's own figures are in tests/test_list_<list>.py."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from listkit.read import read_list
from listkit.schema import load_schema
from listkit.validate import validate_list
from tests.conftest import SAMPLES, CliResult

Cli = Callable[..., CliResult]
LISTS = ("zhengzhao-list", "commitment-list", "service-list", "intermediary-list")


def expected(name: str) -> Any:
    return json.loads((SAMPLES / name).read_text(encoding="utf-8"))


def findings(report: dict[str, Any]) -> list[tuple[str, str, str]]:
    return sorted((f["rule"], f["severity"], f["cell"]) for f in report["findings"] if f["severity"] != "info")


@pytest.mark.parametrize("name", LISTS)
def test_sample_is_known_by_its_headers_and_clean(cli: Cli, name: str) -> None:
    sample = SAMPLES / f"{name}.xlsx"
    items = read_list([sample])
    assert items.schema_name == name
    assert [(f.rule, f.cell) for f in validate_list(items, strict=True).findings if f.severity != "info"] == []
    result = cli("validate", sample, "--strict", "-f", "json")
    assert result.code == 0, result.err
    assert findings(json.loads(result.out)) == []


@pytest.mark.parametrize("name", LISTS)
def test_every_seeded_defect_is_found_at_its_cell(cli: Cli, name: str) -> None:
    broken = SAMPLES / f"broken-{name}.xlsx"
    seeded = sorted((d["rule"], d["severity"], d["cell"]) for d in expected(f"broken-{name}.expected.json"))
    declared = {rule.id for rule in load_schema(name).rules}
    assert declared <= {rule for rule, _s, _c in seeded}  # the list's own rules are seeded too
    result = cli("validate", broken, "-f", "json")
    assert result.code == 1
    assert read_list([broken]).schema_name == name
    assert findings(json.loads(result.out)) == seeded
    if declared:
        only = json.loads(cli("validate", broken, "-f", "json", "--select", ",".join(sorted(declared))).out)
        assert findings(only) == [finding for finding in seeded if finding[0] in declared]


@pytest.mark.parametrize("name", LISTS)
def test_next_edition_gives_the_expected_changes(cli: Cli, name: str) -> None:
    result = cli("diff", SAMPLES / f"{name}.xlsx", SAMPLES / f"{name}-2022.xlsx", "-f", "json")
    assert result.code == 0, result.err
    report = json.loads(result.out)
    want = expected(f"{name}-2022.expected-diff.json")
    got = Counter((c["kind"], tuple(c["aspects"]), (c["new"] or c["old"])["name"]) for c in report["changes"])
    assert got == Counter((e["kind"], tuple(e["aspects"]), e["name"]) for e in want)
    kinds = Counter(e["kind"] for e in want)
    assert {kind: report["summary"][kind] for kind in ("added", "cancelled", "adjusted")} == dict(kinds)


@pytest.mark.parametrize("name", LISTS)
def test_the_publication_reads_back_unchanged(cli: Cli, tmp_path: Path, name: str) -> None:
    sample = SAMPLES / f"{name}.xlsx"
    published = tmp_path / "published.xlsx"
    assert cli("export", sample, "-o", published).code == 0
    assert read_list([published]).schema_name == name
    report = json.loads(cli("diff", sample, published, "-f", "json").out)
    assert report["changes"] == []
    assert report["summary"]["unchanged"] == len(read_list([sample]).records)
    page = tmp_path / "catalogue.html"
    assert cli("export", sample, "-o", page).code == 0
    html = page.read_text(encoding="utf-8")
    items = read_list([sample])
    assert items.meta.title and items.meta.title in html and items.records[0].get("name") in html
