"""Formats are registered modules (listkit/formats, issue #17): a format added through the registry is one the CLI
lists, accepts and uses, and every --format offers exactly what the registry holds."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import get_args

import pytest

from listkit import formats
from listkit.diff.model import ChangeSet
from listkit.formats import ListWriter, Reader, Renderer
from listkit.formats.options import RenderOptions
from listkit.read import ReadSource, read_list
from listkit.read.grid import Grid
from listkit.read.sniff import Format
from listkit.stats import Stats, compute_stats
from listkit.write import canonical_writer
from tests.conftest import SAMPLES, CliResult

Cli = Callable[..., CliResult]
SAMPLE = SAMPLES / "department-power-list.csv"  # 30 records: quick to read
ARGUMENTS = {  # each command's arguments besides --format
    "import": [SAMPLE],
    "export": [SAMPLE, "-o", "unused.xlsx"],
    "validate": [SAMPLE],
    "diff": [SAMPLE, SAMPLE],
    "stats": [SAMPLE],
}

# A new format is one module like this, and one registration line.
TOY_MODULE = """
from listkit.formats.options import WriteOptions
from listkit.model import ItemList


def write(items: ItemList, options: WriteOptions) -> bytes:
    lines = [options.title] + [f"{record.get('type')}\\t{record.get('name')}" for record in items.records]
    return ("\\n".join(lines) + "\\n").encode("utf-8")
"""


def help_choices(cli: Cli, command: str) -> list[str]:
    text = cli(command, "--help").out
    found = re.search(r"--format\s+-f\s+<([^>]+)>", text)
    assert found, text
    return found.group(1).split("|")


@pytest.mark.parametrize("command", list(ARGUMENTS))
def test_every_format_option_offers_what_the_registry_holds(cli: Cli, command: str) -> None:
    assert help_choices(cli, command) == list(formats.names(command))
    refused = cli(command, *ARGUMENTS[command], "--format", "nonsense")
    assert refused.code == 2
    assert "'nonsense' is not one of " + ", ".join(map(repr, formats.names(command))) in " ".join(refused.err.split())


def test_every_kind_sniff_tells_has_a_reader() -> None:
    assert all(formats.reader(kind) is not None for kind in get_args(Format))


@pytest.fixture
def toy_tsv(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[ListWriter]:
    (tmp_path / "toy_tsv.py").write_text(TOY_MODULE, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    entry = ListWriter("export", "tsv", "toy_tsv:write", "type and name")
    formats.register(entry)
    yield entry
    formats.unregister(entry)
    sys.modules.pop("toy_tsv", None)


def test_a_writer_registered_in_one_line_is_listed_and_used(cli: Cli, toy_tsv: ListWriter, tmp_path: Path) -> None:
    assert "toy_tsv" not in sys.modules  # registering imports nothing …
    assert help_choices(cli, "export") == [*formats.names("export")]
    assert help_choices(cli, "export")[-1] == "tsv"
    assert "toy_tsv" not in sys.modules  # … nor does --help

    by_suffix = tmp_path / "list.tsv"
    result = cli("export", SAMPLE, "--title", "部门清单", "-o", by_suffix)
    assert result.code == 0, result.err
    records = read_list([SAMPLE]).records
    expected = ["部门清单", *(f"{r.get('type')}\t{r.get('name')}" for r in records)]
    assert by_suffix.read_text(encoding="utf-8").splitlines() == expected

    by_option = tmp_path / "list.txt"
    assert cli("export", SAMPLE, "--format", "tsv", "--title", "部门清单", "-o", by_option).code == 0
    assert by_option.read_bytes() == by_suffix.read_bytes()


def test_a_registered_renderer_is_used_and_its_needs_obeyed(cli: Cli, tmp_path: Path) -> None:
    def count(stats: Stats, options: RenderOptions) -> str:
        return f"{stats.total.records} records"

    def fingerprint(changes: ChangeSet, options: RenderOptions) -> bytes:
        return f"{len(changes.changes)} changes".encode()

    entries = [Renderer("stats", "count", count), Renderer("diff", "bin", fingerprint, needs_file=True)]
    for entry in entries:
        formats.register(entry)
    try:
        result = cli("stats", SAMPLE, "--format", "count")
        assert (result.code, result.out) == (0, f"{compute_stats(read_list([SAMPLE])).total.records} records\n")

        refused = cli("diff", SAMPLE, SAMPLE, "--format", "bin")  # needs -o: refused before reading
        assert refused.code == 2 and "-o/--output" in refused.err
        out = tmp_path / "diff.bin"
        assert cli("diff", SAMPLE, SAMPLE, "--format", "bin", "-o", out).code == 0
        assert out.read_bytes() == b"0 changes"
    finally:
        for entry in entries:
            formats.unregister(entry)
    assert "count" not in formats.names("stats")


def test_a_name_is_registered_once_and_a_command_keeps_to_one_kind_of_entry() -> None:
    with pytest.raises(ValueError, match="already"):
        formats.register(ListWriter("import", "csv", "anywhere:write"))
    with pytest.raises(ValueError, match="list writers or all renderers"):
        formats.register(Renderer("import", "toy", "anywhere:render"))
    with pytest.raises(ValueError, match="sheets or records"):
        formats.register(Reader("toy"))


def test_the_read_keeps_its_sources_only_when_asked(tmp_path: Path) -> None:
    sources: list[ReadSource] = []
    items = read_list([SAMPLE], keep=sources)
    assert [(s.path, s.kind, len(s.sheets), s.items is items) for s in sources] == [(SAMPLE, "csv", 1, True)]

    canonical = tmp_path / "list.jsonl"
    canonical.write_bytes(canonical_writer("jsonl")(items))
    sources = []
    read_list([canonical], keep=sources)
    assert [(s.kind, s.sheets) for s in sources] == [("jsonl", [])]


def test_the_annotated_copy_is_made_from_the_read_not_from_a_second_one(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import listkit.read.sheets as sheets

    parsed: list[str] = []
    real = sheets.csv_sheets

    def counted(data: bytes, file: str) -> list[Grid]:
        parsed.append(file)
        return real(data, file)

    monkeypatch.setattr(sheets, "csv_sheets", counted)
    out = tmp_path / "annotated.xlsx"
    assert cli("validate", SAMPLE, "--format", "xlsx", "-o", out).code in (0, 1)
    assert parsed == [str(SAMPLE)]
    assert out.read_bytes().startswith(b"PK")


def test_listing_the_formats_imports_none_of_them() -> None:
    code = (
        "import sys\n"
        "from listkit.cli.app import run\n"
        "run(['--help'])\n"
        "loaded = [m for m in sys.modules if m.startswith(('listkit.read', 'listkit.write', 'listkit.render'))]\n"
        "print(sorted(loaded), 'listkit.formats' in sys.modules, file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stderr.strip() == "[] True"
