"""Build small real-shaped workbooks for tests: title rows, merges, formulas — the traps real lists contain."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

HEADER = ["序号", "事项名称", "子项名称", "权力类型", "实施依据", "行使主体", "承办机构", "实施层级及权限", "", "备注"]
BASIS = "《中华人民共和国行政许可法》第十二条"


def row(
    seq: Any,
    name: str,
    sub: str = "",
    kind: str = "行政许可",
    basis: str = BASIS,
    body: str = "区示例局",
    office: str = "审批科",
    level: str = "区级",
    scope: str = "负责本区",
    remark: str = "",
) -> list[Any]:
    return [seq, name, sub, kind, basis, body, office, level, scope, remark]


def write_xlsx(
    path: Path,
    sheets: dict[str, Sequence[Sequence[Any]]],
    merges: dict[str, Sequence[str]] | None = None,
) -> Path:
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for values in rows:
            sheet.append(list(values))
        for ref in (merges or {}).get(name, ()):
            sheet.merge_cells(ref)
    workbook.save(path)
    return path


def merge_keeping_values(path: Path, refs: Sequence[str]) -> Path:
    """Add merged ranges to the first sheet without clearing the cells under them.

    Excel keeps values hidden under a merge when cells were merged after being filled; openpyxl clears them,
    so the ranges are written into the sheet XML directly.
    """
    import zipfile

    patched = path.with_name(path.stem + "-merged.xlsx")
    merges = f'<mergeCells count="{len(refs)}">' + "".join(f'<mergeCell ref="{r}"/>' for r in refs) + "</mergeCells>"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(patched, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"</sheetData>", b"</sheetData>" + merges.encode(), 1)
            target.writestr(info, data)
    return patched
