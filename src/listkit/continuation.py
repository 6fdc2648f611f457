"""How a publication continues one record on following rows, so that reading it back gives the record whole.

Calc and Excel never split a row across pages, and Excel caps a row at 409 pt: a record whose text is longer is
printed on several rows. Each following row repeats the item's 序号 and 部门 and names it "事项名称（续）"; a text
continues there on a new line, or, where it was cut inside a line, after CONTINUED_TEXT. The reader
(read/continued_rows.py) joins such rows back into the record. These marks are part of the file format, the same in
every language.
"""

from __future__ import annotations

# The marks are read back, so they are vocabulary; imported from here by the reader and the print writer.
from listkit.vocabulary import CONTINUED_NAME as CONTINUED_NAME
from listkit.vocabulary import CONTINUED_TEXT as CONTINUED_TEXT


def continued_name(name: str) -> str:
    return name + CONTINUED_NAME


def continues(written: str, name: str) -> bool:
    """Whether a name cell as written continues the item ``name``."""
    return bool(name) and written == name + CONTINUED_NAME


def join_continued(previous: str, text: str) -> str:
    """A multi-line text continued by the text of a following row."""
    if text.startswith(CONTINUED_TEXT):
        return previous + text[len(CONTINUED_TEXT) :]
    return f"{previous}\n{text}" if previous else text
