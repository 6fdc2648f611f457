"""A row made into a record: each mapped column's text cleaned by its field's role, placeholders emptied, the
power type and level settled, the cell it came from remembered.

Most rows of a big list are plain: nothing merged, the item named on the row itself. ``fast`` reads such a row
straight from its cells, which is most of the time spent reading a list; ``build`` takes the texts the row
reader worked out for any other row (merged cells read through, a name carried from the row above).
column_body.py makes the same records from whole columns when every row of a sheet is plain.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from listkit.continuation import CONTINUED_NAME
from listkit.normalize import clean_value, fold, join_lines, normalize_seq
from listkit.read.packed_records import PackedSubItems
from listkit.read.sheet_plan import PLACEHOLDER_MAX_CHARS, SheetPlan
from listkit.read.skipped_rows import NOTE_PREFIX
from listkit.read.ticks import ticked_value
from listkit.read.type_settle import settle_type
from listkit.record import Record, make_record, make_source


class RecordBuilder:
    def __init__(self, plan: SheetPlan) -> None:
        self.plan = plan
        # The type the latest section row named ('一、行政许可'): records without a type of their own take it.
        self.section_type: str | None = None
        # What the latest section heading ('一、中央层面设定的行政许可事项') gives the schema's x-section fields.
        self.section_values: dict[str, str] = {}
        self.packed = PackedSubItems(plan)

    def fast(self, row: int, cells: list[Any]) -> tuple[Record, dict[int, str]] | None:
        """A plain row's record and its cells' texts, read straight from its cells; None for any row less plain,
        which the row reader reads the careful way."""
        plan = self.plan
        name_col = plan.name_col
        if name_col is None or name_col >= len(cells) or type(cells[name_col]) is not str:
            return None
        name = cells[name_col].strip()
        if not name or name in plan.header_words or name.endswith(CONTINUED_NAME):
            return None  # a blank name, a header repeated inside the data, or a row continuing the record above
        for col in range(name_col):
            before = cells[col]
            if type(before) is str and NOTE_PREFIX.match(before):
                return None
        if sum(1 for c in cells if c is not None and c != "") < 2:
            return None  # the name alone on its row: perhaps a section heading

        width = len(cells)
        # str.strip inline for the common case; clean_value for numbers, dates and \r line ends.
        texts = {
            col: (value.strip() if type(value) is str and "\r" not in value else clean_value(value))
            for col in plan.used_columns
            if col < width and (value := cells[col]) is not None and value != ""
        }
        text_of = texts.get
        return self.build(row, lambda col: text_of(col, ""), None), texts

    def build(self, row: int, text_of: Callable[[int], str], carried: Record | None) -> Record:
        """A record from a row, ``text_of`` giving each column's text; ``carried``: the record whose item name and
        序号 the row leaves to the row above."""
        plan = self.plan
        values: dict[str, str] = {}
        for col, key, single_line, is_seq in plan.mapped:
            text = text_of(col)
            if not text:
                continue
            if single_line and "\n" in text:
                text = join_lines(text)
            if is_seq:
                text = normalize_seq(text)
            if text:
                values[key] = text
        for group, ticks in plan.ticks:
            # A field published as one column per value: the value of the column ticked (ticks.py).
            if ticked := ticked_value(group, ticks, text_of):
                values[group.key] = ticked
        raw: dict[str, str] = {}
        for key, nothing in plan.none_values.items():
            value = values.get(key)
            if value is not None and len(value) < PLACEHOLDER_MAX_CHARS and fold(value) in nothing:
                # A placeholder ('/', '无') says there is nothing: the field is empty, what was written is kept.
                raw[key] = values.pop(key)
        if carried is not None:
            for carried_key in (plan.schema.key_of("name"), plan.schema.key_of("seq")):
                if carried_key and carried_key not in values and carried_key in carried.values:
                    values[carried_key] = carried.values[carried_key]
        for section_key, heading in self.section_values.items():
            values.setdefault(section_key, heading)
        extra = {header: text for col, header in plan.columns.extras.items() if (text := text_of(col))}
        type_from = settle_type(plan, values, raw, self.section_type)
        plan.enums.settle(values, raw)
        plan.levels.settle_values(values, raw, plan.sheet_level)
        department_col = plan.columns.department
        department = join_lines(text_of(department_col)) if department_col is not None else ""
        # Built from text this reader produced itself: no need for pydantic to validate it again.
        source = make_source(plan.grid.file, plan.grid.sheet, row + 1)
        record = make_record(
            values, source, department=department or None, extra=extra, raw=raw, type_from=type_from, at=source
        )
        if plan.sub_col is not None and plan.sub_key in values:
            # The cell's own text: the field's value has its line breaks joined, and they may separate pieces.
            self.packed.note(record, text_of(plan.sub_col))
        return record
