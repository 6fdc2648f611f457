"""The guard measures a sheet as python-calamine will allocate it (read/extent.py), and merged ranges cost what
they cover of the cells that exist (read/merges.py) — issue 14, class 1."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest

from listkit.read.extent import MAX_TAG_BYTES, Malformed, OdsExtent, PlainCells, TooLarge, TooRepetitive, XlsxExtent
from listkit.read.merges import EXPANDED_BUDGET, Covered, covered_cells
from tests.hostile.corpus import Case, build
from tests.hostile.extent_cases import list_rows, sheet_xml, text_cell, xlsx

BIG = 10**12  # a limit never reached: the extent itself is what is compared


def _xlsx_extent(xml: bytes, chunk: int | None = None) -> tuple[int, int]:
    extent = XlsxExtent(BIG)
    step = chunk or len(xml) or 1
    for at in range(0, len(xml), step):
        extent.feed(xml[at : at + step])
    extent.feed(b"", final=True)
    return extent.rows, extent.cols


def _calamine_extent(path: Path) -> tuple[int, int]:
    import python_calamine

    book = python_calamine.load_workbook(str(path))
    values = book.get_sheet_by_name(book.sheet_names[0]).to_python(skip_empty_area=False)
    return len(values), max(map(len, values), default=0)


ROW = f'<row r="3">{text_cell("a", "C3")}</row>'
# Sheets whose extent calamine counts in some less usual way; each stays small enough for calamine to read.
SHEETS = {
    "attributes reordered": [*list_rows(), f'<row r="3">{text_cell("x", "H9", first="t")}</row>'],
    "cells without r": [*list_rows(), "<row>" + text_cell("x") * 12 + "</row>"],
    "rows without r": [*list_rows(), "<row></row>" * 7 + "<row>" + text_cell("x") * 3 + "</row>"],
    "self-closing rows": [*list_rows(), '<row r="5"/>', "<row>" + text_cell("x") + "</row>"],
    "no-r after r": [*list_rows(), f'<row r="4">{text_cell("a", "F4")}{text_cell("b")}{text_cell("c")}</row>'],
    "self-closing cell moves the next": [*list_rows(), f'<row r="4"><c r="J4" s="1"/>{text_cell("b")}</row>'],
    "empty cell far away": [*list_rows(), '<row r="4"><c r="Z40" s="1"></c></row>'],
    "r written twice": [*list_rows(), '<row r="4"><c r="B4" r="K12" t="inlineStr"><is><t>x</t></is></c></row>'],
    "single quotes, spaces": [*list_rows(), "<row r='4'><c r = 'M7' t='inlineStr'><is><t>x</t></is></c></row>"],
    "lower case": [*list_rows(), '<row r="4"><c r="l11" t="inlineStr"><is><t>x</t></is></c></row>'],
    "quoted >": [*list_rows(), '<row r="4"><c x=">" r="N4" t="inlineStr"><is><t>x</t></is></c></row>'],
    "namespaced r is not r": [*list_rows(), '<row r="4"><c y:r="Q9" xmlns:y="u"><v>1</v></c></row>'],
}


@pytest.mark.parametrize("name", sorted(SHEETS))
def test_the_extent_is_the_one_calamine_allocates(name: str, tmp_path: Path) -> None:
    xml = sheet_xml(SHEETS[name])
    path = tmp_path / "sheet.xlsx"
    xlsx(xml)(path)
    rows, cols = _xlsx_extent(xml)
    calamine_rows, calamine_cols = _calamine_extent(path)
    assert (rows, cols) == (calamine_rows, calamine_cols)
    # Cut anywhere, the stream gives the same answer.
    for chunk in (1, 2, 3, 7, 64):
        assert _xlsx_extent(xml, chunk) == (rows, cols)


def test_prefixed_elements_count_as_cells() -> None:
    xml = sheet_xml([*list_rows("x:"), f'<x:row r="3">{text_cell("x", "XFD1048576", "x:")}</x:row>'], prefix="x:")
    with pytest.raises(TooLarge) as refused:
        extent = XlsxExtent(40_000_000)
        extent.feed(xml, final=True)
    assert (refused.value.rows, refused.value.cols) == (1_048_576, 16_384)


def test_only_plainly_written_cells_skip_the_full_count() -> None:
    plain = sheet_xml(list_rows())
    assert _plain(plain)
    for name, rows in SHEETS.items():
        if name not in ("self-closing rows", "rows without r", "empty cell far away", "lower case"):
            assert not _plain(sheet_xml(rows)), name
    assert not _plain(sheet_xml([*list_rows("x:")], prefix="x:"))
    # Up to Excel's last row a cell is plain (a province's sheet); one row further it is counted.
    assert _plain(sheet_xml([*list_rows(), '<row r="1048576"><c r="Z1048576"><v>1</v></c></row>']))
    assert _plain(sheet_xml([*list_rows(), '<row r="1039999"><c r="A1039999"><v>1</v></c></row>']))
    assert not _plain(sheet_xml([*list_rows(), '<row r="1048577"><c r="A1048577"><v>1</v></c></row>']))
    assert not _plain(sheet_xml([*list_rows(), '<row r="1049000"><c r="A1049000"><v>1</v></c></row>']))
    assert not _plain(sheet_xml([*list_rows(), '<row r="10000000"><c r="A10000000"><v>1</v></c></row>']))
    assert not _plain(sheet_xml([*list_rows(), '<row r="3"><c r="AA3"><v>1</v></c></row>']))


def _plain(xml: bytes) -> bool:
    """Whether the sheet is plain, checked to give the same answer however the stream is cut."""
    answers: set[bool] = set()
    for chunk in (len(xml), 5, 1):
        cells = PlainCells()
        for at in range(0, len(xml), chunk):
            cells.feed(xml[at : at + chunk])
        cells.close()
        answers.add(cells.plain)
    assert len(answers) == 1
    return answers.pop()


def test_a_tag_hiding_a_cell_is_refused() -> None:
    extent = XlsxExtent(BIG)
    with pytest.raises(Malformed):
        extent.feed(b'<sheetData><row r="1"><foo a="<c r=\'A1\'>" /><c r="XFD9"><v>1</v></c></row>')
    with pytest.raises(Malformed):
        endless = XlsxExtent(BIG)
        for _ in range(3):
            endless.feed(b"<c " + b" " * (MAX_TAG_BYTES // 2))


def _ods(rows: list[str], limit: int = BIG) -> OdsExtent:
    extent = OdsExtent(limit)
    extent.feed(('<table:table table:name="清单">' + "".join(rows) + "</table:table>").encode(), final=True)
    return extent


def test_ods_repeats_of_filled_cells_are_multiplied_out() -> None:
    from tests.hostile.extent_cases import ods_cell, ods_row

    with pytest.raises(TooLarge) as refused:
        _ods([ods_row(ods_cell("x", 9_000), 5_000)], limit=40_000_000)
    assert (refused.value.rows, refused.value.cols, refused.value.sheet) == (5_000, 9_000, "清单")
    with pytest.raises(TooRepetitive):
        _ods([ods_row(ods_cell("x"), 30_000_000)])
    # LibreOffice's trailing empty cells and rows are not counted.
    normal = [ods_row(ods_cell("a") + ods_cell(None, 16_383)), ods_row(ods_cell(None, 16_384), 1_048_575)]
    assert (_ods(normal, 40_000_000)._rows, _ods(normal)._cols) == (1, 1)


def _naive(merges: list[tuple[int, int, int, int]]) -> dict[tuple[int, int], tuple[int, int]]:
    covered = {}
    for r0, c0, r1, c1 in merges:
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                if (r, c) != (r0, c0):
                    covered[(r, c)] = (r0, c0)
    return covered


@pytest.mark.parametrize("seed", range(20))
def test_merges_as_ranges_answer_as_the_expanded_dict(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    import listkit.read.merges as merges_module

    rng = random.Random(seed)
    rows = [[rng.choice(["", "x", None, 0]) for _ in range(12)] for _ in range(30)]
    merges: list[tuple[int, int, int, int]] = []
    taken: set[tuple[int, int]] = set()
    for _ in range(12):
        r0, c0 = rng.randrange(30), rng.randrange(12)
        r1, c1 = min(r0 + rng.randrange(6), 29), min(c0 + rng.randrange(4), 11)
        area = {(r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)}
        if len(area) > 1 and not area & taken:  # Excel's merges never overlap
            taken |= area
            merges.append((r0, c0, r1, c1))
    expected = _naive(merges)
    for small in (10**6, 0):  # all expanded, or all kept as ranges
        monkeypatch.setattr(merges_module, "SMALL_AREA", small)
        covered = covered_cells(merges, rows)
        for r in range(30):
            for c in range(12):
                assert covered.get((r, c)) == expected.get((r, c)), (small, r, c)
                assert ((r, c) in covered) == ((r, c) in expected)
            assert (r in covered.rows()) == any(row == r for row, _c in expected)


def test_a_merge_over_the_whole_sheet_costs_nothing() -> None:
    rows = [["序号", "事项名称"], ["1", "甲"]] + [["", ""] for _ in range(18)]
    covered = covered_cells([(7, 0, 1_048_575, 16_383), (0, 5, 1, 16_383)], rows)
    assert len(covered) == 13 * 2 - 1  # clipped to the 20 × 2 cells that exist; the one right of them dropped
    assert covered.get((12, 1)) == (7, 0) and 19 in covered.rows() and 20 not in covered.rows()
    # Over a larger sheet it stays a range: only its filled cells are listed (the row reader tests those).
    tall = [["序号", "事项名称"], ["1", "甲"]] + [["", "x" if r == 500 else ""] for r in range(9_000)]
    covered = covered_cells([(7, 0, 1_048_575, 16_383)], tall)
    assert type(covered) is not Covered and len(covered) == 1 and (502, 1) in covered
    assert covered.get((8_000, 1)) == (7, 0) and (8_000, 0) in covered and (7, 0) not in covered
    assert EXPANDED_BUDGET < 40_000_000


REFUSED = [
    "cell-attributes-reordered.xlsx",
    "cells-without-reference.xlsx",
    "rows-without-reference.xlsx",
    "prefixed-cells.xlsx",
    "ods-30m-rows.ods",
    "ods-rows-by-columns.ods",
    "xls-far-cell.xls",
    "xls-dimensions.xls",
]
READ = ["whole-sheet-merge.xlsx", "ods-trailing-repeats.ods", "xls-whole-sheet-merge.xls"]
# Peak memory from VmHWM, which starts afresh at exec: ru_maxrss is kept across exec, so a child of a large
# pytest process would report the parent's size.
PROBE = (
    "import re, resource, sys, time\n"
    "resource.setrlimit(resource.RLIMIT_AS, (6 * 1024**3, 6 * 1024**3))  # a regression aborts, not the machine\n"
    "from listkit.cli.app import run\n"
    "started = time.perf_counter()\n"
    "code = run(['validate', sys.argv[1]])\n"
    "seconds = time.perf_counter() - started\n"
    "peak = re.search(r'VmHWM:\\s*(\\d+)', open('/proc/self/status').read())\n"
    "print(seconds, peak.group(1) if peak else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, code)\n"
)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Case, Path]]:
    return {case.name: (case, path) for case, path in build(tmp_path_factory.mktemp("extent"))}


@pytest.mark.parametrize("name", REFUSED + READ)
def test_refused_or_read_within_5_seconds_and_500_mb(name: str, built: dict[str, tuple[Case, Path]]) -> None:
    """Measured in a process of its own (peak memory is per process), as `listkit validate` runs."""
    case, path = built[name]
    done = subprocess.run([sys.executable, "-c", PROBE, str(path)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    seconds, peak_kb, code = done.stdout.split()[-3:]
    assert int(code) in case.exits
    if name in REFUSED:
        assert int(code) == 2
    # Read or refused, a file of a few kilobytes costs little: a merge over a whole sheet is read as ranges.
    assert float(seconds) < 5.0
    assert int(peak_kb) < 500 * 1024
