"""Other spellings of a closed field's values, read as the value they stand for.

Real lists tick a yes/no column with '√', write '有'/'无', or shorten '审批改为备案' to '改为备案': an enum field's
``x-variants`` name them. A cell holding one reads as the canonical value, the cell's own text kept in ``raw``; a
value that is neither stays as written, for validation to report. The type field is settled by types.py, which
uses the same spellings and also finds a type in a sheet's name.
"""

from __future__ import annotations

from listkit.normalize import fold
from listkit.schema import Field, Schema


def spellings(spec: Field | None) -> dict[str, str]:
    """Folded spelling → canonical value: the enum's own values (another width or case) and its variants."""
    if spec is None:
        return {}
    found = {fold(value): value for value in spec.enum or ()}
    found.update({fold(variant): canonical for variant, canonical in spec.variants.items()})
    return found


class EnumSpellings:
    """The closed fields other than the type, each with its spellings."""

    def __init__(self, schema: Schema) -> None:
        self.by_key = {spec.key: spellings(spec) for spec in schema.fields if spec.enum and spec.role != "type"}

    def canonical(self, key: str, written: str) -> str | None:
        return self.by_key[key].get(fold(written))

    def settle(self, values: dict[str, str], raw: dict[str, str]) -> None:
        """Each closed field of a record spelled canonically in ``values``, what was written kept in ``raw``."""
        for key in self.by_key:
            written = values.get(key)
            canonical = self.canonical(key, written) if written else None
            if canonical is not None and written is not None and canonical != written:
                raw[key] = written
                values[key] = canonical

    def all_canonical(self, key: str, values: list[str]) -> bool:
        return all(self.canonical(key, value) in (None, value) for value in values)
