"""The words of `listkit stats` beyond its counts table: the rates table (``--rate``) and its headers."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "stats.rates.title": ("{title}比率统计", "{title}: rates"),
    "stats.rate.matching": ("{field}·符合", "{field}: matching"),
    "stats.rate.share": ("{field}·比率", "{field}: rate"),
    "stats.rate.none": ("—", "—"),
}
