"""Load and validate the sector files (``data/sectoren/<sleutel>.yml``).

A sector file is brand-independent; placeholders in its texts are filled with the brand's data."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from ..core.brand import available_sectors, fill_in
from ..core.errors import HandbookError
from ..core.messages import key_text, validation_messages
from ..core.validation import Invalid, Record, as_dicts, validated
from ..core.yamlsrc import Source, child_source, read_yaml

MIN_RULES = 6

OWNER = "juridisch"


def flat(text: str) -> str:
    return " ".join(str(text).split())


@dataclass
class LoadedSector:
    """A validated sector with plain dicts (placeholders filled) for pages and the one-pager."""

    key: str
    model: Record  # validated as models.Sector
    source: Source
    variables: dict[str, Any]
    parts: tuple[LoadedSector, ...] = ()
    """The sectors a merged sector came from (see ``merge``); empty for one sector."""

    @property
    def naam(self) -> str:
        return self.variables["naam"]

    @property
    def several(self) -> bool:
        return len(self.parts) > 1

    @property
    def sources(self) -> tuple[Source, ...]:
        """The sector files behind this sector (one, or one per merged sector)."""
        return tuple(p.source for p in self.parts) if self.parts else (self.source,)

    def additions(self, section: str) -> list[dict[str, Any]]:
        return self.variables["aanvullingen"].get(section, [])

    def examples(self, section: str) -> list[str]:
        return self.variables.get("voorbeelden", {}).get(section, [])

    def without(self, off: Iterable[str]) -> LoadedSector:
        """This sector without what belongs to switched-off pages: every per-section mapping
        (``aanvullingen`` and any other mapping keyed by page name) loses those sections."""
        off = frozenset(off)
        if not off:
            return self
        variables = {
            key: {k: v for k, v in value.items() if k not in off}
            if isinstance(value, dict)
            else value
            for key, value in self.variables.items()
        }
        variables["quiz"] = [
            q for q in variables.get("quiz", []) if q["pagina"].partition("#")[0] not in off
        ]
        return replace(self, variables=variables)


def sector_file(data_dir: Path, key: str) -> Path:
    return data_dir / "sectoren" / f"{key}.yml"


def section_keys(docs_dir: Path | None) -> tuple[str, ...]:
    """Valid section keys: the names of the pages in ``docs_dir``."""
    found: set[str] = set()
    if docs_dir is not None and docs_dir.is_dir():
        for path in docs_dir.rglob("*.md"):
            rel = path.relative_to(docs_dir)
            if "overrides" not in rel.parts:
                found.add(rel.with_suffix("").as_posix())
    return tuple(sorted(found))


def load_sector(
    data_dir: Path,
    key: str,
    label_root: Path | None = None,
    sections: Iterable[str] | None = None,
    variables: Mapping[str, Any] | None = None,
) -> LoadedSector:
    """Read and validate one sector file; raise :class:`HandbookError` with every problem.

    ``sections`` are the valid section keys (see :func:`section_keys`); ``variables`` the
    brand's placeholders, used to fill ``{{ ... }}`` in the sector's texts.
    """
    path = sector_file(data_dir, key)
    label_root = label_root or data_dir.parent
    try:
        label = path.resolve().relative_to(label_root.resolve()).as_posix()
    except ValueError:
        label = path.as_posix()
    source = read_yaml(path, label)
    try:
        model = validated("sector", source.data)
    except Invalid as error:
        raise HandbookError(validation_messages(source, error)) from None
    if sections is None:  # by default: the pages in the docs/ folder next to data/
        sections = section_keys(data_dir.parent / "docs")
    messages = check_sector(model, source, tuple(sections))
    if messages:
        raise HandbookError(messages)
    plain = as_dicts(model)  # dates stay Datum (Dutch when printed)
    if variables is not None:
        plain = fill_in(plain, source, variables, example="{{ contacten.privacy.rol }}")
    return LoadedSector(key=key, model=model, source=source, variables=plain)


def load_all_sectors(
    data_dir: Path,
    label_root: Path | None = None,
    sections: Iterable[str] | None = None,
    variables: Mapping[str, Any] | None = None,
) -> tuple[dict[str, LoadedSector], list[str]]:
    """Every sector in ``data/sectoren``; returns the valid ones and the messages of the rest."""
    loaded: dict[str, LoadedSector] = {}
    messages: list[str] = []
    sections = tuple(sections) if sections is not None else None
    for key in available_sectors(data_dir):
        try:
            loaded[key] = load_sector(data_dir, key, label_root, sections, variables)
        except HandbookError as error:
            messages.extend(error.messages)
    return loaded, messages


def check_sector(model: Record, source: Source, sections: tuple[str, ...]) -> list[str]:
    """Checks across keys: known sections, enough rules, and a ``grondslag`` that exists."""
    messages = []

    def where(*loc: str | int) -> str:
        return f"{source.label}, regel {_key_line(source, loc)}, sleutel '{key_text(loc)}'"

    for group, what in (("aanvullingen", "regels"), ("voorbeelden", "voorbeelden")):
        for section, items in getattr(model, group).items():
            if section not in sections:
                messages.append(
                    f"{where(group, section)}: '{section}' is geen bekende beleidssectie. "
                    f"Kies de naam van een pagina: {', '.join(sections)}."
                )
            if not items:
                messages.append(
                    f"{where(group, section)}: deze sectie heeft geen {what}. Voeg er een toe "
                    "of haal de sectie weg."
                )
    total = sum(len(items) for items in model.aanvullingen.values())
    if total < MIN_RULES:
        messages.append(
            f"{where('aanvullingen')}: er staan {total} regels voor de sector; er zijn er "
            f"minstens {MIN_RULES} nodig. Voeg regels toe onder een beleidssectie."
        )
    known = [r.afkorting for r in model.regelgeving]
    for section, items in model.aanvullingen.items():
        for i, item in enumerate(items):
            if item.grondslag is not None and item.grondslag not in known:
                messages.append(
                    f"{where('aanvullingen', section, i, 'grondslag')}: '{item.grondslag}' staat "
                    f"niet onder 'regelgeving'. Kies een afkorting uit: {', '.join(known)}."
                )
    return messages


def status_warnings(sector: LoadedSector) -> list[str]:
    """A status line ("nog een wetsvoorstel") dated before the file's last review is stale.

    At each review the reviewer checks the status again and moves its date forward; an older
    date means nobody confirmed it at the last review. Dutch, with file, line and key.
    """
    model, source = sector.model, sector.source
    messages = []
    for i, item in enumerate(model.regelgeving):
        status = item.status
        if status is None or status.datum >= model.laatst_beoordeeld:
            continue
        loc = ("regelgeving", i, "status", "datum")
        messages.append(
            f"{source.label}, regel {_key_line(source, loc)}, sleutel '{key_text(loc)}': de stand "
            f"van {item.afkorting} is van {status.datum}, ouder dan laatst_beoordeeld "
            f"({model.laatst_beoordeeld}). Controleer of de stand nog klopt, pas de tekst aan en "
            "zet de datum van de bron die je controleerde."
        )
    return messages


def _key_line(source: Source, loc: tuple[str | int, ...]) -> int | None:
    """The line of the key itself (``line_of`` gives the line where its value starts)."""
    node = source.root
    for part in loc[:-1]:
        node = child_source(node, part)
    if isinstance(node, yaml.MappingNode):
        for key, _ in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == str(loc[-1]):
                return key.start_mark.line + 1
    return source.line_of(loc)


def sector_labels(data_dir: Path, label_root: Path) -> tuple[dict[str, str], dict[str, str]]:
    """Name and description per sector key; a file that does not load shows its key."""
    names: dict[str, str] = {}
    descriptions: dict[str, str] = {}
    for key in available_sectors(data_dir):
        try:
            source = read_yaml(sector_file(data_dir, key), key)
        except HandbookError:
            continue
        data = source.data if isinstance(source.data, dict) else {}
        if isinstance(data.get("naam"), str):
            names[key] = data["naam"]
        if isinstance(data.get("omschrijving"), str):
            descriptions[key] = flat(data["omschrijving"])
    return names, descriptions
