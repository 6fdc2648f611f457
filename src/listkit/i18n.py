"""The zh/en message catalogue: every text listkit shows or writes for people, by key.

Rule ids and message keys are stable English; only the text is translated. The language is chosen once by
the CLI (``--lang`` or ``LISTKIT_LANG``) and read by renderers; the core stores keys and parameters, never text.
MESSAGES below holds the messages; sections with keys of their own (rule titles, the words of a comparison, the
words of written files) are kept in listkit/messages/ and joined to it. Words listkit *reads* are not messages:
they are in vocabulary.py, and a list's own headers are in its schema.
"""

from __future__ import annotations

import os
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, Literal

from listkit.messages import SECTIONS

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")

_current: ContextVar[Lang | None] = ContextVar("listkit_lang", default=None)

MESSAGES: dict[str, tuple[str, str]] = {
    # --- input errors (exit 2) -------------------------------------------------------------------
    "file-not-found": ("文件不存在：{file}", "File not found: {file}"),
    "is-directory": ("{file} 是目录，不是清单文件", "{file} is a directory, not a list file"),
    "file-unreadable": ("无法读取文件 {file}：{reason}", "Cannot read {file}: {reason}"),
    "empty-file": ("文件为空：{file}", "The file is empty: {file}"),
    "not-a-list-file": (
        "{file} 不是可识别的清单文件（看起来是 {kind}）；支持 xlsx、xls、ods、csv、jsonl、json、网页（html）、"
        "Word（docx）、PDF，以及 LibreOffice 能打开的文件（doc、wps、et、xlsb 等）",
        "{file} is not a list file listkit can read (it looks like {kind}); supported: xlsx, xls, ods, csv, jsonl, "
        "json, web pages (html), Word (docx), PDF, and what LibreOffice opens (doc, wps, et, xlsb …)",
    ),
    "corrupt-workbook": ("工作簿 {file} 已损坏或无法解析：{reason}", "The workbook {file} is corrupt: {reason}"),
    "corrupt-document": (
        "{file}（{kind}）已损坏或无法解析：{reason}",
        "{file} ({kind}) is corrupt or cannot be parsed: {reason}",
    ),
    "zip-bomb": (
        "工作簿 {file} 中的 {entry} 解压后达 {size}（压缩时 {packed}），疑似压缩炸弹，已拒绝读取",
        "{file}: {entry} inflates to {size} from {packed} — refused as a likely zip bomb",
    ),
    "zip-too-large": (
        "工作簿 {file} 解压后共 {size}，超过上限 {limit}，已拒绝读取",
        "{file} inflates to {size}, over the {limit} limit — refused",
    ),
    "zip-too-many-entries": (
        "工作簿 {file} 含 {count} 个部件，超过上限 {limit}，已拒绝读取",
        "{file} holds {count} parts, over the {limit} limit — refused",
    ),
    "sheet-too-large": (
        "工作簿 {file} 的工作表 {sheet} 范围达 {rows} 行 × {cols} 列，超过 {limit} 个单元格的上限，已拒绝读取",
        "{file}, sheet {sheet}: it spans {rows} rows × {cols} columns, over the {limit}-cell limit — refused",
    ),
    "sheet-too-many-merges": (
        "工作簿 {file} 的工作表 {sheet} 含超过 {limit} 个合并区域，已拒绝读取",
        "{file}, sheet {sheet}: over {limit} merged ranges — refused",
    ),
    "sheet-too-repetitive": (
        "工作簿 {file} 的工作表 {sheet} 以“重复”写出 {cells} 个有内容的单元格，超过上限 {limit}，已拒绝读取",
        "{file}, sheet {sheet}: its repeats make {cells} filled cells, over the {limit} limit — refused",
    ),
    "sheet-malformed": (
        "工作簿 {file} 的工作表 {sheet} 含超过 1 MB 的标签或文本、或属性值中的“<”，不是表格软件写出的 XML，已拒绝读取",
        "{file}, sheet {sheet}: a tag or text over 1 MB, or a '<' inside an attribute value — not XML a "
        "spreadsheet program writes; refused",
    ),
    "field-too-long": (
        "{file} 第 {row} 行有一个单元格超过 {limit} 字，超出上限（Excel 单元格最多 32,767 字）",
        "{file} line {row} has a cell over {limit} characters, over the limit (Excel cells hold 32,767)",
    ),
    "too-many-columns": (
        "{file} 第 {row} 行有 {cols} 列，超过上限 {limit} 列",
        "{file} row {row} has {cols} columns, over the {limit} limit",
    ),
    "password-required": (
        "{file} 设有打开密码：请用 --password 或环境变量 LISTKIT_PASSWORD 给出密码",
        "{file} is locked with a password: give it with --password or LISTKIT_PASSWORD",
    ),
    "password-wrong": ("{file} 的打开密码不对", "Wrong password for {file}"),
    "no-table": (
        "{file} 中没有表格（{kind}）：清单须以表格形式给出",
        "{file} holds no table ({kind}): a list must be a table",
    ),
    "scanned-pdf": (
        "{file} 是扫描件（PDF 没有文字层，共 {pages} 页）：请先做文字识别（OCR）或索取原表格文件",
        "{file} is a scan ({pages} pages, no text layer): run OCR first or ask for the original table file",
    ),
    "document-too-large": (
        "{file} 过大（{what}：{size}，上限 {limit}），已拒绝读取",
        "{file} is too large ({what}: {size}, limit {limit}); refused",
    ),
    "what.word": ("Word 文档（docx）", "Word document (docx)"),
    "what.page": ("网页", "web page"),
    "what.inflated": ("解压后", "inflated"),
    "what.table-cells": ("表格单元格", "table cells"),
    "what.table-number-cells": ("表{number}的单元格", "cells of table {number}"),
    "what.page-chars": ("第{page}页的字符", "characters on page {page}"),
    "what.page-lines": ("第{page}页的线条", "rules on page {page}"),
    "where.page": ("第{page}页", "page {page}"),
    "where.page-reason": ("第{page}页：{reason}", "page {page}: {reason}"),
    "soffice-missing": (
        "读取 {file}（{kind}）需要 LibreOffice：请安装 libreoffice-calc 和 libreoffice-writer（soffice 命令）",
        "Reading {file} ({kind}) needs LibreOffice: install libreoffice-calc and libreoffice-writer (soffice)",
    ),
    "soffice-failed": (
        "LibreOffice 无法转换 {file}：{reason}",
        "LibreOffice could not convert {file}: {reason}",
    ),
    "soffice-timeout": (
        "LibreOffice 转换 {file} 超过 {seconds} 秒未完成，已中止",
        "LibreOffice took over {seconds} s to convert {file}; stopped",
    ),
    "bad-encoding": (
        "{file} 的文字编码无法识别（已尝试 UTF-8、GB18030、UTF-16）",
        "Cannot decode {file} (tried UTF-8, GB18030, UTF-16)",
    ),
    "no-data-sheet": (
        "{file} 中没有找到数据表：所有工作表都是空的",
        "No data sheet in {file}: every sheet is empty",
    ),
    "no-list-files": ("给出的 {files} 个文件都不是清单文件", "None of the {files} files given is a list file"),
    "skipped-file": ("已跳过：{reason}", "Skipped: {reason}"),
    "duplicate-file": (
        "已跳过 {file}：内容与 {original} 完全相同，只读取一次",
        "Skipped {file}: byte-identical to {original}, read once",
    ),
    "explain.duplicate-file": (
        "{file} 与 {original} 内容相同，未重复读取",
        "{file} repeats {original}: not read again",
    ),
    "header-not-found": (
        "{file} 工作表“{sheet}”前 {rows} 行中找不到表头。应有的列名：{expected}；实际看到（第 {row} 行）：{seen}",
        "No header row in the first {rows} rows of {file}, sheet '{sheet}'. Expected columns such as: "
        "{expected}; seen (row {row}): {seen}",
    ),
    "unknown-schema": (
        "未知的模式“{name}”。内置模式：{known}；也可以给出 JSON Schema 文件路径",
        "Unknown schema '{name}'. Bundled schemas: {known}; or give the path of a JSON Schema file",
    ),
    "schema-not-json": ("模式文件 {file} 不是合法的 JSON：{reason}", "Schema file {file} is not valid JSON: {reason}"),
    "schema-invalid": (
        "模式文件 {file} 不是合法的 JSON Schema：{reason}",
        "Schema file {file} is not a valid JSON Schema: {reason}",
    ),
    "schema-rule-entry": (
        "模式文件 {file} 的规则 {rule}：{entry} 缺失或无效（应为 {expected}）",
        "Schema file {file}, rule {rule}: {entry} is missing or invalid (expected {expected})",
    ),
    "schema-rule-id": (
        "模式文件 {file} 的规则 {rule}：id 须为小写短横线形式（如 commitment-required），"
        "在该模式中唯一，且不与内置规则重名",
        "Schema file {file}, rule {rule}: the id must be lower-case kebab-case (e.g. commitment-required), unique in "
        "the schema and not the id of a built-in rule",
    ),
    "schema-rule-kind": (
        "模式文件 {file} 的规则 {rule}：未知的 kind “{kind}”（可用：{known}）",
        "Schema file {file}, rule {rule}: unknown kind '{kind}' (known: {known})",
    ),
    "schema-rule-field": (
        "模式文件 {file} 的规则 {rule}：{entry} 指向的字段 {field} 不在 properties 中",
        "Schema file {file}, rule {rule}: {entry} names the field {field}, which is not in properties",
    ),
    "schema-no-properties": (
        "模式文件 {file} 没有定义任何字段（properties）",
        "Schema file {file} defines no fields (properties)",
    ),
    # --- schema references and patterns (schema_refs.py, schema_patterns.py) ---
    "schema-ref-refused": (
        "模式文件 {file} 引用了 {ref}，已拒绝：listkit 只解析内置模式和该模式文件所在文件夹内的文件，从不联网获取",
        "Schema file {file} refers to {ref} — refused: listkit resolves references only to the bundled schemas and "
        "to files inside the schema's own folder, and never fetches anything",
    ),
    "schema-ref-missing": (
        "模式文件 {file} 引用的 {ref} 不存在",
        "Schema file {file} refers to {ref}, which does not exist",
    ),
    "schema-meta-unknown": (
        "模式文件 {file} 的 $schema “{uri}” 不是已知的 JSON Schema 版本（listkit 不会下载元模式）",
        "Schema file {file}: $schema '{uri}' is not a known JSON Schema draft (listkit never downloads meta-schemas)",
    ),
    "schema-pattern-unsupported": (
        "模式文件 {file} 中字段 {field} 的正则表达式 {pattern} 无法用线性时间引擎（RE2）执行：{reason}。"
        "不支持反向引用（如 \\1）和前后断言（如 (?=…)）",
        "Schema file {file}: the pattern {pattern} of field {field} cannot run on a linear-time engine (RE2): "
        "{reason}. Backreferences (such as \\1) and lookaround (such as (?=…)) are not supported",
    ),
    "schema-keyword-unsupported": (
        "模式文件 {file} 在 {where} 使用了 {keyword}，listkit 不支持；记录的字段就是 properties 中的字段，请逐一列出",
        "Schema file {file} uses {keyword} at {where}, which listkit does not support; a record's fields are those "
        "in properties: list them there",
    ),
    "header-schema-outside": (
        "{file} 的表头指定模式文件 {schema}，但它不在 {file} 所在的文件夹内，已拒绝读取；"
        "如信任该模式，请用 --schema 指定",
        "{file}: its header names the schema file {schema}, which is not inside the file's own folder — refused; "
        "if you trust it, pass it with --schema",
    ),
    "schema-undetected": (
        "无法从 {file} 的表头判断清单类型，请用 --schema 指定（{known}）",
        "Cannot tell which list {file} is from its headers; choose one with --schema ({known})",
    ),
    "json-not-object": (
        "{file} 第 {row} 行不是 JSON 对象",
        "{file} line {row} is not a JSON object",
    ),
    "json-invalid": ("{file} 第 {row} 行不是合法的 JSON：{reason}", "{file} line {row} is not valid JSON: {reason}"),
    # --- JSON limits, duplicate keys and parser panics (read/json_keys.py, read/nesting.py, cli/app.py) ---
    "json-line-too-long": (
        "{file} 第 {row} 行超过 {limit}（一条记录远用不了这么多），已拒绝读取",
        "{file} line {row} is over {limit} long (far more than any record needs) — refused",
    ),
    "json-too-many-keys": (
        "{file} 第 {row} 行的键超过 {limit} 个（一条记录远用不了这么多），已拒绝读取",
        "{file} line {row} holds more than {limit} keys (far more than any record needs) — refused",
    ),
    "json-duplicate-key": (
        "{file} 第 {row} 行：同一对象中键“{name}”出现了不止一次，无法确定该取哪个值，请删去多余的一个",
        "{file} line {row}: the key '{name}' appears more than once in the same object, so which value is meant "
        "cannot be told; remove the extra one",
    ),
    "parser-panic": (
        "无法解析 {file}：解析组件异常终止（{reason}）",
        "Cannot parse {file}: the parser stopped abnormally ({reason})",
    ),
    "native-panic": (
        "未能完成：底层组件异常终止（{reason}）；加 --debug 查看详细信息",
        "Could not finish: a native component stopped abnormally ({reason}); rerun with --debug for details",
    ),
    "bad-option": ("选项 {option} 的值无效：{reason}", "Invalid value for {option}: {reason}"),
    "unknown-rule": (
        "未知的规则：{rules}。可用规则：{known}",
        "Unknown rule(s): {rules}. Known rules: {known}",
    ),
    "output-is-input": (
        "输出文件 {file} 是输入文件之一，拒绝覆盖；请另选输出路径",
        "Refusing to overwrite {file}: it is one of the inputs; choose another output path",
    ),
    "output-dir-missing": ("输出目录不存在：{directory}", "Output directory does not exist: {directory}"),
    "output-failed": (
        "无法写出 {file}：{reason}；原有文件保持不变",
        "Cannot write {file}: {reason}; any previous file there is unchanged",
    ),
    "output-not-a-file": (
        "{file} 不是普通文件（设备、管道等），不能作为输出；要输出到屏幕请省略 -o",
        "{file} is not a regular file (a device, a pipe …) and cannot be an output; leave out -o to print",
    ),
    "output-format": (
        "无法从 {file} 判断输出格式；支持 {formats}",
        "Cannot tell the output format from {file}; supported: {formats}",
    ),
    "schema-mismatch": (
        "两个版本的清单模式不同（{old} 与 {new}），无法比对",
        "The two editions use different schemas ({old} and {new}); they cannot be compared",
    ),
    "not-a-change-order": (
        "{file} 不是变更单（应为 listkit diff 输出的 json，或含“变更明细”工作表的 xlsx）",
        "{file} is not a change order (expected listkit diff's json, or an xlsx with a 变更明细 sheet)",
    ),
    "change-order-row": (
        "变更单 {where}：缺少或无法识别 {columns}（原/新 应填“原”或“新”）",
        "Change order {where}: {columns} missing or not understood (原/新 must say 原 or 新)",
    ),
    "apply-missing": (
        "变更单 {where}：底本中找不到事项“{name}”，变更未应用，未写出任何文件",
        "Change order {where}: the base list has no item '{name}'; nothing was written",
    ),
    "apply-unknown-kind": (
        "变更单 {where}：调整类型“{kind}”无法识别（应为 added、cancelled、adjusted）；未写出任何文件",
        "Change order {where}: unknown kind '{kind}' (expected added, cancelled or adjusted); nothing was written",
    ),
    "apply-shape": (
        "变更单 {where}：“{kind}”类变更应{expected}；未写出任何文件",
        "Change order {where}: a change of kind '{kind}' needs {expected}; nothing was written",
    ),
    "apply-nameless": (
        "变更单 {where}：新增或调整后的事项没有事项名称；未写出任何文件",
        "Change order {where}: a record it puts in has no item name; nothing was written",
    ),
    "apply-exists": (
        "变更单 {where}：新增的事项“{name}”在底本中已有（{at}）；未写出任何文件",
        "Change order {where}: the added item '{name}' is already in the base list ({at}); nothing was written",
    ),
    "apply-mismatch": (
        "变更单 {where}：“{field}”在底本中为“{base}”，变更单写的原值是“{order}”；未写出任何文件",
        "Change order {where}: '{field}' is '{base}' in the base list but the change order says '{order}'; "
        "nothing was written",
    ),
    # --- the xlsx change order (write/change_order_xlsx.py, read/change_order_workbook.py, write/print_setup.py) ---
    "change-order-too-long": (
        "变更单无法写成 xlsx：第 {change} 项变更（{side}）“{name}”的“{field}”有 {length} 个字符，超过 Excel "
        "单元格上限 {limit} 个（不截断）；未写出任何文件，可改用 --format json",
        "The change order cannot be written as xlsx: change {change} ({side}) '{name}', field '{field}' holds "
        "{length} characters, over Excel's cell limit of {limit} (it is not cut); nothing was written — "
        "use --format json",
    ),
    "change-order-duplicate-column": (
        "变更单 {where}：{columns} 列的表头都是“{header}”，无法区分",
        "Change order {where}: columns {columns} have the same header '{header}' and cannot be told apart",
    ),
    "diff.see-detail": ("……（全文见“变更明细”）", "… (full text in 变更明细)"),
    "print.footer": ("&C第 &P 页，共 &N 页", "&CPage &P of &N"),
    "output-required": ("此格式需要 -o/--output 指定输出文件", "This format needs -o/--output"),
    "internal-error": (
        "内部错误：{reason}（这是 listkit 的缺陷；加 --debug 查看详细信息并报告）",
        "Internal error: {reason} (a bug in listkit; rerun with --debug and report it)",
    ),
    "interrupted": ("已中断", "Interrupted"),
    # --- validation findings --------------------------------------------------------------------
    "required-field": ("必填字段“{title}”为空", "Required field '{title}' is empty"),
    "unknown-type": (
        "权力类型“{value}”不在规范类型中（{allowed}）",
        "Unknown type '{value}' (allowed: {allowed})",
    ),
    "type-variant": (
        "类型写作“{value}”，已按规范名称“{canonical}”处理",
        "Type written as '{value}'; read as the canonical '{canonical}'",
    ),
    "invalid-value": (
        "“{title}”的值“{value}”不在允许范围（{allowed}）",
        "'{title}' value '{value}' not allowed ({allowed})",
    ),
    "code-format": (
        "事项编码“{value}”格式不符（应匹配 {pattern}）",
        "Item code '{value}' has the wrong format (expected {pattern})",
    ),
    "field-format": (
        "“{title}”的值“{value}”格式不符（应匹配 {pattern}）",
        "'{title}' value '{value}' has the wrong format (expected {pattern})",
    ),
    "field-length": (
        "“{title}”过长：{length} 字，上限 {limit} 字",
        "'{title}' is too long: {length} characters, limit {limit}",
    ),
    "schema-violation": ("“{title}”不符合模式：{reason}", "'{title}' does not conform to the schema: {reason}"),
    "duplicate-item": (
        "事项重复：与 {first} 的类型、名称、子项相同",
        "Duplicate item: same type, name and sub-item as {first}",
    ),
    "duplicate-code": ("事项编码“{value}”重复，首次出现在 {first}", "Item code '{value}' repeats {first}"),
    "basis-no-law": (
        "依据未引用《法律法规名称》",
        "The basis cites no named law or regulation (《…》)",
    ),
    "basis-unbalanced": (
        "依据中的括号不配对：“{bracket}”（第 {position} 字附近）",
        "Unbalanced bracket '{bracket}' in the basis (near character {position})",
    ),
    "basis-doc-number": (
        "文号“{value}”应使用六角括号〔〕，如“{suggested}”",
        "Document number '{value}' should use 〔〕, e.g. '{suggested}'",
    ),
    "disguised-licence": (
        "“{type}”事项名称含“{word}”，请核查是否为变相许可",
        "A '{type}' item named with '{word}': check that it is not a licence in disguise",
    ),
    "completeness": (
        "字段“{title}”填写率 {percent}（{filled}/{total}）",
        "Field '{title}' filled in {percent} of records ({filled}/{total})",
    ),
    # --- words used by renderers ----------------------------------------------------------------
    "severity.error": ("错误", "error"),
    "severity.warning": ("警告", "warning"),
    "severity.info": ("提示", "info"),
    "col.rule": ("规则", "Rule"),
    "col.file": ("文件", "File"),
    "col.severity": ("级别", "Severity"),
    "col.cell": ("位置", "Location"),
    "col.message": ("说明", "Message"),
    "col.value": ("值", "Value"),
    "col.count": ("数量", "Count"),
    "col.records": ("记录数", "Records"),
    "col.items": ("事项数", "Items"),
    "col.share": ("占比", "Share"),
    "col.field": ("字段", "Field"),
    "col.filled": ("填写率", "Filled"),
    "by.type": ("权力类型", "Type"),
    "by.department": ("部门", "Department"),
    "by.level": ("层级", "Level"),
    "field-label": ("{title}：", "{title}: "),
    "total": ("合计", "Total"),
    "unspecified": ("（未填）", "(blank)"),
    "validate.summary": (
        "{files} 个文件，{records} 条记录：{errors} 个错误，{warnings} 个警告",
        "{files} file(s), {records} records: {errors} error(s), {warnings} warning(s)",
    ),
    "validate.ok": ("校验通过", "Valid"),
    "validate.failed": ("校验未通过", "Invalid"),
    "validate.truncated": (
        "只显示前 {limit} 个错误（--max-errors）",
        "Showing the first {limit} errors only (--max-errors)",
    ),
    "validate.completeness": ("字段填写率", "Field completeness"),
    "explain.list": ("清单模式 {schema}，共 {records} 条记录", "Schema {schema}, {records} records"),
    "explain.sheet": ("文件 {file} · 工作表 {sheet}", "File {file} · sheet {sheet}"),
    "explain.header": (
        "表头：第 {row} 行（共 {rows} 行）；列 → 字段：",
        "Header: row {row} ({rows} row(s)); column → field:",
    ),
    "explain.type-from-sheet": ("工作表名给出权力类型：{type}", "The sheet name gives the power type: {type}"),
    "explain.type-sources": ("权力类型来源：{sources}", "Where the power type came from: {sources}"),
    "progress.read": ("读取 {where}", "Reading {where}"),
    "progress.validate": ("校验", "Validating"),
    "progress.match": ("比对", "Comparing"),
    "progress.write": ("写出", "Writing"),
    "explain.records": ("读取记录 {records} 条，主项 {items} 项", "{records} records read, {items} main items"),
    "explain.skipped": ("未作为记录的行：{summary}", "Rows not read as records: {summary}"),
    "explain.skip.continuation": ("续行（并入上一条）", "continuation (joined to the record above)"),
    "explain.skip.note": ("表下备注", "note under the table"),
    "explain.skip.section": ("分类标题行", "section heading"),
    "explain.skip.repeated-header": ("重复表头", "repeated header"),
    "explain.skip.hidden-repeat": ("隐藏行重复可见记录", "hidden row repeating a visible record"),
    "explain.empty-sheet": ("空工作表，已跳过", "Empty sheet, skipped"),
    "explain.read-as": ("按 {format} 读取", "Read as {format}"),
    "explain.table-from": ("表格位置：{args[0]}", "Table from: {args[0]}"),
    "explain.tables-joined": (
        "{args[0]} 个表格前后相接（续表、重复表头已去掉），合并为一张：{args[1]}",
        "{args[0]} tables continue one another (repeated headers dropped), joined into one: {args[1]}",
    ),
    "explain.converted": (
        "经 LibreOffice 由 {args[0]} 转换为 {args[1]} 后读取",
        "Converted by LibreOffice from {args[0]} to {args[1]}",
    ),
    "explain.no-header": ("未找到表头，已跳过", "No header found, skipped"),
    "explain.sheet-count-mismatch": (
        "工作表名写明 {args[0]} 项，实际读取 {records} 条记录，其中主项 {args[1]} 项",
        "The sheet name promises {args[0]} items; {records} records were read, {args[1]} main items",
    ),
    "explain.unnamed-column": (
        "第 {args[0]} 列没有表头，其中 {args[1]} 个非空单元格未读取",
        "Column {args[0]} has no header; its {args[1]} non-empty cells were not read",
    ),
    "explain.ticked-columns": (
        "第 {args[0]}–{args[1]} 列为“{args[2]}”的打勾列（每列一个取值）：每条记录取打勾一列的值，未打勾为空，"
        "打勾多列时各值以“、”连接",
        "Columns {args[0]}–{args[1]} give '{args[2]}' as one ticked column per value: each record takes the value "
        "of the column ticked (none ticked: empty; several: their values joined by '、')",
    ),
    "explain.combined-seq": (
        "第 {args[0]} 行序号为“{args[1]}”，按一条记录读取",
        "Row {args[0]} has 序号 '{args[1]}': read as one record",
    ),
    # --- a header block copied, one copy hidden (read/column_map.py) ---
    # A note kind with a "warn." text is also printed on stderr by the CLI (cli/inputs.py).
    "explain.hidden-duplicate-column": (
        "第 {args[0]} 列（隐藏）与第 {args[1]} 列表头相同：读取可见的 {args[1]} 列，{args[0]} 列保留为附加列",
        "Column {args[0]} (hidden) repeats the header of column {args[1]}: the visible {args[1]} is read, "
        "{args[0]} kept as an extra column",
    ),
    "explain.hidden-duplicate-differs": (
        "第 {args[0]} 列（隐藏）与第 {args[1]} 列表头相同，但有 {args[2]} 行内容不同：读取可见的 {args[1]} 列，"
        "{args[0]} 列保留为附加列，请核对",
        "Column {args[0]} (hidden) repeats the header of column {args[1]} but differs on {args[2]} row(s): the "
        "visible {args[1]} is read, {args[0]} kept as an extra column — check them",
    ),
    "warn.hidden-duplicate-differs": (
        "{file} 工作表“{sheet}”：隐藏的第 {args[0]} 列与第 {args[1]} 列表头相同，但有 {args[2]} 行内容不同；"
        "已读取可见的 {args[1]} 列，隐藏列保留为附加列",
        "{file}, sheet '{sheet}': hidden column {args[0]} repeats the header of column {args[1]} but differs on "
        "{args[2]} row(s); the visible {args[1]} was read, the hidden copy kept as an extra column",
    ),
    # --- control characters in what is written (cells.py; printed by cli/written.py) ---
    "warn.control-chars": (
        "{file}：{cells} 个单元格含控制字符（如 \\x01、NUL），表格与 CSV 无法原样保存，已写为 _xHHHH_ 形式"
        "（listkit 读回时还原）",
        "{file}: {cells} cell(s) hold control characters (such as \\x01 or NUL), which spreadsheets and CSV cannot "
        "hold as they are; written in the _xHHHH_ form (listkit reads them back as they were)",
    ),
    "explain.split-sub-items": (
        "单元格 {args[0]} 的子项名称含 {args[1]} 个编号子项，已拆为 {args[1]} 条记录",
        "Cell {args[0]} packs {args[1]} numbered sub-items: read as {args[1]} records",
    ),
    "diff.title": ("清单比对：{old} → {new}", "List comparison: {old} → {new}"),
    "diff.headline": (
        "新增 {added} 项、取消 {cancelled} 项、调整 {adjusted} 项，未变 {unchanged} 项",
        "{added} added, {cancelled} cancelled, {adjusted} adjusted, {unchanged} unchanged",
    ),
    "diff.old": ("原", "Before"),
    "diff.merged-into": ("由{names}合并为{name}", "{names} merged into {name}"),
    "diff.split-into": ("{name}拆分为{names}", "{name} split into {names}"),
    "diff.empty": ("（空）", "(empty)"),
    "diff.new": ("新", "After"),
    "col.name": ("事项名称", "Item"),
    "col.sub": ("子项", "Sub-item"),
    "col.aspects": ("调整类型", "Aspects"),
    "col.content": ("调整内容", "What changed"),
    "apply.done": (
        "已应用 {changes} 项变更：{before} 条记录 → {after} 条",
        "Applied {changes} changes: {before} records → {after}",
    ),
    "meta.title": ("标题", "title"),
    "meta.jurisdiction": ("地区", "jurisdiction"),
    "meta.level": ("层级", "level"),
    # --- where a finding is -----------------------------------------------------------------------------
    "location.row": ("第{row}行", "line {row}"),
    "location.copy-line": ("（{file} 第{line}行）", " ({file} line {line})"),
    "meta.department": ("部门", "department"),
    "meta.edition": ("版本", "edition"),
    "meta.document": ("发布文号", "document"),
    "schema.field": ("字段", "Field"),
    "schema.title": ("表头", "Header"),
    "schema.aliases": ("别名", "Aliases"),
    "schema.required": ("必填", "Required"),
    "schema.identity": ("识别", "Identity"),
    "schema.constraint": ("约束", "Constraint"),
    "stats.title": ("{title}统计", "{title}: statistics"),
}
MESSAGES.update(pair for section in SECTIONS.values() for pair in section.items())


@dataclass(frozen=True)
class Phrase:
    """A catalogue text given as a parameter of another message, rendered in that message's language: an error
    raised in the core says ``expected=Phrase("apply.shape.both")`` and is shown in whichever language is chosen."""

    key: str


@dataclass(frozen=True)
class Bilingual:
    """A text given in both languages by the input rather than the catalogue (a schema's rule title, a field's
    header), as a parameter of a message and rendered in that message's language."""

    zh: str
    en: str


def _param(value: Any, lang: Lang) -> Any:
    if isinstance(value, Phrase):
        return t(value.key, lang)
    if isinstance(value, Bilingual):
        return value.zh if lang == "zh" else value.en
    return value


def resolve_lang(value: str | None) -> Lang:
    """The language asked for, else ``LISTKIT_LANG``, else Chinese."""
    for candidate in (value, os.environ.get("LISTKIT_LANG")):
        if candidate:
            short = candidate.strip().lower()[:2]
            if short == "en":
                return "en"
            if short == "zh":
                return "zh"
    return "zh"


def set_lang(lang: Lang) -> None:
    _current.set(lang)


def get_lang() -> Lang:
    return _current.get() or resolve_lang(None)


def t(key: str, lang: Lang | None = None, **params: Any) -> str:
    """Render message ``key`` in ``lang`` (default: the current language)."""
    pair = MESSAGES.get(key)
    if pair is None:
        return key if not params else f"{key}: {params}"
    chosen = lang or get_lang()
    template = pair[0] if chosen == "zh" else pair[1]
    return template.format(**{name: _param(v, chosen) for name, v in params.items()})
