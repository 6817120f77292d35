"""More than one sector (``organisatie.sector: [horeca-food-drinks, retail-e-commerce]``): one
merged sector whose lists and per-section mappings hold every item once.

The merge is generic, so a mapping a sector file gains later (such as examples per section) is
merged like ``aanvullingen``: per section, in the order of the sectors, each item once.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from ..core.errors import HandbookError
from .load import LoadedSector, load_sector

# What makes two items "the same" in a merged list, the first key an item has.
IDENTITY_KEYS = ("afkorting", "titel", "situatie", "tekst", "regel", "naam")


def dutch_list(names: Sequence[str]) -> str:
    """``A``, ``A en B``, ``A, B en C``."""
    names = list(names)
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " en " + names[-1]


def _identity(item: Any) -> str:
    if isinstance(item, dict):
        for key in IDENTITY_KEYS:
            if isinstance(item.get(key), str):
                return f"{key}:{' '.join(item[key].split()).lower()}"
    return json.dumps(item, sort_keys=True, default=str)


def _unique(items: Iterable[Any]) -> list[Any]:
    seen: set[str] = set()
    kept = []
    for item in items:
        key = _identity(item)
        if key not in seen:
            seen.add(key)
            kept.append(item)
    return kept


def _merge_values(values: list[Any]) -> Any:
    first = values[0]
    if all(isinstance(v, list) for v in values):
        return _unique(item for v in values for item in v)
    if all(isinstance(v, dict) for v in values):
        keys: list[str] = []
        for v in values:
            keys += [k for k in v if k not in keys]
        return {k: _merge_values([v[k] for v in values if k in v]) for k in keys}
    return first


def merge_sectors(parts: Sequence[LoadedSector]) -> LoadedSector:
    """One sector from several; with one part, that part itself."""
    if not parts:
        raise HandbookError(
            ["data/organisatie.yml, sleutel 'organisatie.sector': noem een sector."]
        )
    if len(parts) == 1:
        return parts[0]
    variables: dict[str, Any] = {}
    keys: list[str] = []
    for part in parts:
        keys += [k for k in part.variables if k not in keys]
    for key in keys:
        values = [p.variables[key] for p in parts if key in p.variables]
        if key == "naam":
            variables[key] = dutch_list([str(v) for v in values])
        elif key == "omschrijving":
            variables[key] = " ".join(" ".join(str(v).split()) for v in values)
        elif all(isinstance(v, date) for v in values):
            # The earliest date: a merged sector is as old as its oldest check.
            variables[key] = min(values)
        else:
            variables[key] = _merge_values(values)
    variables["namen"] = [p.naam for p in parts]
    return LoadedSector(
        key="+".join(p.key for p in parts),
        model=parts[0].model,
        source=parts[0].source,
        variables=variables,
        parts=tuple(parts),
    )


def load_sectors(
    data_dir: Path,
    keys: Sequence[str],
    label_root: Path | None = None,
    sections: Iterable[str] | None = None,
    variables: Mapping[str, Any] | None = None,
) -> LoadedSector:
    """Load the organisation's sectors (every problem in every file at once) and merge them."""
    parts: list[LoadedSector] = []
    messages: list[str] = []
    sections = tuple(sections) if sections is not None else None
    for key in keys:
        try:
            parts.append(load_sector(data_dir, key, label_root, sections, variables))
        except HandbookError as error:
            messages.extend(error.messages)
    if messages:
        raise HandbookError(messages)
    return merge_sectors(parts)
