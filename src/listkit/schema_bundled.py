"""The schemas that ship with listkit: their names, where their files are, and their documents.

Every ``*.schema.json`` in the schemas folder is a bundled schema, named by its file: a new list is a schema file
dropped there, nothing else. A leaf of the schema modules: schema.py loads a bundled schema by name, and
schema_refs.py serves the bundled documents to ``$ref``s by their ``$id``, both from here.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

SUFFIX = ".schema.json"


def _schemas_folder() -> Path:
    packaged = resources.files("listkit").joinpath("schemas")
    if packaged.is_dir():
        return Path(str(packaged))
    # Editable installs and source checkouts keep the schemas at the repository root.
    return Path(__file__).resolve().parents[2] / "schemas"


FOLDER = _schemas_folder()
# By name, so that listings and detection's last tie-break do not depend on the file system's order.
BUNDLED = tuple(sorted(path.name.removesuffix(SUFFIX) for path in FOLDER.glob(f"*{SUFFIX}")))


def bundled_path(name: str) -> Path:
    return FOLDER / f"{name}{SUFFIX}"


def bundled_documents() -> list[dict[str, Any]]:
    """The bundled schemas as JSON, read afresh (schema_refs serves them to references by their $id)."""
    return [json.loads(bundled_path(name).read_text(encoding="utf-8")) for name in BUNDLED]
