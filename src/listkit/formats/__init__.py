"""Every format listkit reads, writes and renders, registered here — the one place that lists them.

A new format is one new module and one line below: its function takes what its kind of entry takes
(registry.py), and the command's --format choices, their help and the -o suffixes follow from here. Nothing is
imported until a format is used, so this list costs `listkit --help` nothing. The order of a command's entries
is the order of its --format choices; the readers' kinds are what ``read.sniff`` tells from a file's bytes.
"""

from __future__ import annotations

from listkit.formats.registry import (
    ListWriter,
    Reader,
    Renderer,
    list_writer,
    names,
    outputs,
    reader,
    register,
    renderer,
    unregister,
)

__all__ = [
    "ListWriter",
    "Reader",
    "Renderer",
    "list_writer",
    "names",
    "outputs",
    "reader",
    "register",
    "renderer",
    "unregister",
]

# Inputs: bytes → sheets (a spreadsheet whose layout is worked out) or → a list (listkit's own files).
register(Reader("xlsx", sheets="listkit.read.sheets:xlsx_sheets"))
register(Reader("xls", sheets="listkit.read.sheets:xls_sheets"))
register(Reader("ods", sheets="listkit.read.sheets:ods_sheets"))
register(Reader("csv", sheets="listkit.read.sheets:csv_sheets"))
# Lists as they are published: each table of a page or document a sheet.
register(Reader("html", sheets="listkit.read.html_tables:html_sheets"))
register(Reader("docx", sheets="listkit.read.docx_tables:docx_sheets"))
register(Reader("pdf", sheets="listkit.read.pdf_tables:pdf_sheets"))
# What LibreOffice opens (.doc, .wps, .et, .xlsb, .odt, .rtf …): converted, then read as the converted file.
register(Reader("office", sheets="listkit.read.converted:office_sheets"))
register(
    Reader(
        "jsonl",
        records="listkit.read.canonical_files:jsonl_records",
        stream="listkit.read.canonical_files:jsonl_stream",
    )
)
register(Reader("json", records="listkit.read.canonical:read_json"))

# import (and apply): the canonical list, the form every command reads back.
_CANONICAL = "listkit.write.canonical_formats"
register(ListWriter("import", "jsonl", f"{_CANONICAL}:jsonl", "canonical, one record a line"))
register(ListWriter("import", "json", f"{_CANONICAL}:json", "one document"))
register(ListWriter("import", "csv", f"{_CANONICAL}:csv", "UTF-8 with BOM"))
register(ListWriter("import", "xlsx", f"{_CANONICAL}:xlsx", "one sheet", needs_file=True))

# export: publications.
_PUBLICATIONS = "listkit.write.publications"
register(ListWriter("export", "xlsx", f"{_PUBLICATIONS}:xlsx", "print-ready workbook", needs_file=True))
register(ListWriter("export", "html", f"{_PUBLICATIONS}:html", "offline catalogue"))
register(ListWriter("export", "json", f"{_PUBLICATIONS}:json", "open data"))
register(ListWriter("export", "csv", f"{_PUBLICATIONS}:csv", "open data"))
register(ListWriter("export", "md", f"{_PUBLICATIONS}:md", "Markdown"))

# validate: the Report.
_VALIDATE = "listkit.render.validate_formats"
register(Renderer("validate", "text", f"{_VALIDATE}:text", "coloured on a terminal", terminal=True))
register(Renderer("validate", "json", f"{_VALIDATE}:json", "for programs"))
register(Renderer("validate", "github", f"{_VALIDATE}:github", "GitHub Actions annotations"))
register(
    Renderer(
        "validate",
        "xlsx",
        f"{_VALIDATE}:xlsx",
        "a copy of the one input, offending cells marked",
        needs_file=True,
        copies_input=True,
    )
)

# diff: the ChangeSet.
_DIFF = "listkit.render.diff_formats"
register(Renderer("diff", "text", f"{_DIFF}:text", "coloured on a terminal", terminal=True))
register(Renderer("diff", "json", f"{_DIFF}:json", "a change order apply takes"))
register(Renderer("diff", "markdown", f"{_DIFF}:markdown", "for a pull request"))
register(Renderer("diff", "xlsx", f"{_DIFF}:xlsx", "a change order to sign and file", needs_file=True))
register(Renderer("diff", "html", f"{_DIFF}:html", "an offline page", needs_file=True))

# stats: the Stats.
_STATS = "listkit.render.stats_formats"
register(Renderer("stats", "text", f"{_STATS}:text", "a table", terminal=True))
register(Renderer("stats", "json", f"{_STATS}:json"))
register(Renderer("stats", "csv", f"{_STATS}:csv"))

# check: the CheckResult.
_CHECK = "listkit.render.check_formats"
register(Renderer("check", "text", f"{_CHECK}:text", "coloured on a terminal", terminal=True))
register(Renderer("check", "json", f"{_CHECK}:json", "for programs"))
register(Renderer("check", "markdown", f"{_CHECK}:markdown", "for a pull request"))
register(Renderer("check", "xlsx", f"{_CHECK}:xlsx", "a sheet to file, the differing cells marked", needs_file=True))
register(Renderer("check", "html", f"{_CHECK}:html", "an offline page", needs_file=True))
