"""The schemas that ship with listkit: their names, where their files are, and their documents.

A leaf of the schema modules: schema.py loads a bundled schema by name, and schema_refs.py serves the bundled
documents to ``$ref``s by their ``$id``, both from here.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

BUNDLED = ("power-list", "licensing-list")


def bundled_path(name: str) -> Path:
    filename = f"{name}.schema.json"
    packaged = resources.files("listkit").joinpath("schemas", filename)
    if packaged.is_file():
        return Path(str(packaged))
    # Editable installs and source checkouts keep the schemas at the repository root.
    return Path(__file__).resolve().parents[2] / "schemas" / filename


def bundled_documents() -> list[dict[str, Any]]:
    """The bundled schemas as JSON, read afresh (schema_refs serves them to references by their $id)."""
    return [json.loads(bundled_path(name).read_text(encoding="utf-8")) for name in BUNDLED]
