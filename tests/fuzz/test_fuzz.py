"""Fuzzing: random workbooks and byte-mutated real-shaped files through the commands.

Every run must end with exit 0, 1 or 2 and no crash text. The default test run tries a few dozen cases; for a
long run set LISTKIT_FUZZ_EXAMPLES (e.g. `LISTKIT_FUZZ_EXAMPLES=5000 .venv/bin/python -m pytest tests/fuzz`).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import SAMPLES, CliResult

EXAMPLES = int(os.environ.get("LISTKIT_FUZZ_EXAMPLES", "30"))
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=not os.environ.get("LISTKIT_FUZZ_EXAMPLES"),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture, HealthCheck.data_too_large],
)
CRASH_WORDS = ("Traceback", "内部错误", "Internal error")
HEADER_WORDS = [
    "序号",
    "事项名称",
    "子项名称",
    "权力类型",
    "实施依据",
    "行使主体",
    "承办机构",
    "实施层级及权限",
    "备注",
    "职权名称",
    "编码",
    "事项编码",
    "主管部门",
    "许可事项名称",
    "设定和实施依据",
    "实施机关",
]
TYPE_WORDS = ["行政许可", "行政处罚", "处罚", "其他权力", "公共服务", "行政审查", "行政\n确认", " 行政检查"]

text = st.one_of(
    st.sampled_from(HEADER_WORDS + TYPE_WORDS + ["备注：说明", "一、行政许可", "2,3", "1.0", "无", "=SUM(A1)"]),
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=12),
    st.text(alphabet="\x00\x01\x07\x1b\t\r\n \u200b\u202e🙂（）《》〔〕", max_size=10),
    st.builds(lambda n: "长" * n, st.integers(0, 40_000)),
)
cell = st.one_of(
    st.none(), text, st.integers(-(10**12), 10**12), st.floats(allow_nan=True, allow_infinity=False), st.booleans()
)


def _run_all(cli: Callable[..., CliResult], path: Path, out: Path) -> None:
    for argv in (
        ["validate", path],
        ["stats", path],
        ["import", path, "-o", out.with_suffix(".jsonl")],
        ["export", path, "-o", out.with_suffix(".html")],
        ["diff", path, path],
    ):
        result = cli(*argv)
        assert result.code in (0, 1, 2), (argv, result.err)
        assert not any(word in result.err for word in CRASH_WORDS), (argv, result.err)


@st.composite
def workbooks(draw: st.DrawFn) -> dict[str, object]:
    sheets = []
    for number in range(draw(st.integers(1, 3))):
        rows = draw(st.lists(st.lists(cell, max_size=10), max_size=18))
        merges = draw(
            st.lists(
                st.tuples(st.integers(0, 18), st.integers(0, 10), st.integers(0, 4), st.integers(0, 3)), max_size=6
            )
        )
        hidden = draw(st.lists(st.integers(0, 18), max_size=4))
        name = draw(st.sampled_from(["Sheet1", "行政处罚（3项）", "其他行政权力", "汇总", f"表{number}"]))
        sheets.append({"name": f"{name}{number}", "rows": rows, "merges": merges, "hidden": hidden})
    return {"sheets": sheets, "header": draw(st.booleans())}


def _write_workbook(spec: dict[str, object], path: Path) -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(
        path, {"strings_to_formulas": False, "strings_to_numbers": False, "nan_inf_to_errors": True}
    )
    for sheet_spec in spec["sheets"]:  # type: ignore[attr-defined]
        sheet = book.add_worksheet(sheet_spec["name"][:31])
        rows = sheet_spec["rows"]
        if spec["header"]:
            rows = [HEADER_WORDS[:8], *rows]
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                if isinstance(value, str):
                    sheet.write_string(r, c, value[:32_767])
                elif value is not None:
                    sheet.write(r, c, value)
        taken: set[tuple[int, int]] = set()
        for r, c, height, width in sheet_spec["merges"]:
            area = {(r + i, c + j) for i in range(height + 1) for j in range(width + 1)}
            if (height or width) and not area & taken:
                taken |= area
                sheet.merge_range(r, c, r + height, c + width, None)
        for r in sheet_spec["hidden"]:
            sheet.set_row(r, None, None, {"hidden": True})
    book.close()


@SETTINGS
@given(spec=workbooks())
def test_random_workbooks(cli: Callable[..., CliResult], tmp_path: Path, spec: dict[str, object]) -> None:
    path = tmp_path / "random.xlsx"
    _write_workbook(spec, path)
    _run_all(cli, path, tmp_path / "out")


@SETTINGS
@given(
    rows=st.lists(st.lists(st.one_of(text, st.just("")), max_size=12), max_size=20),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]),
    header=st.booleans(),
)
def test_random_csv(
    cli: Callable[..., CliResult], tmp_path: Path, rows: list[list[str]], encoding: str, header: bool
) -> None:
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    if header:
        writer.writerow(HEADER_WORDS[:8])
    writer.writerows(rows)
    path = tmp_path / "random.csv"
    path.write_bytes(buffer.getvalue().encode(encoding, errors="replace"))
    _run_all(cli, path, tmp_path / "out")


MUTABLE = ["licensing-list.xlsx", "broken-power-list.xlsx", "department-power-list.csv", "zhengzhao-list.xlsx"]


@SETTINGS
@given(
    sample=st.sampled_from(MUTABLE),
    edits=st.lists(
        st.tuples(st.sampled_from(["flip", "insert", "delete", "truncate"]), st.floats(0, 1), st.integers(0, 255)),
        min_size=1,
        max_size=8,
    ),
)
def test_mutated_files(
    cli: Callable[..., CliResult], tmp_path: Path, sample: str, edits: list[tuple[str, float, int]]
) -> None:
    data = bytearray((SAMPLES / sample).read_bytes())
    for kind, where, byte in edits:
        at = int(where * (len(data) - 1)) if data else 0
        if kind == "flip" and data:
            data[at] ^= byte or 1
        elif kind == "insert":
            data[at:at] = bytes([byte]) * 3
        elif kind == "delete" and data:
            del data[at : at + 1 + byte % 16]
        elif kind == "truncate":
            del data[at:]
    path = tmp_path / sample
    path.write_bytes(bytes(data))
    _run_all(cli, path, tmp_path / "out")
