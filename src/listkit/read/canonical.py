"""listkit's own canonical files: ``.jsonl`` (a header line, then one record per line) and ``.json``.

These are what every command reads back without guessing: the header names the schema and the metadata.
A JSON Lines file without a header (written by another tool) works too; its schema comes from ``--schema``
or from its keys.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from listkit.errors import InputError
from listkit.i18n import t
from listkit.model import ItemList, ListMeta, SheetColumns, columns_from_header
from listkit.progress import Advance, track
from listkit.read.enum_values import EnumSpellings
from listkit.read.header_schema import header_schema
from listkit.read.json_document import trouble_line
from listkit.read.json_keys import KeyTrouble, check_duplicates, check_line, checked_pairs
from listkit.read.types import TypeResolver
from listkit.record import Record, make_record, make_source
from listkit.schema import Schema, candidate_schemas

HEADER_KEY = "listkit"
PROGRESS_STEP = 16_384
RESERVED = ("department", "source", "extra", "raw", "type_from")


def read_jsonl(lines: Iterable[bytes], file: str, schema_name: str | None) -> ItemList:
    """JSON Lines, one line at a time (a million-record file is never held as one string)."""
    with track(t("progress.read", where=file)) as advance:
        return _read_jsonl(lines, file, schema_name, advance)


def _read_jsonl(lines: Iterable[bytes], file: str, schema_name: str | None, advance: Advance) -> ItemList:
    import orjson

    header: dict[str, Any] | None = None
    objects: list[tuple[int, dict[str, Any]]] = []
    for number, line in enumerate(lines, start=1):
        if not number % PROGRESS_STEP:
            advance(PROGRESS_STEP)
        if number == 1 and line.startswith(b"\xef\xbb\xbf"):
            line = line[3:]
        if not line.strip():
            continue
        check_line(line, file, number)
        try:
            value = orjson.loads(line)
        except orjson.JSONDecodeError as exc:
            raise InputError("json-invalid", file=file, row=number, reason=str(exc).split(":")[0]) from None
        if not isinstance(value, dict):
            raise InputError("json-not-object", file=file, row=number)
        check_duplicates(line, value, file, number)
        if number == 1 and HEADER_KEY in value and isinstance(value[HEADER_KEY], dict):
            header = value[HEADER_KEY]
            continue
        objects.append((number, value))
    return _build(header, objects, file, schema_name)


def read_json(data: bytes, file: str, schema_name: str | None) -> ItemList:
    document = _loads(_text(data, file), file, 1)
    if isinstance(document, dict) and isinstance(document.get("records"), list):
        header = document.get(HEADER_KEY) if isinstance(document.get(HEADER_KEY), dict) else None
        records = document["records"]
    elif isinstance(document, list):
        header, records = None, document
    else:
        raise InputError("json-not-object", file=file, row=1)
    objects = []
    for index, value in enumerate(records, start=1):
        if not isinstance(value, dict):
            raise InputError("json-not-object", file=file, row=index)
        objects.append((index, value))
    return _build(header, objects, file, schema_name)


def _text(data: bytes, file: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError("bad-encoding", file=file) from None


def _loads(text: str, file: str, row: int) -> Any:
    try:
        value = json.loads(text, object_pairs_hook=checked_pairs)
    except json.JSONDecodeError as exc:
        raise InputError("json-invalid", file=file, row=row, reason=exc.msg) from None
    except KeyTrouble as trouble:
        raise trouble.error(file, trouble_line(text)) from None
    except RecursionError:
        raise InputError("json-invalid", file=file, row=row, reason="nested too deeply") from None
    if not isinstance(value, dict | list) or (isinstance(value, list) and row > 1):
        raise InputError("json-not-object", file=file, row=row)
    return value


def _schema(header: dict[str, Any] | None, objects: list[tuple[int, dict[str, Any]]], requested: str | None) -> Schema:
    if requested is None and header and isinstance(header.get("schema"), str):
        requested = header["schema"]
    candidates = list(candidate_schemas(requested))
    if len(candidates) == 1:
        return candidates[0]
    keys = {key for _n, value in objects[:200] for key in value}
    return max(candidates, key=lambda s: s.fit(keys))


def _build(
    header: dict[str, Any] | None, objects: list[tuple[int, dict[str, Any]]], file: str, requested: str | None
) -> ItemList:
    if requested is None and header and isinstance(header.get("schema"), str):
        requested = header_schema(header["schema"], file)  # only a bundled name or a file beside this one
    schema = _schema(header, objects, requested)
    meta = ListMeta.model_validate(header.get("meta", {})) if header else ListMeta()
    records = [record_from_object(value, number, file, schema) for number, value in objects]
    type_key = schema.key_of("type")
    types, enums = TypeResolver(schema), EnumSpellings(schema)
    for record in records:
        if type_key is not None:
            types.canonicalise(record.values, record.raw, type_key)
        enums.settle(record.values, record.raw)
    return ItemList(
        schema_name=schema.ref, meta=meta, records=records, files=[file], source_columns=source_columns(header)
    )


def source_columns(header: dict[str, Any] | None) -> list[SheetColumns]:
    """The column maps a canonical header keeps (see ``model.columns_header``)."""
    return columns_from_header(header.get("columns")) if header else []


def record_from_object(value: dict[str, Any], number: int, file: str, schema: Schema) -> Record:
    if not isinstance(value, dict):
        raise InputError("json-not-object", file=file, row=number)
    fields = schema.by_key
    values = {key: item for key, item in value.items() if key in fields and type(item) is str and item}
    extra: dict[str, str] = {}
    reserved = sum(1 for key in RESERVED if key in value)
    if len(values) + reserved != len(value) or "extra" in value:
        for key, item in value.items():
            if item is None or item == "" or (key in fields and type(item) is str):
                continue
            if key in fields:
                values[key] = _str(item)
            elif key not in RESERVED:
                # Keys the schema doesn't know are kept, never dropped: they become extra fields.
                extra[key] = _str(item)
        listed = value.get("extra")
        if isinstance(listed, dict):
            extra = {**{str(k): _str(v) for k, v in listed.items()}, **extra}
    source = value.get("source")
    at = make_source(file, None, number)
    origin = (
        make_source(str(source.get("file", file)), source.get("sheet"), source.get("row"))
        if isinstance(source, dict)
        else at
    )
    raw = value.get("raw")
    department = value.get("department")
    type_from = value.get("type_from")
    return make_record(
        values,
        origin,
        department=department
        if type(department) is str and department
        else (_str(department) or None if department else None),
        extra=extra,
        raw={str(k): _str(v) for k, v in raw.items()} if isinstance(raw, dict) else {},
        type_from=type_from if isinstance(type_from, str) else None,
        at=at,
    )


def _str(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)
