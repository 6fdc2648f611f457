"""The ListkitError family. The core raises these; only ``cli/app.py`` turns them into exit codes."""

from __future__ import annotations

from typing import Any

from listkit.i18n import Lang, t

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_INPUT = 2
EXIT_INTERRUPTED = 130


class ListkitError(Exception):
    """An error with a stable message key, parameters, and where it happened."""

    exit_code = EXIT_INPUT

    def __init__(self, key: str, **params: Any) -> None:
        self.key = key
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: Lang | None = None) -> str:
        return t(self.key, lang, **self.params)


def is_panic(exc: BaseException) -> bool:
    """A panic inside a Rust extension (polars, fastexcel, python-calamine, orjson) reaches Python as pyo3's
    ``pyo3_runtime.PanicException``, which derives from BaseException so that ``except Exception`` misses it.
    Each extension carries its own copy of the class, so it is told by name, never imported."""
    kind = type(exc)
    return kind.__name__ == "PanicException" and kind.__module__ == "pyo3_runtime"


def panic_reason(exc: BaseException) -> str:
    """The panic's own first line (Rust puts the failed assertion or message there), kept short."""
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0][:200]


class InputError(ListkitError):
    """The input cannot be read or understood (exit 2)."""


class OutputError(ListkitError):
    """An output cannot be written: a full disk, a read-only folder, a device as the target (exit 2)."""


class UsageError(ListkitError):
    """An option or argument is wrong (exit 2)."""


class SchemaError(ListkitError):
    """A schema is unknown or invalid (exit 2)."""
