"""Workbooks locked with a password to open: a real encrypted .xlsx (msoffcrypto-tool encrypts OOXML, ECMA-376
agile) and a real encrypted .xls (RC4 CryptoAPI, saved by LibreOffice through a Basic macro, since its
--convert-to takes no password). The right password, by --password or LISTKIT_PASSWORD, gives the records; none or
a wrong one is exit 2 naming the file; the locked file is never written back, nor left decrypted on disk."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

from listkit.errors import InputError
from listkit.read import read_list
from listkit.read.decrypt import decrypted, is_encrypted
from tests.conftest import SAMPLES, CliResult

Cli = Callable[..., CliResult]
PASSWORD = "示例局2024!"
SAMPLE = SAMPLES / "licensing-list.xlsx"
RECORDS = 50
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")

_MACRO = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub SaveLocked(src As String, dst As String, pw As String)
  Dim args(0) As New com.sun.star.beans.PropertyValue
  args(0).Name = &quot;Hidden&quot;
  args(0).Value = True
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(src), &quot;_blank&quot;, 0, args())
  Dim store(1) As New com.sun.star.beans.PropertyValue
  store(0).Name = &quot;FilterName&quot;
  store(0).Value = &quot;MS Excel 97&quot;
  store(1).Name = &quot;Password&quot;
  store(1).Value = pw
  doc.storeToURL(ConvertToURL(dst), store())
  doc.close(True)
End Sub
</script:module>
"""


def _locked_xlsx(path: Path) -> Path:
    from msoffcrypto.format.ooxml import OOXMLFile

    out = io.BytesIO()
    with SAMPLE.open("rb") as source:
        OOXMLFile(source).encrypt(PASSWORD, out)
    path.write_bytes(out.getvalue())
    return path


def _locked_xls(path: Path) -> Path:
    """The sample saved as an .xls with a password by LibreOffice (a Basic macro in a private profile)."""
    assert SOFFICE is not None
    with tempfile.TemporaryDirectory() as profile:
        env = f"-env:UserInstallation={Path(profile).as_uri()}"
        run = {"stdin": subprocess.DEVNULL, "capture_output": True, "timeout": 120, "check": True}
        subprocess.run([SOFFICE, "--headless", "--terminate_after_init", env], **run)  # type: ignore[call-overload]
        (Path(profile) / "user" / "basic" / "Standard" / "Module1.xba").write_text(_MACRO, encoding="utf-8")
        macro = f'macro:///Standard.Module1.SaveLocked("{SAMPLE}","{path}","{PASSWORD}")'
        subprocess.run([SOFFICE, "--headless", "--norestore", env, macro], **run)  # type: ignore[call-overload]
    if not path.is_file():
        pytest.skip("LibreOffice saved no password-protected .xls")
    return path


@pytest.fixture(scope="module")
def locked(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("locked")
    made = {"xlsx": _locked_xlsx(folder / "locked.xlsx")}
    if SOFFICE is not None:
        made["xls"] = _locked_xls(folder / "locked.xls")
    return made


@pytest.fixture(params=["xlsx", "xls"])
def workbook(request: pytest.FixtureRequest, locked: dict[str, Path], tmp_path: Path) -> Path:
    """A copy of the locked workbook, alone in its folder."""
    kind: str = request.param
    if kind not in locked:
        pytest.skip("LibreOffice (soffice) is not installed: no encrypted .xls can be made")
    path = tmp_path / "in" / locked[kind].name
    path.parent.mkdir()
    shutil.copy(locked[kind], path)
    return path


def _untouched(path: Path, original: bytes) -> None:
    """The locked file as it was, alone in its folder: nothing written back, nothing decrypted beside it."""
    assert path.read_bytes() == original
    assert is_encrypted(path.read_bytes())
    assert [p.name for p in path.parent.iterdir()] == [path.name]


def test_the_workbooks_are_really_locked(workbook: Path) -> None:
    data = workbook.read_bytes()
    assert is_encrypted(data)
    assert not is_encrypted(decrypted(data, str(workbook), PASSWORD))


def test_right_password_by_option_gives_the_records(cli: Cli, workbook: Path, tmp_path: Path) -> None:
    original = workbook.read_bytes()
    out = tmp_path / "list.jsonl"
    result = cli("import", workbook, "--password", PASSWORD, "-o", out)
    assert result.code in (0, 1), result.err
    plain = read_list([SAMPLE])
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()[1:]]
    assert len(records) == RECORDS == len(plain.records)
    assert sorted(r["name"] for r in records) == sorted(r.values["name"] for r in plain.records)
    _untouched(workbook, original)


def test_right_password_by_environment(
    cli: Cli, workbook: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LISTKIT_PASSWORD", PASSWORD)
    result = cli("diff", SAMPLE, workbook, "-f", "json")
    assert result.code == 0, result.err
    summary = json.loads(result.out)["summary"]
    assert (summary["added"], summary["cancelled"], summary["adjusted"], summary["unchanged"]) == (0, 0, 0, RECORDS)


def test_every_command_with_the_option_opens_it(
    cli: Cli, workbook: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = workbook.read_bytes()
    order = tmp_path / "order.json"
    order.write_text(json.dumps({"changes": []}), encoding="utf-8")
    commands = [
        ["validate", workbook],
        ["stats", workbook],
        ["export", workbook, "-o", tmp_path / "pub.xlsx"],
        ["apply", workbook, order, "-o", tmp_path / "applied.jsonl"],
        ["check", workbook, "--against", workbook],
    ]
    for argv in commands:
        result = cli(*argv, "--password", PASSWORD)
        assert result.code in (0, 1), f"{argv[0]}: {result.err}"
    _untouched(workbook, original)
    assert (tmp_path / "pub.xlsx").is_file()
    assert not is_encrypted((tmp_path / "pub.xlsx").read_bytes())  # an output is a new, open file


def test_no_password_is_exit_2_naming_the_file(
    cli: Cli, workbook: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("LISTKIT_PASSWORD", raising=False)
    original = workbook.read_bytes()
    result = cli("validate", workbook)
    assert result.code == 2
    assert str(workbook) in result.err and "设有打开密码" in result.err and "--password" in result.err
    with pytest.raises(InputError) as caught:
        read_list([workbook])
    assert caught.value.key == "password-required"
    _untouched(workbook, original)


def test_wrong_password_is_exit_2(cli: Cli, workbook: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    original = workbook.read_bytes()
    result = cli("stats", workbook, "--password", "not-it")
    assert result.code == 2
    assert str(workbook) in result.err and "打开密码不对" in result.err
    monkeypatch.setenv("LISTKIT_PASSWORD", "not-it-either")
    result = cli("import", workbook, "-o", workbook.parent.parent / "out.jsonl")
    assert result.code == 2 and "打开密码不对" in result.err
    assert not (workbook.parent.parent / "out.jsonl").exists()
    _untouched(workbook, original)


def test_nothing_decrypted_is_left_in_the_temporary_folder(
    cli: Cli, workbook: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    watched = tmp_path / "tmp"
    watched.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(watched))
    assert cli("stats", workbook, "--password", PASSWORD).code == 0
    assert list(watched.iterdir()) == []


def test_a_locked_workbook_is_never_written_back_by_validate_xlsx(cli: Cli, workbook: Path, tmp_path: Path) -> None:
    """validate's xlsx copies the input. The locked file stays as it was; the copy, asked for with the password,
    is a new file at -o, made from what the password opened."""
    original = workbook.read_bytes()
    out = tmp_path / "marked.xlsx"
    result = cli("validate", workbook, "--password", PASSWORD, "-f", "xlsx", "-o", out)
    _untouched(workbook, original)
    # The copy is made from the bytes the read opened (ReadSource.data), not from the locked file again.
    assert result.code == 0, result.err
    assert out.exists()
