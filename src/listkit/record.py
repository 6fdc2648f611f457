"""One record of a list (an item, or one sub-item of an item) and the cell it was read from.

The leaf of the data model: model.py's ItemList holds records, table.py's RecordTable builds them from columns.
Readers build millions of them, so ``make_record`` and ``make_source`` skip pydantic's validation of values the
reader made itself.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class SourceRef(BaseModel):
    """Where a record was read: file, sheet (None for csv/jsonl) and 1-based row (or jsonl line)."""

    model_config = ConfigDict(frozen=True)

    file: str
    sheet: str | None = None
    row: int | None = None


class Record(BaseModel):
    """One item, or one sub-item of an item. ``values`` is keyed by the schema's property names."""

    values: dict[str, str]
    department: str | None = None
    source: SourceRef | None = None
    extra: dict[str, str] = Field(default_factory=dict)
    # Original text of cells that reading canonicalised (e.g. a type written '处罚'), so that
    # validation can still report what the file said.
    raw: dict[str, str] = Field(default_factory=dict)
    # Where the power type came from: 'column', 'sheet' (sheet name), 'section' (a section row), 'default'.
    type_from: str | None = None
    # Where this record was read this time (a spreadsheet cell row, or a line of a canonical file); findings
    # point here. Not saved: ``source`` is the record's origin and survives canonical round trips.
    at: SourceRef | None = Field(default=None, exclude=True)

    def get(self, key: str | None) -> str:
        if key is None:
            return ""
        return self.values.get(key, "")


_RECORD_FIELDS = frozenset({"values", "department", "source", "extra", "raw", "type_from", "at"})
_SOURCE_FIELDS = frozenset({"file", "sheet", "row"})
_SHARED_FIELDS_SET = {fields: set(fields) for fields in (_RECORD_FIELDS, _SOURCE_FIELDS)}


def _construct(cls: type[BaseModel], data: dict[str, Any], fields: frozenset[str]) -> BaseModel:
    """What ``model_construct`` does, without its per-call bookkeeping: readers build millions of records from
    values they made themselves, and this is 2.5× faster. ``tests/test_progress_and_model.py`` checks it against
    ``model_construct``."""
    obj = object.__new__(cls)
    object.__setattr__(obj, "__dict__", data)
    # Every field is set, on every record: one set object serves them all (pydantic only ever adds to it the
    # name of a field being assigned, which is already in it).
    object.__setattr__(obj, "__pydantic_fields_set__", _SHARED_FIELDS_SET[fields])
    object.__setattr__(obj, "__pydantic_extra__", None)
    object.__setattr__(obj, "__pydantic_private__", None)
    return obj


def make_source(file: str, sheet: str | None, row: int | None) -> SourceRef:
    return _construct(SourceRef, {"file": file, "sheet": sheet, "row": row}, _SOURCE_FIELDS)  # type: ignore[return-value]


def make_record(
    values: dict[str, str],
    source: SourceRef | None,
    *,
    department: str | None = None,
    extra: dict[str, str] | None = None,
    raw: dict[str, str] | None = None,
    type_from: str | None = None,
    at: SourceRef | None = None,
) -> Record:
    data: dict[str, Any] = {
        "values": values,
        "department": department,
        "source": source,
        "extra": extra or {},
        "raw": raw or {},
        "type_from": type_from,
        "at": at,
    }
    return _construct(Record, data, _RECORD_FIELDS)  # type: ignore[return-value]
