"""From answers (a file or the questions in the terminal) to the organisation's data files:
read them, fill in what they leave out, and check the result exactly as a build would.

No MkDocs imports; messages are Dutch and name the answers file, the line and the key."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from ..core.brand import available_sectors, cross_check, sector_keys
from ..core.errors import HandbookError
from ..core.keys import BRAND_STEMS
from ..core.markers import validate_open
from ..core.messages import validation_messages
from ..core.validation import Invalid, validated
from ..core.yamlsrc import Source, child_source, read_yaml
from ..sectors.load import section_keys, sector_file
from ..topics.select import topics_off
from . import defaults

TOP_KEYS = (*BRAND_STEMS, "onderwerpen_uit", "repository")

INFLUENCER_PAGE = "ambassadeurs-en-influencers"

# The order of data/organisatie.yml, as editors know it.
ORGANISATION_ORDER = (
    "naam",
    "juridische_naam",
    "sector",
    "website",
    "intranet_url",
    "beleidsversie",
    "ingangsdatum",
    "herzieningscyclus",
    "beleidseigenaar",
    "bevestiging_url",
    "instemming_or",
    "bewaartermijn_berichten",
    "beursgenoteerd",
    "ondernemingsraad",
    "verkoopt_online",
    "onderwerpen_uit",
    "in_gebruik_sinds",
)

_OWNER = re.compile(r"^eigenaar:\s*([a-z][a-z0-9_]*)\s*$", re.M)

# A contact a text names: {{ contacten.hr.email }}, contacten_tabel("hr", "juridisch").
_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
_CONTACT_USE = re.compile(r"(?<![\w.])contacten\.([a-z][a-z0-9_]*)")
_TABLE_USE = re.compile(r"contacten_tabel\(([^)]*)\)")


def read_answers(path: Path, label: str) -> Source:
    """The answers file, parsed with line numbers; a Dutch error for anything but known keys."""
    source = read_yaml(path, label)
    data = source.data
    if not isinstance(data, dict):
        raise HandbookError(
            [f"{label}: het bestand moet sleutels bevatten, zoals 'organisatie:' en 'contacten:'."]
        )
    unknown = [key for key in data if key not in TOP_KEYS]
    if unknown:
        raise HandbookError(
            [
                f"{label}, regel {source.line_of([key])}: '{key}' is geen bekende sleutel. Gebruik "
                f"{', '.join(TOP_KEYS)}."
                for key in unknown
            ]
        )
    return source


def page_owners(docs_dir: Path) -> list[str]:
    """The contact keys the pages' front matter names as ``eigenaar``."""
    owners: list[str] = []
    for path in sorted(docs_dir.glob("*.md")):
        match = _OWNER.search(path.read_text(encoding="utf-8"))
        if match and match[1] not in owners:
            owners.append(match[1])
    return owners


def used_contacts(root: Path) -> list[str]:
    """Contacts the shared texts name (pages, quiz, sector files) and the pages' owners:
    the organisation needs each of them, or a page cannot be built."""
    keys = page_owners(root / "docs")
    texts = [p.read_text(encoding="utf-8") for p in sorted((root / "docs").glob("*.md"))]
    texts += [
        p.read_text(encoding="utf-8")
        for p in [root / "data" / "quiz.yml", *sorted((root / "data" / "sectoren").glob("*.yml"))]
        if p.is_file()
    ]
    for text in texts:
        code = " ".join(_JINJA.findall(text))  # a link to contacten.md is no use of a contact
        found = _CONTACT_USE.findall(code)
        for args in _TABLE_USE.findall(code):
            found += re.findall(r"[\"']([a-z][a-z0-9_]*)[\"']", args)
        keys += [key for key in found if key not in keys]
    return keys


def _merged(default: Any, given: Any) -> Any:
    """``given`` over ``default``: blocks merge key by key, lists and texts replace."""
    if isinstance(default, dict) and isinstance(given, dict):
        return {**default, **{k: _merged(default.get(k), v) for k, v in given.items()}}
    return default if given is None else given


def _sector_facts(root: Path, organisatie: Mapping[str, Any]) -> tuple[list[str], list[str]]:
    """Audiences and crisis scenario titles of the organisation's sectors (for defaults)."""
    audiences: list[str] = []
    scenarios: list[str] = []
    try:
        keys = sector_keys(organisatie)
    except (KeyError, TypeError):
        return audiences, scenarios
    for key in keys:
        try:
            data = read_yaml(sector_file(root / "data", str(key)), str(key)).data
        except HandbookError:
            continue
        if isinstance(data, dict):
            audiences += [str(a) for a in data.get("doelgroepen") or [] if a not in audiences]
            scenarios += [
                " ".join(str(s.get("titel", "")).split())
                for s in data.get("crisisscenarios") or []
                if isinstance(s, dict) and s.get("titel")
            ]
    return audiences, scenarios


def complete(answers: Mapping[str, Any], root: Path, today: date) -> dict[str, Any]:
    """Every data file's content: the answers, and defaults or markers for the rest."""
    given_org = dict(answers.get("organisatie") or {})
    off = list(answers.get("onderwerpen_uit") or given_org.pop("onderwerpen_uit", None) or [])
    organisatie = {**defaults.default_organisation(today), **given_org}
    if off:
        organisatie["onderwerpen_uit"] = off
    organisatie["in_gebruik_sinds"] = today
    organisatie = {k: organisatie[k] for k in ORGANISATION_ORDER if k in organisatie} | organisatie
    audiences, scenarios = _sector_facts(root, organisatie)

    given_contacts = dict(answers.get("contacten") or {})
    keys = defaults.contact_keys(used_contacts(root), organisatie["beleidseigenaar"])
    contacten = {
        key: _merged(defaults.default_contact(key), given_contacts.pop(key, None)) for key in keys
    }
    contacten.update(given_contacts)  # the organisation's own extra contacts

    kanalen = [
        defaults.complete_channel(k, audiences) if isinstance(k, dict) else k
        for k in answers.get("kanalen") or [defaults.default_channel(audiences)]
    ]
    platforms = [
        str(k["platform"])
        for k in kanalen
        if isinstance(k, dict) and not str(k.get("platform", "")).startswith("NOG")
    ]
    slas = _merged(defaults.default_slas(platforms), answers.get("slas"))
    goedkeuring = answers.get("goedkeuring") or defaults.default_approvals(
        INFLUENCER_PAGE not in off
    )
    crisis = _merged(defaults.default_crisis(scenarios), answers.get("crisis"))
    return {
        "organisatie": organisatie,
        "contacten": contacten,
        "slas": slas,
        "kanalen": kanalen,
        "goedkeuring": goedkeuring,
        "crisis": crisis,
    }


def _view(answers: Source | None, stem: str, data: Any, label: str) -> Source:
    """The completed data of one file, with the answers' lines where the answers gave it."""
    root = child_source(answers.root, stem) if answers is not None else None
    path = answers.path if answers is not None else Path(label)
    return Source(path=path, label=label, data=data, root=root)


def check(data: Mapping[str, Any], root: Path, answers: Source | None, label: str) -> list[str]:
    """Every problem the build would find in this data, as Dutch messages (none: all fine)."""
    messages: list[str] = []
    models: dict[str, Any] = {}
    views = {stem: _view(answers, stem, data[stem], label) for stem in BRAND_STEMS}
    for stem in BRAND_STEMS:
        try:
            models[stem] = validate_open(data[stem], lambda d, s=stem: validated(s, d))[0]
        except Invalid as error:
            messages.extend(validation_messages(views[stem], error, (stem,)))
    if messages:
        return messages
    problems, _ = cross_check(models, views, available_sectors(root / "data"), None)
    messages += problems
    try:
        topics_off(data["organisatie"], section_keys(root / "docs"), views["organisatie"])
    except HandbookError as error:
        messages += error.messages
    return messages
