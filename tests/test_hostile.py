"""Hostile and broken input: every command either works or exits 2 with one clear message — never a traceback,
never a hang, never a changed input, never a half-written output."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.conftest import SAMPLES, CliResult
from tests.hostile.corpus import Case, _bomb, build

Cli = Callable[..., CliResult]
CRASH_WORDS = ("Traceback", "内部错误", "Internal error")
SECONDS_PER_COMMAND = 60


@contextmanager
def deadline(seconds: int, what: str) -> Iterator[None]:
    def expire(_signum: int, _frame: object) -> None:
        raise TimeoutError(f"hung for {seconds} s: {what}")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[Case, Path]]:
    return build(tmp_path_factory.mktemp("corpus"))


def test_corpus_is_large_enough(corpus: list[tuple[Case, Path]]) -> None:
    assert len(corpus) >= 40


def _commands(path: Path, out: Path) -> list[tuple[str, list[str], frozenset[int] | None]]:
    """(label, argv, exits allowed instead of the case's own) for every command."""
    empty_order = out.parent / "empty-order.json"
    empty_order.write_text(json.dumps({"changes": []}), encoding="utf-8")
    base = str(SAMPLES / "licensing-list.xlsx")
    return [
        ("validate", ["validate", str(path)], None),
        ("validate-json", ["validate", str(path), "--format", "json"], None),
        ("stats", ["stats", str(path)], frozenset({0, 2})),
        ("import", ["import", str(path), "-o", str(out.with_suffix(".jsonl"))], frozenset({0, 2})),
        ("export", ["export", str(path), "-o", str(out.with_suffix(".xlsx"))], frozenset({0, 2})),
        ("export-html", ["export", str(path), "-o", str(out.with_suffix(".html"))], frozenset({0, 2})),
        ("diff", ["diff", str(path), str(path), "--exit-code"], frozenset({0, 2})),
        ("apply-base", ["apply", str(path), str(empty_order), "-o", str(out.with_suffix(".json"))], frozenset({0, 2})),
        ("apply-order", ["apply", base, str(path), "-o", str(out.with_suffix(".csv"))], frozenset({2})),
        ("schema-show", ["schema", "show", str(path)], frozenset({2})),
        ("as-schema", ["validate", base, "--schema", str(path)], frozenset({2})),
    ]


def test_every_command_on_every_hostile_file(cli: Cli, corpus: list[tuple[Case, Path]], tmp_path: Path) -> None:
    failures = []
    for case, path in corpus:
        for label, argv, override in _commands(path, tmp_path / "out"):
            allowed = case.exits if override is None else (override if case.exits & {0, 1} else frozenset({2}))
            with deadline(SECONDS_PER_COMMAND, f"{label} {case.name}"):
                result = cli(*argv)
            problem = None
            if result.code not in allowed:
                problem = f"exit {result.code}, expected {sorted(allowed)}"
            elif any(word in result.err for word in CRASH_WORDS):
                problem = "crash text on stderr"
            elif result.code == 2:
                lines = result.err.strip().splitlines()
                if not lines or not any(path.name in line or "模式" in line for line in lines):
                    problem = "the message does not name the file"
                elif (
                    case.words
                    and label not in ("apply-order", "schema-show", "as-schema")
                    and (case.words not in result.err)
                ):
                    problem = f"message lacks '{case.words}'"
            if problem:
                failures.append(f"{case.name} · {label}: {problem}\n    {result.err.strip()[:300]}")
    assert not failures, "\n".join(failures)


def test_gigabyte_zip_bomb_is_refused_fast_and_small(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.xlsx"
    _bomb(1024**3)(bomb)
    tiny = tmp_path / "tiny.csv"
    tiny.write_text("事项名称,权力类型,实施依据,行使主体\n甲,行政许可,《法》第一条,局\n", encoding="utf-8")
    probe = (
        "import resource, sys, time\n"
        "from listkit.cli.app import run\n"
        "started = time.perf_counter()\n"
        "code = run(['validate', sys.argv[1]])\n"
        "print(time.perf_counter() - started, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, code)\n"
    )

    def measure(path: Path) -> tuple[float, int, int]:
        done = subprocess.run([sys.executable, "-c", probe, str(path)], capture_output=True, text=True, timeout=60)
        seconds, peak_kb, code = done.stdout.split()[-3:]
        return float(seconds), int(peak_kb), int(code)

    _seconds, baseline_kb, _code = measure(tiny)
    seconds, peak_kb, code = measure(bomb)
    assert code == 2
    assert seconds < 2.0
    assert (peak_kb - baseline_kb) < 200 * 1024


def test_a_failing_write_leaves_the_previous_output_intact(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "catalogue.xlsx"
    assert cli("export", SAMPLES / "licensing-list.xlsx", "-o", out).code == 0
    before = out.read_bytes()

    from listkit.write import atomic

    real_output = atomic.atomic_output

    @contextmanager
    def dying_output(path: Path, inputs: object = ()) -> Iterator[object]:
        with real_output(path, inputs) as handle:  # type: ignore[arg-type]

            class Dying:
                def write(self, data: bytes) -> int:
                    handle.write(data[: len(data) // 2])
                    raise OSError(28, "No space left on device")

            yield Dying()

    monkeypatch.setattr(atomic, "atomic_output", dying_output)
    result = cli("export", SAMPLES / "district-power-list.xlsx", "-o", out)
    assert result.code == 2 and "Traceback" not in result.err
    assert out.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["catalogue.xlsx"]
