"""Is a JSON Lines file shallow enough to hand to polars?

polars' JSON reader recurses without a limit: a line nested a few hundred levels deep (``{"a":{"a":…``) or a
thousand or so (``[[[…``) kills the whole process with a segmentation fault — no error to catch. listkit's own
files nest two levels (a record, its ``source``). So before the column reader sees a file: a line can only nest
as deep as half its length, and short lines are let through as they are; a long line passes if it holds few
brackets at all, and otherwise only if, strings set aside, it nests no deeper than MAX_DEPTH. A file that fails
goes to the record reader, whose JSON parser has a depth limit and reports the line.

The same pass enforces json_keys' limits on a line's length and key count (InputError naming the line), so a
200 MB line or a line of a million keys is refused before either reader holds it.
"""

from __future__ import annotations

from pathlib import Path

from listkit.read.json_keys import STRING, bounded_lines, check_line

MAX_DEPTH = 64
# No line shorter than this can nest deep enough to hurt (measured: objects from ~600 levels, arrays from ~1,500).
SHORT_LINE = 1024


def shallow_enough(path: Path, file: str) -> bool:
    # Line lengths first (~0.1 s for a million lines, in C); the limits and brackets only where a line is long.
    with path.open("rb", buffering=1 << 20) as handle:
        if max(map(len, bounded_lines(handle)), default=0) <= SHORT_LINE:
            return True
        handle.seek(0)
        for number, line in enumerate(bounded_lines(handle), start=1):
            if len(line) > SHORT_LINE:
                check_line(line, file, number)
                if not _line_shallow(line):
                    return False  # the record reader checks the lines below as it reads them
        return True


def _line_shallow(line: bytes) -> bool:
    if line.count(b"{") + line.count(b"[") <= MAX_DEPTH:
        return True
    depth = 0
    for char in STRING.sub(b"", line):
        if char in (0x7B, 0x5B):  # { [
            depth += 1
            if depth > MAX_DEPTH:
                return False
        elif char in (0x7D, 0x5D):  # } ]
            depth -= 1
    return True
