"""Compare two editions of a list (diff) and replay a change order onto a base list (apply)."""

from __future__ import annotations

from listkit.diff.classify import classify
from listkit.diff.match import DEFAULT_MIN_SCORE, match
from listkit.diff.model import Change, ChangeSet, ListRef
from listkit.errors import UsageError
from listkit.model import ItemList
from listkit.progress import track
from listkit.schema import Schema, load_schema

__all__ = ["DEFAULT_MIN_SCORE", "Change", "ChangeSet", "diff_lists", "same_schema"]


def diff_lists(
    old: ItemList,
    new: ItemList,
    *,
    key: str | None = None,
    fuzzy: bool = True,
    min_score: float = DEFAULT_MIN_SCORE,
    schema: Schema | None = None,
) -> ChangeSet:
    """What changed from ``old`` to ``new``: additions, cancellations and adjustments (with merges and splits)."""
    from listkit.bulk import bulk

    schema = schema or load_schema(old.schema_name)
    if key is not None and key not in schema.by_key:
        raise UsageError("bad-option", option="--key", reason=f"{key} ∉ {', '.join(schema.by_key)}")
    if not 0 < min_score <= 1:
        raise UsageError("bad-option", option="--min-score", reason="0 < score ≤ 1")
    with bulk(), track("比对", 2) as advance:
        matching = match(old.records, new.records, schema, key=key, fuzzy=fuzzy, min_score=min_score)
        advance(1)
        changes, cosmetic, unchanged = classify(old.records, new.records, matching, schema)
        advance(1)
    return ChangeSet(
        schema_name=schema.ref,
        old=ListRef(file=", ".join(old.files), records=len(old.records)),
        new=ListRef(file=", ".join(new.files), records=len(new.records)),
        changes=changes,
        unchanged=unchanged,
        cosmetic=cosmetic,
    )


def same_schema(old: ItemList, new: ItemList) -> None:
    if old.schema_name != new.schema_name:
        raise UsageError("schema-mismatch", old=old.schema_name, new=new.schema_name)
