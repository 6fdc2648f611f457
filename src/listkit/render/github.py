"""GitHub Actions workflow commands: one annotation per finding (info findings are left out)."""

from __future__ import annotations

from listkit.i18n import Lang
from listkit.validate.report import Report


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(report: Report, lang: Lang) -> str:
    lines = []
    for f in report.findings:
        if f.severity == "info":
            continue
        level = "error" if f.severity == "error" else "warning"
        props = [f"file={_escape_property(f.input or f.file or '')}", f"title={_escape_property(f.rule)}"]
        if f.line is not None:
            props.insert(1, f"line={f.line}")  # a canonical copy's line: the file in the repository is that copy
        elif f.row is not None and f.sheet is None:
            props.insert(1, f"line={f.row}")  # CSV rows and jsonl lines are lines of the file
        where = f.location(lang)
        message = f"{where} {f.message(lang)}" if where else f.message(lang)
        lines.append(f"::{level} {','.join(props)}::{_escape_data(message)}")
    return "\n".join(lines)
