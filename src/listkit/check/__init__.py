"""A list held against the catalogue it must follow: what it took up, what it misses, what it has beyond it.

One matcher pairs the two (diff's, with department and the fields that differ by level left out); the
catalogue's level column says which of its items apply at the list's level.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from listkit.check.levels import LevelTiers, tier
from listkit.check.model import SCOPES, STATUSES, CheckItem, CheckResult, CheckSummary, DepartmentSummary, Status
from listkit.check.projection import projected
from listkit.check.references import referring_field, resolve_references
from listkit.diff.classify import aspect_of
from listkit.diff.match import DEFAULT_MIN_SCORE, match
from listkit.diff.model import FieldChange
from listkit.errors import UsageError
from listkit.identity import sort_key
from listkit.model import ItemList
from listkit.normalize import fold
from listkit.read.levels import LEVEL_SEPARATORS
from listkit.record import Record
from listkit.schema import Schema, load_schema
from listkit.schema_bundled import BUNDLED

__all__ = ["CheckItem", "CheckResult", "CheckSummary", "check_lists", "list_schema_for"]

# What a lower level may not change of a catalogue item (the licensing-list rules): its name, type and basis.
COMPARED_ROLES = ("name", "sub-item", "type", "basis")
# Fields that differ by level by nature and do not count towards a fuzzy pair.
SCORED = ("name", "basis")


def check_lists(
    items: ItemList,
    reference: ItemList,
    *,
    level: str | None = None,
    scope: str = "both",
    compare: Sequence[str] = (),
    cancelled: ItemList | None = None,
    fuzzy: bool = True,
    min_score: float = DEFAULT_MIN_SCORE,
) -> CheckResult:
    """Each item of ``items`` and of ``reference`` (the catalogue) with its status.

    ``level`` is the list's level ('县级'; default: the one most of its records name as their lowest); a
    catalogue item applies when its level cell names that level's tier or names no level. ``cancelled`` is a
    list of items cancelled since the catalogue was published: catalogue items found there are 'cancelled', not
    required.
    """
    schema, reference_schema = load_schema(items.schema_name), load_schema(reference.schema_name)
    if scope not in SCOPES:
        raise UsageError("bad-option", option="--scope", reason=f"{scope} ∉ {', '.join(SCOPES)}")
    compared = _compared_keys(schema, compare)
    tiers = LevelTiers(schema)
    own_records = items.records
    own_level, own_tier = _list_level(own_records, tiers, level)
    # Matched and compared in the list's schema; reported as read (a derived list's master has other columns).
    ref_originals = reference.records
    ref_records = projected(ref_originals, reference_schema, schema)
    applies = [own_tier is None or _applies(tiers.of_text(r.get(tiers.key)), own_tier) for r in ref_records]
    referring = referring_field(schema)
    if referring is not None:
        found = resolve_references(
            own_records, schema, referring, ref_originals, reference_schema, applies, fuzzy=fuzzy, min_score=min_score
        )
    else:
        gone = _cancelled(ref_records, cancelled, schema, fuzzy, min_score)
        found = _paired(ref_records, ref_originals, own_records, schema, applies, gone, compared, fuzzy, min_score)
    kept = [item for item in found if item.status in SCOPES[scope]]
    kept.sort(key=_report_order(schema, reference_schema))
    summary = _summary(kept, sum(applies))
    return CheckResult(
        schema_name=schema.ref,
        reference_schema=reference_schema.ref,
        list_files=list(items.files),
        reference_files=list(reference.files),
        level=own_level,
        scope=scope,
        referring=referring.key if referring else None,
        summary=summary,
        departments=_by_department(kept),
        items=kept,
    )


def list_schema_for(catalogue_schema: str) -> str | None:
    """The schema to read a list held against a catalogue of ``catalogue_schema`` with: a schema file of the user's,
    which detection (bundled schemas only) would not consider; None for a bundled schema, so that a derived list
    (证照分离, 中介服务) is known by its own headers."""
    return None if catalogue_schema in BUNDLED else catalogue_schema


def _paired(
    ref_records: list[Record],
    ref_originals: list[Record],
    own_records: list[Record],
    schema: Schema,
    applies: list[bool],
    gone: set[int],
    compared: list[str],
    fuzzy: bool,
    min_score: float,
) -> list[CheckItem]:
    """Catalogue and list paired item for item by the one matcher, each pair compared."""
    matching = match(
        ref_records, own_records, schema, fuzzy=fuzzy, min_score=min_score, across_departments=True, scored=SCORED
    )
    found: list[CheckItem] = []
    for i, j, how in matching.pairs:
        ref, own = ref_originals[i], own_records[j]
        if not applies[i]:
            found.append(CheckItem(status="out-of-level", listed=own, reference=ref, match=how))
            continue
        fields = _differences(ref_records[i], own, compared)
        aspects = list(dict.fromkeys(aspect_of(schema.by_key[f.field], schema) for f in fields))
        status: Status = "differs" if fields else "conforming"
        found.append(CheckItem(status=status, aspects=aspects, listed=own, reference=ref, fields=fields, match=how))
    for i in matching.old_left:
        if applies[i]:
            found.append(CheckItem(status="cancelled" if i in gone else "missing", reference=ref_originals[i]))
    found.extend(CheckItem(status="extra", listed=own_records[j]) for j in matching.new_left)
    return found


def _compared_keys(schema: Schema, compare: Sequence[str]) -> list[str]:
    keys = [spec.key for spec in schema.fields if spec.role in COMPARED_ROLES]
    for key in compare:
        spec = schema.by_key.get(key) or next((f for f in schema.fields if f.title == key), None)
        if spec is None:
            raise UsageError("bad-option", option="--compare", reason=f"{key} ∉ {', '.join(schema.by_key)}")
        if spec.key not in keys:
            keys.append(spec.key)
    return keys


def _differences(ref: Record, own: Record, keys: list[str]) -> list[FieldChange]:
    """The compared fields whose folded text differs (width, spaces and punctuation variants are not a change)."""
    return [
        FieldChange(field=key, old=ref.get(key) or None, new=own.get(key) or None)
        for key in keys
        if fold(ref.get(key)) != fold(own.get(key))
    ]


def _list_level(records: list[Record], tiers: LevelTiers, level: str | None) -> tuple[str | None, int | None]:
    """The list's level and its tier: the one asked for, else the lowest level most of its records name."""
    if level is not None:
        named = tiers.of_text(level)
        if not named:
            raise UsageError("bad-option", option="--level", reason=level)
        return level, min(named)
    lowest: Counter[int] = Counter()
    words: dict[int, str] = {}
    for record in records:
        named = tiers.of_text(record.get(tiers.key))
        if named:
            low = min(named)
            lowest[low] += 1
            words.setdefault(low, record.get(tiers.key))
    if not lowest:
        return None, None
    chosen = lowest.most_common(1)[0][0]
    word = next((w for w in _split_levels(words[chosen]) if tier(w) == chosen), words[chosen])
    return word, chosen


def _split_levels(text: str) -> list[str]:
    return [part for part in LEVEL_SEPARATORS.split(text) if part]


def _applies(named: frozenset[int], own_tier: int) -> bool:
    return not named or own_tier in named


def _cancelled(
    ref_records: list[Record], cancelled: ItemList | None, schema: Schema, fuzzy: bool, min_score: float
) -> set[int]:
    if cancelled is None:
        return set()
    paired = match(
        ref_records,
        projected(cancelled.records, load_schema(cancelled.schema_name), schema),
        schema,
        fuzzy=fuzzy,
        min_score=min_score,
        across_departments=True,
        scored=SCORED,
    )
    return {i for i, _j, _how in paired.pairs}


def _summary(items: list[CheckItem], reference: int) -> CheckSummary:
    summary = CheckSummary(reference=reference)
    for item in items:
        summary.add(item.status)
    return summary


def _by_department(items: list[CheckItem]) -> list[DepartmentSummary]:
    """The same counts per department: an item counts for the list's department that has it, a missing one for
    the catalogue's department that lists it."""
    by: dict[str, CheckSummary] = {}
    for item in items:
        by.setdefault(item.department, CheckSummary()).add(item.status)
        if item.reference is not None and item.status != "out-of-level":
            by[item.department].reference += 1
    return [DepartmentSummary(department=name, summary=by[name]) for name in sorted(by)]


def _report_order(
    schema: Schema, reference_schema: Schema
) -> Callable[[CheckItem], tuple[int, tuple[str, str, str, str, int]]]:
    def key(item: CheckItem) -> tuple[int, tuple[str, str, str, str, int]]:
        if item.listed is not None:
            return STATUSES.index(item.status), sort_key(item.listed, schema)
        assert item.reference is not None
        return STATUSES.index(item.status), sort_key(item.reference, reference_schema)

    return key
