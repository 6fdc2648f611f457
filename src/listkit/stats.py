"""Counts by any field (type in canonical order, department, level, or any schema field), with a total row; and
rates: the share of records whose field says yes (or holds a given value), per group and in total."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, Field

from listkit.errors import UsageError
from listkit.i18n import Lang, t
from listkit.identity import item_columns
from listkit.model import ItemList
from listkit.normalize import fold
from listkit.record import Record
from listkit.schema import Field as SchemaField
from listkit.schema import Schema, load_schema
from listkit.table import DEPARTMENT, RecordTable, folded
from listkit.vocabulary import YES_VALUES

if TYPE_CHECKING:
    import polars as pl

By = str  # "type", "department", "level" (by role, as they always were), or a schema field's key or title
ROLES = ("type", "department", "level")  # the groupings named by what a field means, whatever its key
BLANK = ""  # the group of records that leave the grouping field empty


class Rate(BaseModel):
    """Of ``records`` records, ``matching`` have ``field`` saying yes (``value`` None) or equal to ``value``."""

    field: str
    value: str | None = None
    records: int
    matching: int
    # The field's header in each language, for people (not in as_json).
    title: str = ""
    title_en: str = ""

    @property
    def share(self) -> str | None:
        """The share as a percentage with two decimals, rounded half up ('97.43%'); None of no records."""
        if not self.records:
            return None
        hundredths = (self.matching * 20000 + self.records) // (2 * self.records)
        return f"{hundredths // 100}.{hundredths % 100:02d}%"

    @property
    def label(self) -> str:
        """The rate as asked for on the command line: 'online' or 'level=县级'."""
        return self.field if self.value is None else f"{self.field}={self.value}"

    def display(self, lang: str) -> str:
        title = (self.title if lang == "zh" else self.title_en) or self.field
        return title if self.value is None else f"{title}={self.value}"

    def as_json(self) -> dict[str, Any]:
        return {
            "field": self.field,
            "value": self.value,
            "records": self.records,
            "matching": self.matching,
            "share": self.share,
        }


class StatsRow(BaseModel):
    key: str
    records: int
    items: int
    rates: list[Rate] = Field(default_factory=list)

    def as_json(self, *, key: bool = True) -> dict[str, Any]:
        row: dict[str, Any] = {"key": self.key} if key else {}
        row |= {"records": self.records, "items": self.items}
        if self.rates:
            row["rates"] = [rate.as_json() for rate in self.rates]
        return row


class Stats(BaseModel):
    by: By
    rows: list[StatsRow]
    total: StatsRow
    # The grouping field's header in each language, for people (not in as_json); empty for type, department and
    # level, whose headers are the catalogue's by.<name>.
    title: str = ""
    title_en: str = ""
    rates: list[Rate] = Field(default_factory=list)  # in total; each row holds its own

    def by_title(self, lang: str) -> str:
        return (self.title if lang == "zh" else self.title_en) or self.by

    def heading(self, lang: Lang) -> str:
        """The header over the groups: the field's own title, or the catalogue's word for a role (部门)."""
        return self.by_title(lang) if self.title else t(f"by.{self.by}", lang)

    def as_json(self) -> dict[str, Any]:
        document: dict[str, Any] = {
            "by": self.by,
            "rows": [row.as_json() for row in self.rows],
            "total": self.total.as_json(key=False),
        }
        if self.rates:
            document["rates"] = [rate.as_json() for rate in self.rates]
        return document


@dataclass(frozen=True)
class RateSpec:
    """What ``--rate`` asks for: ``field`` (a key, a title, or department) and, with '=VALUE', the value."""

    field: str
    value: str | None = None

    @classmethod
    def parse(cls, text: str) -> RateSpec:
        field, equals, value = text.partition("=")
        return cls(field.strip(), value.strip() if equals else None)


def compute_stats(
    items: ItemList,
    by: By | None = None,
    schema: Schema | None = None,
    rates: Sequence[RateSpec | str] = (),
) -> Stats:
    """Records and distinct items per group of ``by``, in order (see _order), and the ``rates`` asked for, per
    group and in total. ``by`` and a rate's field name a field by key or title (or are type/department/level);
    one that names none is a UsageError."""
    import polars as pl

    schema = schema or load_schema(items.schema_name)
    by = by or default_grouping(schema)
    table = items.table()
    by_key, by_field = _resolve(by, schema, "--by")
    specs = [RateSpec.parse(r) if isinstance(r, str) else r for r in rates]
    rate_columns = [(spec, *_resolve(spec.field, schema, "--rate")) for spec in specs]
    item = item_columns(table, schema)
    frame = pl.DataFrame(
        {
            "group": _column(table, by_key, schema).fill_null(BLANK),
            **{f"k{i}": c for i, c in enumerate(item)},
            **{f"r{i}": _matches(table, key, f, spec, schema) for i, (spec, key, f) in enumerate(rate_columns)},
        }
    )
    rate_names = [f"r{i}" for i in range(len(rate_columns))]
    counts = frame.group_by("group").agg(
        pl.len().alias("records"),
        pl.struct([f"k{i}" for i in range(len(item))]).n_unique().alias("items"),
        *(pl.col(name).sum().alias(name) for name in rate_names),
    )
    by_group = {row["group"]: row for row in counts.iter_rows(named=True)}
    records = {group: row["records"] for group, row in by_group.items()}

    def rates_of(row: dict[str, Any]) -> list[Rate]:
        return [
            _rate(spec, key, field, schema, row["records"], int(row[name] or 0))
            for (spec, key, field), name in zip(rate_columns, rate_names, strict=True)
        ]

    rows = [
        StatsRow(key=k, records=records[k], items=by_group[k]["items"], rates=rates_of(by_group[k]))
        for k in _order(records, by_field)
    ]
    all_items = frame.select(pl.struct([f"k{i}" for i in range(len(item))]).n_unique()).item() if frame.height else 0
    totals = {"records": table.height, **{name: int(frame.get_column(name).sum() or 0) for name in rate_names}}
    total_rates = rates_of(totals)
    total = StatsRow(key="total", records=table.height, items=all_items, rates=total_rates)
    # Headed by the field's own title (事项类型 on a service list, 权力类型 on a power list); not the department,
    # whose groups come from the record's own department before any field.
    titled = by_field is not None and by != "department"
    title, title_en = (by_field.title, by_field.title_en) if by_field is not None and titled else ("", "")
    return Stats(
        by=by if by in ROLES else by_key or by,
        rows=rows,
        total=total,
        title=title,
        title_en=title_en,
        rates=total_rates,
    )


def field_names(schema: Schema) -> list[str]:
    """What --by and --rate accept: department, then the schema's field keys (titles are accepted too)."""
    return ["department", *(key for key in schema.by_key if key != "department")]


def _resolve(name: str, schema: Schema, option: str) -> tuple[str | None, SchemaField | None]:
    """(the field's key, its schema Field) for a name given to ``option``; department is (None, None) when the
    schema has no department field of its own. A name naming nothing is a UsageError listing the known keys."""
    if name in ROLES:
        found: SchemaField | None = schema.role(name)
        return (DEPARTMENT if name == "department" else found.key if found else None), found
    if name in schema.by_key:
        return name, schema.by_key[name]
    folded = fold(name)
    for f in schema.fields:
        if folded and folded in (fold(f.title), fold(f.title_en)):
            return f.key, f
    raise UsageError("bad-option", option=option, reason=f"{name} ∉ {', '.join(field_names(schema))}")


def default_grouping(schema: Schema) -> By:
    """What a list is counted by when nobody says: its types, or its departments where it has no types (中介服务)."""
    return "type" if schema.role("type") is not None else "department"


def department_of(record: Record, schema: Schema) -> str:
    """One record's department, as ``_column`` reads the department for a whole table."""
    return record.department or record.get(schema.key_of("department")) or record.get(schema.key_of("body"))


def _column(table: RecordTable, key: str | None, schema: Schema) -> pl.Series:
    """A record's value of ``key``; for the department, the record's own department (a 部门 column, the title rows,
    the file name) first; else the schema's department field (a licensing list's 主管部门, which differs from the
    body that implements the item); else the implementing body. Read per record: a list may fill 主管部门 on some
    rows only."""
    if key != DEPARTMENT:
        return table.column(key)
    column = table.column(DEPARTMENT)
    if schema.key_of("department") is not None:
        column = column.fill_null(table.column(schema.key_of("department")))
    return column.fill_null(table.column(schema.key_of("body")))


def _matches(
    table: RecordTable, key: str | None, field: SchemaField | None, spec: RateSpec, schema: Schema
) -> pl.Series:
    """Whether each record's value says yes (or, with a value, is it): a Boolean column, False where empty."""
    wanted = [fold(spec.value)] if spec.value is not None else [fold(v) for v in _yes_values(field)]
    return folded(_column(table, key, schema)).is_in(wanted)


def _yes_values(field: SchemaField | None) -> tuple[str, ...]:
    return (field.yes_values if field is not None else ()) or YES_VALUES


def _rate(
    spec: RateSpec, key: str | None, field: SchemaField | None, schema: Schema, records: int, matching: int
) -> Rate:
    if key == DEPARTMENT:
        title, title_en = schema.department.title, schema.department.title_en
    else:
        title, title_en = (field.title, field.title_en) if field is not None else ("", "")
    name = "department" if key == DEPARTMENT else key or spec.field
    return Rate(field=name, value=spec.value, records=records, matching=matching, title=title, title_en=title_en)


def _order(records: dict[str, int], field: SchemaField | None) -> list[str]:
    """Values in the field's enum order (a type in the schema's canonical order), then others; without an enum,
    groups by size, then by value. Blank comes last."""
    present = [k for k in records if k != BLANK]
    if field is not None and field.enum:
        canonical = [value for value in field.enum if value in records]
        ordered = canonical + sorted(k for k in present if k not in field.enum)
    else:
        ordered = sorted(present, key=lambda k: (-records[k], k))
    return ordered + ([BLANK] if BLANK in records else [])
