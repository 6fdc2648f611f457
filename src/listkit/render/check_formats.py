"""check's formats behind the format registry (listkit/formats): each takes the CheckResult and RenderOptions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from listkit.check.model import CheckResult
from listkit.formats.options import RenderOptions
from listkit.render.check_html import render as render_html
from listkit.render.check_json import check_json
from listkit.render.check_markdown import render as render_markdown
from listkit.render.check_text import render as render_text
from listkit.write.check_xlsx import workbook_bytes

if TYPE_CHECKING:
    from rich.console import RenderableType


def text(result: CheckResult, options: RenderOptions) -> list[RenderableType]:
    return render_text(result, options.lang, options.color, options.by_department)


def json(result: CheckResult, options: RenderOptions) -> bytes:
    import orjson

    return orjson.dumps(check_json(result, options.version), option=orjson.OPT_INDENT_2) + b"\n"


def markdown(result: CheckResult, options: RenderOptions) -> str:
    return render_markdown(result, options.lang, options.by_department)


def html(result: CheckResult, options: RenderOptions) -> str:
    return render_html(result, options.lang, options.by_department, options.version)


def xlsx(result: CheckResult, options: RenderOptions) -> bytes:
    return workbook_bytes(result, options.lang, options.title)
