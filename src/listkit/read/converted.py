"""What only LibreOffice opens (.doc, WPS .wps, .rtf, .xlsb, .odt …): converted by ``soffice --headless`` in a
private temporary folder, then read by the reader of what it was converted to.

A spreadsheet (.xlsb, an OLE workbook) becomes an .xlsx, read with its zip guard (sheets.xlsx_sheets); a text
document becomes a .docx, read by the Word reader: LibreOffice writes a document's tables to .docx as Word tables
(gridSpan and vMerge for merged cells), the form the docx reader is made for, where its HTML export adds the page's
styles and layout to what the html reader must see past. Each grid notes ``converted:<from>:<to>`` (--explain).

Nothing is written beside the input and nothing is left behind: the input's copy, LibreOffice's profile, its
temporary files and the converted file live in one TemporaryDirectory. soffice runs without a shell, stdin closed,
in its own process group, which is killed whole when the time limit passes (soffice starts children).
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import signal
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from listkit import formats
from listkit.errors import InputError
from listkit.read.grid import Grid
from listkit.read.guard import ZIP_ERRORS

# Seconds one conversion may take: a long real .doc takes a few; LibreOffice's own start is most of it.
SOFFICE_SECONDS = 120.0

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ODF_TEXT = "application/vnd.oasis.opendocument.text"  # .odt, and -template (.ott), -master (.odm), -web (.oth)
_ODF_SPREADSHEET = "application/vnd.oasis.opendocument.spreadsheet"
# LibreOffice's export filters: named, so that a target is never ambiguous.
_FILTERS = {"xlsx": "xlsx:Calc MS Excel 2007 XML", "docx": "docx:MS Word 2007 XML"}
# The first lines of a profile, written before soffice starts: no macro runs, no update is looked for.
_PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="DisableMacrosExecution"
 oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="MacroSecurityLevel"
 oor:op="fuse"><value>3</value></prop></item>
<item oor:path="/org.openoffice.Office.Jobs/Jobs/org.openoffice.Office.Jobs:Job['UpdateCheck']/Arguments">
<prop oor:name="AutoCheckEnabled" oor:op="fuse"><value>false</value></prop></item>
</oor:items>
"""


@dataclass(frozen=True)
class Source:
    name: str  # the kind as the note and the messages name it: doc, rtf, xlsb, odt, xls
    suffix: str  # the input's name in the temporary folder ends so: LibreOffice goes by content, helped by this
    target: str  # xlsx or docx
    label: str  # for the soffice-missing message
    # LibreOffice's import filter, named: a damaged file is refused, not opened as plain text by another filter.
    infilter: str


def office_sheets(data: bytes, file: str) -> list[Grid]:
    """The sheets of a file LibreOffice converts; an InputError when soffice is missing, fails or hangs."""
    source = _source(data, file)
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise InputError("soffice-missing", file=file, kind=source.label)
    converted = _convert(soffice, data, file, source)
    entry = formats.reader(source.target)
    read_sheets = None if entry is None else entry.sheet_reader()
    if read_sheets is None:
        raise InputError("not-a-list-file", file=file, kind=source.label)
    grids = read_sheets(converted, file)
    for grid in grids:
        grid.notes.append(f"converted:{source.name}:{source.target}")
    return grids


def _source(data: bytes, file: str) -> Source:
    """What the bytes are, as far as choosing the input's suffix and the target goes (sniff said "office")."""
    suffix = Path(file).suffix.lower()
    if data.startswith(_OLE):
        # sniff.py sent an OLE workbook (a Workbook or Book stream in its directory) to the xls reader: this is a
        # word processor's document.
        if suffix == ".wps":
            return Source("wps", ".wps", "docx", "WPS document (.wps)", "MS Word 97")
        return Source("doc", ".doc", "docx", "Word 97-2003 document (.doc)", "MS Word 97")
    if data.startswith(b"{\\rtf"):
        return Source("rtf", ".rtf", "docx", "RTF document", "Rich Text Format")
    if data.startswith(b"PK"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
                mimetype = archive.read("mimetype")[:200].decode("ascii", "replace") if "mimetype" in names else ""
        except ZIP_ERRORS as exc:
            raise InputError("corrupt-workbook", file=file, reason=f"zip: {exc}") from None
        if "xl/workbook.bin" in names:
            return Source("xlsb", ".xlsb", "xlsx", "Excel binary workbook (.xlsb)", "Calc MS Excel 2007 Binary")
        if mimetype.startswith(_ODF_TEXT):
            return Source("odt", ".odt", "docx", "OpenDocument text (.odt)", "writer8")
        if mimetype.startswith(_ODF_SPREADSHEET):
            return Source("ods", ".ods", "xlsx", "OpenDocument spreadsheet", "calc8")
        kind = mimetype.rsplit(".", 1)[-1] if mimetype.startswith("application/vnd.oasis.opendocument.") else ""
        raise InputError("not-a-list-file", file=file, kind=f"OpenDocument {kind or 'file'}".strip())
    raise InputError("not-a-list-file", file=file, kind="document")


def _convert(soffice: str, data: bytes, file: str, source: Source) -> bytes:
    with tempfile.TemporaryDirectory(prefix="listkit-soffice-") as folder:
        root = Path(folder)
        profile, work, out = root / "profile", root / "tmp", root / "out"
        for made in (profile / "user", work, out):
            made.mkdir(parents=True)
        (profile / "user" / "registrymodifications.xcu").write_text(_PROFILE, encoding="utf-8")
        given = root / f"input{source.suffix}"
        given.write_bytes(data)
        command = [
            soffice,
            "--headless",
            "--invisible",
            "--norestore",
            "--nolockcheck",
            "--nologo",
            "--nodefault",
            "--nofirststartwizard",
            f"-env:UserInstallation={profile.as_uri()}",
            f"--infilter={source.infilter}",
            "--convert-to",
            _FILTERS[source.target],
            "--outdir",
            str(out),
            str(given),
        ]
        # Its home and temporary folder are the private one too: nothing of it outlives the conversion.
        env = {**os.environ, "HOME": str(root), "TMPDIR": str(work), "TMP": str(work), "TEMP": str(work)}
        code, stderr = _run(command, env, root, file)
        result = out / f"{given.stem}.{source.target}"
        if not result.is_file() or result.stat().st_size == 0:
            raise InputError("soffice-failed", file=file, reason=_reason(code, stderr))
        return result.read_bytes()


def _run(command: list[str], env: dict[str, str], cwd: Path, file: str) -> tuple[int, str]:
    """soffice's exit code and what it said on stderr; its whole process group killed past the time limit (or when
    listkit is interrupted), so no LibreOffice is left running."""
    seconds = SOFFICE_SECONDS
    try:
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=cwd,
            env=env,
            start_new_session=True,
        )
    except OSError as exc:
        raise InputError("soffice-failed", file=file, reason=exc.strerror or str(exc)) from None
    try:
        _stdout, stderr = process.communicate(timeout=seconds)
    except subprocess.TimeoutExpired:
        _kill(process)
        raise InputError("soffice-timeout", file=file, seconds=f"{seconds:g}") from None
    finally:
        if process.poll() is None:
            _kill(process)
    return process.returncode, stderr.decode("utf-8", "replace")


def _kill(process: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    process.communicate()


def _reason(code: int, stderr: str) -> str:
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    said = next((line for line in reversed(lines) if "rror" in line), lines[-1] if lines else "")
    return (said or f"exit {code}, no output")[:300]
