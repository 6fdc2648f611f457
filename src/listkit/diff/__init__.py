"""Compare two editions of a list (diff) and replay a change order onto a base list (apply)."""

from __future__ import annotations

from listkit.bulk import bulk
from listkit.diff.classify import classify
from listkit.diff.match import DEFAULT_MIN_SCORE, match
from listkit.diff.model import Change, ChangeSet, ListRef
from listkit.diff.settle import settle_unchanged
from listkit.errors import UsageError
from listkit.i18n import t
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
    cosmetic: bool = True,
) -> ChangeSet:
    """What changed from ``old`` to ``new``: additions, cancellations and adjustments (with merges and splits).

    ``cosmetic=False`` leaves out the list of 序号- and width-only differences (reports show it only when
    asked), which lets unchanged pairs be settled without building their records.
    """
    schema = schema or load_schema(old.schema_name)
    if key is not None and key not in schema.by_key:
        raise UsageError("bad-option", option="--key", reason=f"{key} ∉ {', '.join(schema.by_key)}")
    if not 0 < min_score <= 1:
        raise UsageError("bad-option", option="--min-score", reason="0 < score ≤ 1")
    with bulk(), track(t("progress.match"), 3) as advance:
        old_table, new_table = old.table(), new.table()
        settled = settle_unchanged(old_table, new_table, schema, key=key, keep_cosmetic=cosmetic)
        old_records = old_table.materialise(settled.old_rest)
        new_records = new_table.materialise(settled.new_rest)
        advance(1)
        matching = match(old_records, new_records, schema, key=key, fuzzy=fuzzy, min_score=min_score)
        advance(1)
        changes, cosmetic_changes, unchanged = classify(old_records, new_records, matching, schema)
        advance(1)
    return ChangeSet(
        schema_name=schema.ref,
        old=ListRef(file=", ".join(old.files), records=old.size),
        new=ListRef(file=", ".join(new.files), records=new.size),
        changes=changes,
        unchanged=unchanged + settled.unchanged,
        cosmetic=cosmetic_changes if cosmetic else [],
    )


def same_schema(old: ItemList, new: ItemList) -> None:
    if old.schema_name != new.schema_name:
        raise UsageError("schema-mismatch", old=old.schema_name, new=new.schema_name)
