"""The stats table as a person reads it: groups in canonical order, share of records, total row."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

from listkit.cells import csv_cell
from listkit.i18n import Lang, t
from listkit.stats import BLANK, Stats

if TYPE_CHECKING:
    from rich.table import Table


def _label(key: str, lang: Lang) -> str:
    return t("unspecified", lang) if key == BLANK else key


def render(stats: Stats, title: str, lang: Lang) -> Table:
    from rich.table import Table

    table = Table(title=t("stats.title", lang, title=title), title_justify="left")
    table.add_column(t(f"by.{stats.by}", lang))
    table.add_column(t("col.records", lang), justify="right")
    table.add_column(t("col.items", lang), justify="right")
    table.add_column(t("col.share", lang), justify="right")
    total = stats.total.records or 1
    for row in stats.rows:
        table.add_row(_label(row.key, lang), f"{row.records:,}", f"{row.items:,}", f"{row.records / total:.1%}")
    table.add_section()
    table.add_row(t("total", lang), f"{stats.total.records:,}", f"{stats.total.items:,}", "100.0%", style="bold")
    return table


def render_csv(stats: Stats, lang: Lang) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    # Departments and types come from the input: inert as every CSV cell listkit writes (cells.py).
    writer.writerow([stats.by, "records", "items"])
    for row in stats.rows:
        writer.writerow([csv_cell(row.key), row.records, row.items])
    writer.writerow([t("total", lang), stats.total.records, stats.total.items])
    return buffer.getvalue()
