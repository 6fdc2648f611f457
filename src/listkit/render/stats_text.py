"""The stats table as a person reads it: groups in canonical order, share of records, total row; and, when rates
were asked for, a second table of them per group and in total."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

from listkit.cells import csv_cell
from listkit.i18n import Lang, t
from listkit.stats import BLANK, Rate, Stats

if TYPE_CHECKING:
    from rich.table import Table


def _label(key: str, lang: Lang) -> str:
    return t("unspecified", lang) if key == BLANK else key


def render(stats: Stats, title: str, lang: Lang) -> Table:
    from rich.table import Table

    table = Table(title=t("stats.title", lang, title=title), title_justify="left")
    table.add_column(stats.heading(lang))
    table.add_column(t("col.records", lang), justify="right")
    table.add_column(t("col.items", lang), justify="right")
    table.add_column(t("col.share", lang), justify="right")
    total = stats.total.records or 1
    for row in stats.rows:
        table.add_row(_label(row.key, lang), f"{row.records:,}", f"{row.items:,}", f"{row.records / total:.1%}")
    table.add_section()
    table.add_row(t("total", lang), f"{stats.total.records:,}", f"{stats.total.items:,}", "100.0%", style="bold")
    return table


def _share(rate: Rate, lang: Lang) -> str:
    return rate.share or t("stats.rate.none", lang)


def render_rates(stats: Stats, title: str, lang: Lang) -> Table:
    """Per group and in total: the records, and for each rate the records that match and their share."""
    from rich.table import Table

    table = Table(title=t("stats.rates.title", lang, title=title), title_justify="left")
    table.add_column(stats.heading(lang))
    table.add_column(t("col.records", lang), justify="right")
    for rate in stats.rates:
        table.add_column(t("stats.rate.matching", lang, field=rate.display(lang)), justify="right")
        table.add_column(t("stats.rate.share", lang, field=rate.display(lang)), justify="right")
    for row in stats.rows:
        cells = [c for rate in row.rates for c in (f"{rate.matching:,}", _share(rate, lang))]
        table.add_row(_label(row.key, lang), f"{row.records:,}", *cells)
    table.add_section()
    cells = [c for rate in stats.rates for c in (f"{rate.matching:,}", _share(rate, lang))]
    table.add_row(t("total", lang), f"{stats.total.records:,}", *cells, style="bold")
    return table


def render_csv(stats: Stats, lang: Lang) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    # Departments and types come from the input: inert as every CSV cell listkit writes (cells.py). So are the
    # values a rate was asked for, which the rate columns' headers repeat.
    rate_headers = [csv_cell(f"{rate.label} {part}") for rate in stats.rates for part in ("matching", "share")]
    writer.writerow([stats.by, "records", "items", *rate_headers])
    for row in stats.rows:
        writer.writerow([csv_cell(row.key), row.records, row.items, *_rate_cells(row.rates)])
    writer.writerow([t("total", lang), stats.total.records, stats.total.items, *_rate_cells(stats.rates)])
    return buffer.getvalue()


def _rate_cells(rates: list[Rate]) -> list[str | int]:
    return [cell for rate in rates for cell in (rate.matching, rate.share or "")]
