"""The root Typer app and the one place where errors become messages and exit codes."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import sys
import tempfile
from collections.abc import Iterator
from typing import Annotated

import typer

from listkit import __version__
from listkit.cli import (
    apply_cmd,
    cat_cmd,
    check_cmd,
    diff_cmd,
    export_cmd,
    import_cmd,
    init_cmd,
    schema_cmd,
    stats_cmd,
    validate_cmd,
)
from listkit.errors import EXIT_INPUT, EXIT_INTERRUPTED, EXIT_OK, ListkitError, is_panic, panic_reason
from listkit.i18n import resolve_lang, set_lang, t

app = typer.Typer(
    name="listkit",
    help="listkit: 权责清单与行政许可事项清单的导入、校验、比对与发布工具。"
    " Import, validate, diff and publish administrative item lists.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"listkit {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks of errors (for bug reports).")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bars.")] = False,
) -> None:
    """listkit: 权责清单与行政许可事项清单工具。"""
    from listkit.cli.progress_bar import install

    install(quiet)


def _register() -> None:
    app.command("import")(import_cmd.import_)
    app.command("validate")(validate_cmd.validate)
    app.command("diff")(diff_cmd.diff)
    app.command("apply")(apply_cmd.apply)
    app.command("check")(check_cmd.check)
    app.command("stats")(stats_cmd.stats)
    app.command("export")(export_cmd.export)
    app.command("cat")(cat_cmd.cat)
    app.command("init")(init_cmd.init)
    app.add_typer(schema_cmd.app, name="schema")


_register()


def _lang_from(argv: list[str]) -> str | None:
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def run(argv: list[str]) -> int:
    """Run the CLI on ``argv`` and return the exit code; every error is turned into a message here.

    Typer itself reports usage errors (exit 2) and interrupts (130); listkit's own errors and anything
    unexpected end here, as one line on stderr — the traceback only with ``--debug``.
    """
    debug = "--debug" in argv or bool(os.environ.get("LISTKIT_DEBUG"))
    lang = resolve_lang(_lang_from(argv))
    set_lang(lang)
    command = typer.main.get_command(app)
    try:
        with private_tempdir():
            command.main(args=argv, prog_name="listkit", standalone_mode=True)
    except SystemExit as exc:
        code = exc.code
        if code == EXIT_INTERRUPTED:  # click reports an interrupt by exiting 130 and says nothing
            _error(t("interrupted", lang))
        return code if isinstance(code, int) else (EXIT_OK if code is None else EXIT_INPUT)
    except ListkitError as exc:
        if debug:
            raise
        _error(exc.message(lang))
        return exc.exit_code
    except KeyboardInterrupt:
        _error(t("interrupted", lang))
        return EXIT_INTERRUPTED
    except MemoryError:
        _error(t("internal-error", lang, reason="out of memory"))
        return EXIT_INPUT
    except Exception as exc:
        if debug:
            raise
        _error(t("internal-error", lang, reason=f"{type(exc).__name__}: {exc}"))
        return EXIT_INPUT
    except BaseException as exc:
        # A Rust extension's panic is a BaseException and slips past the clause above; a panic while a file
        # is read already arrives as an InputError naming it (read_list). Interrupts and exits are not
        # panics and go on up untouched.
        if debug or not is_panic(exc):
            raise
        _error(t("native-panic", lang, reason=panic_reason(exc)))
        return EXIT_INPUT
    return EXIT_OK


def _error(message: str) -> None:
    sys.stderr.write(f"listkit: {message}\n")
    sys.stderr.flush()


@contextlib.contextmanager
def private_tempdir() -> Iterator[None]:
    """Every temporary file of the run (XlsxWriter writes a large workbook's parts to temporary files) goes to a
    folder of its own, removed on every way out — an error, Ctrl-C, a kill by SIGTERM."""
    previous = tempfile.tempdir
    folder = tempfile.mkdtemp(prefix="listkit-")
    tempfile.tempdir = folder
    try:
        yield
    finally:
        tempfile.tempdir = previous
        shutil.rmtree(folder, ignore_errors=True)


def _terminated(_signal: int, _frame: object) -> None:
    raise KeyboardInterrupt  # so that a kill cleans up as Ctrl-C does


def main() -> None:
    signal.signal(signal.SIGTERM, _terminated)
    sys.exit(run(sys.argv[1:]))
