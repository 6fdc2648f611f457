"""Power types: canonical names, the variants real files write, and types implied by sheet names."""

from __future__ import annotations

from listkit.normalize import fold
from listkit.read.enum_values import spellings
from listkit.schema import Schema


class TypeResolver:
    def __init__(self, schema: Schema) -> None:
        spec = schema.role("type")
        self.allowed: tuple[str, ...] = spec.enum or () if spec else ()
        self._exact = spellings(spec)
        # Longest first, so '其他行政权力' is found in a sheet name before '行政权力'-like fragments.
        self._by_length = sorted(self._exact.items(), key=lambda item: -len(item[0]))

    def canonical(self, written: str) -> str | None:
        """The canonical type for a written value, or None when it is not a known type or variant."""
        return self._exact.get(fold(written))

    def canonicalise(self, values: dict[str, str], raw: dict[str, str], key: str) -> None:
        """Replace a variant spelling in ``values[key]`` by the canonical type, keeping what was written in ``raw``."""
        written = values.get(key, "")
        canonical = self.canonical(written) if written else None
        if canonical is not None and canonical != written:
            raw[key] = written
            values[key] = canonical

    def from_text(self, text: str) -> str | None:
        """A type named inside free text such as a sheet name '行政处罚（254项）'."""
        folded = fold(text)
        if not folded:
            return None
        for variant, canonical in self._by_length:
            if len(variant) >= 2 and variant in folded:
                return canonical
        return None
