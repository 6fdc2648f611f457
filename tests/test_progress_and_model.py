"""Progress reporting hooks and the fast record constructor."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from listkit.progress import set_reporter, track
from listkit.read import read_list
from listkit.record import Record, SourceRef, make_record, make_source
from tests.conftest import SAMPLES


def test_make_record_equals_model_construct() -> None:
    source = make_source("a.xlsx", "S", 3)
    fast = make_record(
        {"name": "甲"}, source, department="局", extra={"x": "1"}, raw={"type": "处罚"}, type_from="column", at=source
    )
    slow = Record.model_construct(
        values={"name": "甲"},
        department="局",
        source=SourceRef(file="a.xlsx", sheet="S", row=3),
        extra={"x": "1"},
        raw={"type": "处罚"},
        type_from="column",
        at=source,
    )
    assert fast == slow and fast.model_dump() == slow.model_dump()
    assert fast.model_fields_set == slow.model_fields_set
    fast.values["name"] = "乙"  # still an ordinary, mutable model
    assert fast.get("name") == "乙"


def test_core_reports_progress_to_whoever_listens() -> None:
    seen: list[tuple[str, int]] = []

    @contextmanager
    def recorder(label: str, total: int | None) -> Iterator[object]:
        yield lambda n: seen.append((label, n))

    set_reporter(recorder)  # type: ignore[arg-type]
    try:
        read_list([SAMPLES / "district-power-list.xlsx"])
        with track("x", 1) as advance:
            advance(1)
    finally:
        from listkit import progress

        progress.set_reporter(progress._silent)
    assert any(label.startswith("读取") for label, _ in seen) and ("x", 1) in seen
    assert sum(n for label, n in seen if label.startswith("读取")) >= 3630 - 4096


def test_progress_labels_follow_the_language() -> None:
    from listkit.i18n import set_lang
    from listkit.validate import validate_list

    labels: list[str] = []

    @contextmanager
    def recorder(label: str, total: int | None) -> Iterator[object]:
        labels.append(label)
        yield lambda n: None

    set_reporter(recorder)  # type: ignore[arg-type]
    try:
        set_lang("en")
        validate_list(read_list([SAMPLES / "district-power-list.xlsx"]))
    finally:
        from listkit import progress

        set_lang("zh")
        progress.set_reporter(progress._silent)
    assert labels and all(label.startswith(("Reading", "Validating")) for label in labels), labels


def test_bars_only_for_a_person_at_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    from listkit.cli import progress_bar

    monkeypatch.setattr("sys.stderr.isatty", lambda: True, raising=False)
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("LISTKIT_QUIET", raising=False)
    assert progress_bar.wanted(quiet=False)
    assert not progress_bar.wanted(quiet=True)
    monkeypatch.setenv("CI", "true")
    assert not progress_bar.wanted(quiet=False)
