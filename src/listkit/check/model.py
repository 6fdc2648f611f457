"""A list held against its catalogue, as data: every item with its status; text, json, markdown, xlsx and html
render it. Plain dataclasses: a city's list against a catalogue gives a hundred thousand items."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Literal

from listkit.diff.model import FieldChange, MatchInfo
from listkit.record import Record

Status = Literal["conforming", "differs", "missing", "extra", "out-of-level", "cancelled"]
# In the order reports list them; 'cancelled' only where a cancellation list was given.
STATUSES: tuple[str, ...] = ("differs", "missing", "extra", "out-of-level", "cancelled", "conforming")
# What REF requires of LIST (covers) and what LIST has beyond REF (within).
SCOPES: dict[str, tuple[str, ...]] = {
    "both": STATUSES,
    "covers": ("differs", "missing", "cancelled", "conforming"),
    "within": ("extra", "out-of-level", "conforming"),
}
FAILING_BY_DEFAULT: tuple[str, ...] = ("differs", "missing", "extra", "out-of-level")


@dataclass(slots=True)
class CheckItem:
    status: Status
    listed: Record | None = None  # the list's record ("list" in the json report)
    reference: Record | None = None
    aspects: list[str] = field(default_factory=list)
    fields: list[FieldChange] = field(default_factory=list)
    match: MatchInfo | None = None

    @property
    def department(self) -> str:
        """Whose item it is: the list's department where the list has it, else the catalogue's."""
        record = self.listed or self.reference
        assert record is not None
        return record.department or ""


@dataclass
class CheckSummary:
    reference: int = 0
    conforming: int = 0
    differs: int = 0
    missing: int = 0
    extra: int = 0
    out_of_level: int = 0
    cancelled: int = 0

    def count(self, status: str) -> int:
        value: int = getattr(self, status.replace("-", "_"))
        return value

    def add(self, status: str) -> None:
        setattr(self, status.replace("-", "_"), self.count(status) + 1)

    @property
    def taken_up(self) -> int:
        return self.conforming + self.differs

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


@dataclass
class DepartmentSummary:
    department: str
    summary: CheckSummary


@dataclass
class CheckResult:
    schema_name: str  # the list's; items are matched and compared in it
    reference_schema: str  # the catalogue's (another, for a derived list against its master list)
    list_files: list[str]
    reference_files: list[str]
    level: str | None  # the level LIST was held at ('县级'), None when every REF item applied
    summary: CheckSummary
    scope: str = "both"
    referring: str | None = None  # the list's field naming catalogue items (x-refers-to): looked up, not paired
    departments: list[DepartmentSummary] = field(default_factory=list)
    items: list[CheckItem] = field(default_factory=list)

    def count(self, status: str) -> int:
        return self.summary.count(status)

    @property
    def conforms(self) -> bool:
        return all(item.status == "conforming" for item in self.items)

    def fails_on(self, statuses: tuple[str, ...]) -> bool:
        return any(self.count(status) for status in statuses)
