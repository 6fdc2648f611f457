"""apply refuses a change that does not fit: an addition already in the base, an unknown kind, a change without
the records its kind needs, a record without a name. Each names the change; nothing is written."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import CliResult
from tests.xlsx_fixtures import HEADER, row, write_xlsx

Cli = Callable[..., CliResult]
CODED = ["事项编码", *HEADER]


def base(tmp_path: Path) -> Path:
    rows = [CODED] + [[f"CF000000000{n}", *row(n, f"事项{n}", kind="行政处罚")] for n in range(1, 4)]
    return write_xlsx(tmp_path / "base.xlsx", {"S": rows})


def record(name: str, **values: str) -> dict[str, Any]:
    return {
        "name": name,
        "type": "行政处罚",
        "basis": "《中华人民共和国行政许可法》第十二条",
        "body": "区示例局",
        **values,
    }


def order(tmp_path: Path, *changes: dict[str, Any]) -> Path:
    path = tmp_path / "order.json"
    path.write_text(json.dumps({"changes": list(changes)}, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("change", "says"),
    [
        pytest.param({"kind": "added", "new": record("新事项", code="CF0000000002")}, "已有", id="added-code-exists"),
        pytest.param(
            {
                "kind": "added",
                "new": record(
                    "事项1", seq="9", office="审批科", level="区级", level_scope="负责本区", code="CF0000000001"
                ),
            },
            "已有",
            id="added-item-exists",
        ),
        pytest.param({"kind": "renamed", "new": record("新事项")}, "无法识别", id="unknown-kind"),
        pytest.param({"new": record("新事项")}, "无法识别", id="no-kind"),
        pytest.param({"kind": "added", "new": None}, "只有新记录", id="added-new-null"),
        pytest.param(
            {"kind": "added", "old": record("事项1"), "new": record("事项9")}, "只有新记录", id="added-with-old"
        ),
        pytest.param(
            {"kind": "cancelled", "old": record("事项1"), "new": record("事项9")}, "只有原记录", id="cancel-new"
        ),
        pytest.param({"kind": "adjusted", "old": record("事项1")}, "既有原记录", id="adjusted-no-new"),
        pytest.param({"kind": "added", "new": {"type": "行政处罚", "basis": "《法》"}}, "没有事项名称", id="nameless"),
    ],
)
def test_a_change_that_does_not_fit_is_refused(cli: Cli, tmp_path: Path, change: dict[str, Any], says: str) -> None:
    out = tmp_path / "new.jsonl"
    result = cli("apply", base(tmp_path), order(tmp_path, change), "-o", out)
    assert result.code == 2, result.err
    assert says in result.err and "changes[1]" in result.err and "Traceback" not in result.err
    assert len(result.err.strip().splitlines()) == 1
    assert not out.exists()


def test_a_new_item_of_an_existing_name_with_its_own_basis_is_added(cli: Cli, tmp_path: Path) -> None:
    # Real lists hold two separately numbered items of one name with different bases: adding one is no repeat.
    twin = record("事项1", basis="《城市市容和环境卫生管理条例》第三十六条")
    out = tmp_path / "new.jsonl"
    assert cli("apply", base(tmp_path), order(tmp_path, {"kind": "added", "new": twin}), "-o", out).code == 0
    assert sum(1 for line in out.read_text(encoding="utf-8").splitlines() if '"事项1"' in line) == 2


def test_an_addition_in_a_workbook_order_is_refused_too(cli: Cli, tmp_path: Path) -> None:
    source = base(tmp_path)
    rows = [CODED] + [[f"CF000000000{n}", *row(n, f"事项{n}", kind="行政处罚")] for n in (1, 2, 3, 4)]
    edited = write_xlsx(tmp_path / "edited.xlsx", {"S": rows})
    xlsx = tmp_path / "order.xlsx"
    assert cli("diff", source, edited, "--format", "xlsx", "-o", xlsx).code == 0
    # Applied to the edition that already has the added item, the addition repeats it.
    out = tmp_path / "twice.jsonl"
    result = cli("apply", edited, xlsx, "-o", out)
    assert result.code == 2 and "事项4" in result.err and not out.exists()
