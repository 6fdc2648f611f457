"""Fuzzing the web-page reader: random tables with random rowspan/colspan, nested tables and odd markup.

The reader itself may only raise InputError, and every command ends with exit 0, 1 or 2 and no crash text.
`LISTKIT_FUZZ_EXAMPLES=5000 .venv/bin/python -m pytest tests/fuzz/test_fuzz_html.py` for a long run.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from listkit.errors import InputError
from listkit.read.html_tables import html_sheets
from tests.conftest import CliResult
from tests.fuzz.test_fuzz import HEADER_WORDS, SETTINGS, TYPE_WORDS, _run_all

SPANS = st.one_of(
    st.none(),
    st.integers(-2, 6).map(str),
    st.sampled_from(["0", "1000000000", "99999999999999999999", "abc", " 3x", "", "-1", "2.5"]),
)
TEXT = st.one_of(
    st.sampled_from([*HEADER_WORDS, *TYPE_WORDS, "《法》第一条", "&nbsp;", "&amp;", "&#0;", "&#x110000;", "<br>"]),
    st.text(max_size=12).map(html.escape),
    st.sampled_from(["<p>a</p><p>b</p>", "<span hidden>x</span>", "<script>x</script>", "<!-- c -->", "</td>"]),
)
WRAP = st.sampled_from(["{}", "<div>{}</div>", "<table><tr><td>{}</td></tr></table>", "<tbody>{}</tbody>"])


@st.composite
def pages(draw: st.DrawFn) -> str:
    tables = []
    for _ in range(draw(st.integers(0, 3))):
        rows = []
        for _ in range(draw(st.integers(0, 8))):
            cells = []
            for _ in range(draw(st.integers(0, 7))):
                tag = draw(st.sampled_from(["td", "th", "td"]))
                attrs = "".join(
                    f' {name}="{value}"' for name in ("rowspan", "colspan") if (value := draw(SPANS)) is not None
                )
                cells.append(f"<{tag}{attrs}>{draw(TEXT)}</{tag}>")
            rows.append("<tr>" + "".join(cells) + draw(st.sampled_from(["</tr>", ""])))
        caption = draw(st.sampled_from(["", "<caption>一、行政许可</caption>"]))
        tables.append(draw(WRAP).format(f"<table>{caption}{''.join(rows)}</table>"))
    charset = draw(st.sampled_from(["", '<meta charset="gb2312">', '<meta charset="nonsense">']))
    return f"<html><head>{charset}<title>{draw(TEXT)}</title></head><body>{''.join(tables)}</body></html>"


@SETTINGS
@given(page=pages(), encoding=st.sampled_from(["utf-8", "gb18030", "utf-16"]))
def test_random_tables(page: str, encoding: str) -> None:
    try:
        grids = html_sheets(page.encode(encoding, errors="replace"), "random.html")
    except InputError:
        return
    for grid in grids:
        taken: set[tuple[int, int]] = set()
        for r0, c0, r1, c1 in grid.merges:
            assert 0 <= r0 <= r1 < len(grid.rows) and 0 <= c0 <= c1
            area = {(r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)}
            assert not area & taken  # merges never overlap
            taken |= area


@SETTINGS
@given(page=pages())
def test_random_pages_through_the_commands(cli: Callable[..., CliResult], tmp_path: Path, page: str) -> None:
    path = tmp_path / "random.html"
    path.write_text(page, encoding="utf-8")
    _run_all(cli, path, tmp_path / "out")
