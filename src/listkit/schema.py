"""Schemas: the single source of truth for header mapping, validation, identity and export layout.

A schema is a JSON Schema (draft 2020-12) whose properties carry listkit's annotations:
``title`` (the Chinese header), ``x-title-en``, ``x-aliases`` (other headers seen in the wild),
``x-role`` (what the field means to listkit: name, sub-item, type, code, basis, body, office, level, seq,
remark, department — a field naming the department an item belongs to, e.g. a licensing list's 主管部门, which
``stats --by department`` groups by when a record has no department of its own), ``x-identity`` (part of an
item's identity), ``x-variants`` (known spellings of enum values),
``x-continues`` (the unnamed second column of a header merged over two columns), ``x-stands-in-for`` (a field
whose column is read as the field named when the sheet has no column of that one: 实施依据 beside 设定依据 is a
field of its own, alone it is the legal basis), ``x-section`` (a field that the heading rows of the table's
sections fill, '一、中央层面设定的行政许可事项' merged across it: each record under one takes its text, numbering
left out), ``x-group`` (a two-row export header),
``x-none-values`` (texts that mean "none"; ``x-listkit.none-values`` gives them to every field),
``x-yes-values`` (texts that mean "yes" in a yes/no column, for ``stats --rate``; default vocabulary.YES_VALUES),
``x-ticks`` (an enum field that may be published as one column per value, ticked: '改革方式' merged over
直接取消审批 | 审批改为备案 | …, '√' in the one that applies; each column's lowest header is an enum value or an
``x-variants`` spelling, under a header naming the field or, when the value names are unambiguous, alone; the
value read is the ticked column's, a tick being one of the field's yes values — read/ticks.py),
``x-width`` (export column width), ``x-refers-to`` (a field naming an item of another list by that list's field of
this role — a 中介服务 item's 涉及的审批事项 names a licensing item: ``check`` resolves it there).

Beside the fields, ``x-listkit.department`` names the column that says which department a record belongs to (kept
beside the record's values, not as a field): ``{"title": {"zh": "部门", "en": "Department"}, "aliases": [...]}``,
the header written and the other headers read as it. A schema that does not say gets 部门 and its usual aliases.
``x-listkit.rules``, as a list, declares validation rules of the list's own (schema_declared.py).
``x-listkit.detect.needs-one-of`` lists fields of which a header must name one for detection to choose this schema
(a 告知承诺 list is one only with a 承诺内容 or 核查方式 column); ``--schema`` chooses it regardless.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from listkit.errors import SchemaError
from listkit.i18n import t
from listkit.normalize import fold
from listkit.schema_bundled import BUNDLED, bundled_path
from listkit.schema_declared import DeclaredRule, declared_rules
from listkit.schema_patterns import check_patterns, without_patterns
from listkit.schema_patterns import pattern_search as pattern_search  # where columnar.py and tests look for it
from listkit.schema_refs import Refs, check_json_schema
from listkit.vocabulary import DEPARTMENT_HEADERS

# A department is an organisation's name, as a body is: a line break in its cell is layout, not two names.
SINGLE_LINE_ROLES = frozenset({"name", "sub-item", "type", "code", "seq", "body", "office", "level", "department"})


@dataclass(frozen=True)
class Field:
    key: str
    title: str
    title_en: str
    aliases: tuple[str, ...] = ()
    role: str | None = None
    identity: bool = False
    required: bool = False
    enum: tuple[str, ...] | None = None
    enum_en: tuple[str, ...] | None = None
    variants: dict[str, str] = field(default_factory=dict)
    pattern: str | None = None
    max_length: int | None = None
    continues: str | None = None
    stands_in_for: str | None = None
    section: bool = False
    group: str | None = None
    none_values: tuple[str, ...] = ()
    yes_values: tuple[str, ...] = ()  # what a cell says for "yes" (stats --rate); empty: vocabulary.YES_VALUES
    ticks: bool = False  # x-ticks: may be published as one ticked column per enum value (read/ticks.py)
    suggestions: tuple[str, ...] = ()  # common values offered in drop-downs; others are allowed
    refers_to: str | None = None  # the role, in another list, of the field this one names an item by
    default: str | None = None
    width: int = 14

    @property
    def single_line(self) -> bool:
        return self.role in SINGLE_LINE_ROLES

    def display_title(self, lang: str) -> str:
        return self.title if lang == "zh" else self.title_en


@dataclass(frozen=True)
class DepartmentColumn:
    """The department column's header as written (``title``, ``title_en``) and the other headers read as it."""

    title: str
    title_en: str
    aliases: tuple[str, ...]


def default_department() -> DepartmentColumn:
    return DepartmentColumn(t("column.department", "zh"), t("column.department", "en"), DEPARTMENT_HEADERS)


@dataclass
class Schema:
    name: str
    title: str
    title_en: str
    fields: list[Field]
    document: dict[str, Any]
    path: str
    ref: str = ""  # what load_schema() takes to load it again: a bundled name, or the file's path
    department: DepartmentColumn = field(default_factory=default_department)
    rules: tuple[DeclaredRule, ...] = ()  # the rules x-listkit.rules declares (schema_declared.py)
    detect_needs: frozenset[str] = frozenset()  # x-listkit.detect.needs-one-of: empty, any header may be this list

    @cached_property
    def by_key(self) -> dict[str, Field]:
        return {f.key: f for f in self.fields}

    @cached_property
    def _by_role(self) -> dict[str, Field]:
        roles: dict[str, Field] = {}
        for f in self.fields:
            if f.role is not None:
                roles.setdefault(f.role, f)
        return roles

    def fit(self, keys: Iterable[str], *, chosen: bool = False) -> tuple[int, int]:
        """How well a header (or a record's keys) fits this schema, for detection: the fields it names, then — a
        tie — the more general list, the one with more fields (a 权责清单 holds licensing items too). (0, 0) when
        the schema needs a field of its own (``detect_needs``) that is not named, unless the user ``chosen`` it."""
        named = {key for key in keys if key in self.by_key}
        if self.detect_needs and not chosen and not named & self.detect_needs:
            return 0, 0
        return len(named), len(self.fields)

    def role(self, role: str) -> Field | None:
        return self._by_role.get(role)

    def key_of(self, role: str) -> str | None:
        found = self._by_role.get(role)
        return found.key if found else None

    @cached_property
    def section_keys(self) -> tuple[str, ...]:
        """The fields a section heading row fills (``x-section``)."""
        return tuple(f.key for f in self.fields if f.section)

    @cached_property
    def identity_keys(self) -> tuple[str, ...]:
        return tuple(f.key for f in self.fields if f.identity)

    @cached_property
    def header_index(self) -> dict[str, str]:
        """Folded header text → field key. Titles win over aliases; the first schema field wins a tie."""
        index: dict[str, str] = {}
        for f in self.fields:
            index.setdefault(fold(f.title), f.key)
        for f in self.fields:
            for alias in f.aliases:
                index.setdefault(fold(alias), f.key)
        return index

    @cached_property
    def header_words(self) -> frozenset[str]:
        """Titles and aliases exactly as written in the schema."""
        return frozenset(word for f in self.fields for word in (f.title, *f.aliases))

    def match_header(self, text: str) -> str | None:
        folded = fold(text)
        if not folded:
            return None
        hit = self.header_index.get(folded)
        if hit is None and folded.endswith(")") and "(" in folded:
            # '责任事项(内容)' and '备注(说明)': a bracketed gloss does not change the column.
            hit = self.header_index.get(folded[: folded.index("(")])
        return hit

    def department_title(self, lang: str) -> str:
        """The department column's header in ``lang``."""
        return self.department.title if lang == "zh" else self.department.title_en

    @cached_property
    def department_headers(self) -> frozenset[str]:
        """Folded headers read as the department column: its title and its aliases."""
        return frozenset(fold(header) for header in (self.department.title, *self.department.aliases))

    def continuation_of(self, key: str) -> str | None:
        for f in self.fields:
            if f.continues == key:
                return f.key
        return None

    @cached_property
    def refs(self) -> Refs:
        """Where this schema's references may lead (schema_refs.py): never the network."""
        return Refs.of(self.path)

    @cached_property
    def fast_validator(self) -> Callable[[dict[str, Any]], Any]:
        import fastjsonschema

        # fastjsonschema runs 'pattern' with Python's backtracking re: it gets none, each becomes a format that
        # searches with RE2; and its references go through Refs alone (it would fetch URLs itself).
        formats: dict[str, Callable[[str], bool]] = {}
        document = without_patterns(self.validation_document, formats)
        validator: Callable[[dict[str, Any]], Any] = fastjsonschema.compile(
            document, handlers=self.refs.handlers(formats), formats=formats
        )
        return validator

    @cached_property
    def detail_validator(self) -> Any:
        from jsonschema import Draft202012Validator
        from jsonschema.validators import extend

        # The same 'pattern' as the quick checks (see pattern_search), so detail never contradicts them; the
        # registry reaches only what Refs serves (jsonschema's default one fetches remote references).
        return extend(Draft202012Validator, {"pattern": _pattern_keyword})(
            self.validation_document, registry=self.refs.registry()
        )

    @cached_property
    def validation_document(self) -> dict[str, Any]:
        # fastjsonschema ignores unknown keywords, but drops $schema 2020-12 support on some versions;
        # validate records against the same document minus the meta keys.
        document = {k: v for k, v in self.document.items() if k not in ("$schema", "$id")}
        return document


def _field_from(key: str, spec: dict[str, Any], required: set[str], none_values: tuple[str, ...]) -> Field:
    enum = spec.get("enum")
    return Field(
        key=key,
        title=str(spec.get("title") or key),
        title_en=str(spec.get("x-title-en") or spec.get("title") or key),
        aliases=tuple(str(a) for a in spec.get("x-aliases", ())),
        role=spec.get("x-role"),
        identity=bool(spec.get("x-identity", False)),
        required=key in required,
        enum=tuple(str(v) for v in enum) if enum else None,
        enum_en=tuple(str(v) for v in spec["x-enum-en"]) if spec.get("x-enum-en") else None,
        variants={str(k): str(v) for k, v in spec.get("x-variants", {}).items()},
        pattern=spec.get("pattern"),
        max_length=spec.get("maxLength"),
        continues=spec.get("x-continues"),
        stands_in_for=spec.get("x-stands-in-for"),
        section=bool(spec.get("x-section", False)),
        group=spec.get("x-group"),
        none_values=tuple(str(v) for v in spec["x-none-values"]) if "x-none-values" in spec else none_values,
        yes_values=tuple(str(v) for v in spec.get("x-yes-values", ())),
        ticks=bool(spec.get("x-ticks", False)) and bool(enum),
        suggestions=tuple(str(v) for v in spec.get("x-suggestions", ())),
        refers_to=str(spec["x-refers-to"]) if spec.get("x-refers-to") else None,
        default=spec.get("default"),
        width=int(spec.get("x-width", 14)),
    )


def _department_from(spec: Any) -> DepartmentColumn:
    """``x-listkit.department``; what it leaves out is the default's (an English title defaults to the Chinese
    one given, as a field's x-title-en does)."""
    default = default_department()
    if not isinstance(spec, dict):
        return default
    given = spec.get("title")
    titles: dict[str, Any] = given if isinstance(given, dict) else {}
    title = str(titles.get("zh") or default.title)
    title_en = str(titles.get("en") or (title if titles.get("zh") else default.title_en))
    listed = spec.get("aliases")
    aliases = tuple(str(a) for a in listed if isinstance(a, str)) if isinstance(listed, list) else default.aliases
    return DepartmentColumn(title, title_en, aliases)


def schema_from_document(document: Any, path: str, *, bundled: bool = False) -> Schema:
    """Build a Schema, refusing documents that are not JSON Schema or define no fields. A ``bundled`` document is
    not checked against the meta-schema nor its references followed: the package's own files are, by
    tests/test_list_schemas.py, and loading jsonschema and referencing to check them again cost every command
    ~0.1 s."""
    if not isinstance(document, dict):
        raise SchemaError("schema-invalid", file=path, reason="not a JSON object")
    if not bundled:
        check_json_schema(document, path)
        Refs.of(path).check(document)
    check_patterns(document, path)
    properties = document.get("properties")
    if not isinstance(properties, dict) or not properties:
        raise SchemaError("schema-no-properties", file=path)
    required = set(document.get("required", []))
    meta = document.get("x-listkit", {})
    titles = meta.get("title", {}) if isinstance(meta.get("title"), dict) else {}
    name = str(meta.get("name") or Path(path).name.split(".")[0])
    # Placeholders ('/', '无', '—') that mean "nothing to say" in any column; a field's own x-none-values wins.
    listed = meta.get("none-values")
    none_values = tuple(v for v in listed if isinstance(v, str)) if isinstance(listed, list) else ()
    title = str(titles.get("zh") or document.get("title") or name)
    rules = declared_rules(meta, [key for key, spec in properties.items() if isinstance(spec, dict)], path)
    return Schema(
        name=name,
        title=title,
        title_en=str(titles.get("en") or title),
        fields=[
            _field_from(key, spec, required, none_values) for key, spec in properties.items() if isinstance(spec, dict)
        ],
        document=document,
        path=path,
        department=_department_from(meta.get("department")),
        rules=rules,
        detect_needs=_detect_needs(meta.get("detect"), properties, path),
    )


def _detect_needs(spec: Any, properties: dict[str, Any], path: str) -> frozenset[str]:
    if spec is None:
        return frozenset()
    listed = spec.get("needs-one-of") if isinstance(spec, dict) else None
    if not isinstance(listed, list) or not listed or not all(isinstance(key, str) for key in listed):
        raise SchemaError("schema-invalid", file=path, reason='x-listkit.detect: {"needs-one-of": ["<field>", …]}')
    unknown = [key for key in listed if key not in properties]
    if unknown:
        reason = f"x-listkit.detect.needs-one-of: {', '.join(unknown)} ∉ properties"
        raise SchemaError("schema-invalid", file=path, reason=reason)
    return frozenset(listed)


@lru_cache(maxsize=16)
def load_schema(name_or_path: str) -> Schema:
    """A bundled schema by name (``power-list``), or a JSON Schema file by path."""
    if name_or_path in BUNDLED:
        path = bundled_path(name_or_path)
    else:
        path = Path(name_or_path)
        if not path.is_file():
            known = ", ".join(BUNDLED)
            raise SchemaError("unknown-schema", name=name_or_path, known=known)
    try:
        document = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError) as exc:
        raise SchemaError("schema-not-json", file=str(path), reason=str(exc)) from None
    except json.JSONDecodeError as exc:
        raise SchemaError("schema-not-json", file=str(path), reason=f"{exc.msg} (line {exc.lineno})") from None
    except RecursionError:
        raise SchemaError("schema-not-json", file=str(path), reason="nested too deeply") from None
    schema = schema_from_document(document, str(path), bundled=name_or_path in BUNDLED)
    schema.ref = name_or_path
    return schema


def bundled_schemas() -> list[Schema]:
    return [load_schema(name) for name in BUNDLED]


def candidate_schemas(requested: str | None) -> Iterable[Schema]:
    return [load_schema(requested)] if requested else bundled_schemas()


def _pattern_keyword(validator: Any, pattern: str, instance: Any, _schema: Any) -> Iterable[Any]:
    from jsonschema.exceptions import ValidationError

    if validator.is_type(instance, "string") and pattern_search(pattern)(instance) is None:
        yield ValidationError(f"{instance!r} does not match {pattern!r}")
