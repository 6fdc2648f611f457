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


class InputError(ListkitError):
    """The input cannot be read or understood (exit 2)."""


class UsageError(ListkitError):
    """An option or argument is wrong (exit 2)."""


class SchemaError(ListkitError):
    """A schema is unknown or invalid (exit 2)."""
