"""List metadata from the rows above the header: title, department, jurisdiction, edition."""

from __future__ import annotations

import re

from listkit.model import ListMeta
from listkit.normalize import join_lines
from listkit.read.grid import Grid
from listkit.vocabulary import (
    ATTACHMENT_WORD,
    DEPARTMENT_ROW_LABELS,
    DEPARTMENT_SUFFIXES,
    DOCUMENT_NUMBER_WORD,
    EDITION_SUFFIXES,
    EDITION_WORD,
    LIST_WORDS,
    PLACE_SUFFIXES,
    TITLE_WORDS,
    YEAR_WORD,
    alternatives,
)

_DEPARTMENT_ROW = re.compile(rf"^\s*(?:{alternatives(DEPARTMENT_ROW_LABELS)})\s*[:：]\s*(.+)$")
_EDITION = re.compile(rf"(\d{{4}})\s*{YEAR_WORD}\s*({alternatives(EDITION_SUFFIXES)})?")
_DOCUMENT = re.compile(rf"[\u4e00-\u9fff]{{1,8}}[〔\[［(（]\d{{4}}[〕\]］)）]\s*\d+\s*{DOCUMENT_NUMBER_WORD}")
_LIST_WORDS = re.compile(rf"({alternatives(LIST_WORDS)}).*$")
_PLACE = rf"[^\s]{{1,10}}?(?:{alternatives(PLACE_SUFFIXES)})"
_JURISDICTION = re.compile(rf"^((?:{_PLACE}){{1,3}})(?=.)")
_WHOLE_JURISDICTION = re.compile(rf"^(?:{_PLACE}){{1,3}}$")
_DEPARTMENT_SUFFIX = re.compile(rf"({alternatives(DEPARTMENT_SUFFIXES)})$")
_ATTACHMENT = re.compile(rf"^{ATTACHMENT_WORD}\s*\d*\s*[:：]?")  # '附件1：' before a title


def read_meta(grid: Grid, header_row: int) -> ListMeta:
    meta = ListMeta()
    for index in range(min(header_row, len(grid.rows))):
        texts = list(dict.fromkeys(join_lines(t) for t in grid.texts(index) if t.strip()))
        if not texts:
            continue
        line = " ".join(texts)
        department = _DEPARTMENT_ROW.match(line)
        if department:
            meta.department = department.group(1).strip()
            continue
        if meta.title is None and any(word in line for word in TITLE_WORDS):
            meta.title = line.strip()
    if meta.title:
        _from_title(meta, meta.title)
    return meta


def file_meta(sheets: list[ListMeta], file_name: str) -> ListMeta:
    """What a whole file says of itself: what all its sheets' title rows agree on, then its name.

    A catalogue with one sheet per level titles each sheet after its level ('…地州级权责清单', '…区县级权责清单');
    no one sheet's title is the file's then, and the file's name ('…地县两级权责清单指导目录') is."""
    titles = {meta.title for meta in sheets if meta.title}
    meta = ListMeta()
    if len(titles) <= 1:
        titled = [m for m in sheets if m.title] or sheets
        meta = titled[0].model_copy() if titled else ListMeta()
    else:
        named = _file_title(file_name)
        meta = ListMeta(title=named) if named else sheets[0].model_copy()
        if named:
            _from_title(meta, named)
    # Sheets that name different departments keep them on their records; the file names none of them.
    departments = {m.department for m in sheets if m.department}
    meta.department = departments.pop() if len(departments) == 1 else None
    complete_from_file_name(meta, file_name)
    return meta


def _file_title(file_name: str) -> str | None:
    """A title from a file name: '附件：示例地区两级权责清单指导目录 (1).xlsx' → '示例地区两级权责清单指导目录'."""
    stem = re.sub(r"\s*\(\d+\)$", "", file_name.rsplit(".", 1)[0])
    stem = _ATTACHMENT.sub("", stem).strip()
    return stem if any(word in stem for word in TITLE_WORDS) else None


def complete_from_file_name(meta: ListMeta, file_name: str) -> None:
    """Files often say what the sheet doesn't: '2024年示例市林业局权责清单.xls' names department and year."""
    if meta.department and meta.edition:
        return
    guess = ListMeta()
    _from_title(guess, re.sub(r"\s*\(\d+\)$", "", file_name.rsplit(".", 1)[0]))
    meta.department = meta.department or guess.department
    meta.jurisdiction = meta.jurisdiction or guess.jurisdiction
    meta.edition = meta.edition or guess.edition


def _from_title(meta: ListMeta, title: str) -> None:
    edition = _EDITION.search(title)
    if edition:
        meta.edition = edition.group(1) + YEAR_WORD + (EDITION_WORD if edition.group(2) == EDITION_WORD else "")
    document = _DOCUMENT.search(title)
    if document:
        meta.document = document.group(0)
    subject = _EDITION.sub("", _ATTACHMENT.sub("", title))
    subject = _LIST_WORDS.sub("", subject).strip(" （()）")
    if not subject:
        return
    if _WHOLE_JURISDICTION.match(subject):
        meta.jurisdiction = subject  # a jurisdiction's own list: '示例市滨江区权责清单'
        return
    if _DEPARTMENT_SUFFIX.search(subject):
        # A department's list: '示例市交通运输局' → jurisdiction 示例市, department the whole name.
        jurisdiction = _JURISDICTION.match(subject)
        if jurisdiction and jurisdiction.group(1) != subject:
            meta.jurisdiction = meta.jurisdiction or jurisdiction.group(1)
        meta.department = meta.department or subject


def common_meta(metas: list[ListMeta]) -> ListMeta:
    """Metadata of a list made of several files: what they all say. A department's file that names no
    jurisdiction ('市农业农村局') does not contradict the others' one; files of several editions make a span
    ('2024—2025年'); a title or department only one file gives is not the whole list's."""
    if len(metas) == 1:
        return metas[0]
    first = metas[0].model_dump()
    shared = {
        key: value
        for key, value in first.items()
        if value is not None and all(getattr(meta, key) == value for meta in metas[1:])
    }
    jurisdictions = {meta.jurisdiction for meta in metas if meta.jurisdiction}
    if len(jurisdictions) == 1:
        shared["jurisdiction"] = jurisdictions.pop()
    editions = {meta.edition for meta in metas if meta.edition}
    years = sorted({match.group(1) for edition in editions if (match := _EDITION.search(edition))})
    if len(editions) == 1:
        shared["edition"] = editions.pop()
    elif years:
        shared["edition"] = (f"{years[0]}—{years[-1]}" if len(years) > 1 else years[0]) + YEAR_WORD
    return ListMeta(**shared)
