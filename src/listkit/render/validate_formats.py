"""validate's formats behind the format registry (listkit/formats): each takes the Report and RenderOptions."""

from __future__ import annotations

from json import dumps
from typing import TYPE_CHECKING

from listkit.formats.options import RenderOptions
from listkit.render.github import render as render_github
from listkit.render.validate_text import render as render_text
from listkit.validate.report import Report
from listkit.write.annotated import annotated_bytes

if TYPE_CHECKING:
    from rich.console import RenderableType


def text(report: Report, options: RenderOptions) -> list[RenderableType]:
    return render_text(report, options.lang)


def json(report: Report, options: RenderOptions) -> str:
    return dumps(report.as_json(options.lang, options.version), ensure_ascii=False, indent=2)


def github(report: Report, options: RenderOptions) -> str:
    return render_github(report, options.lang)


def xlsx(report: Report, options: RenderOptions) -> bytes:
    [source] = options.sources  # the one input, as the read kept it
    return annotated_bytes(source, report, options.lang)
