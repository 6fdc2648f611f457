"""listkit init [DIR] — a list repository: folders, README, .gitattributes, hooks and a CI workflow."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from listkit.cli.options import Lang, use_lang
from listkit.i18n import t


def init(
    folder: Annotated[str, typer.Argument(help="The repository folder (default: the current one).")] = ".",
    lang: Lang = None,
) -> None:
    """创建清单仓库：目录、说明、git 比对设置、提交前检查与 CI。 Scaffold a list repository."""
    from listkit.cli.console import err
    from listkit.repo_kit import init_repository

    language = use_lang(lang)
    root = Path(folder)
    result = init_repository(root)
    console = err()
    for path in result.created:
        console.print(t("init.created", language, path=str(root / path)), markup=False, highlight=False)
    for path in result.kept:
        console.print(t("init.kept", language, path=str(root / path)), style="yellow", markup=False, highlight=False)
    if result.git_config is not None:
        console.print(t("init.git-config", language, repo=str(result.git_config)), markup=False, highlight=False)
    console.print(t("init.git-config-hint", language, file="listkit.gitconfig"), markup=False, highlight=False)
