"""Workbooks locked with a password to open (Excel's and WPS's "encrypt with password"): opened with
msoffcrypto-tool, the library made for Office encryption (ECMA-376 agile and standard for .xlsx, RC4 / CryptoAPI
for .xls), before the file's kind is told from its bytes. The password comes from ``--password`` or
LISTKIT_PASSWORD; none or a wrong one is a clear refusal naming the file.
"""

from __future__ import annotations

import io
import struct

from listkit.errors import InputError

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# An encrypted .xlsx is an OLE container holding an EncryptedPackage stream; an encrypted .xls keeps its OLE form
# and says so in a FILEPASS record.
FILEPASS = 0x002F  # the BIFF record of an encrypted .xls


def is_encrypted(data: bytes) -> bool:
    """An OLE file holding an encrypted .xlsx (its EncryptedPackage stream), or an .xls whose workbook stream
    says FILEPASS right after its BOF record ([MS-XLS] 2.4.117: there, if anywhere) — read from the first bytes
    of that stream, not the whole file."""
    if not data.startswith(OLE_MAGIC):
        return False
    import olefile

    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            if ole.exists("EncryptedPackage"):
                return True
            stream = next((name for name in ("Workbook", "Book") if ole.exists(name)), None)
            head = ole.openstream(stream).read(64) if stream else b""
    except Exception:  # a damaged container: sniff.py says what is wrong with it
        return False
    if len(head) < 8:
        return False
    _bof, size = struct.unpack_from("<HH", head, 0)
    if len(head) < 4 + size + 2:
        return False
    (after,) = struct.unpack_from("<H", head, 4 + size)
    return bool(after == FILEPASS)


def decrypted(data: bytes, file: str, password: str | None) -> bytes:
    """The workbook's own bytes, opened with ``password``; an InputError when there is none or it is wrong."""
    if not password:
        raise InputError("password-required", file=file)
    import msoffcrypto
    from msoffcrypto.exceptions import DecryptionError, FileFormatError, InvalidKeyError, ParseError

    out = io.BytesIO()
    try:
        office = msoffcrypto.OfficeFile(io.BytesIO(data))
        office.load_key(password=password)
        office.decrypt(out)
    except InvalidKeyError:
        raise InputError("password-wrong", file=file) from None
    except (DecryptionError, FileFormatError, ParseError, ValueError, KeyError, OSError, AssertionError) as exc:
        # msoffcrypto reports a wrong RC4 password as a failed verification (DecryptionError) too.
        if "password" in str(exc).lower() or "verif" in str(exc).lower():
            raise InputError("password-wrong", file=file) from None
        raise InputError("corrupt-workbook", file=file, reason=f"encryption: {exc}") from None
    return out.getvalue()
