"""The schema a canonical file's header names, taken only from where the file itself may point.

A ``.jsonl``/``.json`` file arrives from outside like any list, and its header is its own word. It may name a
bundled schema, or a schema file inside its own folder (a list and the schema it was made with travel together);
a relative name is read from that folder, never from wherever listkit happens to run. Any other path (``/etc/…``,
``../../x``, a symlink leading out, a network share) is refused without being read: a header must not choose which
of the user's files listkit opens. The user who trusts such a schema names it with ``--schema``, which is theirs.
"""

from __future__ import annotations

from pathlib import Path

from listkit.errors import SchemaError
from listkit.schema_bundled import BUNDLED


def header_schema(value: str, file: str) -> str:
    """What ``load_schema`` should load for a header's ``schema``: the bundled name, or the file's path."""
    if value in BUNDLED:
        return value
    folder = Path(file).parent
    candidate = Path(value) if Path(value).is_absolute() else folder / value
    try:
        inside = candidate.resolve(strict=True).is_relative_to(folder.resolve(strict=True))
    except (OSError, RuntimeError, ValueError):
        # Not there (or not a path at all): the same message as an unknown name, and nothing else looked up.
        raise SchemaError("unknown-schema", name=value, known=", ".join(BUNDLED)) from None
    if not inside:
        raise SchemaError("header-schema-outside", file=file, schema=value)
    return str(candidate)
