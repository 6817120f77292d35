"""The data model: pydantic models whose field names are the Dutch keys editors type.

One module per kind of file: ``brand`` (the organisation's data files), ``page`` (front matter),
``quiz``, ``sector``, ``decision`` (the decision aid); ``fields`` holds the field types they
share. The same models give the JSON Schema that editors' editors use (``core/schema.py``).
During a build only ``core/validation.py`` imports this package, and only for data it has not
seen valid before.
"""

from __future__ import annotations

import functools
from typing import Any

from pydantic import TypeAdapter

from .brand import BRAND_FILES
from .decision import Beslishulp
from .page import PageMeta
from .quiz import Quiz, Vraag
from .sector import Sector

# What ``validation.validated(kind, data)`` validates: kind -> type.
TYPES: dict[str, Any] = {
    **BRAND_FILES,
    "pagina": PageMeta,
    "quiz": Quiz,
    "vragen": list[Vraag],
    "sector": Sector,
    "beslishulp": Beslishulp,
}


@functools.cache
def adapter(kind: str) -> TypeAdapter[Any]:
    """The validator of one kind of data (built on first use)."""
    return TypeAdapter(TYPES[kind])
