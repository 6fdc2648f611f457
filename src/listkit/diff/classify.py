"""Turn matched pairs and leftovers into changes: what each adjustment changed, and which leftovers are in
truth a merge (several old → one new) or a split (one old → several new)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from functools import partial

from listkit.diff.match import Matching
from listkit.diff.model import KINDS, Change, FieldChange, MatchInfo
from listkit.normalize import fold
from listkit.record import Record
from listkit.schema import Field, Schema
from listkit.vocabulary import LEVEL_WORDS

ASPECT_BY_ROLE = {
    "name": "renamed",
    "sub-item": "renamed",
    "type": "type-changed",
    "basis": "basis-changed",
    "body": "body-changed",
    "office": "office-changed",
    "level": "level-changed",
    "code": "code-changed",
}
# How much of one name's characters must appear in the other for a merge or split to be recognised.
COVERAGE = 0.8


def aspect_of(spec: Field, schema: Schema) -> str:
    role = spec.role
    if role is None and spec.continues:
        role = schema.by_key[spec.continues].role
    return ASPECT_BY_ROLE.get(role or "", "other-field-changed")


def compare(old: Record, new: Record, schema: Schema) -> tuple[list[FieldChange], list[str], bool]:
    """(field changes, aspects, cosmetic differences?) — 序号 and width/whitespace-only edits are cosmetic."""
    changes: list[FieldChange] = []
    aspects: list[str] = []
    cosmetic = False
    for spec in schema.fields:
        a, b = old.values.get(spec.key, ""), new.values.get(spec.key, "")
        if a == b:
            continue
        if spec.role == "seq" or fold(a) == fold(b):
            cosmetic = True
            continue
        change = FieldChange(field=spec.key, old=a or None, new=b or None)
        aspect = aspect_of(spec, schema)
        if spec.role == "level":  # 下放/上收 reads from the level itself, not from the scope's sentence
            change.direction = level_direction(a, b)
        changes.append(change)
        if aspect not in aspects:
            aspects.append(aspect)
    for name, a, b in _other_values(old, new):
        if fold(a) == fold(b):
            cosmetic = True
            continue
        changes.append(FieldChange(field=name, old=a or None, new=b or None))
        if "other-field-changed" not in aspects:
            aspects.append("other-field-changed")
    return changes, aspects, cosmetic


def _other_values(old: Record, new: Record) -> list[tuple[str, str, str]]:
    pairs = []
    if (old.department or "") != (new.department or ""):
        pairs.append(("department", old.department or "", new.department or ""))
    for header in sorted(set(old.extra) | set(new.extra)):
        a, b = old.extra.get(header, ""), new.extra.get(header, "")
        if a != b:
            pairs.append((f"extra.{header}", a, b))
    return pairs


def level_rank(text: str) -> int | None:
    ranks = [rank for word, rank in LEVEL_WORDS if word in text]
    return min(ranks) if ranks else None


def level_direction(old: str, new: str) -> str | None:
    before, after = level_rank(old), level_rank(new)
    if before is None or after is None or before == after:
        return None
    return "delegated" if after < before else "taken-back"


def classify(
    old: Sequence[Record], new: Sequence[Record], matching: Matching, schema: Schema
) -> tuple[list[Change], list[Change], int]:
    """(changes, cosmetic changes, unchanged count)."""
    adjusted: dict[int, Change] = {}  # by old index
    cosmetic: list[Change] = []
    unchanged = 0
    partner: dict[int, int] = {}
    for i, j, info in matching.pairs:
        partner[i] = j
        fields, aspects, is_cosmetic = compare(old[i], new[j], schema)
        if fields:
            adjusted[i] = Change(
                kind="adjusted", aspects=aspects, olds=[old[i]], news=[new[j]], fields=fields, match=info
            )
        else:
            unchanged += 1
            if is_cosmetic:
                cosmetic.append(Change(kind="cosmetic", olds=[old[i]], news=[new[j]], match=info))
    cancelled = set(matching.old_left)
    added = set(matching.new_left)
    regrouped: list[Change] = []
    type_key = schema.key_of("type")

    def renamed() -> dict[int, int]:
        return {i: partner[i] for i, c in adjusted.items() if "renamed" in c.aspects}

    # Merges: cancelled records whose names live on in one new record (added, or a renamed survivor).
    survivors = {j: i for i, j in renamed().items()}
    wholes = {j: new[j] for j in (*added, *survivors)}
    merges = _gather({i: old[i] for i in cancelled}, wholes, {j: old[i] for j, i in survivors.items()}, schema)
    for j, parts in merges.items():
        primary = survivors.get(j)
        if primary is not None:
            adjusted.pop(primary, None)
        olds = [old[i] for i in ([primary] if primary is not None else []) + parts]
        regrouped.append(_regrouped("merged", olds, [new[j]], schema))
        cancelled.difference_update(parts)
        added.discard(j)
    # Splits: added records whose names come out of one old record (cancelled, or a renamed survivor).
    sources = renamed()
    wholes = {i: old[i] for i in (*cancelled, *sources)}
    splits = _gather({j: new[j] for j in added}, wholes, {i: new[j] for i, j in sources.items()}, schema)
    for i, parts in splits.items():
        primary = sources.get(i)
        adjusted.pop(i, None)
        news = [new[j] for j in ([primary] if primary is not None else []) + parts]
        regrouped.append(_regrouped("split", [old[i]], news, schema))
        added.difference_update(parts)
        cancelled.discard(i)
    changes = (
        [Change(kind="added", news=[new[j]]) for j in sorted(added)]
        + [Change(kind="cancelled", olds=[old[i]]) for i in sorted(cancelled)]
        + list(adjusted.values())
        + regrouped
    )
    type_spec = schema.role("type")
    type_order = type_spec.enum if type_spec and type_spec.enum else ()
    changes.sort(key=lambda c: _sort_key(c, type_key, type_order, schema))
    return changes, cosmetic, unchanged


def _regrouped(aspect: str, olds: list[Record], news: list[Record], schema: Schema) -> Change:
    """A merge or split, with exactly the fields it changed: those whose value on the one side is on none of the
    records of the many side. The pieces are told apart by their sub-item and code: those are the merge or split."""
    one, many, one_is_new = (news[0], olds, True) if aspect == "merged" else (olds[0], news, False)
    inherent = {schema.key_of("sub-item"), schema.key_of("code")}
    fields: list[FieldChange] = []
    aspects = [aspect]
    compared: list[tuple[str, Callable[[Record], str], str]] = [
        (spec.key, partial(_value, key=spec.key), aspect_of(spec, schema))
        for spec in schema.fields
        if spec.role != "seq" and spec.key not in inherent
    ]
    compared.append(("department", _department, "other-field-changed"))
    headers = sorted({header for record in (*olds, *news) for header in record.extra})
    compared += [(f"extra.{h}", partial(_extra, header=h), "other-field-changed") for h in headers]
    for name, value_of, field_aspect in compared:
        mine = value_of(one)
        theirs = list(dict.fromkeys(value_of(r) for r in many))
        if fold(mine) in {fold(value) for value in theirs}:
            continue
        others = "\n".join(value for value in theirs if value) or None
        before, after = (others, mine or None) if one_is_new else (mine or None, others)
        fields.append(FieldChange(field=name, old=before, new=after))
        if field_aspect not in aspects:
            aspects.append(field_aspect)
    return Change(
        kind="adjusted",
        aspects=aspects,
        olds=olds,
        news=news,
        fields=fields,
        match=MatchInfo(by="merge" if aspect == "merged" else "split"),
    )


def _value(record: Record, key: str) -> str:
    return record.values.get(key, "")


def _department(record: Record) -> str:
    return record.department or ""


def _extra(record: Record, header: str) -> str:
    return record.extra.get(header, "")


def _sort_key(change: Change, type_key: str | None, order: tuple[str, ...], schema: Schema) -> tuple[int, int, str]:
    subject = change.subject()
    kind_of = subject.get(type_key)
    rank = order.index(kind_of) if kind_of in order else len(order)
    label = subject.get(schema.key_of("name")) + subject.get(schema.key_of("sub-item"))
    return (KINDS.index(change.kind), rank, fold(label))


def coverage(part: Counter[str], whole: Counter[str]) -> float:
    """Share of ``part``'s characters (with repeats) found in ``whole``."""
    total = sum(part.values())
    if not total:
        return 0.0
    return sum(min(count, whole[char]) for char, count in part.items()) / total


def _gather(
    parts: dict[int, Record],
    wholes: dict[int, Record],
    partners: dict[int, Record],
    schema: Schema,
) -> dict[int, list[int]]:
    """Give each part to the whole (same department and type) whose name contains most of the part's name; keep
    the wholes whose own name is in turn covered by their parts, together with their partner on the other side.

    Used both ways: parts = cancelled old records and wholes = new ones finds merges; parts = added new
    records and wholes = old ones finds splits.
    """
    name_key, sub_key, type_key = schema.key_of("name"), schema.key_of("sub-item"), schema.key_of("type")
    chars = {id(r): Counter(fold(r.get(name_key))) for r in (*parts.values(), *wholes.values(), *partners.values())}
    # Distinct characters: a cheap test (set operations in C) that rules out most pairs before counting.
    distinct = {key: frozenset(counter) for key, counter in chars.items()}
    blocks: dict[tuple[str | None, str], list[int]] = {}
    for w, whole in wholes.items():
        blocks.setdefault((whole.department, whole.get(type_key)), []).append(w)
    groups: dict[int, list[int]] = {}
    for p, part in sorted(parts.items()):
        mine = chars[id(part)]
        size = sum(mine.values())
        mine_distinct = distinct[id(part)]
        need = COVERAGE * len(mine_distinct)
        best, best_score = None, COVERAGE
        for w in blocks.get((part.department, part.get(type_key)), ()):
            theirs = chars[id(wholes[w])]
            if len(mine_distinct & distinct[id(wholes[w])]) >= need and sum(theirs.values()) >= size:
                score = coverage(mine, theirs)
                if score >= best_score and (best is None or score > best_score):
                    best, best_score = w, score
        if best is not None:
            groups.setdefault(best, []).append(p)
    kept: dict[int, list[int]] = {}
    for w, members in groups.items():
        together = [parts[p] for p in members] + ([partners[w]] if w in partners else [])
        if len(together) >= 2 and _regrouping(wholes[w], together, chars, name_key, sub_key):
            kept[w] = members
    return kept


def _regrouping(
    whole: Record, together: list[Record], chars: dict[int, Counter[str]], name_key: str | None, sub_key: str | None
) -> bool:
    """Is ``whole`` really made of (or into) ``together``?

    Either the names: together they cover the whole's name and no single one does (else it is one renamed item
    next to an unrelated one); or the sub-items: one name, and the pieces are distinct sub-items of it.
    """
    name = fold(whole.get(name_key))
    if all(fold(r.get(name_key)) == name for r in together):
        subs = [fold(r.get(sub_key)) for r in together]
        return all(subs) and len(set(subs)) == len(subs) and fold(whole.get(sub_key)) not in subs
    target = chars[id(whole)]
    joined: Counter[str] = Counter()
    for record in together:
        joined.update(chars[id(record)])
    single = max(coverage(target, chars[id(r)]) for r in together)
    return coverage(target, joined) >= COVERAGE and single < COVERAGE
