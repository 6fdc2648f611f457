"""listkit's own .jsonl files are read into columns; records, findings and stats must not depend on it.

Each case reads the same canonical file twice — through the column reader and through the record-by-record
reader — and compares what comes out. Files the column reader must not take (a hand-edited number, a blank
line that would shift line numbers, a variant type, no header) are checked to fall back.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from listkit.errors import InputError
from listkit.model import ItemList
from listkit.read import canonical_table as fast_module
from listkit.read import read_file
from listkit.read.canonical import read_jsonl
from listkit.read.canonical_table import read_canonical_table
from listkit.stats import compute_stats
from listkit.validate import validate_list
from tests.conftest import SAMPLES, CliResult

Cli = Callable[..., CliResult]

SAMPLE_FILES = [
    "district-power-list.xlsx",
    "broken-power-list.xlsx",
    "licensing-list.xlsx",
    "department-power-list.csv",
]


def _exact(path: Path) -> ItemList:
    with path.open("rb") as lines:
        return read_jsonl(lines, str(path), None)


def _dump(items: ItemList) -> list[tuple[object, ...]]:
    return [(r.model_dump(), r.at) for r in items.records]


@pytest.fixture(scope="module")
def canonical_files(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    from listkit.cli.app import run

    folder = tmp_path_factory.mktemp("canonical")
    paths = []
    for name in SAMPLE_FILES:
        target = folder / (Path(name).stem + ".jsonl")
        assert run(["--quiet", "import", str(SAMPLES / name), "-o", str(target)]) == 0
        paths.append(target)
    return paths


def test_column_reader_gives_the_same_records_findings_and_stats(canonical_files: list[Path]) -> None:
    for path in canonical_files:
        fast = read_canonical_table(path, str(path), None)
        assert fast is not None, path.name
        exact = _exact(path)
        assert fast.size == exact.size > 0
        fast_report = validate_list(fast).as_json("zh", "test")
        exact_report = validate_list(exact).as_json("zh", "test")
        assert fast_report == exact_report, path.name
        for by in ("type", "department", "level"):
            assert compute_stats(fast, by).as_json() == compute_stats(exact, by).as_json(), (path.name, by)
        # Stats and validation never built the records; now they are built, and equal.
        assert fast._records is None
        assert _dump(fast) == _dump(exact), path.name


def test_broken_list_findings_survive_the_round_trip(canonical_files: list[Path]) -> None:
    broken = next(p for p in canonical_files if p.stem == "broken-power-list")
    report = validate_list(read_file(broken))
    rules = {f.rule for f in report.findings}
    # The seeded defects that a canonical file can still carry (layout defects are gone once imported).
    assert {"duplicate-item", "duplicate-code", "code-format", "basis-format", "disguised-licence"} <= rules
    assert all(f.row is not None and f.row >= 2 for f in report.findings if f.rule != "completeness")


def _variant(lines: list[str], index: int, **changes: object) -> list[str]:
    record = json.loads(lines[index])
    record.update(changes)
    return [*lines[:index], json.dumps(record, ensure_ascii=False), *lines[index + 1 :]]


@pytest.mark.parametrize(
    "edit",
    [
        pytest.param(lambda lines: _variant(lines, 3, seq=7.5), id="float-value"),
        pytest.param(lambda lines: _variant(lines, 3, remark={"a": 1}), id="object-value"),
        pytest.param(lambda lines: _variant(lines, 3, seq=True), id="boolean-value"),
        pytest.param(lambda lines: _variant(lines, 3, type="处罚"), id="variant-type"),
        pytest.param(lambda lines: [*lines[:3], "", *lines[3:]], id="blank-line"),
        pytest.param(lambda lines: [*lines[:3], "   ", *lines[3:]], id="spaces-line"),
        pytest.param(lambda lines: lines[1:], id="no-header"),
        pytest.param(lambda lines: ["\ufeff" + lines[0], *lines[1:]], id="bom"),
        pytest.param(lambda lines: [*lines, "not json"], id="broken-line"),
    ],
)
def test_files_the_column_reader_does_not_take_fall_back(
    edit: object, canonical_files: list[Path], tmp_path: Path
) -> None:
    source = next(p for p in canonical_files if p.stem == "district-power-list")
    lines = source.read_text(encoding="utf-8").splitlines()
    path = tmp_path / "edited.jsonl"
    path.write_text("\n".join(edit(lines)) + "\n", encoding="utf-8")  # type: ignore[operator]
    assert read_canonical_table(path, str(path), None) is None
    if path.read_text(encoding="utf-8").rstrip().endswith("not json"):
        with pytest.raises(InputError):
            read_file(path)
        return
    items = read_file(path)  # the record reader takes it
    assert items._records is not None and items.size >= 3000


def test_an_integer_value_reads_the_same_both_ways(canonical_files: list[Path], tmp_path: Path) -> None:
    source = next(p for p in canonical_files if p.stem == "district-power-list")
    lines = _variant(source.read_text(encoding="utf-8").splitlines(), 3, seq=7, remark=-12, office=1e3)
    path = tmp_path / "integers.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    fast = read_canonical_table(path, str(path), None)
    assert fast is not None
    assert _dump(fast) == _dump(_exact(path))
    assert [fast.records[2].values[k] for k in ("seq", "remark", "office")] == ["7", "-12", "1000"]


def test_a_record_the_columns_built_can_be_edited_like_any_other(canonical_files: list[Path]) -> None:
    path = canonical_files[0]
    items = read_canonical_table(path, str(path), None)
    assert items is not None
    size = items.size
    items.records.pop()
    assert items.size == size - 1
    assert items.table().height == size - 1  # the table follows the records once they are the truth


def test_validate_cli_on_canonical_file_points_at_lines(cli: Cli, canonical_files: list[Path]) -> None:
    broken = next(p for p in canonical_files if p.stem == "broken-power-list")
    result = cli("validate", broken, "--format", "json")
    assert result.code == 1
    findings = json.loads(result.out)["findings"]
    lines = broken.read_text(encoding="utf-8").splitlines()
    checked = 0
    for finding in findings:
        if finding["rule"] == "duplicate-code":
            # The line of the canonical file, and the workbook cell that record came from.
            record = json.loads(lines[finding["line"] - 1])
            assert record["code"] == finding["value"]
            assert finding["input"] == str(broken)
            assert (finding["file"], finding["sheet"], finding["row"]) == tuple(record["source"].values())
            checked += 1
    assert checked


@pytest.mark.parametrize(
    "changes",
    [
        pytest.param({"备注2": "后加的列"}, id="late-unknown-key"),
        pytest.param({"seq": 7}, id="late-integer"),
        pytest.param({"remark": True}, id="late-boolean"),
        pytest.param({"remark": {"a": "b"}}, id="late-object"),
        pytest.param({"remark": None}, id="late-null"),
    ],
)
def test_a_late_surprise_is_never_lost(changes: dict[str, object], canonical_files: list[Path], tmp_path: Path) -> None:
    """Columns are guessed from the first lines; a key or value type that first appears far below must still
    come out exactly as the record reader has it."""
    source = next(p for p in canonical_files if p.stem == "district-power-list")
    lines = source.read_text(encoding="utf-8").splitlines()
    assert len(lines) > fast_module.SAMPLE_ROWS + 1000
    path = tmp_path / "late.jsonl"
    path.write_text("\n".join(_variant(lines, len(lines) - 5, **changes)) + "\n", encoding="utf-8")
    fast = read_canonical_table(path, str(path), None)
    if fast is not None:
        assert _dump(fast) == _dump(_exact(path))


def test_untouched_listkit_files_are_read_from_sampled_columns(canonical_files: list[Path]) -> None:
    import polars as pl

    for path in canonical_files:
        lines = len(path.read_bytes().splitlines())
        frame, exact = fast_module._read_sampled(path, lines)
        assert frame is not None and exact, path.name
        assert frame.height == lines
        # One byte more anywhere (a space after a colon) and the file is no longer accounted for.
        spaced = path.with_suffix(".spaced.jsonl")
        head, last = path.read_bytes().rstrip(b"\n").rsplit(b"\n", 1)
        spaced.write_bytes(head + b"\n" + last.replace(b'":"', b'": "', 1) + b"\n")
        assert fast_module._read_sampled(spaced, lines)[0] is None
        assert isinstance(frame, pl.DataFrame)


@pytest.mark.parametrize(
    "nest",
    [
        pytest.param(b"[" * 200_000 + b"]" * 200_000, id="arrays"),
        pytest.param(b'{"a":' * 20_000 + b"1" + b"}" * 20_000, id="objects"),
        pytest.param(b'[{"":' * 5_000 + b"1" + b"}]" * 5_000, id="mixed"),
    ],
)
def test_a_nesting_bomb_behind_a_listkit_header_is_refused_not_fatal(nest: bytes, tmp_path: Path) -> None:
    """The column reader's JSON parser dies on deep nesting (a segfault, nothing to catch): such a file must
    never reach it. Run as a separate process, so that a regression fails this test instead of the suite."""
    import subprocess
    import sys

    path = tmp_path / "bomb.jsonl"
    header = b'{"listkit":{"format":"listkit-canonical","version":1,"schema":"power-list","meta":{}}}\n'
    path.write_bytes(header + b'{"name":"x"}\n' * 3 + b'{"name":"x","remark":' + nest + b"}\n")
    done = subprocess.run(
        [sys.executable, "-m", "listkit", "validate", str(path)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 2, done.stderr
    assert "bomb.jsonl" in done.stderr and "5" in done.stderr
    assert "Traceback" not in done.stderr
