"""What LibreOffice converts (.doc, .rtf, .odt, .xlsb): read as lists; soffice missing, failing or hanging is a
clear exit 2. And the issue's round trip: each sample's publication, converted by LibreOffice to .ods, .xls, .pdf,
.docx and .html, imports back to the same records."""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from listkit.errors import InputError
from listkit.read import converted, read_list
from tests.conftest import SAMPLES, CliResult

Cli = Callable[..., CliResult]
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# What LibreOffice is asked to convert, made without it: a tiny RTF document, and an .xlsb whose binary workbook
# part is garbage (LibreOffice cannot load it). An OLE container that only names a Word stream is refused earlier,
# as damaged, by sniff.py's reading of its directory.
SMALL_RTF = b"{\\rtf1\\ansi list}"
GARBAGE_DOC = OLE + b"\x01" * 4096 + "WordDocument".encode("utf-16-le")


def _garbage_xlsb(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.bin", b"\x01\x02garbage" * 100)
    return path


HEADER = ["序号", "事项名称", "权力类型", "实施依据", "行使主体"]
NAMES = ["对违法排污行为的处罚", "建设项目环境影响评价文件审批", "排污许可证核发"]
KINDS = ["行政处罚", "行政许可", "行政许可"]


def soffice_convert(inputs: list[Path], target: str, outdir: Path, infilter: str | None = None) -> None:
    """Convert files with LibreOffice in one call (its start is most of the time), in a private profile."""
    assert SOFFICE is not None
    with tempfile.TemporaryDirectory() as profile:
        command = [
            SOFFICE,
            "--headless",
            "--norestore",
            "--nolockcheck",
            f"-env:UserInstallation={Path(profile).as_uri()}",
            *([f"--infilter={infilter}"] if infilter else []),
            "--convert-to",
            target,
            "--outdir",
            str(outdir),
            *map(str, inputs),
        ]
        subprocess.run(command, stdin=subprocess.DEVNULL, capture_output=True, timeout=600, check=True)


def _word_document(path: Path) -> Path:
    import docx

    document = docx.Document()
    document.add_paragraph("示例区生态环境局权责清单")
    table = document.add_table(rows=1 + len(NAMES), cols=len(HEADER))
    for col, title in enumerate(HEADER):
        table.cell(0, col).text = title
    for row, (name, kind) in enumerate(zip(NAMES, KINDS, strict=True), start=1):
        values = [str(row), name, kind, "《中华人民共和国环境保护法》第十条", "区生态环境局"]
        for col, value in enumerate(values):
            table.cell(row, col).text = value
    document.save(str(path))
    return path


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """One Word table, converted by LibreOffice to .odt, and from that to .doc and .rtf (LibreOffice 7.4 writes a
    python-docx table to .doc as plain paragraphs when converting straight from .docx; from its own .odt it keeps
    the table, as it does for documents people make)."""
    folder = tmp_path_factory.mktemp("documents")
    source = _word_document(folder / "list.docx")
    _finish(_start([source], "odt:writer8", folder / "odt"))
    odt = folder / "odt" / "list.odt"
    targets = {"doc": "doc:MS Word 97", "rtf": "rtf:Rich Text Format"}
    for job in [_start([odt], target, folder / suffix) for suffix, target in targets.items()]:
        _finish(job)
    return {suffix: folder / suffix / f"list.{suffix}" for suffix in ("doc", "rtf", "odt")}


@needs_soffice
@pytest.mark.parametrize("suffix", ["doc", "rtf", "odt"])
def test_documents_libreoffice_opens_are_read_as_lists(documents: dict[str, Path], suffix: str) -> None:
    path = documents[suffix]
    _sniffed_as_office(path)
    items = read_list([path])
    assert [r.values["name"] for r in items.records] == NAMES
    assert [r.values["type"] for r in items.records] == KINDS
    notes = [note for layout in items.layouts for note in layout.notes]
    assert f"converted:{suffix}:docx" in notes


@needs_soffice
def test_converted_document_through_the_cli(cli: Cli, documents: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "list.jsonl"
    _sniffed_as_office(documents["doc"])
    result = cli("import", documents["doc"], "-o", out)
    assert result.code in (0, 1), result.err
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1 + len(NAMES)
    assert not list(documents["doc"].parent.glob("*.docx"))  # nothing written beside the input


def _sniffed_as_office(path: Path) -> None:
    from listkit.read.sniff import sniff

    # By the OLE directory's streams: Word's built-in style "Book Title", in every .doc LibreOffice or Word writes,
    # holds the UTF-16 name of the xls 'Book' stream in its bytes.
    assert sniff(path.read_bytes(), str(path)) == "office"


def _alive_in_group(pgid: int) -> list[str]:
    """The processes of a process group that are still running (a zombie, dead but not yet reaped, is not)."""
    alive = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid and fields[0] != "Z":
            alive.append(stat.parent.name)
    return alive


def test_xlsb_is_not_tested_with_a_real_file() -> None:
    """LibreOffice 7.4 reads .xlsb but cannot write it ('Calc MS Excel 2007 Binary' is an import filter only),
    and no Python library here writes one: the .xlsb path (sniff → office → xlsx) is tested on its choice only."""
    source = converted._source(_xlsb_like(), "book.xlsb")
    assert (source.name, source.target, source.suffix) == ("xlsb", "xlsx", ".xlsb")


def _xlsb_like() -> bytes:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.bin", b"\0")
    return buffer.getvalue()


@pytest.fixture
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """tempfile's folder, watched: what the conversion leaves there is left behind."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    yield folder


@needs_soffice
def test_timeout_kills_soffice_and_removes_its_folder(
    cli: Cli, tmp_path: Path, private_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "list.rtf"
    path.write_bytes(SMALL_RTF)
    monkeypatch.setattr(converted, "SOFFICE_SECONDS", 0.01)
    spawned: list[int] = []
    popen = subprocess.Popen

    def watched(*args: object, **kwargs: object) -> subprocess.Popen[bytes]:
        process: subprocess.Popen[bytes] = popen(*args, **kwargs)  # type: ignore[call-overload]
        spawned.append(process.pid)
        return process

    monkeypatch.setattr(subprocess, "Popen", watched)
    result = cli("validate", path)
    assert result.code == 2
    assert "0.01" in result.err and str(path) in result.err and "Traceback" not in result.err
    assert list(private_tmp.iterdir()) == []
    assert spawned
    for pid in spawned:  # the whole process group is gone
        assert _alive_in_group(pid) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["list.rtf", "tmp"]


def test_soffice_missing_is_a_clear_exit_2(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "list.rtf"
    path.write_bytes(SMALL_RTF)
    monkeypatch.setattr(shutil, "which", lambda *_args, **_kwargs: None)
    result = cli("validate", path)
    assert result.code == 2
    assert str(path) in result.err
    assert "libreoffice-writer" in result.err and "soffice" in result.err
    with pytest.raises(InputError) as caught:
        read_list([path])
    assert caught.value.key == "soffice-missing"


def test_a_word_container_that_is_damaged_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "list.doc"
    path.write_bytes(GARBAGE_DOC)
    with pytest.raises(InputError) as caught:
        read_list([path])
    assert caught.value.key == "corrupt-workbook"


@needs_soffice
def test_what_libreoffice_cannot_load_is_soffice_failed(cli: Cli, tmp_path: Path, private_tmp: Path) -> None:
    path = _garbage_xlsb(tmp_path / "list.xlsb")
    result = cli("validate", path)
    assert result.code == 2
    assert "LibreOffice" in result.err and str(path) in result.err and "Traceback" not in result.err
    with pytest.raises(InputError) as caught:
        read_list([path])
    assert caught.value.key == "soffice-failed"
    assert list(private_tmp.iterdir()) == []


def test_an_opendocument_presentation_is_not_a_list(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "slides.odp"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.presentation")
    with pytest.raises(InputError) as caught:
        read_list([path])
    assert caught.value.key == "not-a-list-file"
    assert "presentation" in caught.value.message("en")


# The acceptance: a publication, converted by LibreOffice, imports back to the same records.
ROUND_TRIP = [
    "licensing-list.xlsx",
    "department-power-list.csv",
    "zhengzhao-list.xlsx",
    "intermediary-list.xlsx",
    "commitment-list.xlsx",
]
LARGE = (
    "district-power-list.xlsx"  # 3,630 records: converted to .ods and .xls only (its .docx takes LibreOffice minutes)
)
# (sample, target) pairs known to differ, with why — none now: the ods merges (read/ods_merges.py) and the PDF's
# wrapped lines (read/pdf_tables.py) were the last. Strict, so a regression fails and a fix shows.
KNOWN: dict[tuple[str, str], str] = {}
TARGETS = {
    "ods": "ods:calc8",
    "xls": "xls:MS Excel 97",
    "pdf": "pdf:calc_pdf_Export",
    "html": "html:HTML (StarCalc)",
}


def _stem(sample: str) -> str:
    return "pub-" + sample.rsplit(".", 1)[0]


@pytest.fixture(scope="module")
def publications(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Each sample's print-ready publication, converted once per target: the targets in parallel, each one call
    of LibreOffice for all the files, the .docx made by Writer from Calc's .html."""
    from listkit.cli.app import run

    folder = tmp_path_factory.mktemp("publications")
    for sample in [*ROUND_TRIP, LARGE]:
        assert run(["export", str(SAMPLES / sample), "-o", str(folder / f"{_stem(sample)}.xlsx")]) == 0
    small = [folder / f"{_stem(sample)}.xlsx" for sample in ROUND_TRIP]
    large = folder / f"{_stem(LARGE)}.xlsx"
    jobs = []
    for ext, target in TARGETS.items():
        inputs = [*small, large] if ext in ("ods", "xls") else small
        jobs.append(_start(inputs, target, folder / ext))
    for job in jobs:
        _finish(job)
    soffice_convert(
        [folder / "html" / f"{_stem(s)}.html" for s in ROUND_TRIP],
        "docx:MS Word 2007 XML",
        folder / "docx",
        infilter="HTML (StarWriter)",
    )
    return folder


def _start(
    inputs: list[Path], target: str, outdir: Path
) -> tuple[subprocess.Popen[bytes], tempfile.TemporaryDirectory[str]]:
    assert SOFFICE is not None
    profile = tempfile.TemporaryDirectory()
    command = [
        SOFFICE,
        "--headless",
        "--norestore",
        "--nolockcheck",
        f"-env:UserInstallation={Path(profile.name).as_uri()}",
        "--convert-to",
        target,
        "--outdir",
        str(outdir),
        *map(str, inputs),
    ]
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return process, profile


def _finish(job: tuple[subprocess.Popen[bytes], tempfile.TemporaryDirectory[str]]) -> None:
    process, profile = job
    try:
        _out, err = process.communicate(timeout=600)
        assert process.returncode == 0, err.decode(errors="replace")
    finally:
        profile.cleanup()


# The 3,630-record list only to .ods and .xls: through Writer (docx, html) it takes LibreOffice minutes, and its
# PDF (906 pages) was checked by hand (3,630 unchanged) — tests/test_read_pdf.py reads a subset of it.
CONVERSIONS = [
    (sample, ext) for sample in [*ROUND_TRIP, LARGE] for ext in ("ods", "xls", "pdf", "docx", "html")
    if sample != LARGE or ext in ("ods", "xls")
]  # fmt: skip


@needs_soffice
@pytest.mark.parametrize(("sample", "ext"), CONVERSIONS)
def test_publication_converted_by_libreoffice_imports_back(
    cli: Cli, publications: Path, sample: str, ext: str, request: pytest.FixtureRequest
) -> None:
    if (sample, ext) in KNOWN:
        # Run all the same: strict, so the reader's fix shows as a failing XPASS and the entry goes.
        request.applymarker(pytest.mark.xfail(reason=KNOWN[sample, ext], strict=True))
    path = publications / ext / f"{_stem(sample)}.{ext}"
    assert path.is_file(), f"LibreOffice made no {path.name}"
    result = cli("diff", SAMPLES / sample, path, "-f", "json")
    assert result.code in (0, 1), result.err
    summary = json.loads(result.out)["summary"]
    assert (summary["added"], summary["cancelled"], summary["adjusted"]) == (0, 0, 0), summary
