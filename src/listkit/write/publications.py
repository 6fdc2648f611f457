"""export's publications behind the format registry (listkit/formats): each takes the list and WriteOptions
(its title; the xlsx also its grouping and language)."""

from __future__ import annotations

from listkit.formats.options import WriteOptions
from listkit.model import ItemList
from listkit.write.catalogue_html import html_bytes
from listkit.write.opendata import json_bytes, markdown_bytes
from listkit.write.publish_xlsx import workbook_bytes
from listkit.write.table import csv_bytes


def xlsx(items: ItemList, options: WriteOptions) -> bytes:
    return workbook_bytes(items, options.title, options.group_by, options.lang)


def html(items: ItemList, options: WriteOptions) -> bytes:
    return html_bytes(items, options.title)


def json(items: ItemList, options: WriteOptions) -> bytes:
    return json_bytes(items, options.title)


def md(items: ItemList, options: WriteOptions) -> bytes:
    return markdown_bytes(items, options.title)


def csv(items: ItemList, _options: WriteOptions) -> bytes:
    return csv_bytes(items)  # the flat table, as import writes it
