"""Pair old records with new ones, in stages: by code (or --key), by identity, then fuzzy.

Each stage only sees what the stages before it left, so the expensive fuzzy stage runs over the few records
that were renamed, added or cancelled, never over the whole list. The fuzzy stage scores candidate pairs with
rapidfuzz and picks the optimal one-to-one assignment (scipy's linear_sum_assignment) within each connected
group of candidates.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Callable, Hashable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from listkit.diff.model import MatchInfo
from listkit.normalize import fold
from listkit.record import Record
from listkit.schema import Schema

DEFAULT_MIN_SCORE = 0.8
# Name similarity below this never makes a fuzzy pair, whatever the basis says: it bounds the candidates.
NAME_PREFILTER = 0.6
WEIGHTS = {"name": 0.6, "basis": 0.3, "body": 0.1}


@dataclass
class Matching:
    pairs: list[tuple[int, int, MatchInfo]] = field(default_factory=list)
    old_left: list[int] = field(default_factory=list)
    new_left: list[int] = field(default_factory=list)


def match(
    old: Sequence[Record],
    new: Sequence[Record],
    schema: Schema,
    *,
    key: str | None = None,
    fuzzy: bool = True,
    min_score: float = DEFAULT_MIN_SCORE,
    across_departments: bool = False,
    scored: tuple[str, ...] = tuple(WEIGHTS),
) -> Matching:
    """Pairs of (old, new) indexes and what is left on each side.

    Two editions of one list pair within a department. ``across_departments`` is for two lists of different
    levels (a county's list against the city catalogue): their departments and bodies differ by nature, so
    department is left out of every key, and ``scored`` leaves out of the fuzzy score the fields that differ by
    level (``("name", "basis")``).
    """
    result = Matching()

    def owner(record: Record) -> str | None:
        return None if across_departments else record.department

    old_left = list(range(len(old)))
    new_left = list(range(len(new)))
    if key:
        # A field chosen with --key (a name, a local number) is only unique within one department's list.
        old_left, new_left = _exact(
            old,
            new,
            old_left,
            new_left,
            lambda r: (owner(r), fold(r.get(key))) if r.get(key) else None,
            "key",
            result,
        )
    code_key = schema.key_of("code")
    if code_key and not key:
        old_left, new_left = _exact(old, new, old_left, new_left, lambda r: fold(r.get(code_key)), "code", result)
    # A key the user declared is the identity: two records whose keys differ are never the same item.
    apart: Callable[[Record, Record], bool] = partial(_differ, key=key) if key else _never
    name_key, sub_key, type_key = schema.key_of("name"), schema.key_of("sub-item"), schema.key_of("type")

    def with_type(record: Record) -> Hashable:
        name = fold(record.get(name_key))
        return (owner(record), record.get(type_key), name, fold(record.get(sub_key))) if name else None

    def without_type(record: Record) -> Hashable:
        name = fold(record.get(name_key))
        return (owner(record), name, fold(record.get(sub_key))) if name else None

    level_key = schema.key_of("level")

    def with_level(record: Record) -> Hashable:
        # First the same item at the same level: a catalogue lists one item once per level, and each pairs
        # with itself; an item whose level changed (下放/上收) pairs in the next stage.
        identity = with_type(record)
        return (identity, fold(record.get(level_key))) if identity else None

    if level_key:
        old_left, new_left = _exact(old, new, old_left, new_left, with_level, "identity", result, apart)
    old_left, new_left = _exact(old, new, old_left, new_left, with_type, "identity", result, apart)
    old_left, new_left = _exact(old, new, old_left, new_left, without_type, "identity", result, apart)
    if fuzzy and old_left and new_left:
        same_owner = _never if across_departments else _other_department
        old_left, new_left = _fuzzy(
            old, new, old_left, new_left, schema, min_score, result, key, apart, same_owner, scored
        )
    result.old_left, result.new_left = old_left, new_left
    return result


def _exact(
    old: Sequence[Record],
    new: Sequence[Record],
    old_left: list[int],
    new_left: list[int],
    key_of: Callable[[Record], Hashable],
    by: str,
    result: Matching,
    apart: Callable[[Record, Record], bool] | None = None,
) -> tuple[list[int], list[int]]:
    """Hash join on a key; equal keys pair up in list order, skipping pairs ``apart`` keeps apart. Empty keys never
    match."""
    waiting: dict[Hashable, deque[int]] = defaultdict(deque)
    for j in new_left:
        k = key_of(new[j])
        if k:
            waiting[k].append(j)
    taken: set[int] = set()
    still_old: list[int] = []
    for i in old_left:
        k = key_of(old[i])
        queue = waiting.get(k) if k else None
        partner = _first_allowed(queue, old[i], new, apart) if queue else None
        if partner is not None:
            taken.add(partner)
            result.pairs.append((i, partner, MatchInfo(by=by)))  # type: ignore[arg-type]
        else:
            still_old.append(i)
    return still_old, [j for j in new_left if j not in taken]


def _never(_old: Record, _new: Record) -> bool:
    return False


def _other_department(old: Record, new: Record) -> bool:
    return old.department != new.department


def _first_allowed(
    queue: deque[int], record: Record, new: Sequence[Record], apart: Callable[[Record, Record], bool] | None
) -> int | None:
    """The first waiting new record ``record`` may pair with, taken out of the queue."""
    if apart is None or apart is _never:
        return queue.popleft()
    for position, j in enumerate(queue):
        if not apart(record, new[j]):
            del queue[position]
            return j
    return None


def _fuzzy(
    old: Sequence[Record],
    new: Sequence[Record],
    old_left: list[int],
    new_left: list[int],
    schema: Schema,
    min_score: float,
    result: Matching,
    key: str | None,
    apart: Callable[[Record, Record], bool],
    other_owner: Callable[[Record, Record], bool],
    scored: tuple[str, ...],
) -> tuple[list[int], list[int]]:
    """Pairs by similar name + sub-item, basis and body, one-to-one by the best total. Records with two different
    codes are two items unless more than the name says otherwise: such a pair needs a similar basis too."""
    import numpy as np
    from rapidfuzz import fuzz, process

    name_key, sub_key = schema.key_of("name"), schema.key_of("sub-item")
    basis_key, body_key = schema.key_of("basis"), schema.key_of("body")
    code_key = None if key else schema.key_of("code")

    def label(record: Record) -> str:
        return fold(record.get(name_key) + " " + record.get(sub_key))

    old_labels = [label(old[i]) for i in old_left]
    new_labels = [label(new[j]) for j in new_left]
    # Names are compared once per distinct name: a province's lists repeat each catalogue name in every county.
    distinct: dict[str, list[int]] = {}
    for b, text in enumerate(new_labels):
        distinct.setdefault(text, []).append(b)
    names = process.cdist(
        old_labels,
        list(distinct),
        scorer=fuzz.ratio,
        dtype=np.uint8,
        workers=-1,
        score_cutoff=int(NAME_PREFILTER * 100),
    )
    holders = list(distinct.values())
    rows_of, distinct_cols = np.nonzero(names)
    candidates: list[tuple[int, int, int]] = []  # (old, new, name score), in (old, new) order as one matrix gave them
    for a, group in _runs(rows_of.tolist(), distinct_cols.tolist()):
        candidates.extend(sorted((a, b, int(names[a, d])) for d in group for b in holders[d]))
    fields = [(part, field_key) for part, field_key in (("basis", basis_key), ("body", body_key)) if part in scored]
    old_folded = _folded(old, old_left, [k for _p, k in fields])
    new_folded = _folded(new, new_left, [k for _p, k in fields])
    old_codes = _folded(old, old_left, [code_key])[0] if code_key else []
    new_codes = _folded(new, new_left, [code_key])[0] if code_key else []
    ratio = _cached_ratio()

    def pair_score(a: int, b: int, name_score: int) -> float:
        o, n = old[old_left[a]], new[new_left[b]]
        if other_owner(o, n) or apart(o, n):
            return 0.0
        # Summed in the order name, basis, body, as the weights are listed: the same floats every time.
        total, weight = WEIGHTS["name"] * (name_score / 100), WEIGHTS["name"]
        basis_score = 0.0
        for position, (part, _field_key) in enumerate(fields):
            left, right = old_folded[position][a], new_folded[position][b]
            if left or right:
                part_score = ratio(left, right) / 100
                total += WEIGHTS[part] * part_score
                weight += WEIGHTS[part]
                if part == "basis":
                    basis_score = part_score
        if code_key and old_codes[a] and new_codes[b] and old_codes[a] != new_codes[b] and basis_score < min_score:
            return 0.0
        return total / weight

    # New records alike in all the score reads (the copies of one item in many lists) are scored once per old one.
    alike = _alike(
        new,
        new_left,
        new_folded,
        new_codes if any(old_codes) else [],  # a code only tells records apart against an old record's code
        by_department=other_owner is not _never,
        key=key,
    )
    scored_once: dict[tuple[int, int, int], float] = {}
    scores: list[float] = []
    for a, b, name_score in candidates:
        pair = (a, alike[b], name_score)
        found = scored_once.get(pair)
        if found is None:
            found = scored_once[pair] = pair_score(a, b, name_score)
        scores.append(found)
    rows = np.array([a for a, _b, _s in candidates], dtype=np.int64)
    cols = np.array([b for _a, b, _s in candidates], dtype=np.int64)
    keep = [k for k, s in enumerate(scores) if s >= min_score]
    if not keep:
        return old_left, new_left
    rows, cols = rows[keep], cols[keep]
    kept_scores = np.array([scores[k] for k in keep])
    matched_old: set[int] = set()
    matched_new: set[int] = set()
    # Groups of records linked by candidate pairs: the assignment is solved per group, each small.
    for ks in _groups(rows.tolist(), cols.tolist()):
        local_rows = sorted({int(rows[k]) for k in ks})
        local_cols = sorted({int(cols[k]) for k in ks})
        if len(ks) == 1:
            # One candidate, nothing to choose between (most renames): no solver needed.
            chosen = [(0, 0, float(kept_scores[ks[0]]))]
        else:
            chosen = _assign(ks, rows, cols, kept_scores, local_rows, local_cols)
        for r, c, score in chosen:
            if score >= min_score:
                a, b = local_rows[r], local_cols[c]
                result.pairs.append((old_left[a], new_left[b], MatchInfo(by="fuzzy", score=round(score, 3))))
                matched_old.add(a)
                matched_new.add(b)
    return (
        [i for x, i in enumerate(old_left) if x not in matched_old],
        [j for x, j in enumerate(new_left) if x not in matched_new],
    )


def _runs(rows: list[int], cols: list[int]) -> Iterator[tuple[int, list[int]]]:
    """np.nonzero's (row, col) pairs, row by row."""
    start = 0
    while start < len(rows):
        end = start
        while end < len(rows) and rows[end] == rows[start]:
            end += 1
        yield rows[start], cols[start:end]
        start = end


def _alike(
    records: Sequence[Record],
    indexes: list[int],
    folded: list[list[str]],
    codes: list[str],
    *,
    by_department: bool,
    key: str | None,
) -> list[int]:
    """For each of ``indexes``, a number shared by exactly the records the fuzzy score cannot tell apart: the same
    folded scored fields, and code, department and ``--key`` value where the score reads them."""
    numbers: dict[tuple[object, ...], int] = {}
    alike = []
    for position, i in enumerate(indexes):
        record = records[i]
        signature = (
            tuple(column[position] for column in folded),
            codes[position] if codes else "",
            record.department if by_department else None,
            fold(record.get(key)) if key else "",
        )
        alike.append(numbers.setdefault(signature, len(numbers)))
    return alike


def _folded(records: Sequence[Record], indexes: list[int], keys: Sequence[str | None]) -> list[list[str]]:
    """Each key's folded value for each of ``indexes``, folded once rather than once per candidate pair."""
    return [[fold(records[i].get(key)) for i in indexes] for key in keys]


def _cached_ratio() -> Callable[[str, str], float]:
    """rapidfuzz's ratio, remembered: the copies of one item in many lists share their basis text."""
    from rapidfuzz import fuzz

    seen: dict[tuple[str, str], float] = {}

    def ratio(left: str, right: str) -> float:
        pair = (left, right)
        found = seen.get(pair)
        if found is None:
            found = seen[pair] = fuzz.ratio(left, right)
        return found

    return ratio


def _differ(old: Record, new: Record, key: str) -> bool:
    """Both records fill ``key``, with different values."""
    a, b = fold(old.get(key)), fold(new.get(key))
    return bool(a and b and a != b)


def _groups(rows: list[int], cols: list[int]) -> list[list[int]]:
    """Candidate pairs (by index) in connected groups: pairs sharing an old or a new record are one group."""
    parent: dict[tuple[int, int], tuple[int, int]] = {}

    def root(node: tuple[int, int]) -> tuple[int, int]:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for r, c in zip(rows, cols, strict=True):
        parent[root((0, r))] = root((1, c))
    groups: dict[tuple[int, int], list[int]] = defaultdict(list)
    for k, r in enumerate(rows):
        groups[root((0, r))].append(k)
    return list(groups.values())


def _assign(
    ks: list[int], rows: Any, cols: Any, scores: Any, local_rows: list[int], local_cols: list[int]
) -> list[tuple[int, int, float]]:
    """The optimal one-to-one choice within a group (scipy's linear_sum_assignment), as (row, col, score)."""
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    at_row = {r: x for x, r in enumerate(local_rows)}
    at_col = {c: x for x, c in enumerate(local_cols)}
    matrix = np.zeros((len(local_rows), len(local_cols)))
    for k in ks:
        matrix[at_row[int(rows[k])], at_col[int(cols[k])]] = scores[k]
    chosen = linear_sum_assignment(matrix, maximize=True)
    return [(int(r), int(c), float(matrix[r, c])) for r, c in zip(*chosen, strict=True)]
