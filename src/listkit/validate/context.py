"""What every rule gets: the list, its schema, and helpers to point findings at cells."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from listkit.model import ItemList
from listkit.record import Record, SourceRef
from listkit.schema import Schema
from listkit.table import RecordTable
from listkit.validate.report import Finding, Severity


@dataclass
class Context:
    items: ItemList
    schema: Schema
    _columns: dict[tuple[str, str | None], dict[str, str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # Sheets read now by the path given; sheets a canonical file remembers by the workbook's name, which is
        # how its records' ``source`` names them.
        for kept in self.items.sheet_columns():
            self._columns[(kept.file, kept.sheet)] = kept.columns
        for layout in self.items.layouts:
            self._columns[(layout.file, layout.sheet)] = layout.columns

    def columns_of(self, source: SourceRef) -> dict[str, str]:
        name = os.path.basename(source.file)
        for place in ((source.file, source.sheet), (name, source.sheet), (name, None)):  # None: every sheet
            found = self._columns.get(place)
            if found is not None:
                return found
        return {}

    @cached_property
    def table(self) -> RecordTable:
        """The records as columns: rules ask their questions of whole columns, and build a ``Record`` only for
        the rows they report."""
        return self.items.table()

    def option(self, rule: str, name: str, default: Any) -> Any:
        """A rule option from the schema's ``x-listkit.rules.<rule>.<name>``, else the default."""
        rules = self.schema.document.get("x-listkit", {}).get("rules", {})
        # A list under x-listkit.rules declares rules of the schema's own (schema_declared.py), not options.
        options = rules.get(rule, {}) if isinstance(rules, dict) else {}
        return options.get(name, default) if isinstance(options, dict) else default

    def where(self, record: Record, key: str | None = None, beside: Record | None = None) -> str:
        """A record's location as text (at ``key``'s cell, else the name's), for messages that point at another
        record; the workbook is named when it is not the one ``beside`` comes from."""
        source, _read = origin(record)
        if source is None or source.row is None:
            return "?"
        column = self.columns_of(source).get(key or self.schema.key_of("name") or "")
        place = f"{column}{source.row}" if column else f"#{source.row}"
        place = f"{source.sheet}!{place}" if source.sheet else place
        other = origin(beside)[0] if beside is not None else None
        if other is not None and os.path.basename(other.file) != os.path.basename(source.file):
            place = f"{os.path.basename(source.file)} {place}"
        return place

    def finding(
        self,
        rule: str,
        severity: Severity,
        record: Record | None,
        key: str | None,
        message_key: str | None = None,
        value: str | None = None,
        **params: Any,
    ) -> Finding:
        source, read = origin(record) if record is not None else (None, None)
        column = None
        if source is not None and key is not None:
            column = self.columns_of(source).get(key)
        if value is not None:
            params.setdefault("value", value)
        file = source.file if source is not None else (self.items.files[0] if self.items.files else None)
        return Finding(
            rule=rule,
            severity=severity,
            key=message_key or rule,
            params=params,
            file=file,
            sheet=source.sheet if source else None,
            row=source.row if source else None,
            column=column,
            field=key,
            value=value,
            input=read.file if read else None,
            line=read.row if read else None,
        )


def origin(record: Record) -> tuple[SourceRef | None, SourceRef | None]:
    """(where a record was first read — the workbook cell —, where it was read this time when that is another
    file: the line of a canonical copy). A record read from a workbook is where it came from."""
    source, at = record.source, record.at
    if source is None or source.row is None:
        return at or source, None
    if at is None or at.file == source.file:
        return source, None
    return source, at
