"""The change order as ``apply`` takes it, whatever it was read from.

Its 变更明细 sheet is the contract between the workbook listkit writes (write/change_order_xlsx.py) and the one
it reads back (read/change_order_workbook.py), which may have been written by a clerk by hand: the sheet's name
and the two columns that group rows into changes are named here (the words are vocabulary.py's) so neither side
can drift from the other.
"""

from __future__ import annotations

from typing import Any

from listkit.diff.model import KINDS
from listkit.errors import InputError
from listkit.i18n import Phrase
from listkit.record import Record
from listkit.vocabulary import CHANGE_DETAIL_SHEET, CHANGE_NUMBER_HEADER, CHANGE_SIDE_HEADER

DETAIL_SHEET = CHANGE_DETAIL_SHEET
CHANGE_NO = CHANGE_NUMBER_HEADER
SIDE = CHANGE_SIDE_HEADER

# What each kind of change takes out (old) and puts in (new).
_SHAPES = {"added": (False, True), "cancelled": (True, False), "adjusted": (True, True), "cosmetic": (True, True)}
# What a change of each shape must hold, for the apply-shape message.
_SHAPE_PHRASE = {
    (False, True): "apply.shape.new-only",
    (True, False): "apply.shape.old-only",
    (True, True): "apply.shape.both",
}


def check_kind(kind: Any, section_kind: str | None, olds: list[Record], news: list[Record], where: str) -> None:
    """A change says what it is: its kind must be known and its records must fit it (an 'added' change with
    "new": null, or with an old record, is not something apply can do). ``section_kind`` is the kind every
    change of its section has (the 'cosmetic' section), which a change may leave unsaid."""
    if section_kind is not None and kind is None:
        kind = section_kind
    if kind not in (KINDS if section_kind is None else (section_kind,)):
        raise InputError("apply-unknown-kind", where=where, kind=str(kind))
    shape = _SHAPES[kind]
    if (bool(olds), bool(news)) != shape:
        raise InputError("apply-shape", where=where, kind=kind, expected=Phrase(_SHAPE_PHRASE[shape]))
