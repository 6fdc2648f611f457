"""Fuzzing the PDF reader: byte-mutated small PDFs never raise anything but InputError (issue 18).

The default test run tries a few dozen cases; for a long run set LISTKIT_FUZZ_EXAMPLES.
"""

from __future__ import annotations

import contextlib

from hypothesis import given
from hypothesis import strategies as st

from listkit.errors import InputError
from listkit.read.pdf_tables import pdf_sheets
from tests.fuzz.test_fuzz import SETTINGS
from tests.hostile.corpus import _one_page_pdf
from tests.test_read_pdf import scanned_pdf, text_pdf

SEEDS = [_one_page_pdf(1), scanned_pdf(), text_pdf(["No   Name   Type", "1   Item1   Permit", "2   Item2   Permit"])]


@SETTINGS
@given(
    seed=st.sampled_from(range(len(SEEDS))),
    edits=st.lists(
        st.tuples(st.sampled_from(["flip", "insert", "delete", "truncate"]), st.floats(0, 1), st.integers(0, 255)),
        min_size=1,
        max_size=8,
    ),
)
def test_mutated_pdfs_raise_only_input_errors(seed: int, edits: list[tuple[str, float, int]]) -> None:
    data = bytearray(SEEDS[seed])
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
    with contextlib.suppress(InputError):
        pdf_sheets(bytes(data), "mutated.pdf")
