"""Fuzzing: random workbooks and byte-mutated real-shaped files through the commands.

Every run must end with exit 0, 1 or 2 and no crash text. The default test run tries a few dozen cases; for a
long run set LISTKIT_FUZZ_EXAMPLES (e.g. `LISTKIT_FUZZ_EXAMPLES=5000 .venv/bin/python -m pytest tests/fuzz`).
"""

from __future__ import annotations

import json
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


# --- JSON with a key written twice (issue 14, class 6): refused by every command, the line named -------------
KEY_TEXT = st.text(alphabet='ab甲":\\ \t', max_size=6)  # quotes, colons and backslashes: keys look-alikes in text
PAIRS = st.lists(st.tuples(KEY_TEXT, st.one_of(KEY_TEXT, st.none(), st.integers())), max_size=5)


def _object(pairs: list[tuple[str, object]], spaced: bool) -> str:
    """JSON text of an object from its pairs, a repeated key kept as written (json.dumps would merge it)."""
    colon, comma = (": ", ", ") if spaced else (":", ",")
    members = [f"{json.dumps(k, ensure_ascii=False)}{colon}{_value(v, spaced)}" for k, v in pairs]
    return "{" + comma.join(members) + "}"


def _value(value: object, spaced: bool) -> str:
    return _object(value, spaced) if isinstance(value, list) else json.dumps(value, ensure_ascii=False)


@SETTINGS
@given(
    pairs=PAIRS,
    repeated=st.tuples(KEY_TEXT, KEY_TEXT, KEY_TEXT),
    where=st.sampled_from(["record", "extra", "source", "header"]),
    before=st.integers(0, 3),
    spaced=st.booleans(),
    blank=st.booleans(),
    document=st.booleans(),
)
def test_duplicate_json_keys(
    cli: Callable[..., CliResult],
    tmp_path: Path,
    pairs: list[tuple[str, object]],
    repeated: tuple[str, str, str],
    where: str,
    before: int,
    spaced: bool,
    blank: bool,
    document: bool,
) -> None:
    key, first, second = repeated
    twice: list[tuple[str, object]] = [(key, first), *[p for p in pairs if p[0] != key], (key, second)]
    record: list[tuple[str, object]] = [("name", "甲"), ("type", "行政许可")]
    header: list[tuple[str, object]] = [("format", "listkit-canonical"), ("version", 1), ("schema", "power-list")]
    if where == "record":
        record = [*record, *twice]
    elif where in ("extra", "source"):
        record = [*record, (where, twice)]
    else:
        header = [*header, *twice]
    good = _object([("name", "乙"), ("type", "行政许可")], spaced)
    lines = [good] * before + [_object(record, spaced)]
    head = _object([("listkit", header)], spaced)
    if document:
        path = tmp_path / "twice.json"
        body = ",\n".join(lines)
        path.write_text(head[:-1] + ',\n"records":[\n' + body + "]}\n" + ("\n" if blank else ""), encoding="utf-8")
        line = 1 if where == "header" else 3 + before
    else:
        path = tmp_path / "twice.jsonl"
        path.write_text("\n".join([head, *lines]) + "\n" + ("\n" if blank else ""), encoding="utf-8")
        line = 1 if where == "header" else 2 + before
    for argv in (["validate", path], ["stats", path], ["diff", path, path]):
        result = cli(*argv)
        assert result.code == 2, (argv, result.err)
        assert f"第 {line} 行" in result.err and "不止一次" in result.err, (argv, result.err)
    _run_all(cli, path, tmp_path / "out")


# --- Sheets written oddly (issue 14, class 1): the guard's extent is calamine's, far cells are refused ---------
@st.composite
def odd_sheets(draw: st.DrawFn) -> tuple[bytes, bool]:
    """(sheet XML, whether a cell sits at XFD1048576): cells with their attributes in any order and quoting, or
    no r at all; rows with or without r; an x: prefix; merges, some over the whole sheet."""
    from tests.hostile.extent_cases import list_rows, sheet_xml

    prefix = draw(st.sampled_from(["", "x:"]))
    rows = list_rows(prefix)
    for _ in range(draw(st.integers(0, 5))):
        row_ref = draw(st.one_of(st.none(), st.integers(3, 40)))
        cells = []
        for _ in range(draw(st.integers(0, 6))):
            attrs = ['t="inlineStr"']
            if draw(st.booleans()):
                ref = f"{draw(st.sampled_from(['A', 'c', 'F', 'AB', 'ad']))}{draw(st.integers(1, 40))}"
                quote = draw(st.sampled_from(['"', "'"]))
                attrs.insert(draw(st.integers(0, 1)), f"r{draw(st.sampled_from(['=', ' = ']))}{quote}{ref}{quote}")
            cells.append(f"<{prefix}c {' '.join(attrs)}><{prefix}is><{prefix}t>x</{prefix}t></{prefix}is></{prefix}c>")
        if draw(st.booleans()):
            cells.insert(0, f'<{prefix}c r="B{row_ref or 3}" s="1"/>')
        start = f'<{prefix}row r="{row_ref}">' if row_ref else f"<{prefix}row>"
        rows.append(start + "".join(cells) + f"</{prefix}row>")
    far = draw(st.booleans())
    if far:
        order = draw(st.sampled_from(['t="inlineStr" r="XFD1048576"', "r='XFD1048576' t='inlineStr'"]))
        text = f"<{prefix}is><{prefix}t>x</{prefix}t></{prefix}is>"
        rows.append(f'<{prefix}row r="41"><{prefix}c {order}>{text}</{prefix}c></{prefix}row>')
    ranges = ["A8:XFD1048576", "B3:B1048576", "G1:XFD2", "A1:A2", "C45:D46"]
    merges = draw(st.lists(st.sampled_from(ranges), max_size=3, unique=True))
    return sheet_xml(rows, merges, prefix), far


@SETTINGS
@given(sheet=odd_sheets())
def test_oddly_written_sheets(cli: Callable[..., CliResult], tmp_path: Path, sheet: tuple[bytes, bool]) -> None:
    import python_calamine

    from listkit.read.extent import XlsxExtent
    from tests.hostile.extent_cases import xlsx

    xml, far = sheet
    path = tmp_path / "odd.xlsx"
    xlsx(xml)(path)
    if far:
        result = cli("validate", path)
        assert result.code == 2 and "超过" in result.err, result.err
        return
    extent = XlsxExtent(10**12)
    extent.feed(xml, final=True)
    book = python_calamine.load_workbook(str(path))
    values = book.get_sheet_by_name(book.sheet_names[0]).to_python(skip_empty_area=False)
    assert (extent.rows, extent.cols) == (len(values), max(map(len, values), default=0))
    _run_all(cli, path, tmp_path / "out")


# --- Headers and cells that would be live formulas or that XML cannot hold (issue 14, classes 3-5): every
# spreadsheet and CSV written from them is inert and well-formed, has valid sheet names, and reads back --------
LIVE = st.text(alphabet="=+-@'＝＋－＠甲 ()\"|!_x0A", min_size=1, max_size=10).filter(lambda s: s.strip() != "")
_CONTROLS = st.text(alphabet="\x00\x01\x07\x0b\x0c\x1b\x1f_x0041'=", max_size=6)
# Something besides blanks in each text (a column of blanks is no column), and no line breaks (a name is read as
# one line): what the reader makes of those is not this test's business.
CONTROL = st.builds(lambda before, after: f"{before}甲{after}", _CONTROLS, _CONTROLS)
LABEL = st.one_of(LIVE, CONTROL, st.sampled_from(["'处罚", "[注]:*?/\\", "行政" * 20, "Abc", "ABC", "History"]))


def _outputs_inert(cli: Callable[..., CliResult], path: Path, out: Path) -> None:
    from listkit.model import ItemList
    from listkit.read import read_list
    from tests.inert_checks import csv_problems, xlsx_problems

    for argv in (
        ["import", path, "-o", out.with_suffix(".xlsx")],
        ["import", path, "-o", out.with_suffix(".csv")],
        ["export", path, "-o", out.with_name("by-type.xlsx")],
        ["export", path, "-o", out.with_name("by-department.xlsx"), "--group-by", "department"],
        ["export", path, "-o", out.with_name("export.csv")],
        ["validate", path, "--format", "xlsx", "-o", out.with_name("annotated.xlsx")],
        ["stats", path, "--format", "csv", "--by", "department"],
    ):
        result = cli(*argv)
        assert result.code in (0, 1, 2), (argv, result.err)
        assert not any(word in result.err for word in CRASH_WORDS), (argv, result.err)
        if result.code == 2:
            return  # not a list (a header nothing matches): nothing was written
        target = Path(argv[argv.index("-o") + 1]) if "-o" in argv else None
        if target is None:
            assert csv_problems(result.out) == [], argv
        elif target.suffix == ".xlsx":
            assert xlsx_problems(target) == [], argv
            read_list([target])
        else:
            assert csv_problems(target.read_text(encoding="utf-8-sig")) == [], argv

    def text(items: ItemList) -> list[object]:
        # A table's cells are read trimmed, and a blank one as empty (as before issue 14): compared so.
        def trimmed(values: dict[str, str]) -> dict[str, str]:
            return {k: v.strip() for k, v in values.items() if v.strip()}

        return [(trimmed(r.values), trimmed(r.extra), (r.department or "").strip()) for r in items.records]

    source = read_list([path])
    for written in (out.with_suffix(".xlsx"), out.with_suffix(".csv")):
        assert text(read_list([written])) == text(source), written.name


@SETTINGS
@given(
    headers=st.lists(LIVE, min_size=1, max_size=4, unique=True),
    cells=st.lists(st.lists(LIVE, max_size=6), min_size=1, max_size=6),
)
def test_injected_headers(
    cli: Callable[..., CliResult], tmp_path: Path, headers: list[str], cells: list[list[str]]
) -> None:
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_ALL)
    writer.writerow(["序号", "事项名称", "权力类型", "实施依据", "行使主体", "部门", *headers])
    for number, row in enumerate(cells, 1):
        values = [*row, *[""] * (6 + len(headers))][: 5 + len(headers)]
        writer.writerow([str(number), f"事项{number}", "行政处罚", "《法》第一条", *values])
    path = tmp_path / "injected.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8")
    _outputs_inert(cli, path, tmp_path / "out")


@SETTINGS
@given(records=st.lists(st.tuples(CONTROL, LABEL, LABEL, CONTROL, CONTROL), min_size=1, max_size=8))
def test_control_characters_and_sheet_labels(
    cli: Callable[..., CliResult], tmp_path: Path, records: list[tuple[str, str, str, str, str]]
) -> None:
    lines = [json.dumps({"listkit": {"schema": "power-list"}})]
    for number, (name, kind, department, basis, extra) in enumerate(records, 1):
        record = {"seq": str(number), "name": f"事项{number}{name}", "type": kind, "basis": basis, "body": "区局"}
        lines.append(json.dumps({**record, "department": department, "extra": {"附记\x01": extra}}))
    path = tmp_path / "controls.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _outputs_inert(cli, path, tmp_path / "out")
