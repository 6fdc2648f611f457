"""Levels (行使层级): the words real lists use, their older spellings, and levels named inside text.

The level field's ``x-suggestions`` are the canonical words and its ``x-variants`` the other spellings, as the
type field's enum and variants are. A level cell holds one of them or several ('市级、县级'); where a list
keeps level and scope in one column ('实施层级及权限' not split over two), it holds a sentence such as
'负责市本级…的处罚', whose level words are the level and whose text is the scope. A sheet may also stand for a
level (a catalogue with one sheet per level: '地州级', '区县级').
"""

from __future__ import annotations

import re
from typing import NamedTuple

from listkit.normalize import fold
from listkit.schema import Schema
from listkit.vocabulary import LEVEL_SHEET_SUFFIXES

# What separates the levels of a list of levels ('市级、县级', '省级/市级', '市级,县级').
LEVEL_SEPARATORS = re.compile(r"[,、，/／;；\s]+")
# A count or a gloss in a sheet name: '区县级（120项）'.
_GLOSS = re.compile(r"[（(][^）)]*[）)]")
# From this length on, a level cell that names no level is a sentence about the scope, not a level word.
SENTENCE = 8


class SettledLevel(NamedTuple):
    level: str | None  # the canonical level words, '、'-joined; None to leave the cell as it is; '' to empty it
    scope: str | None  # the text that goes to the scope field (a sentence that only named levels)
    raw: str | None  # what the cell said, where the level was respelled


class LevelResolver:
    def __init__(self, schema: Schema) -> None:
        spec = schema.role("level")
        self.key = spec.key if spec else None
        self.scope_key = schema.continuation_of(spec.key) if spec else None
        words = {fold(word): word for word in (spec.suggestions if spec else ())}
        words.update({fold(variant): canonical for variant, canonical in (spec.variants if spec else {}).items()})
        self._canonical = words
        # Longest first, so '地州市级' is found before '市级', '乡镇（街道）级' before '乡镇'.
        alternatives = sorted(words, key=len, reverse=True)
        self._find = re.compile("|".join(re.escape(w) for w in alternatives)) if alternatives else None

    def canonical(self, written: str) -> str | None:
        return self._canonical.get(fold(written))

    def named_in(self, text: str) -> list[str]:
        """The canonical levels a text names, in order of first mention."""
        if self._find is None:
            return []
        return list(dict.fromkeys(self._canonical[hit] for hit in self._find.findall(fold(text))))

    def settle(self, written: str, scope_free: bool) -> SettledLevel:
        """A level cell: a list of level words respelled canonically; a sentence split into the levels it names
        and the scope (only when ``scope_free``: the list has a scope field and this record left it empty)."""
        whole = self.canonical(written)  # '县（市、区）级' is one level, though it holds a separator
        parts = [written] if whole else [part for part in LEVEL_SEPARATORS.split(written.strip()) if part]
        canonical = [whole] if whole else [self.canonical(part) for part in parts]
        if parts and all(canonical):
            joined = "、".join(dict.fromkeys(c for c in canonical if c))
            return SettledLevel(joined, None, written) if joined != written else SettledLevel(None, None, None)
        if scope_free and self.scope_key is not None:
            named = self.named_in(written)
            if named:
                return SettledLevel("、".join(named), written, None)
            if len(written) >= SENTENCE:
                # '负责本级办公用房管理工作': a scope that names no level; the level stays empty ('' clears it).
                return SettledLevel("", written, None)
        return SettledLevel(None, None, None)

    def from_sheet(self, sheet: str | None) -> str | None:
        """The level a sheet stands for: its name, less counts and glosses, is a level word ('区县级（120项）')."""
        if not sheet:
            return None
        name = _GLOSS.sub("", sheet)
        for suffix in LEVEL_SHEET_SUFFIXES:
            name = name.removesuffix(suffix)
        return self.canonical(name) if name.strip() else None

    def settle_values(self, values: dict[str, str], raw: dict[str, str], sheet_level: str | None) -> None:
        """A record's level settled in place: respelled or split (``settle``), else the level its sheet stands
        for. Where the cell lists several levels and the sheet is one of them, the record is the sheet's."""
        key = self.key
        if key is None:
            return
        written = values.get(key)
        if written:
            scope_key = self.scope_key
            settled = self.settle(written, scope_free=scope_key is not None and not values.get(scope_key))
            if settled.level:
                values[key] = settled.level
            elif settled.level == "":
                del values[key]
            if settled.raw:
                raw[key] = settled.raw
            if settled.scope and scope_key is not None:
                values[scope_key] = settled.scope
        if sheet_level:
            current = values.get(key)
            if not current:
                values[key] = sheet_level
            elif current != sheet_level and sheet_level in current.split("、"):
                raw.setdefault(key, written or current)
                values[key] = sheet_level
