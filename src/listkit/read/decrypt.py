"""Workbooks locked with a password to open (Excel's and WPS's "encrypt with password"): opened with
msoffcrypto-tool, the library made for Office encryption (ECMA-376 agile and standard for .xlsx, RC4 / CryptoAPI
for .xls), before the file's kind is told from its bytes. The password comes from ``--password`` or
LISTKIT_PASSWORD; none or a wrong one is a clear refusal naming the file.
"""

from __future__ import annotations

import io

from listkit.errors import InputError

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# An encrypted .xlsx is an OLE container holding this stream; an encrypted .xls keeps its OLE form and says so
# in a FILEPASS record, which msoffcrypto-tool finds.
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
_WORKBOOK_STREAMS = ("Workbook".encode("utf-16-le"), "Book".encode("utf-16-le"))


def is_encrypted(data: bytes) -> bool:
    if not data.startswith(OLE_MAGIC):
        return False
    if _ENCRYPTED_PACKAGE in data:
        return True
    if not any(name in data for name in _WORKBOOK_STREAMS):
        return False
    import msoffcrypto

    try:
        return bool(msoffcrypto.OfficeFile(io.BytesIO(data)).is_encrypted())
    except Exception:  # not an Office file msoffcrypto knows: the readers say what is wrong with it
        return False


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
