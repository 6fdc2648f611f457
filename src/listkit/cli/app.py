"""The root Typer app and the one place where errors become messages and exit codes."""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer

from listkit import __version__
from listkit.errors import EXIT_INPUT, EXIT_INTERRUPTED, EXIT_OK, ListkitError
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
    from listkit.cli import apply_cmd, diff_cmd, export_cmd, import_cmd, schema_cmd, stats_cmd, validate_cmd

    app.command("import")(import_cmd.import_)
    app.command("validate")(validate_cmd.validate)
    app.command("diff")(diff_cmd.diff)
    app.command("apply")(apply_cmd.apply)
    app.command("stats")(stats_cmd.stats)
    app.command("export")(export_cmd.export)
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
        command.main(args=argv, prog_name="listkit", standalone_mode=True)
    except SystemExit as exc:
        code = exc.code
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
    return EXIT_OK


def _error(message: str) -> None:
    sys.stderr.write(f"listkit: {message}\n")
    sys.stderr.flush()


def main() -> None:
    sys.exit(run(sys.argv[1:]))
