"""The script behind action.yml: ``python -m listkit.cli.ci_action --base REV [--head REV] [--fail-on …]``.

Run in a list repository (the current directory), it takes the lists changed under ``lists/`` between the two
revisions, and for each: validates it with ``--format github`` (annotations on stdout, where GitHub reads them),
writes `listkit diff --format markdown` against the base revision — and `listkit check --format markdown`
against the files in ``catalogue/`` when there are any — into the job summary (the file ``$GITHUB_STEP_SUMMARY``
names, or ``--summary``). Each step is the CLI's own ``run`` in this process, so the action says exactly what
the commands say. Exit 1 when something named by ``--fail-on`` happened, 2 when a list or git could not be read.

``--fail-on`` (comma-separated, repeatable; default ``error``): ``error`` (validate found errors), ``warning``
(warnings too: validate --strict), the change kinds of diff (added, cancelled, adjusted) and the statuses of
check (differs, missing, extra, out-of-level).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from listkit.check.model import STATUSES
from listkit.cli.app import run
from listkit.cli.options import split_rules
from listkit.diff.model import KINDS
from listkit.errors import EXIT_FINDINGS, EXIT_INPUT, EXIT_OK
from listkit.i18n import Lang, resolve_lang, set_lang, t

LISTS = "lists"
CATALOGUE = "catalogue"
LIST_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".tsv", ".jsonl", ".json")
SEVERITIES = ("error", "warning")


@dataclass
class Outcome:
    lang: Lang  # given to every message and every command: each CLI run settles the language anew
    summary: list[str] = field(default_factory=list)  # Markdown lines
    failed: list[str] = field(default_factory=list)  # what failed, as the --fail-on words (or a file)
    unreadable: bool = False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m listkit.cli.ci_action")
    parser.add_argument("--base", required=True, help="The revision the changes are measured from.")
    parser.add_argument("--head", default="HEAD", help="The revision under review (default: HEAD).")
    parser.add_argument("--fail-on", action="append", help="error, warning, change kinds, check statuses.")
    parser.add_argument("--summary", help="Markdown summary file (default: $GITHUB_STEP_SUMMARY).")
    parser.add_argument("--lang", help="zh (default) or en.")
    args = parser.parse_args(argv)
    lang = resolve_lang(args.lang)
    set_lang(lang)
    fail_on = split_rules(args.fail_on) or ["error"]
    known = [*SEVERITIES, *KINDS, *STATUSES]
    unknown = [word for word in fail_on if word not in known]
    if unknown:
        sys.stderr.write(f"listkit: {t('ci.bad-fail-on', values=', '.join(unknown), known=', '.join(known))}\n")
        return EXIT_INPUT
    try:
        changed = changed_lists(_base_revision(args.base), args.head)
    except RuntimeError as exc:
        sys.stderr.write(f"listkit: {exc}\n")
        return EXIT_INPUT
    outcome = Outcome(lang, [f"## {t('ci.heading', lang)}", "", t("ci.range", lang, base=args.base, head=args.head)])
    if not changed:
        outcome.summary += ["", t("ci.no-lists", lang)]
    for status, path in changed:
        review(status, path, args.base, fail_on, outcome)
    if outcome.failed:
        reasons = ", ".join(dict.fromkeys(outcome.failed))
        outcome.summary += ["", f"**{t('ci.failed', lang, reasons=reasons)}**"]
    else:
        outcome.summary += ["", f"**{t('ci.passed', lang)}**"]
    write_summary(args.summary or os.environ.get("GITHUB_STEP_SUMMARY"), outcome.summary)
    if outcome.unreadable:
        return EXIT_INPUT
    return EXIT_FINDINGS if outcome.failed else EXIT_OK


def _base_revision(base: str) -> str:
    """``base``, or git's empty tree where it is all zeros: a branch's first push has no commit before it
    (github.event.before), and then every list it holds is new."""
    if not re.fullmatch("0+", base):
        return base
    done = subprocess.run(["git", "hash-object", "-t", "tree", "--stdin"], input=b"", capture_output=True, check=False)
    return done.stdout.decode("ascii").strip() if done.returncode == 0 else base


def changed_lists(base: str, head: str) -> list[tuple[str, str]]:
    """(status letter, path) of the list files under lists/ that differ between the revisions, renames as a
    deletion and an addition (a renamed list is compared with nothing: its old name is another list)."""
    command = ["git", "diff", "--name-status", "--no-renames", "-z", base, head, "--", f"{LISTS}/"]
    try:
        done = subprocess.run(command, capture_output=True, check=False)
    except FileNotFoundError:
        raise RuntimeError(t("ci.git-failed", command=" ".join(command), reason="git not found")) from None
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip()
        raise RuntimeError(t("ci.git-failed", command=" ".join(command), reason=reason))
    fields = done.stdout.decode("utf-8").split("\0")
    pairs = list(zip(fields[0::2], fields[1::2], strict=False))
    return sorted((status, path) for status, path in pairs if path.lower().endswith(LIST_SUFFIXES))


def review(status: str, path: str, base: str, fail_on: list[str], outcome: Outcome) -> None:
    lang = outcome.lang
    outcome.summary += ["", f"### `{path}`", ""]
    if status == "D":
        outcome.summary.append(t("ci.deleted-file", lang))
        return
    strict = ["--strict"] if "warning" in fail_on else []
    code = run(["validate", "--format", "github", *strict, "--lang", lang, path])
    if code == EXIT_INPUT:
        outcome.summary.append(f"- {t('ci.unreadable', lang)}")
        outcome.unreadable = True
        return
    outcome.summary.append(f"- {t('ci.valid', lang) if code == EXIT_OK else t('ci.invalid', lang)}")
    if code == EXIT_FINDINGS and ({"error", "warning"} & set(fail_on)):
        outcome.failed.append(path)
    if status == "A":
        outcome.summary += ["", t("ci.added-file", lang)]
    else:
        kinds = [kind for kind in fail_on if kind in KINDS]
        report(["diff", f"{base}:{path}", path, *_fail_on(kinds)], kinds, outcome)
    catalogues = catalogue_files()
    if catalogues:
        statuses = [status for status in fail_on if status in STATUSES]
        outcome.summary += ["", f"#### {t('ci.check-heading', lang, catalogue=', '.join(catalogues))}"]
        # check exits 1 on every status but conforming unless told: that counts only for the statuses asked for.
        report(["check", path, "--against", *catalogues, *_fail_on(statuses)], statuses, outcome)


def _fail_on(words: list[str]) -> list[str]:
    return ["--fail-on", ",".join(words)] if words else []


def report(command: list[str], failing: list[str], outcome: Outcome) -> None:
    """A command's Markdown report into the summary; its exit 1 counts as a failure only when asked for."""
    with tempfile.TemporaryDirectory(prefix="listkit-ci-") as folder:
        target = Path(folder) / "report.md"
        with _quiet_stdout():
            code = run([*command, "--format", "markdown", "--lang", outcome.lang, "-o", str(target)])
        if target.is_file():
            outcome.summary += ["", target.read_text(encoding="utf-8").rstrip()]
    if code == EXIT_INPUT:
        outcome.summary.append(f"- {t('ci.unreadable', outcome.lang)}")
        outcome.unreadable = True
    elif code == EXIT_FINDINGS and failing:
        outcome.failed += failing


@contextlib.contextmanager
def _quiet_stdout() -> Iterator[None]:
    # The report goes to the file; stdout is the job log GitHub scans for annotations: keep it for those.
    with contextlib.redirect_stdout(io.StringIO()):
        yield


def catalogue_files() -> list[str]:
    folder = Path(CATALOGUE)
    if not folder.is_dir():
        return []
    return sorted(str(p) for p in folder.iterdir() if p.is_file() and p.suffix.lower() in LIST_SUFFIXES)


def write_summary(target: str | None, lines: list[str]) -> None:
    text = "\n".join(lines) + "\n"
    if target:
        with open(target, "a", encoding="utf-8") as handle:  # GitHub's summary file collects every step's part
            handle.write(text)
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    sys.exit(main())
