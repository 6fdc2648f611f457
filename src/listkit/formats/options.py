"""What a writer or renderer of the format registry (registry.py) is given beside the list or the result.

Apart from the registry itself, which `listkit --help` imports: these are needed only once a command runs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from listkit.i18n import Lang
    from listkit.read import ReadSource


@dataclass(frozen=True)
class WriteOptions:
    """Each list writer uses what it needs (the canonical ones nothing)."""

    title: str = ""  # a publication's title
    group_by: str = "type"  # export xlsx: one sheet per power type or per department
    lang: Lang = "zh"


@dataclass(frozen=True)
class RenderOptions:
    """Each renderer uses what it needs."""

    lang: Lang = "zh"
    version: str = ""  # listkit's, named in json and html reports
    color: bool = False  # a terminal renderer's text goes to a colour terminal
    show_cosmetic: bool = False  # diff: also list whitespace-only and 序号-only differences
    title: str = ""  # diff xlsx's title, stats text's heading
    sources: Sequence[ReadSource] = ()  # what the inputs were read from, for a renderer that copies its input
    by_department: bool = False  # check: the counts per department too
