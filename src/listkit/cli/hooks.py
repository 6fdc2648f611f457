"""The pre-commit hooks of .pre-commit-hooks.yaml: ``python -m listkit.cli.hooks validate|canonical FILE...``.

A module entry rather than a `listkit hook` command: the hooks are pre-commit's interface, not the clerk's, and
so stay out of `listkit --help`; pre-commit puts its environment's python first on PATH, so the entry works in
the environment it installed listkit into.

- validate: `listkit validate` of the files, ``--format github`` when ``CI`` is set (annotations on the pull
  request's cells) and the readable tables otherwise.
- canonical: each workbook with a canonical ``.jsonl`` beside it (``lists/交通.xlsx`` and ``lists/交通.jsonl``)
  must have that copy up to date — equal to what `listkit import lists/交通.xlsx -o lists/交通.jsonl` writes now.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from listkit.cli.app import private_tempdir, run
from listkit.errors import EXIT_FINDINGS, EXIT_INPUT, EXIT_OK, ListkitError
from listkit.i18n import resolve_lang, set_lang, t
from listkit.repo_kit import canonical_is_stale, canonical_pair


def validate(files: list[str]) -> int:
    if not files:
        return EXIT_OK
    github = ["--format", "github"] if os.environ.get("CI") else []
    return run(["validate", *github, *files])


def canonical(files: list[str]) -> int:
    pairs = {pair for file in files if (pair := canonical_pair(Path(file))) is not None}
    code = EXIT_OK
    with private_tempdir():
        for workbook, copy in sorted(pairs):
            try:
                stale = canonical_is_stale(workbook, copy)
            except ListkitError as exc:
                sys.stderr.write(f"listkit: {exc.message()}\n")
                code = EXIT_INPUT
                continue
            if stale:
                sys.stderr.write(f"listkit: {t('hook.stale', canonical=str(copy), source=str(workbook))}\n")
                code = max(code, EXIT_FINDINGS)
    return code


HOOKS = {"validate": validate, "canonical": canonical}


def main(argv: list[str]) -> int:
    set_lang(resolve_lang(None))  # LISTKIT_LANG, else Chinese
    if not argv or argv[0] not in HOOKS:
        sys.stderr.write(t("hook.usage") + "\n")
        return EXIT_INPUT
    return HOOKS[argv[0]](argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
