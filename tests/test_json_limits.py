"""JSON past the limits, keys written twice, and Rust panics (issue 14, class 6).

The two readers of a .jsonl file must answer alike: a repeated key (which orjson settled by keeping the last
value and polars the first) is refused with the line named by both, trailing blank line or not; an overlong
line or one with too many keys is refused before either parser holds it. A pyo3 PanicException, a
BaseException, becomes one line and exit 2 like any other unreadable input.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from listkit.errors import InputError
from listkit.read import canonical_table, json_keys, read_file
from listkit.read.canonical import read_jsonl
from listkit.read.canonical_table import read_canonical_table
from tests.conftest import SAMPLES, CliResult

Cli = Callable[..., CliResult]
HEADER = '{"listkit":{"format":"listkit-canonical","version":1,"schema":"power-list","meta":{}}}'
RECORD = '{"name":"甲","type":"行政许可","source":{"file":"a.xlsx","sheet":"表1","row":3}}'


def _records(path: Path) -> InputError | list[dict[str, object]]:
    """What the record reader makes of a file: its records, or its error."""
    try:
        with path.open("rb") as lines:
            return [r.model_dump() for r in read_jsonl(lines, str(path), None).records]
    except InputError as exc:
        return exc


def _refusal(path: Path) -> tuple[str, dict[str, object]]:
    with pytest.raises(InputError) as caught:
        read_file(path)
    return caught.value.key, caught.value.params


@pytest.mark.parametrize("blank", [False, True], ids=["no-blank-line", "trailing-blank-line"])
@pytest.mark.parametrize(
    ("line", "number", "key"),
    [
        pytest.param('{"name":"乙","type":"行政许可","name":"丙"}', 3, "name", id="top-level"),
        pytest.param('{"name":"乙","type":"行政许可","extra":{"备注2":"a","备注2":"b"}}', 3, "备注2", id="extra"),
        pytest.param('{"name":"乙","raw":{"type":"处罚","type":"罚"}}', 3, "type", id="raw"),
        pytest.param('{"name":"乙","source":{"file":"a","file":"b","sheet":null,"row":1}}', 3, "file", id="source"),
        pytest.param('{"name": "乙", "type": "行政许可", "name": "丙"}', 3, "name", id="spaced"),
        pytest.param('{"name":"乙","remark":null,"remark":"x"}', 3, "remark", id="null-first"),
    ],
)
def test_a_repeated_key_is_refused_alike_by_both_readers(
    line: str, number: int, key: str, blank: bool, tmp_path: Path
) -> None:
    path = tmp_path / "twice.jsonl"
    path.write_text(f"{HEADER}\n{RECORD}\n{line}\n{RECORD}\n" + ("\n" if blank else ""), encoding="utf-8")
    assert _refusal(path) == ("json-duplicate-key", {"file": str(path), "row": number, "name": key})
    exact = _records(path)
    assert isinstance(exact, InputError) and exact.params == {"file": str(path), "row": number, "name": key}
    assert read_canonical_table(path, str(path), None) is None  # the column reader never takes it


def test_a_repeated_key_in_the_header_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "header.jsonl"
    path.write_text(HEADER.replace('"meta":{}', '"schema":"licensing-list","meta":{}') + f"\n{RECORD}\n", "utf-8")
    assert _refusal(path) == ("json-duplicate-key", {"file": str(path), "row": 1, "name": "schema"})
    assert read_canonical_table(path, str(path), None) is None


def test_the_column_reader_never_takes_a_repeated_key_in_a_file_listkit_wrote(tmp_path: Path) -> None:
    """A file accounted for byte by byte cannot hide a second member; one written with spaces is counted."""
    from listkit.cli.app import run

    path = tmp_path / "list.jsonl"
    assert run(["--quiet", "import", str(SAMPLES / "licensing-list.xlsx"), "-o", str(path)]) == 0
    lines = path.read_text(encoding="utf-8").splitlines()
    assert read_canonical_table(path, str(path), None) is not None
    for edit in (
        lambda text: text.replace('{"', '{"seq":"0","', 1),
        lambda text: text.replace('"source":{', '"source":{"row":0,', 1),
        lambda text: json.dumps(json.loads(text), ensure_ascii=False).replace('{"', '{"seq": "0", "', 1),
    ):
        edited = tmp_path / "edited.jsonl"
        edited.write_text("\n".join([*lines[:5], edit(lines[5]), *lines[6:]]) + "\n", encoding="utf-8")
        assert read_canonical_table(edited, str(edited), None) is None
        assert _refusal(edited)[0] == "json-duplicate-key"
        assert _refusal(edited)[1]["row"] == 6


def test_text_that_only_looks_like_a_second_key_is_read(tmp_path: Path) -> None:
    """'\\":' inside a value counts like a key in the quick count; the exact check then clears the line."""
    path = tmp_path / "quoted.jsonl"
    path.write_text(f'{HEADER}\n{{"name":"甲\\": 乙","type":"行政许可","remark":": 丙"}}\n', encoding="utf-8")
    items = read_file(path)
    assert items.records[0].values["name"] == '甲": 乙'
    assert _records(path) == [r.model_dump() for r in items.records]


@pytest.mark.parametrize(
    ("text", "line", "key"),
    [
        pytest.param('[{"name":"甲"},\n{"name":"乙",\n"name":"丙"}]', 2, "name", id="record"),
        pytest.param('{"listkit":{"schema":"x","schema":"y"},\n"records":[{"name":"甲"}]}', 1, "schema", id="head"),
        pytest.param('{"records":[\n{"name":"甲"},\n{"name":"乙","extra":{"x":"1",\n"x":"2"}}]}', 3, "x", id="extra"),
        pytest.param('{"records":[],\n"records":[{"name":"甲"}]}', 2, "records", id="document"),
    ],
)
def test_a_repeated_key_in_a_json_document_names_its_line(text: str, line: int, key: str, tmp_path: Path) -> None:
    path = tmp_path / "twice.json"
    path.write_text(text, encoding="utf-8")
    assert _refusal(path) == ("json-duplicate-key", {"file": str(path), "row": line, "name": key})


def test_limits_are_refused_naming_the_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Small limits stand in for 16 MB and 20,000 keys; with a header (the column reader's pass) and without."""
    monkeypatch.setattr(json_keys, "MAX_LINE_BYTES", 4096)
    monkeypatch.setattr(json_keys, "MAX_KEYS", 300)
    long = '{"name":"' + "长" * 2000 + '"}'
    wide = "{" + ",".join(f'"k{i}":"{i}"' for i in range(301)) + "}"
    within = "{" + ",".join(f'"k{i}":"{i}"' for i in range(300)) + "}"
    colons = '{"name":"' + ":" * 3000 + '"}'  # colons in text are not keys
    for head in ([HEADER], []):
        for line, key in ((long, "json-line-too-long"), (wide, "json-too-many-keys")):
            path = tmp_path / "limit.jsonl"
            path.write_text("\n".join([*head, RECORD, RECORD, line, RECORD]) + "\n", encoding="utf-8")
            assert _refusal(path)[0] == key
            assert _refusal(path)[1]["row"] == len(head) + 3
        path.write_text("\n".join([*head, RECORD, within, colons]) + "\n", encoding="utf-8")
        assert read_file(path).size == 3
    document = tmp_path / "wide.json"
    document.write_text(f"[{RECORD},\n{wide}]", encoding="utf-8")
    assert _refusal(document) == ("json-too-many-keys", {"file": str(document), "row": 2, "limit": "300"})


def _probe(path: Path) -> tuple[float, int, int, str]:
    # VmHWM, not ru_maxrss: Linux carries the forking parent's peak (pytest's, hundreds of MB) into ru_maxrss.
    probe = (
        "import re, sys, time\n"
        "from pathlib import Path\n"
        "from listkit.cli.app import run\n"
        "started = time.perf_counter()\n"
        "code = run(['--quiet', 'validate', sys.argv[1]])\n"
        "peak = re.search(r'VmHWM:\\s*(\\d+)', Path('/proc/self/status').read_text()).group(1)\n"
        "print(time.perf_counter() - started, peak, code)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe, str(path)], capture_output=True, text=True, timeout=120)
    seconds, peak_kb, code = done.stdout.split()[-3:]
    return float(seconds), int(peak_kb), int(code), done.stderr


@pytest.mark.parametrize("header", [True, False], ids=["column-reader", "record-reader"])
def test_a_200_mb_line_and_a_million_keys_are_refused_fast_and_small(header: bool, tmp_path: Path) -> None:
    head = (HEADER + "\n").encode() if header else b""
    big = tmp_path / "big.jsonl"
    with big.open("wb") as out:
        out.write(head + b'{"name":"')
        for _ in range(200):
            out.write(b"x" * 1024**2)
        out.write(b'"}\n')
    wide = tmp_path / "wide.jsonl"
    wide.write_bytes(head + b"{" + b",".join(b'"k%d":"v"' % i for i in range(10**6)) + b"}\n")
    for path, words in ((big, "16 MB"), (wide, "20,000")):
        seconds, peak_kb, code, err = _probe(path)
        assert code == 2 and words in err and path.name in err and "Traceback" not in err
        assert seconds < 5.0, (path.name, seconds)
        assert peak_kb < 500 * 1024, (path.name, peak_kb)


class PanicException(BaseException):  # what pyo3 raises, down to its name and module
    __module__ = "pyo3_runtime"


def _panics(*_args: object, **_kwargs: object) -> object:
    raise PanicException("called `Option::unwrap()` on a `None` value")


def test_a_panic_while_reading_is_one_line_naming_the_file(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr("listkit.read.sheets.read_workbook", _panics)
    for command in (["validate"], ["stats"], ["export", "-o", str(tmp_path / "out.html")]):
        result = cli(command[0], SAMPLES / "licensing-list.xlsx", *command[1:])
        assert result.code == 2
        assert result.err.count("\n") == 1 and "licensing-list.xlsx" in result.err, result.err
        assert "Option::unwrap()" in result.err and "Traceback" not in result.err
    assert not list(tmp_path.iterdir())


def test_a_panic_anywhere_else_is_one_line_and_exit_2(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("listkit.validate.validate_list", _panics)
    result = cli("validate", SAMPLES / "licensing-list.xlsx")
    assert result.code == 2 and result.err.count("\n") == 1 and "Traceback" not in result.err, result.err


def test_debug_shows_the_panic_and_interrupts_still_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    from listkit.cli.app import run

    monkeypatch.setattr("listkit.read.sheets.read_workbook", _panics)
    with pytest.raises(InputError) as caught:  # its traceback shows the panic beneath
        run(["--debug", "validate", str(SAMPLES / "licensing-list.xlsx")])
    assert isinstance(caught.value.__cause__, PanicException)
    monkeypatch.setattr("listkit.validate.validate_list", _panics)
    with pytest.raises(PanicException):
        run(["--debug", "validate", str(SAMPLES / "department-power-list.csv")])

    class Other(BaseException):  # not a panic: neither swallowed nor reworded
        pass

    def other(*_args: object, **_kwargs: object) -> object:
        raise Other

    monkeypatch.setattr("listkit.read.sheets.read_workbook", other)
    with pytest.raises(Other):
        run(["validate", str(SAMPLES / "licensing-list.xlsx")])

    def interrupt(*_args: object, **_kwargs: object) -> object:
        raise KeyboardInterrupt

    monkeypatch.setattr("listkit.read.sheets.read_workbook", interrupt)
    assert run(["validate", str(SAMPLES / "licensing-list.xlsx")]) in (1, 130)  # click's Abort, or ours


def test_a_polars_panic_in_the_column_reader_falls_back_to_the_record_reader(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "list.jsonl"
    path.write_text(f"{HEADER}\n{RECORD}\n", encoding="utf-8")
    monkeypatch.setattr(canonical_table, "_read_sampled", _panics)
    assert read_canonical_table(path, str(path), None) is None
    assert read_file(path).size == 1
