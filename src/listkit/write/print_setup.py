"""How listkit's paper workbooks print (XlsxWriter worksheets): the paper and orientation a page plan chose
(write/page_plan.py), its margins, the header rows repeated on every page, "第 N 页，共 M 页" in the footer, the
header frozen on screen.

One helper for every sheet that is printed and filed — the change order's 调整情况表 now; publish_xlsx's own
_page_setup sets the same options and can call this — so that listkit's paper looks alike.
"""

from __future__ import annotations

from typing import Any

from listkit.i18n import Lang, t
from listkit.write.page_plan import A4_LANDSCAPE, MARGINS_IN, PagePlan, Paper


def landscape(plan: PagePlan) -> Paper:
    """The plan's paper, turned to A4 landscape where the plan found A4 portrait enough: tables of changes are
    filed landscape, like the lists they change (the plan's widths fit the wider page all the more)."""
    return plan.paper if plan.paper.landscape else A4_LANDSCAPE


def set_up_print(
    sheet: Any,
    plan: PagePlan,
    lang: Lang,
    header_rows: int,
    *,
    title_rows: int = 1,
    fit_to_width: bool = True,
    paper: Paper | None = None,
) -> None:
    """Print options for a sheet with ``title_rows`` title rows (printed once) above ``header_rows`` header rows
    (printed on every page). ``fit_to_width``: as wide as one page whatever an application's fonts measure (a
    sheet with manual page breaks needs the plan's fixed scale instead: Excel ignores them when fitting)."""
    paper = paper or plan.paper
    if paper.landscape:
        sheet.set_landscape()
    else:
        sheet.set_portrait()
    sheet.set_paper(paper.code)
    sheet.set_margins(**MARGINS_IN)
    sheet.center_horizontally()
    if fit_to_width:
        sheet.fit_to_pages(1, 0)  # one page wide, as many pages long as it takes
    else:
        sheet.set_print_scale(plan.scale)
    sheet.repeat_rows(title_rows, title_rows + header_rows - 1)
    sheet.set_footer(t("print.footer", lang))
    sheet.freeze_panes(title_rows + header_rows, 0)
