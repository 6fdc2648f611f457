"""diff's formats behind the format registry (listkit/formats): each takes the ChangeSet and RenderOptions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from listkit.diff.model import ChangeSet
from listkit.formats.options import RenderOptions
from listkit.render.change_order_json import changeset_json
from listkit.render.diff_html import render as render_html
from listkit.render.diff_markdown import render as render_markdown
from listkit.render.diff_text import render as render_text
from listkit.write.change_order_xlsx import workbook_bytes

if TYPE_CHECKING:
    from rich.console import RenderableType


def text(changes: ChangeSet, options: RenderOptions) -> list[RenderableType]:
    return render_text(changes, options.lang, options.show_cosmetic, options.color)


def json(changes: ChangeSet, options: RenderOptions) -> bytes:
    import orjson

    # orjson: a province's change list is tens of thousands of records (json.dumps took seconds).
    document = changeset_json(changes, options.version, options.show_cosmetic)
    return orjson.dumps(document, option=orjson.OPT_INDENT_2) + b"\n"


def markdown(changes: ChangeSet, options: RenderOptions) -> str:
    return render_markdown(changes, options.lang, options.show_cosmetic)


def html(changes: ChangeSet, options: RenderOptions) -> str:
    return render_html(changes, options.lang, options.show_cosmetic, options.version)


def xlsx(changes: ChangeSet, options: RenderOptions) -> bytes:
    return workbook_bytes(changes, options.lang, options.show_cosmetic, options.title)
