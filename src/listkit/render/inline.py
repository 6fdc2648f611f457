"""Word-level differences inside changed text. Chinese has no spaces, so a 'word' is a character run: the
diff works on characters and merges neighbouring edits into readable runs."""

from __future__ import annotations

from difflib import SequenceMatcher
from typing import Literal

Op = Literal["same", "del", "ins"]


def segments(old: str, new: str) -> list[tuple[Op, str]]:
    """The two texts as one sequence of kept, deleted and inserted runs."""
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    out: list[tuple[Op, str]] = []
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag == "equal":
            out.append(("same", old[a0:a1]))
            continue
        if a1 > a0:
            out.append(("del", old[a0:a1]))
        if b1 > b0:
            out.append(("ins", new[b0:b1]))
    return out
