"""Load and validate a brand's data files; report every problem in Dutch with file, line and key.

Plain functions without MkDocs imports: the plugin, the CLI and the tests call them alike."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Environment, StrictUndefined, TemplateError

from .errors import HandbookError
from .keys import BRAND_STEMS, REQUIRED_CONTACTS, SECTOR_KEYS
from .markers import OpenValue, open_values, restore, validate_open
from .messages import key_text, validation_messages
from .placeholders import render_text
from .unavailable import Unavailable, tolerate
from .validation import Invalid, Record, as_dicts, replace, validated
from .yamlsrc import Source, read_yaml


def validate_source(source: Source, kind: str, prefix: Sequence[str | int]) -> Any:
    return validate_open_source(source, kind, prefix)[0]


def validate_open_source(
    source: Source, kind: str, prefix: Sequence[str | int]
) -> tuple[Any, list[tuple[str | int, ...]]]:
    """Validate a file that may hold "NOG INVULLEN" markers; returns the model and their paths."""
    try:
        return validate_open(source.data, lambda data: validated(kind, data))
    except Invalid as error:
        raise HandbookError(validation_messages(source, error, prefix)) from None


def sector_keys(organisatie: Any) -> tuple[str, ...]:
    """``organisatie.sector`` as a tuple: one sector, or the list of them in order."""
    value = organisatie.sector if not isinstance(organisatie, Mapping) else organisatie["sector"]
    return tuple(value) if isinstance(value, list | tuple) else (value,)


@dataclass
class Brand:
    """A brand's validated data, the sources they came from, and plain dicts for templates."""

    data_dir: Path
    models: dict[str, Any]
    sources: dict[str, Source]
    sectors: tuple[str, ...] = ()
    variables: dict[str, Any] = field(default_factory=dict)
    broken: tuple[str, ...] = ()
    """Files (stems) that did not load; their variables are quiet stand-ins (Unavailable)."""
    open: list[OpenValue] = field(default_factory=list)
    """Values still on "NOG INVULLEN" (see ``markers``), in file order."""

    def contact(self, key: str) -> Record:
        return self.models["contacten"][key]


def available_sectors(data_dir: Path) -> tuple[str, ...]:
    folder = data_dir / "sectoren"
    return tuple(sorted(p.stem for p in folder.glob("*.yml"))) if folder.is_dir() else ()


def load_brand(data_dir: Path, label_root: Path | None = None, sector: str | None = None) -> Brand:
    """Read, validate and cross-check every brand file in ``data_dir``.

    ``sector`` overrides ``organisatie.sector`` (used for the sector variants).
    Raises :class:`HandbookError` with every problem found, not only the first.
    """
    brand, messages = read_brand(data_dir, label_root, sector)
    if messages:
        raise HandbookError(messages)
    return brand


def read_brand(
    data_dir: Path, label_root: Path | None = None, sector: str | None = None
) -> tuple[Brand, list[str]]:
    """Every brand file that loads, and the Dutch messages of every problem found.

    A file that does not load is reported once and listed in ``Brand.broken``; its variables
    are :class:`Unavailable` stand-ins, so what depends on it (placeholders, tables, cross
    checks) stays quiet instead of adding misleading messages. The checks between files run
    for every pair of files that did load.
    """
    label_root = label_root or data_dir.parent
    messages: list[str] = []
    models: dict[str, Any] = {}
    sources: dict[str, Source] = {}
    markers: dict[str, list[tuple[str | int, ...]]] = {}
    for stem in BRAND_STEMS:
        path = data_dir / f"{stem}.yml"
        label = _label(path, label_root)
        try:
            source = read_yaml(path, label)
            sources[stem] = source
            models[stem], markers[stem] = validate_open_source(source, stem, (stem,))
        except HandbookError as error:
            messages.extend(error.messages)
    sectors = available_sectors(data_dir)
    problems, unusable = cross_check(models, sources, sectors, sector)
    messages.extend(problems)
    # A file that names a contact that does not exist is reported once, here; tables and
    # placeholders made from it then stay quiet instead of failing on the missing contact.
    broken = tuple(stem for stem in BRAND_STEMS if stem not in models or stem in unusable)
    brand = Brand(data_dir=data_dir, models=models, sources=sources, sectors=sectors)
    brand.broken = broken
    if sector and "organisatie" in models:
        models["organisatie"] = replace(models["organisatie"], sector=sector)
    # Plain dicts and lists for Jinja; dates keep their Dutch ``str``. Pages show a marker's
    # own text, not the stand-in that validation used.
    variables: dict[str, Any] = {
        stem: restore(as_dicts(model), sources[stem].data, markers[stem])
        for stem, model in models.items()
    }
    variables.update({stem: Unavailable(stem) for stem in broken})
    brand.open = [
        v
        for stem in BRAND_STEMS
        if stem in models
        for v in open_values(sources[stem], markers[stem], (stem,))
    ]
    try:
        brand.variables = fill_placeholders(variables, sources)
    except HandbookError as error:
        messages.extend(error.messages)
        brand.variables = variables
    return brand, messages


def fill_in(
    value: Any,
    source: Source,
    variables: Mapping[str, Any],
    prefix: Sequence[str | int] = (),
    example: str = "{{ organisatie.naam }}",
) -> Any:
    """Fill ``{{ ... }}`` in every text inside ``value`` (read from ``source``) from the brand
    data; every unknown name is a Dutch message with file, line and key."""
    env = tolerate(Environment(undefined=StrictUndefined, autoescape=False))
    messages: list[str] = []

    def fill(item: Any, loc: list[str | int]) -> Any:
        if isinstance(item, str) and "{" in item:
            try:
                return render_text(env, item, variables)
            except (TemplateError, ValueError) as error:
                messages.append(
                    f"{source.label}, regel {source.line_of(loc)}, sleutel "
                    f"'{key_text([*prefix, *loc])}': de placeholder klopt niet ({error}). "
                    f"Gebruik bestaande gegevens, zoals {example}."
                )
                return item
        if isinstance(item, dict):
            return {k: fill(v, [*loc, k]) for k, v in item.items()}
        if isinstance(item, list):
            return [fill(v, [*loc, i]) for i, v in enumerate(item)]
        return item

    filled = fill(value, [])
    if messages:
        raise HandbookError(messages)
    return filled


def fill_placeholders(variables: dict[str, Any], sources: dict[str, Source]) -> dict[str, Any]:
    """Fill ``{{ ... }}`` inside data values (a holding statement may name the brand)."""
    messages: list[str] = []
    filled = {}
    for stem, value in variables.items():
        if stem not in sources:  # a file that did not load: reported already
            filled[stem] = value
            continue
        try:
            filled[stem] = fill_in(value, sources[stem], variables, (stem,))
        except HandbookError as error:
            messages.extend(error.messages)
    if messages:
        raise HandbookError(messages)
    return filled


def _label(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _refs(models: dict[str, Any]) -> Iterable[tuple[str, Sequence[str | int], str]]:
    """Every contact reference: (file stem, key path inside the file, referenced key).

    Only from the files that loaded (``models`` leaves the broken ones out)."""
    if "organisatie" in models:
        yield "organisatie", ("beleidseigenaar",), models["organisatie"].beleidseigenaar
    if "slas" in models:
        for i, step in enumerate(models["slas"].escalatie):
            yield "slas", ("escalatie", i, "naar"), step.naar
        yield "slas", ("datalek", "melden_bij"), models["slas"].datalek.melden_bij
        for i, key in enumerate(models["slas"].beantwoord_door):
            yield "slas", ("beantwoord_door", i), key
    for i, kanaal in enumerate(models.get("kanalen", ())):
        yield "kanalen", (i, "eigenaar"), kanaal.eigenaar
    for i, rule in enumerate(models.get("goedkeuring", ())):
        yield "goedkeuring", (i, "goedkeurder"), rule.goedkeurder
    if "crisis" in models:
        for i, level in enumerate(models["crisis"].niveaus):
            yield "crisis", ("niveaus", i, "beslist"), level.beslist


def contact_ref_message(
    source: Source, loc: Sequence[str | int], prefix: str, ref: str, known: Iterable[str]
) -> str:
    line = source.line_of(loc)
    return (
        f"{source.label}, regel {line}, sleutel '{key_text([prefix, *loc])}': "
        f"'{ref}' is geen bekend contact. Kies een sleutel uit data/contacten.yml: "
        f"{', '.join(sorted(known))}."
    )


def cross_check(
    models: dict[str, Any],
    sources: dict[str, Source],
    sectors: tuple[str, ...],
    sector: str | None,
) -> tuple[list[str], set[str]]:
    """Checks between files: (messages, the stems whose contact references are wrong)."""
    messages = []
    unusable: set[str] = set()
    contacts = models.get("contacten")
    if contacts is not None:  # a broken contacts file is reported on its own
        for key in REQUIRED_CONTACTS:
            if key not in contacts:
                messages.append(
                    f"{sources['contacten'].label}: het contact '{key}' ontbreekt. Elke "
                    f"organisatie heeft deze rollen nodig: {', '.join(REQUIRED_CONTACTS)}."
                )
        for stem, loc, ref in _refs(models):
            if ref not in contacts:
                messages.append(contact_ref_message(sources[stem], loc, stem, ref, contacts))
                unusable.add(stem)
    if "organisatie" in models:
        messages.extend(_sector_check(models, sources, sectors, sector))
    if "crisis" in models:
        messages.extend(_levels_check(models, sources))
    return messages, unusable


def _sector_check(
    models: dict[str, Any], sources: dict[str, Source], sectors: tuple[str, ...], sector: str | None
) -> list[str]:
    messages = []
    chosen = (sector,) if sector else sector_keys(models["organisatie"])
    sectors = sectors or SECTOR_KEYS
    several = isinstance(models["organisatie"].sector, list) and not sector
    for i, key in enumerate(chosen):
        if key not in sectors:
            source = sources["organisatie"]
            loc = ["sector", i] if several else ["sector"]
            messages.append(
                f"{source.label}, regel {source.line_of(loc)}, sleutel "
                f"'{key_text(['organisatie', *loc])}': '{key}' is geen bekende sector. Kies uit: "
                f"{', '.join(sectors)}."
            )
    if len(set(chosen)) != len(chosen):
        source = sources["organisatie"]
        messages.append(
            f"{source.label}, regel {source.line_of(['sector'])}, sleutel 'organisatie.sector': "
            "een sector staat er twee keer. Noem elke sector één keer."
        )
    return messages


def _levels_check(models: dict[str, Any], sources: dict[str, Source]) -> list[str]:
    messages = []
    levels = [n.niveau for n in models["crisis"].niveaus]
    if levels != sorted(set(levels)):
        source = sources["crisis"]
        messages.append(
            f"{source.label}, regel {source.line_of(['niveaus'])}, sleutel 'crisis.niveaus': "
            "de niveaus moeten oplopen en mogen niet dubbel voorkomen (1, 2, 3, ...)."
        )
    return messages
