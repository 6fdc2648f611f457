"""Text inside Markdown tables and headings: record text must never become markup or raw HTML.

Shared by the open-data catalogue (write/opendata.py) and the diff's Markdown report (render/diff_markdown.py),
so it belongs to neither package.
"""

from __future__ import annotations

_MARKUP = "*_`~[]#"


def escape(text: str) -> str:
    """No pipes, no raw HTML, no emphasis, links or headings; line breaks as <br> (they would end a table row)."""
    escaped = text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")
    for char in _MARKUP:
        escaped = escaped.replace(char, "\\" + char)
    return escaped.replace("\r", "").replace("\n", "<br>")
