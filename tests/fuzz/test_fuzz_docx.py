"""Fuzzing the Word reader: random tables with random gridSpan / vMerge / gridBefore, header rows, tables nested in
cells, content controls and deleted text, between random paragraphs and page breaks.

The reader itself may only raise InputError, and every command ends with exit 0, 1 or 2 and no crash text.
`LISTKIT_FUZZ_EXAMPLES=5000 .venv/bin/python -m pytest tests/fuzz/test_fuzz_docx.py` for a long run.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from hypothesis import given
from hypothesis import strategies as st

from listkit.errors import InputError
from listkit.read.docx_tables import docx_sheets
from tests.conftest import CliResult
from tests.fuzz.test_fuzz import HEADER_WORDS, SETTINGS, TYPE_WORDS, _run_all

NAMESPACE = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NUMBERS = st.one_of(
    st.integers(0, 6).map(str),
    st.sampled_from(["1000000000", "99999999999999999999", "abc", "-1", "", "2.5", "٣"]),
)
TEXT = st.one_of(
    st.sampled_from([*HEADER_WORDS, *TYPE_WORDS, "《法》第一条", "示例区权责清单", ""]),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=12),
)
# What a paragraph's runs may hold: text, a line break, deleted or hidden text, a tab.
RUN = st.one_of(
    TEXT.map(lambda t: f"<w:r><w:t>{escape(t)}</w:t></w:r>"),
    st.just("<w:r><w:br/></w:r>"),
    st.just('<w:r><w:br w:type="page"/></w:r>'),
    TEXT.map(lambda t: f"<w:del><w:r><w:delText>{escape(t)}</w:delText></w:r></w:del>"),
    TEXT.map(lambda t: f"<w:r><w:rPr><w:vanish/></w:rPr><w:t>{escape(t)}</w:t></w:r>"),
    st.just("<w:r><w:tab/></w:r>"),
)
PARAGRAPH = st.builds(
    lambda style, runs: f"<w:p>{style}{''.join(runs)}</w:p>",
    st.sampled_from(["", '<w:pPr><w:pStyle w:val="Heading1"/></w:pPr>', "<w:pPr><w:outlineLvl w:val='0'/></w:pPr>"]),
    st.lists(RUN, max_size=3),
)


@st.composite
def cells(draw: st.DrawFn, depth: int) -> str:
    properties = ""
    if draw(st.booleans()):
        properties += f'<w:gridSpan w:val="{draw(NUMBERS)}"/>'
    vmerge = draw(st.sampled_from(["", '<w:vMerge w:val="restart"/>', "<w:vMerge/>", '<w:vMerge w:val="continue"/>']))
    content = "".join(draw(st.lists(PARAGRAPH, min_size=0, max_size=2)))
    if depth < 2 and draw(st.integers(0, 9)) == 0:
        content += draw(tables(depth + 1)) + "<w:p/>"
    cell = f"<w:tc><w:tcPr>{properties}{vmerge}</w:tcPr>{content}</w:tc>"
    return f"<w:sdt><w:sdtContent>{cell}</w:sdtContent></w:sdt>" if draw(st.integers(0, 15)) == 0 else cell


@st.composite
def tables(draw: st.DrawFn, depth: int = 0) -> str:
    grid = "".join('<w:gridCol w:w="100"/>' for _ in range(draw(st.integers(0, 8))))
    rows = []
    for _ in range(draw(st.integers(0, 8))):
        row_properties = ""
        if draw(st.integers(0, 5)) == 0:
            row_properties += f'<w:gridBefore w:val="{draw(NUMBERS)}"/>'
        if draw(st.integers(0, 5)) == 0:
            row_properties += "<w:tblHeader/>"
        row_cells = "".join(draw(st.lists(cells(depth), max_size=7)))
        rows.append(f"<w:tr><w:trPr>{row_properties}</w:trPr>{row_cells}</w:tr>")
    return f"<w:tbl><w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"


@st.composite
def bodies(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 4))):
        parts.extend(draw(st.lists(PARAGRAPH, max_size=2)))
        parts.append(draw(tables()))
    return "".join(parts)


@cache
def _template() -> bytes:
    import docx

    buffer = io.BytesIO()
    docx.Document().save(buffer)
    return buffer.getvalue()


def _docx(body: str) -> bytes:
    xml = f'<w:document xmlns:w="{NAMESPACE}"><w:body>{body}</w:body></w:document>'
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(_template())) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info, xml.encode() if info.filename == "word/document.xml" else source.read(info))
    return out.getvalue()


@SETTINGS
@given(body=bodies())
def test_random_documents_read_or_refused(body: str) -> None:
    data = _docx(body)
    try:
        grids = docx_sheets(data, "random.docx")
    except InputError:
        return
    for grid in grids:
        width = max((len(row) for row in grid.rows), default=0)
        for r0, c0, r1, c1 in grid.merges:
            assert 0 <= r0 <= r1 < len(grid.rows) and 0 <= c0 <= c1 < width


@SETTINGS
@given(body=bodies(), header=st.booleans())
def test_random_documents_through_the_commands(
    cli: Callable[..., CliResult], tmp_path: Path, body: str, header: bool
) -> None:
    if header:
        cells = "".join(f"<w:tc><w:p><w:r><w:t>{word}</w:t></w:r></w:p></w:tc>" for word in HEADER_WORDS[:8])
        body = f"<w:tbl><w:tr>{cells}</w:tr></w:tbl>{body}"
    path = tmp_path / "random.docx"
    path.write_bytes(_docx(body))
    _run_all(cli, path, tmp_path / "out")
