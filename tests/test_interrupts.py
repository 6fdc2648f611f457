"""Interrupts and the environment: Ctrl-C or a kill says 已中断, exits 130 and leaves nothing behind; outputs that
cannot be written are output errors naming the path (exit 2), never "internal error"."""

from __future__ import annotations

import csv
import errno
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import SAMPLES, CliResult

Cli = Callable[..., CliResult]
HEADER = ["序号", "事项编码", "事项名称", "权力类型", "实施依据", "行使主体", "承办机构", "责任事项内容"]


def big_csv(path: Path, rows: int) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for n in range(1, rows + 1):
            writer.writerow(
                [
                    n,
                    f"CF{n:010d}",
                    f"对违反示例规定第{n}项行为的处罚",
                    "行政处罚",
                    "《示例条例》第十条" * 8,
                    "示例局",
                    "执法科",
                    "受理、审查、决定、送达、执行、监督" * 10,
                ]
            )
    return path


def interrupted(args: list[str], tmp_path: Path, sig: int) -> tuple[int, str, Path]:
    """Run listkit with a private TMPDIR, send ``sig`` once it is busy, and return (exit code, stderr, TMPDIR)."""
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    env = {**os.environ, "TMPDIR": str(scratch), "LISTKIT_QUIET": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "listkit", *args], env=env, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 30
    while not any(scratch.iterdir()) and time.monotonic() < deadline:  # the run's own temporary folder
        time.sleep(0.05)
    time.sleep(1.0)  # well into reading
    assert process.poll() is None, "the run ended before it could be interrupted: make the input larger"
    process.send_signal(sig)
    _out, err = process.communicate(timeout=60)
    return process.returncode, err.decode("utf-8"), scratch


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["sigint", "sigterm"])
@pytest.mark.parametrize("command", ["import", "export"])
def test_an_interrupt_says_so_and_leaves_nothing(tmp_path: Path, command: str, sig: int) -> None:
    source = big_csv(tmp_path / "big.csv", 60_000)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / ("list.jsonl" if command == "import" else "pub.xlsx")
    code, err, scratch = interrupted([command, str(source), "-o", str(target)], tmp_path, sig)
    assert code == 130
    assert err.strip().splitlines() == ["listkit: 已中断"]
    assert list(out_dir.iterdir()) == [] and list(scratch.iterdir()) == []


def test_a_pipe_is_not_an_output(cli: Cli, tmp_path: Path) -> None:
    pipe = tmp_path / "list.jsonl"
    os.mkfifo(pipe)
    result = cli("import", SAMPLES / "licensing-list.xlsx", "-o", pipe)
    assert result.code == 2 and "不是普通文件" in result.err and pipe.is_fifo()


def test_a_hard_link_to_an_input_is_refused(cli: Cli, tmp_path: Path) -> None:
    source = tmp_path / "list.csv"
    source.write_bytes((SAMPLES / "department-power-list.csv").read_bytes())
    os.link(source, tmp_path / "same.csv")
    before = source.read_bytes()
    result = cli("import", source, "-o", tmp_path / "same.csv")
    assert result.code == 2 and "是输入文件之一" in result.err and source.read_bytes() == before


def test_an_output_through_a_symlink_replaces_the_file_it_points_to(cli: Cli, tmp_path: Path) -> None:
    real = tmp_path / "real" / "list.jsonl"
    real.parent.mkdir()
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.jsonl"
    link.symlink_to(real)
    assert cli("import", SAMPLES / "licensing-list.xlsx", "-o", link).code == 0
    assert link.is_symlink() and real.read_text(encoding="utf-8").startswith('{"listkit"')


@pytest.mark.parametrize("failure", [errno.ENOSPC, errno.EROFS, errno.EDQUOT], ids=["disk-full", "read-only", "quota"])
def test_a_write_that_fails_is_an_output_error(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: int
) -> None:
    target = tmp_path / "list.jsonl"
    target.write_text("previous", encoding="utf-8")

    def fail(_fd: int) -> None:
        raise OSError(failure, os.strerror(failure))

    monkeypatch.setattr(os, "fsync", fail)
    result = cli("import", SAMPLES / "licensing-list.xlsx", "-o", target)
    assert result.code == 2
    assert str(target) in result.err and os.strerror(failure) in result.err and "内部错误" not in result.err
    assert target.read_text(encoding="utf-8") == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["list.jsonl"]


def test_an_output_folder_that_cannot_be_written_is_an_output_error(cli: Cli) -> None:
    result = cli("import", SAMPLES / "licensing-list.xlsx", "-o", "/proc/listkit-test.jsonl")
    assert result.code == 2 and "/proc/listkit-test.jsonl" in result.err and "内部错误" not in result.err
