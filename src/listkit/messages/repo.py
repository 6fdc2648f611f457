"""The words of the list-repository kit: `listkit cat`, git revisions as inputs, `listkit init`, the pre-commit
hooks (listkit.cli.hooks) and the CI action's script (listkit.cli.ci_action)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- git revisions as inputs (REV:path) ---------------------------------------------------------------------
    "git-missing": (
        "无法读取 {spec}：找不到 git 程序（REV:路径 形式的输入需要 git）",
        "Cannot read {spec}: git is not installed (a REV:path input needs git)",
    ),
    "git-revision-unreadable": (
        "无法从 git 读取 {spec}：{reason}",
        "Cannot read {spec} from git: {reason}",
    ),
    # --- listkit cat ---------------------------------------------------------------------------------------------
    "cat.department": ("部门", "department"),
    # --- listkit init --------------------------------------------------------------------------------------------
    "init.created": ("已创建 {path}", "Created {path}"),
    "init.kept": ("已保留 {path}（文件已存在，未覆盖）", "Kept {path} (it exists; not overwritten)"),
    "init.git-config": (
        "已在 {repo} 的 git 配置中设置 diff.listkit.textconv = listkit cat",
        "Set diff.listkit.textconv = listkit cat in the git config of {repo}",
    ),
    "init.git-config-hint": (
        'git 配置不随仓库提交：每个克隆都要运行一次 git config diff.listkit.textconv "listkit cat"（见 {file}）',
        'git config is not versioned: run git config diff.listkit.textconv "listkit cat" once in every clone '
        "(see {file})",
    ),
    "init.not-a-directory": ("{path} 不是目录", "{path} is not a directory"),
    # --- pre-commit hooks ----------------------------------------------------------------------------------------
    "hook.usage": (
        "用法：python -m listkit.cli.hooks validate|canonical 文件…",
        "usage: python -m listkit.cli.hooks validate|canonical FILE...",
    ),
    "hook.stale": (
        "{canonical} 与 {source} 不一致（已过期）：请运行 listkit import {source} -o {canonical}",
        "{canonical} is stale against {source}: run listkit import {source} -o {canonical}",
    ),
    # --- the CI action's job summary -----------------------------------------------------------------------------
    "ci.heading": ("listkit 清单检查", "listkit list check"),
    "ci.range": ("比对范围：{base} → {head}", "Revisions: {base} → {head}"),
    "ci.no-lists": ("本次没有改动清单文件。", "No list files changed."),
    "ci.valid": ("校验通过", "validation passed"),
    "ci.invalid": ("校验未通过（见注释）", "validation failed (see the annotations)"),
    "ci.unreadable": ("无法读取（见日志）", "unreadable (see the log)"),
    "ci.added-file": ("新增清单文件：无上一版本可比对。", "A new list file: no earlier revision to compare with."),
    "ci.deleted-file": ("已删除的清单文件。", "A deleted list file."),
    "ci.check-heading": ("对照 {catalogue}", "Against {catalogue}"),
    "ci.failed": ("未通过：{reasons}", "Failed: {reasons}"),
    "ci.passed": ("通过", "Passed"),
    "ci.bad-fail-on": (
        "--fail-on 的取值 {values} 无效；可用：{known}",
        "--fail-on: {values} unknown; known: {known}",
    ),
    "ci.git-failed": ("git 命令失败：{command}：{reason}", "git failed: {command}: {reason}"),
}
