"""At which levels an item is exercised, as tiers: 5 national, 4 provincial, 3 city, 2 county, 1 township.

A level cell names one level or several ('市级、县级', '地州市级、县市区级'); the schema's level words
(read/levels.py) say which spellings are levels, and the word a canonical level ends with says its tier:
'自治区级' is provincial although it holds 区, '县市区级' is a county level although it holds 市.
"""

from __future__ import annotations

import re

from listkit.read.levels import LevelResolver
from listkit.schema import Schema

# The word a level ends with → its tier; longest first, so 自治区 wins over 区 and 街道 over nothing.
_TIER_WORDS = (
    ("国家", 5),
    ("中央", 5),
    ("自治区", 4),
    ("省", 4),
    ("地区", 3),
    ("市", 3),
    ("州", 3),
    ("盟", 3),
    ("县", 2),
    ("区", 2),
    ("旗", 2),
    ("乡", 1),
    ("镇", 1),
    ("街道", 1),
)
_GLOSS = re.compile(r"[（(][^）)]*[）)]|级$")


def tier(level: str) -> int | None:
    """The tier of one canonical level word ('县市区级' → 2), None for a word that is not a level."""
    stem = _GLOSS.sub("", level.strip())
    for word, rank in _TIER_WORDS:
        if stem.endswith(word):
            return rank
    return None


class LevelTiers:
    """The tiers a record's level cell names, by the schema's level words."""

    def __init__(self, schema: Schema) -> None:
        self._resolver = LevelResolver(schema)
        self.key = self._resolver.key
        self._seen: dict[str, frozenset[int]] = {}

    def of_text(self, text: str) -> frozenset[int]:
        # A list repeats a handful of level texts over all its records.
        found = self._seen.get(text)
        if found is None:
            found = self._seen[text] = self._tiers(text)
        return found

    def _tiers(self, text: str) -> frozenset[int]:
        named = self._resolver.named_in(text) if text else []
        tiers = {tier(word) for word in named}
        if not named and text:
            tiers = {tier(text)}  # a level word the schema does not list ('盟级'), judged by its ending
        return frozenset(t for t in tiers if t is not None)
