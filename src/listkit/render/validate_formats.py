"""validate's formats behind the format registry (listkit/formats): each takes the Report and RenderOptions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from listkit.formats.options import RenderOptions
from listkit.validate.report import Report

if TYPE_CHECKING:
    from rich.console import RenderableType


def text(report: Report, options: RenderOptions) -> list[RenderableType]:
    from listkit.render.validate_text import render

    return render(report, options.lang)


def json(report: Report, options: RenderOptions) -> str:
    from json import dumps

    return dumps(report.as_json(options.lang, options.version), ensure_ascii=False, indent=2)


def github(report: Report, options: RenderOptions) -> str:
    from listkit.render.github import render

    return render(report, options.lang)


def xlsx(report: Report, options: RenderOptions) -> bytes:
    from listkit.write.annotated import annotated_bytes

    [source] = options.sources  # the one input, as the read kept it
    return annotated_bytes(source, report, options.lang)
