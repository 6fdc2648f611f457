"""Checks that an output listkit wrote is inert (issue 14, classes 3-5): shared by tests/test_inert_outputs.py and
the fuzz tests."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree

# What a spreadsheet may run as a formula (the full-width forms too: see listkit/cells.py); the tests' own list.
LIVE = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
# Raw, or as a character reference: XML 1.0 has no C0 control but tab, LF and CR.
XML_ILLEGAL = re.compile(
    rb"[\x00-\x08\x0b\x0c\x0e-\x1f]|&#(x0*([0-8bcefBCEF]|1[0-9a-fA-F])|0*([0-8]|1[1-24-9]|2[0-9]|3[01]));"
)


def xlsx_problems(path: Path) -> list[str]:
    from openpyxl import load_workbook

    problems = []
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.endswith((".xml", ".rels", ".vml")):
                data = archive.read(name)
                if XML_ILLEGAL.search(data):
                    problems.append(f"{name}: a character XML 1.0 cannot hold")
                try:
                    ElementTree.fromstring(data)
                except ElementTree.ParseError as exc:
                    problems.append(f"{name}: not well-formed ({exc})")
                if name.startswith("xl/worksheets/") and re.search(rb"<(\w+:)?f[\s>/]", data):
                    problems.append(f"{name}: a formula element")
    workbook = load_workbook(path)
    seen: set[str] = set()
    for sheet in workbook.worksheets:
        title = sheet.title
        if (
            len(title.encode("utf-16-le")) // 2 > 31
            or re.search(r"[\[\]:*?/\\]", title)
            or title.startswith("'")
            or title.endswith("'")
            or not title
            or title.casefold() in seen
            or title.casefold() == "history"
        ):
            problems.append(f"sheet name {title!r}")
        seen.add(title.casefold())
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    problems.append(f"{title}!{cell.coordinate} is a formula: {cell.value!r}")
    return problems


def csv_problems(text: str) -> list[str]:
    problems = [f"control character {c!r}" for c in set(re.findall(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", text))]
    for number, row in enumerate(csv.reader(io.StringIO(text.lstrip("\ufeff"), newline="")), 1):
        problems += [f"row {number}: live field {field!r}" for field in row if field.startswith(LIVE)]
    return problems
