"""The --format option of a command, declared from the format registry (listkit/formats): its choices, their
help and the check of a value all come from there, so no command lists its formats itself.

A command declares ``format: Annotated[str, format_option("diff")]``. Typer evaluates a command's annotations each
time it builds the command — and ``run`` builds it for every invocation — so a format registered after import
(a plugin's, a test's) is listed in --help and accepted like the built-in ones.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import typer

from listkit.formats import names, outputs

if TYPE_CHECKING:
    from listkit.formats.registry import Output


def format_option(command: str, *, note: str = "", output_required: bool = False, show_default: bool = True) -> Any:
    """typer.Option for ``command``'s --format. ``note`` ends the help (how the default is chosen);
    ``output_required``: the command always writes a file, so no format is marked as needing -o."""
    entries = outputs(command)
    described = ", ".join(_describe(entry, output_required) for entry in entries)
    return typer.Option(
        "--format",
        "-f",
        metavar="<" + "|".join(entry.name for entry in entries) + ">",
        help=f"Output format: {described}." + (f" {note}" if note else ""),
        parser=_Choice(command),
        show_default=show_default,
    )


def _describe(entry: Output, output_required: bool) -> str:
    notes = [entry.help] if entry.help else []
    if entry.needs_file and not output_required:
        notes.append("needs -o")
    return f"{entry.name} ({'; '.join(notes)})" if notes else entry.name


class _Choice:
    """Checks a --format value against the registry as it is when the command runs."""

    def __init__(self, command: str) -> None:
        self.command = command

    def __call__(self, value: str) -> str:
        known = names(self.command)
        if value not in known:
            # Worded as Typer words a wrong choice, so the message is the one an Enum option gave.
            raise ValueError(f"{value!r} is not one of {', '.join(map(repr, known))}.")
        return value
