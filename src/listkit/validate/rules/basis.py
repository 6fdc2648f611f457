"""The legal basis cites a named law (《…》), keeps its brackets balanced and writes document numbers with 〔〕."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from listkit.record import Record
from listkit.table import map_distinct, rows_where
from listkit.validate.context import Context
from listkit.validate.report import Finding, Severity
from listkit.validate.rules import RuleInfo
from listkit.vocabulary import BASIS_LEAD_IN_WORDS, DOCUMENT_NUMBER_WORD, ORDINAL_WORD, alternatives

RULES = (RuleInfo("basis-format", "warning"),)

# Families of brackets: a full-width '（' may close with a half-width ')' — clerks mix them and readers
# don't notice — but a '《' must close with '》'.
_PAIRS = {
    "(": "(",
    "（": "(",
    ")": ")",
    "）": ")",
    "[": "[",
    "［": "[",
    "]": "]",
    "］": "]",
    "【": "【",
    "】": "】",
    "〔": "〔",
    "〕": "〕",
    "《": "《",
    "》": "》",
    "〈": "〈",
    "〉": "〉",
    "＜": "〈",
    "＞": "〉",
    "{": "{",
    "}": "}",
    "｛": "{",
    "｝": "}",
}
_CLOSE_TO_OPEN = {")": "(", "]": "[", "】": "【", "〕": "〔", "》": "《", "〉": "〈", "}": "{"}
_OPENERS = set(_CLOSE_TO_OPEN.values())
_BRACKET_CHARS = re.compile(r"[()（）\[\]［］【】〔〕《》〈〉＜＞{}｛｝]")
# 国发(2013)19号, 新政发[2013]82号, 国发【2016】9号: a document number not written with 〔〕. The issuer
# before the bracket is found by looking back from the match, which keeps the search linear.
_DOC_NUMBER = re.compile(
    rf"[\[［(（【]\s*((?:19|20)\d{{2}})\s*[\]］)）】]\s*({ORDINAL_WORD}?\s*\d+\s*{DOCUMENT_NUMBER_WORD})"
)
_ISSUER = re.compile(r"([\u4e00-\u9fff]{1,12})\s*$")

# Words that end the sentence before an issuer: '…的通知新政发【2021】58号' → '新政发'.
_LEAD_IN = re.compile(alternatives(BASIS_LEAD_IN_WORDS))


def check(ctx: Context) -> Iterator[Finding]:
    key = ctx.schema.key_of("basis")
    if key is None:
        return
    import polars as pl

    need_law = bool(ctx.option("basis-format", "require-law-name", True))
    table = ctx.table
    # A province's lists cite the same bases thousands of times: each distinct text is analysed once.
    flagged = map_distinct(table.column(key), lambda text: bool(_analyse(text, need_law)), pl.Boolean)
    for record in table.records_at(rows_where(flagged)).values():
        yield from _check_one(ctx, record, key, record.values[key], need_law)


def _check_one(ctx: Context, record: Record, key: str, text: str, need_law: bool) -> Iterator[Finding]:
    for severity, message_key, value, params in _analyse(text, need_law):
        yield ctx.finding("basis-format", severity, record, key, message_key, value=value, **params)


@lru_cache(maxsize=1 << 16)
def _analyse(text: str, need_law: bool) -> tuple[tuple[Severity, str, str, dict[str, object]], ...]:
    """What is wrong with one basis text (cached: flagged texts are analysed again to build findings)."""
    problems: list[tuple[Severity, str, str, dict[str, object]]] = []
    # A name whose opening bracket is mistyped ('（禁止使用童工规定》') is cited all the same: the unbalanced
    # bracket below is its one finding, not a second one saying no law is named.
    if need_law and "《" not in text and "》" not in text and "<<" not in text:
        problems.append(("warning", "basis-no-law", text, {}))
    unbalanced = _unbalanced(text)
    if unbalanced is not None:
        bracket, position = unbalanced
        problems.append(("error", "basis-unbalanced", text, {"bracket": bracket, "position": position + 1}))
    if DOCUMENT_NUMBER_WORD in text:
        for match in _DOC_NUMBER.finditer(text):
            issuer_match = _ISSUER.search(text, max(0, match.start() - 13), match.start())
            if issuer_match is None:
                continue
            issuer = _issuer(issuer_match.group(1))
            year, number = match.group(1), re.sub(r"\s+", "", match.group(2))
            # What the finding quotes starts at the issuer, not at the sentence leading up to it ('的通知新政发…').
            written = text[issuer_match.end(1) - len(issuer) : match.end()]
            problems.append(("warning", "basis-doc-number", written, {"suggested": f"{issuer}〔{year}〕{number}"}))
    return tuple(problems)


def _issuer(text: str) -> str:
    """The issuer abbreviation before a document number, without the sentence that leads up to it."""
    cut = _LEAD_IN.split(text)[-1]
    return cut if len(cut) >= 2 else text


def _unbalanced(text: str) -> tuple[str, int] | None:
    """The first bracket without a partner, and its position; None when all brackets pair up."""
    if _pairs_up("".join(_BRACKET_CHARS.findall(text))):
        return None
    return _first_unpaired(text)


def _pairs_up(brackets: str) -> bool:
    """The quick test on the brackets alone (most bases pass it; positions are only needed when not)."""
    stack: list[str] = []
    for char in brackets:
        family = _PAIRS[char]
        if family in _OPENERS:
            stack.append(family)
        elif not stack or stack.pop() != _CLOSE_TO_OPEN[family]:
            return False
    return not stack


def _first_unpaired(text: str) -> tuple[str, int] | None:
    stack: list[tuple[str, int, str]] = []
    for match in _BRACKET_CHARS.finditer(text):
        char = match.group(0)
        family = _PAIRS[char]
        if family in _OPENERS:
            stack.append((family, match.start(), char))
            continue
        opener = _CLOSE_TO_OPEN[family]
        if stack and stack[-1][0] == opener:
            stack.pop()
        else:
            return char, match.start()
    if stack:
        _family, position, char = stack[0]
        return char, position
    return None
