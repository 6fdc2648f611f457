"""One reader entry point: the format comes from the bytes; CSV encodings are detected."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from listkit.errors import InputError
from listkit.read import read_list
from listkit.read.sniff import sniff
from tests.xlsx_fixtures import HEADER, row, write_xlsx

CSV_ROWS = [
    ",".join(["序号", "事项名称", "权力类型", "实施依据", "行使主体"]),
    ",".join(["1", "对违法行为的处罚", "行政处罚", "《中华人民共和国行政处罚法》第八条", "区示例局"]),
]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16"])
def test_csv_encodings(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes("\r\n".join(["示例局权责清单", *CSV_ROWS]).encode(encoding))
    items = read_list([path])
    assert [r.values["name"] for r in items.records] == ["对违法行为的处罚"]
    assert items.records[0].source is not None and items.records[0].source.row == 3


def test_tab_separated_text(tmp_path: Path) -> None:
    path = tmp_path / "list.txt"
    path.write_text("\n".join(line.replace(",", "\t") for line in CSV_ROWS), encoding="utf-8")
    assert len(read_list([path]).records) == 1


def test_undecodable_text_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes(b"\x81\x30\xff\xfe\x00\x00\x80" * 50)
    with pytest.raises(InputError) as caught:
        read_list([path])
    assert caught.value.key == "bad-encoding"


def test_extension_lies_xlsx_named_xls_and_csv_named_xlsx(tmp_path: Path) -> None:
    real = write_xlsx(tmp_path / "a.xlsx", {"S": [HEADER, row(1, "甲许可")]})
    lying = tmp_path / "a.xls"
    shutil.copy(real, lying)
    assert len(read_list([lying]).records) == 1
    csv_as_xlsx = tmp_path / "b.xlsx"
    csv_as_xlsx.write_bytes("\n".join(CSV_ROWS).encode("gbk"))
    assert len(read_list([csv_as_xlsx]).records) == 1


@pytest.mark.parametrize(
    ("data", "key"),
    [
        (b"", "empty-file"),
        (b"\x89PNG\r\n\x1a\n....", "not-a-list-file"),
        (b"PK\x03\x04garbage-truncated", "corrupt-workbook"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "corrupt-workbook"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le"), "corrupt-workbook"),
    ],
)
def test_unreadable_files_raise_input_errors(tmp_path: Path, data: bytes, key: str) -> None:
    path = tmp_path / "list.xlsx"
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        read_list([path])
    assert caught.value.key == key
    assert str(path) in caught.value.message("zh")


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        read_list([tmp_path / "nope.xlsx"])
    assert caught.value.key == "file-not-found"
    with pytest.raises(InputError) as caught:
        read_list([tmp_path])
    assert caught.value.key == "is-directory"


def test_sniff_tells_json_from_jsonl() -> None:
    assert sniff(b'{"name": "a"}\n{"name": "b"}\n', "x") == "jsonl"
    assert sniff(b'{\n  "records": []\n}', "x") == "json"
    assert sniff(b"[]", "x") == "json"
