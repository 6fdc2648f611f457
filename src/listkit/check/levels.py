"""At which levels an item is exercised, as tiers: 5 national, 4 provincial, 3 city, 2 county, 1 township.

A level cell names one level or several ('市级、县级', '地州市级、县市区级'); the schema's level words
(read/levels.py) say which spellings are levels, and the word a canonical level ends with says its tier:
'自治区级' is provincial although it holds 区, '县市区级' is a county level although it holds 市.
"""

from __future__ import annotations

import re

from listkit.read.levels import LevelResolver
from listkit.schema import Schema
from listkit.vocabulary import LEVEL_SUFFIX, LEVEL_WORDS

# The word a level ends with → its tier; longest first, so 自治区 wins over 区 and 地区 over 区.
_TIER_WORDS = sorted(LEVEL_WORDS, key=lambda pair: len(pair[0]), reverse=True)
_GLOSS = re.compile(rf"[（(][^）)]*[）)]|{LEVEL_SUFFIX}$")


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
