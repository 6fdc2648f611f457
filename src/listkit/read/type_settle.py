"""A record's power type, and where it came from.

The type column says it when it is filled (a variant spelling such as '处罚' is respelled canonically, what was
written kept in ``raw``). Otherwise the nearest thing above the record names it: the section row the record sits
under, else the sheet's name, else the schema field's default. The origin is kept with the record
(``type_from``, saved in the canonical file), so that a type the file wrote can be told from one listkit inferred.
column_body.py settles a whole column the same way.
"""

from __future__ import annotations

from listkit.read.sheet_plan import SheetPlan


def settle_type(plan: SheetPlan, values: dict[str, str], raw: dict[str, str], section_type: str | None) -> str | None:
    """Fill in ``values``' type; 'column', 'section', 'sheet' or 'default' for where it came from (None: nowhere)."""
    key = plan.type_key
    if key is None:
        return None
    if values.get(key):
        plan.types.canonicalise(values, raw, key)
        return "column"
    fallback = section_type or plan.sheet_type
    if fallback:
        values[key] = fallback
        return "section" if section_type else "sheet"
    default = plan.schema.by_key[key].default
    if default:
        values[key] = default
        return "default"
    return None
