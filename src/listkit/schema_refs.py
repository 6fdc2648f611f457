"""Where a schema's references may lead: the bundled schemas (by ``$id``), the JSON Schema meta-schemas that
ship with jsonschema, and files inside the schema's own folder. Nothing is ever fetched.

A schema arrives by e-mail as a list does. Left to themselves, both validators follow a ``$ref`` anywhere:
fastjsonschema opens any URI it has no handler for with urllib when it compiles (http, ftp, file:///etc/passwd),
and jsonschema's default registry fetches remote references as it validates. So every reference listkit follows
goes through ``Refs.retrieve``: fastjsonschema gets it as the handler of every scheme, jsonschema as its
registry's only way out; and ``Refs.check`` follows every ``$ref``/``$dynamicRef`` when the schema is loaded, so
that a refused reference is refused by every command (``schema show`` too), before any data is read.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag, urljoin, urlsplit
from urllib.request import url2pathname

from listkit.errors import SchemaError
from listkit.schema_bundled import bundled_documents
from listkit.schema_patterns import check_patterns, walk_document, without_patterns

MAX_REF_BYTES = 16 * 1024**2  # a schema is kilobytes; a reference to a huge file is not a schema


@dataclass(frozen=True)
class Refs:
    file: str  # the schema file, for messages
    folder: Path | None  # the resolved folder referenced files may come from (None: no files at all)

    @classmethod
    def of(cls, path: str) -> Refs:
        location = Path(path)
        return cls(path, location.resolve().parent if location.is_file() else None)

    def retrieve(self, uri: str) -> Any:
        """The JSON document at ``uri`` (fragment ignored), or SchemaError naming the reference."""
        from jsonschema_specifications import REGISTRY as META_SCHEMAS

        address, _fragment = urldefrag(uri)
        bundled = _bundled_by_id()
        if address in bundled:
            return json.loads(json.dumps(bundled[address]))  # a copy: fastjsonschema rewrites what it is given
        if address in META_SCHEMAS:
            return json.loads(json.dumps(META_SCHEMAS.contents(address)))
        target = self._local(address)
        if target is None:
            raise SchemaError("schema-ref-refused", file=self.file, ref=uri)
        try:
            if target.stat().st_size > MAX_REF_BYTES:
                raise SchemaError("schema-ref-refused", file=self.file, ref=uri)
            document = json.loads(target.read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError, ValueError, RecursionError) as exc:
            raise SchemaError("schema-not-json", file=str(target), reason=str(exc)) from None
        check_json_schema(document, str(target))
        check_patterns(document, str(target))
        return document

    def _local(self, address: str) -> Path | None:
        """The file a relative or file: reference names, if it lies inside the folder (after symlinks)."""
        parts = urlsplit(address)
        if self.folder is None or not parts.path or parts.query:
            return None
        if parts.scheme == "file" and parts.netloc in ("", "localhost"):
            target = Path(url2pathname(parts.path))
        elif parts.scheme == "" and parts.netloc == "":
            target = self.folder / url2pathname(parts.path)  # an absolute path stays itself
        else:
            return None  # http, ftp, urn, a Windows share (//host/…), a drive letter: never
        try:
            real = target.resolve(strict=True)
        except (OSError, RuntimeError):
            raise SchemaError("schema-ref-missing", file=self.file, ref=address) from None
        if not real.is_relative_to(self.folder):
            return None  # '..' or a symlink leading out of the folder
        if not real.is_file():
            raise SchemaError("schema-ref-missing", file=self.file, ref=address)
        return real

    def check(self, document: Any) -> None:
        """Follow every reference from the document (and from what they lead to) now, refusing any that leads
        out; and refuse a ``$schema`` that names no known draft, as honouring it would mean fetching it."""
        from referencing.jsonschema import UnknownDialect, specification_with

        seen: set[str] = set()
        pending: list[tuple[str, Any]] = [("", document)]
        while pending:
            base, current = pending.pop()
            for _where, key, value in walk_document(current):
                if not isinstance(value, str):
                    continue
                if key in ("$ref", "$dynamicRef"):
                    address, _fragment = urldefrag(urljoin(base, value))
                    if address and address != base and address not in seen:
                        seen.add(address)
                        pending.append((address, self.retrieve(address)))
                elif key == "$schema":
                    try:
                        specification_with(value)
                    except UnknownDialect:
                        raise SchemaError("schema-meta-unknown", file=self.file, uri=value) from None

    def registry(self) -> Any:
        """A referencing registry for jsonschema whose only way to a document is ``retrieve``."""
        from referencing import Registry, Resource
        from referencing.jsonschema import DRAFT202012

        # jsonschema looks a reference up again for every record it checks: read each document once.
        @lru_cache(maxsize=64)
        def retrieve(uri: str) -> Resource[Any]:
            return Resource.from_contents(self.retrieve(uri), default_specification=DRAFT202012)

        return Registry(retrieve=retrieve)  # type: ignore[call-arg]

    def handlers(self, formats: dict[str, Callable[[str], bool]]) -> Mapping[str, Callable[[str], Any]]:
        """fastjsonschema's handlers: ``retrieve`` for every scheme (it would open any other with urllib), the
        document given without patterns as the root is (see schema_patterns.without_patterns)."""
        return _EveryScheme(lambda uri: without_patterns(self.retrieve(uri), formats))


class _EveryScheme(Mapping[str, Callable[[str], Any]]):
    def __init__(self, handler: Callable[[str], Any]) -> None:
        self._handler = handler

    def __contains__(self, scheme: object) -> bool:
        return True

    def __getitem__(self, scheme: str) -> Callable[[str], Any]:
        return self._handler

    def __iter__(self) -> Iterator[str]:
        return iter(())

    def __len__(self) -> int:
        return 0


def check_json_schema(document: Any, file: str) -> None:
    """The document is JSON Schema (draft 2020-12), or a SchemaError says why."""
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import SchemaError as JsonSchemaError

    try:
        Draft202012Validator.check_schema(document)
    except JsonSchemaError as exc:
        raise SchemaError("schema-invalid", file=file, reason=exc.message) from None
    except RecursionError:
        raise SchemaError("schema-invalid", file=file, reason="nested too deeply") from None


@lru_cache(maxsize=1)
def _bundled_by_id() -> dict[str, Any]:
    return {str(document["$id"]): document for document in bundled_documents() if "$id" in document}


def refusal(error: BaseException) -> SchemaError | None:
    """The SchemaError behind an error a validator raised while following a reference (jsonschema and
    referencing wrap what ``retrieve`` raises), if there is one."""
    seen: set[int] = set()
    pending: list[BaseException] = [error]
    while pending:
        current = pending.pop()
        if isinstance(current, SchemaError):
            return current
        if id(current) in seen:
            continue
        seen.add(id(current))
        for inner in (getattr(current, "_wrapped", None), current.__cause__, current.__context__):
            if isinstance(inner, BaseException):
                pending.append(inner)
    return None
