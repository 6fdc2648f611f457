"""Every command's output on every sample, byte for byte as fingerprinted in tests/golden.json (golden_cases.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.golden_cases import GOLDEN, cases, fingerprint, run_case

CASES = list(cases())
STORED: dict[str, str] = json.loads(GOLDEN.read_text(encoding="utf-8"))


@pytest.mark.parametrize(("name", "argv", "suffix"), CASES, ids=[n for n, _a, _s in CASES])
def test_output_is_byte_identical(name: str, argv: list[str], suffix: str | None, tmp_path: Path) -> None:
    for part, data in run_case(argv, suffix, tmp_path).items():
        key = f"{name}.{part}"
        assert key in STORED, f"no fixture for {key}: run python -m tests.golden_cases"
        assert fingerprint(data) == STORED[key], f"{key} differs from the stored output"


def test_every_stored_output_has_its_case() -> None:
    names = {n for n, _a, _s in CASES}
    assert {key.rsplit(".", 1)[0] for key in STORED} == names
