"""Several numbered sub-items packed into one 子项名称 cell ('1.对A的审批；2.对B的审批').

Some departments list an item's sub-items in one cell instead of one row each. A record is one (事项名称,
子项名称) pair, so such a cell stands for as many records as it numbers. Real cells also hold a single numbered
sub-item ('5.…终止审批', one of several rows of an item) and legal text with numbers ('第1项', '1.5米'), which
must stay whole: only a run of at least two pieces numbered 1, 2, 3 … (or n, n+1, …), each starting at the
cell start or right after a separator, is split.
"""

from __future__ import annotations

import re
from itertools import pairwise

# A sub-item number: '1.' '1、' '1．' (not '1.5') or '（1）' '(1)', at the cell start or after a line break, a
# space or ；;。 — a number inside running text ('第1项', '附件1.') is not a piece's start.
_NUMBERED = re.compile(r"(?:^|(?<=[\s；;。]))(?:(\d{1,3})[.、．](?!\d)|[（(](\d{1,3})[）)])")
_SEPARATORS = "；;。"

# A loose pre-filter for column reads (polars' regex engine has no look-around): every cell that
# split_sub_items splits holds at least two matches of it; the few other cells it lets through are asked of
# split_sub_items itself.
NUMBERED_LOOSE = r"\d+[.、．]|[（(]\d+[）)]"


def split_sub_items(text: str) -> list[str] | None:
    """The numbered pieces of a cell that packs several sub-items, each as written (number kept, the separator
    and outer whitespace trimmed); None when the cell is one sub-item.

    A cell splits only when it starts with a number and holds at least two numbers running on by one, so a
    lone numbered sub-item, text before the list, or numbers out of order (a quoted clause list) keep it whole.
    """
    text = text.strip()
    matches = list(_NUMBERED.finditer(text))
    if len(matches) < 2 or matches[0].start() != 0:
        return None
    numbers = [int(m.group(1) or m.group(2)) for m in matches]
    if any(after != before + 1 for before, after in pairwise(numbers)):
        return None
    ends = [m.start() for m in matches[1:]] + [len(text)]
    return [text[m.start() : end].rstrip().rstrip(_SEPARATORS).rstrip() for m, end in zip(matches, ends, strict=True)]
