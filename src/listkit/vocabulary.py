"""Recognition vocabulary: the Chinese words listkit looks for in what it reads.

These are not messages. They are the words real lists (and listkit's own files, read back) are written in — title
words, level words, the labels of a department row, the marks of a continued record, the headers ``apply`` finds in
a change order — so they are the same whatever ``--lang`` says, and translating one would break reading. Text shown
to people lives in the catalogue (i18n.py, listkit/messages/); a list's own columns live in its schema.

Words only, no regular expressions: each reader builds its patterns from these (``alternatives``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def alternatives(words: Iterable[str]) -> str:
    """A regular-expression alternation matching any of ``words`` as written, in the order given."""
    return "|".join(re.escape(word) for word in words)


# --- Marks of listkit's own files, read back -------------------------------------------------------------------
# A publication continues a long record on following rows (continuation.py).
CONTINUED_NAME = "（续）"  # after the item's name on a row that continues it
CONTINUED_TEXT = "（接上）"  # before a text that continues the line above it

# The change order's 变更明细 sheet, which ``apply`` reads (read/change_order_workbook.py): its name, its two leading
# headers, and what the 原/新 column says of a row (either language; the first of each is what listkit writes).
CHANGE_DETAIL_SHEET = "变更明细"
CHANGE_NUMBER_HEADER = "变更序号"
CHANGE_SIDE_HEADER = "原/新"
OLD_MARKS = ("原", "旧", "old")
NEW_MARKS = ("新", "new")

# --- Headers -------------------------------------------------------------------------------------------------
# The headers read as the column naming a record's department, where a schema does not list its own (schema.py);
# the header listkit writes for it is the catalogue's "column.department" (部门).
DEPARTMENT_HEADERS = ("部门", "所属部门", "部门名称", "单位", "所属单位")

# --- Rows above the header: what a list says of itself (read/meta.py) -----------------------------------------
# A title row names the list with one of these.
TITLE_WORDS = ("清单", "目录")
# What ends the subject of a title ('示例市交通运输局权责清单'), longest first.
LIST_WORDS = ("权责清单", "权力清单", "责任清单", "事项清单", "目录", "清单")
# A row naming the department: '部门：示例市交通运输局'.
DEPARTMENT_ROW_LABELS = ("部门名称", "部门", "单位名称", "填报单位")
# '附件1：…' before a title or a file name.
ATTACHMENT_WORD = "附件"
# An edition: '2024年版', '2024年度'; the year word and the edition word as listkit writes them.
YEAR_WORD = "年"
EDITION_WORD = "版"
EDITION_SUFFIXES = ("版", "度")
# The last character of a document number: '国发〔2013〕19号'.
DOCUMENT_NUMBER_WORD = "号"
# What ends a jurisdiction's name: '示例市', '示例自治州'.
PLACE_SUFFIXES = ("自治区", "特别行政区", "省", "市", "自治州", "州", "盟", "地区", "县", "区", "旗")
# What ends a department's name: '交通运输局', '发展和改革委员会'.
DEPARTMENT_SUFFIXES = (
    *("局", "委员会", "委", "办公室", "办", "厅", "院", "中心"),
    *("署", "部", "会", "所", "站", "队", "处"),
)

# --- Levels --------------------------------------------------------------------------------------------------
# What a sheet standing for a level may add after the level word: '区县级事项' (read/levels.py).
LEVEL_SHEET_SUFFIXES = ("事项", "清单", "目录", "权责清单")
# What a level word ends with ('县级'): check/levels.py reads a level's tier from the word before it.
LEVEL_SUFFIX = "级"
# Words naming a level of government, with its rank (higher is higher up): a change of level from one to a lower
# one is a delegation (diff/classify.py); the word a level ends with is its tier (check/levels.py).
LEVEL_WORDS = (
    ("国家", 5),
    ("国务院", 5),
    ("中央", 5),
    ("自治区", 4),
    ("省", 4),
    ("市", 3),
    ("州", 3),
    ("地区", 3),
    ("盟", 3),
    ("县", 2),
    ("区", 2),
    ("旗", 2),
    ("乡", 1),
    ("镇", 1),
    ("街道", 1),
)

# --- Legal bases (validate/rules/basis.py) -----------------------------------------------------------------------
# Words that end the sentence before a document's issuer: '…的通知新政发【2021】58号' → '新政发'.
BASIS_LEAD_IN_WORDS = ("通知", "决定", "意见", "规定", "办法", "公告", "批复", "的", "以", "即", "见", "按")
# Before a document's number: '第58号'.
ORDINAL_WORD = "第"

# --- Licences in disguise (validate/rules/disguised.py) ----------------------------------------------------------
# The types where a licence-like name is suspicious, and the words that make a name licence-like; a schema may
# override both under x-listkit.rules.disguised-licence.
DISGUISED_LICENCE_TYPES = ("行政确认", "行政给付", "行政奖励", "其他行政权力", "公共服务")
LICENCE_WORDS = ("审批", "核准", "许可", "准予", "批准")

# --- Rows and sheets of a table (read/skipped_rows.py, read/sheet_notes.py, read/column_body.py) -----------------
# What starts a note under the table: '注：…', '填表说明：'.
NOTE_WORDS = ("备注", "注", "说明", "附注", "填表说明")
# Every note word holds one of these: the quick pre-filter of column reads (read/column_body.py).
NOTE_WORD_CORES = ("注", "说明")
# A count in a sheet name: '行政处罚（254项）'.
COUNT_WORD = "项"
# What may come before a count after a section heading: '二、地方性法规设定的行政许可事项（共12项）'.
COUNT_PREFIX = "共"
# The numbers of a section heading: '一、行政许可'.
CHINESE_NUMERALS = "一二三四五六七八九十"

# --- Yes/no columns (stats.py) -------------------------------------------------------------------------------------
# What a cell says for "yes" in a yes/no column ('是否网上办理': 是, √): ``stats --rate FIELD`` counts the records
# that say one of these (compared folded, so 'Yes' and 'TRUE' count too). A field's schema may list its own under
# x-yes-values, which then replace these.
YES_VALUES = ("是", "√", "✓", "有", "Y", "yes", "true", "1")
# --- Lists as published (read/html_tables.py, docx_tables.py, pdf_tables.py) ------------------------------------
# A document's tables are sheets named so, numbered: 表1, 表2 (the name findings point at, as a sheet's would).
TABLE_SHEET = "表"
# A Word paragraph style that makes a heading (the list's title may be one): its name starts with one of these.
HEADING_STYLES = ("heading", "title", "标题")
# What a page number printed under a PDF's table is made of ('第 3 页，共 12 页', '- 3 -', 'Page 3 of 12').
PAGE_NUMBER_CHARACTERS = "第页共PpageofOF"

# Marks that tick a column of a value published as one column per value (read/ticks.py), besides the yes values:
# filled circles and squares, check marks in other code points.
TICK_MARKS = ("●", "■", "☑", "✔", "✅")

# --- Numbers of days (validate/rules/declared.py) -------------------------------------------------------------------
# A time limit read as a number of days ('5个工作日', '1天', '即办'): the words that mean "at once" (0 days), and
# the Chinese numerals read as digits ('五个工作日', '十五天').
IMMEDIATE_WORDS = ("即办", "即时办结", "当场办结", "立即办结", "当场", "即时")
CHINESE_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
CHINESE_TEN = "十"
