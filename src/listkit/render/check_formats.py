"""check's formats behind the format registry (listkit/formats): each takes the CheckResult and RenderOptions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from listkit.check.model import CheckResult
from listkit.formats.options import RenderOptions

if TYPE_CHECKING:
    from rich.console import RenderableType


def text(result: CheckResult, options: RenderOptions) -> list[RenderableType]:
    from listkit.render.check_text import render

    return render(result, options.lang, options.color, options.by_department)


def json(result: CheckResult, options: RenderOptions) -> bytes:
    import orjson

    from listkit.render.check_json import check_json

    return orjson.dumps(check_json(result, options.version), option=orjson.OPT_INDENT_2) + b"\n"


def markdown(result: CheckResult, options: RenderOptions) -> str:
    from listkit.render.check_markdown import render

    return render(result, options.lang, options.by_department)


def html(result: CheckResult, options: RenderOptions) -> str:
    from listkit.render.check_html import render

    return render(result, options.lang, options.by_department, options.version)


def xlsx(result: CheckResult, options: RenderOptions) -> bytes:
    from listkit.write.check_xlsx import workbook_bytes

    return workbook_bytes(result, options.lang, options.title)
