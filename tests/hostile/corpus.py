"""A corpus of broken and hostile inputs, made on demand (nothing binary is committed).

Each case is a file (or a path that is deliberately not a file) and the exit codes the commands may give:
2 where the input cannot be a list; 0 or 1 where it is a strange but readable list. Run it by hand with
`python -m tests.hostile.corpus DIR` to look at the files.
"""

from __future__ import annotations

import json
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tests.hostile.cell_cases import cell_cases
from tests.hostile.extent_cases import extent_cases
from tests.pdf_bytes import pdf_of, stream

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
HEADER = ["序号", "事项名称", "权力类型", "实施依据", "行使主体"]
ROW = ["1", "对违法行为的处罚", "行政处罚", "《中华人民共和国行政处罚法》第八条", "区示例局"]
INPUT_ERROR = frozenset({2})
READABLE = frozenset({0, 1})


@dataclass(frozen=True)
class Case:
    name: str
    exits: frozenset[int]
    make: Callable[[Path], None]
    words: str = ""  # a word the error message must contain (besides the file name)


def _bytes(data: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(data)


def _text(text: str, encoding: str = "utf-8") -> Callable[[Path], None]:
    return lambda path: path.write_bytes(text.encode(encoding))


def _csv(rows: list[list[str]], encoding: str = "utf-8") -> Callable[[Path], None]:
    return _text("\n".join(",".join(r) for r in rows) + "\n", encoding)


def _zip(entries: dict[str, bytes]) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in entries.items():
                archive.writestr(name, data)

    return make


def _xlsx(rows: list[list[object]], **cells: object) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        import xlsxwriter

        book = xlsxwriter.Workbook(path, {"strings_to_formulas": False})
        sheet = book.add_worksheet()
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                if value is not None:
                    sheet.write(r, c, value)
        for ref, value in cells.items():
            sheet.write(ref, value)
        book.close()

    return make


def _patched_sample(name: str, edit: Callable[[bytes], bytes]) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(edit((SAMPLES / name).read_bytes()))


def _xlsx_parts(replace: dict[str, bytes | None]) -> Callable[[Path], None]:
    """The licensing sample with some parts replaced (or removed, with None)."""

    def make(path: Path) -> None:
        source = zipfile.ZipFile(SAMPLES / "licensing-list.xlsx")
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
            for info in source.infolist():
                data = replace.get(info.filename, source.read(info))
                if data is not None:
                    target.writestr(info.filename, data)

    return make


def _bomb(size: int) -> Callable[[Path], None]:
    """A real xlsx layout whose sheet inflates to `size` bytes of zeros."""

    def make(path: Path) -> None:
        source = zipfile.ZipFile(SAMPLES / "licensing-list.xlsx")
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as target:
            for info in source.infolist():
                if info.filename == "xl/worksheets/sheet1.xml":
                    entry = zipfile.ZipInfo(info.filename)
                    entry.compress_type = zipfile.ZIP_DEFLATED
                    with target.open(entry, "w", force_zip64=True) as stream:
                        block = b"\0" * (16 * 1024**2)
                        for _ in range(size // len(block)):
                            stream.write(block)
                else:
                    target.writestr(info.filename, source.read(info))

    return make


LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">'.encode()
        for i in range(1, 10)
    )
    + b']><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">'
    + b"<si><t>&lol9;</t></si></sst>"
)
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def cases() -> list[Case]:
    deep = "[" * 100_000 + "]" * 100_000
    return [
        Case("missing.xlsx", INPUT_ERROR, lambda path: None, "不存在"),
        Case("a-directory.xlsx", INPUT_ERROR, lambda path: path.mkdir(exist_ok=True), "目录"),
        Case("empty.xlsx", INPUT_ERROR, _bytes(b""), "为空"),
        Case("empty.csv", INPUT_ERROR, _bytes(b""), "为空"),
        Case("empty.xls", INPUT_ERROR, _bytes(b""), "为空"),
        Case("truncated.xlsx", INPUT_ERROR, _patched_sample("district-power-list.xlsx", lambda b: b[:5000])),
        Case("half.xlsx", INPUT_ERROR, _patched_sample("licensing-list.xlsx", lambda b: b[: len(b) // 2])),
        Case("scan.pdf.xlsx", INPUT_ERROR, _bytes(b"%PDF-1.7\n1 0 obj<<>>endobj\n"), "PDF"),
        Case("photo.png.xlsx", INPUT_ERROR, _bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64), "PNG"),
        Case("photo.jpg.xls", INPUT_ERROR, _bytes(b"\xff\xd8\xff\xe0" + b"\0" * 64), "JPEG"),
        Case("anim.gif.csv", INPUT_ERROR, _bytes(b"GIF89a" + b"\0" * 64), "GIF"),
        Case("letter.docx.xlsx", INPUT_ERROR, _zip({"word/document.xml": b"<w:document/>"}), "Word"),
        Case("photos.zip.xlsx", INPUT_ERROR, _zip({"a.txt": b"hello"}), "zip"),
        # Only the name of an encrypted package, in no OLE directory: damaged (real locked ones: test_passwords.py).
        Case("encrypted.xlsx", INPUT_ERROR, _bytes(OLE + b"\0" * 512 + "EncryptedPackage".encode("utf-16-le")), "损坏"),
        Case("ole-garbage.xls", INPUT_ERROR, _bytes(OLE + b"\x01" * 4096)),
        Case("no-sheet-data.xlsx", INPUT_ERROR, _xlsx([])),
        Case("no-header.xlsx", INPUT_ERROR, _xlsx([["姓名", "电话"], ["张三", "123"]]), "找不到表头"),
        Case("no-header.csv", INPUT_ERROR, _csv([["a", "b"], ["1", "2"]]), "找不到表头"),
        Case("utf16-no-bom.csv", INPUT_ERROR, _csv([HEADER, ROW], "utf-16-le")),
        Case("random-binary.csv", INPUT_ERROR, _bytes(bytes(range(256)) * 64)),
        Case("nul-bytes.csv", INPUT_ERROR, _bytes(b"\xe5\xba\x8f\x00\x00\x00" * 100)),
        Case("not-object.jsonl", INPUT_ERROR, _text('{"name": "甲", "type": "行政许可"}\n[1, 2]\n'), "不是 JSON 对象"),
        Case("bad-line.jsonl", INPUT_ERROR, _text('{"name": "甲"}\n{"name": \n'), "不是合法的 JSON"),
        Case("string.json", INPUT_ERROR, _text('"just a string"')),
        Case("numbers.json", INPUT_ERROR, _text("[1, 2, 3]")),
        Case("deep.json", INPUT_ERROR, _text(deep)),
        Case(
            "unknown-schema.jsonl",
            INPUT_ERROR,
            _text(json.dumps({"listkit": {"schema": "no-such-list"}}) + "\n" + json.dumps({"name": "甲"}) + "\n"),
            "未知的模式",
        ),
        Case("gzip.jsonl", INPUT_ERROR, _bytes(b"\x1f\x8b\x08\x00" + b"\0" * 64), "gzip"),
        Case("bomb.xlsx", INPUT_ERROR, _bomb(160 * 1024**2), "压缩炸弹"),
        Case("far-cell.xlsx", INPUT_ERROR, _xlsx([HEADER, ROW], XFD1048576="x"), "超过"),
        Case("laughs.xlsx", INPUT_ERROR | READABLE, _xlsx_parts({"xl/sharedStrings.xml": LAUGHS})),
        Case("not-xml-sheet.xlsx", INPUT_ERROR, _xlsx_parts({"xl/worksheets/sheet1.xml": b"\x00\x01 not xml <<<"})),
        Case("no-workbook-part.xlsx", INPUT_ERROR, _xlsx_parts({"xl/workbook.xml": None})),
        Case("million-columns.csv", INPUT_ERROR, _text(",".join(["x"] * 1_000_000) + "\n"), "列"),
        Case("huge-field.csv", INPUT_ERROR | READABLE, _csv([HEADER, [*ROW[:3], "《法》" + "长" * 2_000_000, ROW[4]]])),
        Case("huge-cell.xlsx", READABLE, _xlsx([HEADER, [*ROW[:3], "《法》第一条" + "长" * 32_000, ROW[4]]])),
        Case("control-chars.csv", READABLE, _csv([HEADER, ["1", "对\x01违法\x07行为\x1b的处罚", *ROW[2:]]])),
        Case(
            "odd-unicode.csv",
            READABLE,
            _csv([HEADER, ["1", "对\u202e违法\u200b行为🙂的处罚\ufeff", "行政处罚", "《法》第\U0002a700条", "区局"]]),
        ),
        Case("header-only.xlsx", READABLE, _xlsx([HEADER])),
        Case("blank-lines.csv", INPUT_ERROR, _text("\n\n\n,,,\n\n")),
        Case("xls-named.csv", READABLE, _patched_sample("licensing-list.xlsx", lambda b: b)),
        Case("header-only.jsonl", READABLE, _text(json.dumps({"listkit": {"schema": "power-list"}}) + "\n")),
        Case("overlapping-merges.xlsx", READABLE, _merged_mess),
        Case("bom-only.csv", INPUT_ERROR, _bytes(b"\xef\xbb\xbf")),
        *extent_cases(),  # sheets that would make the parser allocate the whole sheet (issue 14, class 1)
        *cell_cases(),  # live formulas, control characters, bad sheet names in outputs (issue 14, classes 3-5)
        # Schemas that reach for the network or the file system, or hang a backtracking regex (issue 14).
        Case("ref-http.schema.json", INPUT_ERROR, _schema({"$ref": f"{NOWHERE}/remark.json"})),
        Case("ref-passwd.schema.json", INPUT_ERROR, _schema({"$ref": "file:///etc/passwd"})),
        Case("ref-escape.schema.json", INPUT_ERROR, _schema({"$ref": "../../../../../../../../etc/passwd"})),
        Case("dynamic-ref.schema.json", INPUT_ERROR, _schema({"$dynamicRef": f"{NOWHERE}/meta#meta"})),
        Case("meta-http.schema.json", INPUT_ERROR, _schema({"type": "string"}, **{"$schema": f"{NOWHERE}/meta"})),
        Case("backref.schema.json", INPUT_ERROR, _schema({"type": "string", "pattern": "^(a)\\1$"})),
        Case("redos-list.jsonl", READABLE, _headed_list("redos-list.schema.json", _schema({"pattern": "^(a+)+$"}))),
        Case("header-passwd.jsonl", INPUT_ERROR, _headed_list("/etc/passwd"), "--schema"),
        Case("header-escape.jsonl", INPUT_ERROR, _headed_list("../../../../../../../../etc/passwd"), "--schema"),
        Case("header-url.jsonl", INPUT_ERROR, _headed_list(f"{NOWHERE}/s.json"), "未知的模式"),
        # JSON past the line and key limits, and keys written twice, which its two readers took differently
        # (issue 14, class 6). The long line is just over the 16 MB limit; tests/test_json_limits.py runs 200 MB.
        Case("long-line.jsonl", INPUT_ERROR, _text('{"name":"' + "长" * 6_000_000 + '"}\n'), "超过"),
        Case("million-keys.jsonl", INPUT_ERROR, _text("{" + ",".join(f'"k{i}":1' for i in range(10**6)) + "}\n"), "键"),
        Case("duplicate-key.jsonl", INPUT_ERROR, _listed('{"name":"乙","type":"行政许可","name":"丙"}'), "第 3 行"),
        Case("duplicate-key-blank.jsonl", INPUT_ERROR, _listed('{"name":"乙","name":"丙"}', "\n"), "第 3 行"),
        Case("duplicate-extra.jsonl", INPUT_ERROR, _listed('{"name":"乙","extra":{"x":"1","x":"2"}}'), "“x”"),
        Case("duplicate-header.jsonl", INPUT_ERROR, _listed('{"name":"乙"}', head=',"schema":"power-list"'), "第 1 行"),
        Case("duplicate-key.json", INPUT_ERROR, _text('[{"name":"甲"},\n{"name":"乙",\n"name":"丙"}]'), "第 2 行"),
        *html_cases(),  # web pages: spans, entities and nesting that would blow up a table model (issue 18)
        *docx_cases(),  # Word documents: zip bombs, spans, cell walls, entities, nesting (issue 18)
        *pdf_cases(),  # PDFs: cut short, a page count past the limit, garbage after the magic (issue 18)
        # What LibreOffice converts (read/converted.py): an OLE container that only names a Word stream is damaged
        # (its directory is read, sniff.py); an RTF of 100,000 nested groups is converted, its lack of a table said.
        Case("garbage.doc", INPUT_ERROR, _bytes(OLE + b"\x01" * 4096 + "WordDocument".encode("utf-16-le")), "损坏"),
        Case("nested-groups.rtf", INPUT_ERROR, _bytes(b"{\\rtf1 " + b"{" * 100_000 + b"}" * 100_001)),
    ]


def _listed(line: str, tail: str = "", head: str = "") -> Callable[[Path], None]:
    """A compact canonical file (as listkit writes it, so the column reader takes it): a header (with `head`
    inside), a good record, then `line` and `tail`."""
    header = '{"listkit":{"format":"listkit-canonical","version":1,"schema":"power-list"' + head + ',"meta":{}}}'
    return _text(f'{header}\n{{"name":"甲","type":"行政许可"}}\n{line}\n{tail}')


NOWHERE = "http://127.0.0.1:9"  # the discard port: were anything fetched, it would fail fast (tests/test_schema_refs.py
# proves with a listener that nothing is)


def _schema(remark: dict[str, object], **top: object) -> Callable[[Path], None]:
    """A schema whose fields no workbook header names (so `--schema` with it finds no header: exit 2)."""
    properties = {"name": {"type": "string", "title": "甲字段", "x-role": "name"}, "remark": remark}
    document = {"type": "object", "required": ["name"], "properties": properties, **top}
    return _text(json.dumps(document, ensure_ascii=False, indent=1))  # several lines: read as a list, not JSON Lines


def _headed_list(schema: str, make_schema: Callable[[Path], None] | None = None) -> Callable[[Path], None]:
    """A jsonl list whose header names `schema`, written beside it when `make_schema` is given; its record's
    remark is the value that hangs '^(a+)+$' in a backtracking engine."""

    def make(path: Path) -> None:
        if make_schema is not None:
            make_schema(path.parent / schema)
        head = {"listkit": {"format": "listkit-canonical", "version": 1, "schema": schema}}
        record = {"name": "甲事项", "remark": "a" * 40 + "!"}
        path.write_text(json.dumps(head) + "\n" + json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")

    return make


def _merged_mess(path: Path) -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(path)
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, HEADER)
    for row in range(1, 40):
        sheet.write_row(row, 0, [str(row), f"事项{row % 7}", "行政处罚" if row % 3 else "", "《法》第一条", "局"])
    # Merges over the header, across data, a 1×1 merge: layouts that no real list has, but files do.
    sheet.merge_range("B3:C9", "合并的名称")
    sheet.merge_range("A12:E12", "备注：中间的说明")
    sheet.merge_range("D20:D39", "《法》第二条")
    book.close()


def build(directory: Path) -> list[tuple[Case, Path]]:
    directory.mkdir(parents=True, exist_ok=True)
    built = []
    for case in cases():
        path = directory / case.name
        case.make(path)
        built.append((case, path))
    return built


def html_cases() -> list[Case]:
    """Hostile web pages (read/html_tables.py): a span that would allocate a billion rows, a wall of colspans past
    the cell limit, entities declared in a document type, tables nested thousands deep, an empty page."""
    head = "<html><body><table><tr>" + "".join(f"<th>{word}</th>" for word in HEADER) + "</tr>"
    row = "<tr>" + "".join(f"<td>{text}</td>" for text in ROW) + "</tr>"
    bomb = '<tr><td rowspan="1000000000">1</td><td colspan="1000000000" rowspan="0">对违法行为的处罚</td></tr>'
    wall = '<tr><td colspan="1000">墙</td></tr>' * 2_100
    laughs = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    entity = f'<!DOCTYPE html [<!ENTITY l0 "lol">{laughs}]>' + head + row.replace(ROW[3], "&l9;") + "</table>"
    deep = head + row + "</table>" + "<table><tr><td>" * 5_000 + "x" + "</td></tr></table>" * 5_000
    return [
        Case("rowspan-bomb.html", READABLE, _text(head + row + bomb + row * 3 + "</table></body></html>")),
        Case("colspan-wall.html", INPUT_ERROR, _text(head + row + wall + "</table></body></html>"), "过大"),
        Case("laughs.html", INPUT_ERROR | READABLE, _text(entity + "</body></html>")),
        Case("deep-tables.html", INPUT_ERROR | READABLE, _text(deep + "</body></html>")),
        Case("empty.html", INPUT_ERROR, _bytes(b""), "为空"),
    ]


def docx_cases() -> list[Case]:
    """Hostile Word documents (read/docx_tables.py): a zip bomb, a gridSpan of a billion columns over vertical
    merges, a wall of wide rows past the cell limit, entities declared in the document, tables nested thousands
    deep, a letter with no table."""
    cells = "".join(f"<w:tc><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:tc>" for t in HEADER)
    row = "<w:tr>" + "".join(f"<w:tc><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:tc>" for t in ROW) + "</w:tr>"
    table = "<w:tbl><w:tr>" + cells + "</w:tr>" + row
    span = (
        '<w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p/></w:tc>'
        '<w:tc><w:tcPr><w:gridSpan w:val="1000000000"/><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>宽'
        "</w:t></w:r></w:p></w:tc></w:tr>"
        '<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:tcPr><w:gridSpan w:val="99999999999"/>'
        "<w:vMerge/></w:tcPr><w:p/></w:tc></w:tr>"
    )
    wall = "<w:tblGrid>" + '<w:gridCol w:w="9"/>' * 1000 + "</w:tblGrid>"
    wall_row = '<w:tr><w:tc><w:tcPr><w:gridSpan w:val="1000"/></w:tcPr><w:p/></w:tc></w:tr>'
    laughs = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    entity = f'<!DOCTYPE w:document [<!ENTITY l0 "lol">{laughs}]>'
    deep = "<w:tbl><w:tr><w:tc>" * 3_000 + "<w:p/>" + "</w:tc></w:tr></w:tbl>" * 3_000
    letter = "<w:p><w:r><w:t>关于印发权责清单的通知</w:t></w:r></w:p><w:p><w:r><w:t>各单位：</w:t></w:r></w:p>"
    return [
        Case("bomb.docx", INPUT_ERROR, _docx_bomb(64 * 1024**2), "压缩炸弹"),
        Case("span-bomb.docx", READABLE, _docx_body(table + span + row * 3 + "</w:tbl>")),
        Case("cell-wall.docx", INPUT_ERROR, _docx_body(f"<w:tbl>{wall}{wall_row * 2_100}</w:tbl>"), "过大"),
        Case("laughs.docx", INPUT_ERROR | READABLE, _docx_body(table + row.replace(ROW[3], "&l9;"), entity)),
        Case("deep-tables.docx", INPUT_ERROR | READABLE, _docx_body(table + "</w:tbl>" + deep)),
        Case("letter.docx", INPUT_ERROR, _docx_body(letter), "Word"),
    ]


def _docx_body(body: str, doctype: str = "") -> Callable[[Path], None]:
    """python-docx's default document with its body replaced."""

    def make(path: Path) -> None:
        import io

        import docx

        buffer = io.BytesIO()
        docx.Document().save(buffer)
        namespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
        xml = f'<?xml version="1.0"?>{doctype}<w:document xmlns:w="{namespace}"><w:body>{body}</w:body></w:document>'
        with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
            for info in source.infolist():
                target.writestr(info, xml.encode() if info.filename == "word/document.xml" else source.read(info))

    return make


def _docx_bomb(size: int) -> Callable[[Path], None]:
    """A real document with an 'image' that inflates to `size` bytes of zeros."""

    def make(path: Path) -> None:
        _docx_body("<w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>")(path)
        with (
            zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED, compresslevel=1) as target,
            target.open("word/media/image1.png", "w", force_zip64=True) as stream,
        ):
            block = b"\0" * (16 * 1024**2)
            for _ in range(size // len(block)):
                stream.write(block)

    return make


def pdf_cases() -> list[Case]:
    """PDFs that are not lists: cut short, claiming a billion pages, garbage behind '%PDF'."""
    return [
        Case("truncated.pdf", INPUT_ERROR, _bytes(_one_page_pdf(1)[:300]), "PDF"),
        Case("billion-pages.pdf", INPUT_ERROR, _bytes(_one_page_pdf(10**9)), "PDF"),
        Case("garbage.pdf", INPUT_ERROR, _bytes(b"%PDF-1.7\n" + bytes(range(256)) * 64), "PDF"),
    ]


def _one_page_pdf(pages_claimed: int) -> bytes:
    """A small well-formed PDF of one page of text, its page tree claiming ``pages_claimed`` pages."""
    content = b"BT /F1 12 Tf 72 760 Td (A letter, not a list.) Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count %d >>" % pages_claimed,
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        stream(content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    return pdf_of(objects)


if __name__ == "__main__":
    for case, path in build(Path(sys.argv[1] if len(sys.argv) > 1 else "hostile-corpus")):
        print(f"{sorted(case.exits)}  {path}")
