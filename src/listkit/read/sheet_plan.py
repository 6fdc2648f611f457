"""What is settled about a sheet before its body is read: where the item name, sub-item and 序号 stand, how each
mapped column's text is cleaned, which placeholders mean 'nothing', the sheet's own type and level.

Decided once per sheet, used on every row. Both body readers take it from here, the row by row one
(row_reader.py) and the one over whole columns (column_body.py), so that they read a sheet alike.
"""

from __future__ import annotations

from collections.abc import Iterable

from listkit.normalize import fold
from listkit.read.column_map import ColumnMap
from listkit.read.enum_values import EnumSpellings
from listkit.read.grid import Grid
from listkit.read.levels import LevelResolver
from listkit.read.ticks import tick_reader
from listkit.read.types import TypeResolver
from listkit.schema import Schema

# A placeholder ('/', '无') is short: a longer text is content, whatever it says.
PLACEHOLDER_MAX_CHARS = 8


class SheetPlan:
    def __init__(
        self, grid: Grid, schema: Schema, columns: ColumnMap, types: TypeResolver, headers: Iterable[str]
    ) -> None:
        """``headers``: the header texts as the sheet writes them."""
        self.grid = grid
        self.schema = schema
        self.columns = columns
        self.types = types
        # A sheet named for a power type ('行政处罚（254项）'): its records without a type of their own have it.
        self.sheet_type = types.from_text(grid.sheet or "")
        self.levels = LevelResolver(schema)
        self.sheet_level = self.levels.from_sheet(grid.sheet)
        self.enums = EnumSpellings(schema)
        # Field → the folded placeholders that mean it is empty (cells shorter than PLACEHOLDER_MAX_CHARS).
        self.none_values = {spec.key: {fold(v) for v in spec.none_values} for spec in schema.fields if spec.none_values}
        key_col = {key: col for col, key in columns.fields.items()}
        self.name_col = key_col.get(schema.key_of("name") or "")
        self.sub_col = key_col.get(schema.key_of("sub-item") or "")
        self.seq_col = key_col.get(schema.key_of("seq") or "")
        self.sub_key = schema.key_of("sub-item")
        self.type_key = schema.key_of("type")
        # Per mapped column: (column, field, joins line breaks?, is 序号?).
        self.mapped = [
            (col, key, schema.by_key[key].single_line, schema.by_key[key].role == "seq")
            for col, key in columns.fields.items()
        ]
        # The fields published as ticked columns (x-ticks), each with its test of a tick.
        self.ticks = [(group, tick_reader(schema, group.key)) for group in columns.ticks.values()]
        ticked = [col for group in columns.ticks.values() for col, _value in group.columns]
        # Every column a record takes text from: the fields, the tick columns, the extra columns, the 部门 column.
        self.used_columns = sorted(
            {
                *columns.fields,
                *ticked,
                *columns.extras,
                *([columns.department] if columns.department is not None else []),
            }
        )
        # Texts that, in the name column, mean a header row repeated inside the data.
        self.header_words = set(schema.header_words) | set(headers)
