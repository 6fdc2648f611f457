"""What every rule gets: the list, its schema, and helpers to point findings at cells."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from listkit.model import ItemList, Record
from listkit.schema import Schema
from listkit.table import RecordTable
from listkit.validate.report import Finding, Severity


@dataclass
class Context:
    items: ItemList
    schema: Schema
    _columns: dict[tuple[str, str | None], dict[str, str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for layout in self.items.layouts:
            self._columns[(layout.file, layout.sheet)] = layout.columns

    @cached_property
    def table(self) -> RecordTable:
        """The records as columns: rules ask their questions of whole columns, and build a ``Record`` only for
        the rows they report."""
        return self.items.table()

    def option(self, rule: str, name: str, default: Any) -> Any:
        """A rule option from the schema's ``x-listkit.rules.<rule>.<name>``, else the default."""
        options = self.schema.document.get("x-listkit", {}).get("rules", {}).get(rule, {})
        return options.get(name, default) if isinstance(options, dict) else default

    def where(self, record: Record) -> str:
        """A record's location as text, for messages that point at another record."""
        source = record.at or record.source
        if source is None or source.row is None:
            return "?"
        column = self._columns.get((source.file, source.sheet), {}).get(self.schema.key_of("name") or "")
        place = f"{column}{source.row}" if column else f"#{source.row}"
        return f"{source.sheet}!{place}" if source.sheet else place

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
        source = (record.at or record.source) if record is not None else None
        column = None
        if source is not None and key is not None:
            column = self._columns.get((source.file, source.sheet), {}).get(key)
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
        )
