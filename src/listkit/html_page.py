"""One self-contained HTML page from a template of listkit/templates (Jinja2, autoescaped): the diff and check
reports and the offline catalogue are all made this way."""

from __future__ import annotations

from typing import Any


def html_page(template: str, **context: Any) -> str:
    from jinja2 import Environment, PackageLoader, select_autoescape

    environment = Environment(loader=PackageLoader("listkit", "templates"), autoescape=select_autoescape(["j2"]))
    return environment.get_template(template).render(**context)
