"""Findings and the validation report: data first; text, json and github output are renderings of it."""

from __future__ import annotations

import os
from typing import Any, Literal

from pydantic import BaseModel, Field

from listkit.i18n import Lang, t

Severity = Literal["error", "warning", "info"]
SEVERITY_ORDER: dict[str, int] = {"error": 0, "warning": 1, "info": 2}
VALUE_PREVIEW = 120


class Finding(BaseModel):
    rule: str
    severity: Severity
    key: str  # message key in the i18n catalogue
    params: dict[str, Any] = Field(default_factory=dict)
    file: str | None = None
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    field: str | None = None
    value: str | None = None
    # Where a record of a canonical copy was read (that file and its line), when the finding points at the
    # workbook cell the record came from.
    input: str | None = None
    line: int | None = None

    @property
    def cell(self) -> str | None:
        if self.row is None or self.column is None:
            return None
        return f"{self.column}{self.row}"

    def location(self, lang: Lang = "zh") -> str:
        """'Sheet1!C17' for a sheet, 'C17' for a CSV, 'line 17' for jsonl, '' for list-level findings."""
        if self.row is None:
            return ""
        place = self.cell or t("location.row", lang, row=self.row)
        place = f"{self.sheet}!{place}" if self.sheet else place
        if self.line is not None and self.input:
            place += t("location.copy-line", lang, file=os.path.basename(self.input), line=self.line)
        return place

    def message(self, lang: Lang | None = None) -> str:
        return t(self.key, lang, **self.params)

    def sort_key(self) -> tuple[str, str, int, str, str]:
        return (self.file or "", self.sheet or "", self.row or 0, self.rule, self.column or "")

    def as_json(self, lang: Lang) -> dict[str, Any]:
        value = self.value
        if value is not None and len(value) > VALUE_PREVIEW:
            value = value[:VALUE_PREVIEW] + "…"
        return {
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message(lang),
            "file": self.file,
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "cell": self.cell,
            "field": self.field,
            "value": value,
            "input": self.input,
            "line": self.line,
        }


class RuleTitle(BaseModel):
    """A rule the list's schema declares (x-listkit.rules): its severity and its title in both languages."""

    severity: Severity
    zh: str
    en: str

    def title(self, lang: Lang) -> str:
        return self.zh if lang == "zh" else self.en


class Report(BaseModel):
    files: list[str]
    records: int
    findings: list[Finding]
    strict: bool = False
    truncated_at: int | None = None  # --max-errors: how many errors are listed when some were left out
    counts: dict[str, int] = Field(default_factory=dict)  # severity → count, before truncation
    declared: dict[str, RuleTitle] = Field(default_factory=dict)  # rule id → title, for rules schemas declare

    @property
    def errors(self) -> int:
        return self.counts.get("error", 0)

    @property
    def warnings(self) -> int:
        return self.counts.get("warning", 0)

    @property
    def valid(self) -> bool:
        return self.errors == 0 and not (self.strict and self.warnings)

    def as_json(self, lang: Lang, version: str) -> dict[str, Any]:
        stats: dict[str, Any] = {
            "files": len(self.files),
            "records": self.records,
            "errors": self.errors,
            "warnings": self.warnings,
            "infos": self.counts.get("info", 0),
        }
        if self.truncated_at is not None:
            stats["truncated_at"] = self.truncated_at
        return {
            "listkit": version,
            "report_version": 1,
            "valid": self.valid,
            "stats": stats,
            "findings": [f.as_json(lang) for f in self.findings],
        }
