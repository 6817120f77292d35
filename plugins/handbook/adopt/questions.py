"""The questions of ``handbook nieuw`` in the terminal (questionary).

Each answer is checked as it is typed, with the same pydantic field and the same Dutch message
the build gives; an empty answer where only the organisation knows the value becomes a
"NOG INVULLEN" marker. The answers form the same structure as an answers file, so both paths
write the same files. A summary is confirmed before anything is written."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import questionary
from pydantic import BaseModel, TypeAdapter, ValidationError

from ..core.brand import available_sectors
from ..core.dates import nl_date
from ..core.errors import HandbookError
from ..core.messages import _dutch
from ..core.models.brand import Contact, Kanaal, Organisatie
from ..sectors.load import section_keys, sector_labels
from ..topics.select import REQUIRED_PAGES
from . import defaults
from .answers import used_contacts
from .plan import Plan, make_plan

Check = Callable[[str], bool | str]


def field_check(model: type[BaseModel], name: str, optional: bool = False) -> Check:
    """A questionary validator from a model's field: True, or the build's Dutch message."""
    info = model.model_fields[name]
    annotation = Annotated[info.annotation, *info.metadata] if info.metadata else info.annotation
    adapter: TypeAdapter[Any] = TypeAdapter(annotation)

    def check(text: str) -> bool | str:
        if not text.strip():
            return True if optional else "Vul iets in."
        try:
            adapter.validate_python(text.strip())
        except ValidationError as error:
            return _dutch(error.errors()[0]) + "."
        return True

    return check


def _ask(question: questionary.Question) -> Any:
    answer = question.ask()
    if answer is None:  # Ctrl-C
        raise KeyboardInterrupt
    return answer


def _text(message: str, check: Check | None = None, default: str = "") -> str:
    return _ask(questionary.text(message, default=default, validate=check)).strip()


def _list_check(known: list[str], required: bool, forbidden: tuple[str, ...] = ()) -> Check:
    def check(text: str) -> bool | str:
        items = [i.strip() for i in text.split(",") if i.strip()]
        if required and not items:
            return "Kies er minstens één."
        for item in items:
            if item in forbidden:
                return f"'{item}' kan niet uit; het beleid kan niet zonder."
            if item not in known:
                return f"'{item}' ken ik niet. Kies uit: {', '.join(known)}."
        return True

    return check


def _split(text: str) -> list[str]:
    return [i.strip() for i in text.split(",") if i.strip()]


def ask_answers(root: Path, today: date) -> dict[str, Any]:
    """Ask everything; returns answers in the structure of an answers file."""
    print("Maak het handboek van je eigen organisatie. Druk op Enter voor het voorstel tussen ")
    print("haakjes; laat iets leeg als je het nog niet weet (dan staat er 'NOG INVULLEN').\n")
    org: dict[str, Any] = {}
    org["naam"] = _text("Naam van de organisatie:", field_check(Organisatie, "naam"))
    org["juridische_naam"] = _text(
        "Naam in het Handelsregister:", field_check(Organisatie, "juridische_naam"), org["naam"]
    )
    sectors = list(available_sectors(root / "data"))
    names, _ = sector_labels(root / "data", root)
    print("Sectoren: " + "; ".join(f"{k} ({names.get(k, k)})" for k in sectors))
    chosen = _split(_text("Sector (of meer, met komma's):", _list_check(sectors, True)))
    org["sector"] = chosen[0] if len(chosen) == 1 else chosen
    for key, message in (
        ("website", "Website (met https://):"),
        ("intranet_url", "Adres van dit handboek op het intranet (met https://):"),
    ):
        value = _text(message, field_check(Organisatie, key, optional=True))
        if value:
            org[key] = value
    org["herzieningscyclus"] = _text(
        "Hoe vaak herzien jullie het beleid?",
        field_check(Organisatie, "herzieningscyclus"),
        "12 maanden",
    )
    org["beursgenoteerd"] = _ask(
        questionary.confirm("Staan aandelen of obligaties op een beurs?", default=False)
    )
    org["ondernemingsraad"] = _ask(
        questionary.confirm("Heeft de organisatie een ondernemingsraad?", default=True)
    )
    org["verkoopt_online"] = _ask(
        questionary.confirm("Verkopen jullie online aan consumenten?", default=False)
    )
    pages = [p for p in section_keys(root / "docs") if p not in REQUIRED_PAGES]
    print("Onderwerpen die uit kunnen: " + ", ".join(pages))
    off = _split(
        _text(
            "Welke onderwerpen gelden niet voor jullie (met komma's, leeg: geen)?",
            _list_check(pages, False, REQUIRED_PAGES),
        )
    )
    answers: dict[str, Any] = {"organisatie": org}
    if off:
        answers["onderwerpen_uit"] = off
    answers["contacten"] = _ask_contacts(root)
    answers["kanalen"] = _ask_channels()
    github = _text(
        "GitHub-organisatie voor reviews, zoals @bakkerij (leeg: later):",
        lambda t: True if not t.strip() or t.strip().startswith("@") else "Begin met @.",
    )
    if github:
        for key, contact in answers["contacten"].items():
            contact["github"] = f"{github}/{key.replace('_', '-')}"
    repository = _text(
        "Adres van jullie repository (leeg: later):", field_check(Kanaal, "url", optional=True)
    )
    if repository:
        answers["repository"] = repository
    return answers


def _ask_contacts(root: Path) -> dict[str, Any]:
    contacts: dict[str, Any] = {}
    for key in defaults.contact_keys(used_contacts(root)):
        rol = defaults.ROLES.get(key, (key, ""))[0]
        print(f"\n{rol}")
        contact: dict[str, Any] = {}
        for name, message, optional in (
            ("naam", f"  Naam van de persoon of het team ({rol}):", True),
            ("email", f"  E-mailadres ({rol}):", True),
            ("telefoon", f"  Telefoonnummer ({rol}, leeg: geen):", True),
        ):
            value = _text(message, field_check(Contact, name, optional))
            if value:
                contact[name] = value
        contacts[key] = contact
    return contacts


def _ask_channels() -> list[dict[str, Any]]:
    channels = []
    print("\nOfficiële accounts. Laat het platform leeg als je klaar bent.")
    while True:
        platform = _text("  Platform, zoals Instagram:")
        if not platform:
            return channels
        channel: dict[str, Any] = {"platform": platform}
        channel["handle"] = _text(
            f"  Naam van het account op {platform}:", field_check(Kanaal, "handle")
        )
        channel["url"] = _text(
            f"  Webadres van het account op {platform}:", field_check(Kanaal, "url")
        )
        channel["doel"] = _text("  Waarvoor gebruiken jullie het?", field_check(Kanaal, "doel"))
        channels.append(channel)


def summary(plan: Plan) -> str:
    org = plan.organisatie
    sectors = org["sector"] if isinstance(org["sector"], list) else [org["sector"]]
    lines = [
        "",
        "Samenvatting",
        f"  Organisatie:   {org['naam']} ({org['juridische_naam']})",
        f"  Sector(en):    {', '.join(sectors)}",
        f"  Versie:        {org['beleidsversie']}, geldt vanaf {nl_date(org['ingangsdatum'])}",
        f"  Herziening:    elke {org['herzieningscyclus']}",
        f"  Onderwerpen uit: {', '.join(org.get('onderwerpen_uit') or []) or 'geen'}",
        f"  Contacten:     {len(plan.data['contacten'])}",
        "  Accounts:      "
        + (", ".join(str(k["platform"]) for k in plan.data["kanalen"]) or "geen"),
        f"  Repository:    {plan.repository or 'later'}",
        f"  Bestanden:     {len(plan.files)} (data/, de datums in docs/, mkdocs.yml)",
    ]
    return "\n".join(lines)


def ask(root: Path, today: date, warning: str | None, repository: str | None) -> Plan | None:
    """The whole conversation; returns the plan to write, or None when the user stops."""
    try:
        if warning and not _ask(
            questionary.confirm(f"{warning} Wil je die bestanden toch vervangen?", default=False)
        ):
            return None
        answers = ask_answers(root, today)
        if repository and "repository" not in answers:
            answers["repository"] = repository
        plan = make_plan(root, answers, today)
        print(summary(plan))
        if not _ask(questionary.confirm("Klopt dit? Dan schrijf ik het handboek.", default=True)):
            return None
        return plan
    except KeyboardInterrupt:
        return None
    except HandbookError:
        raise
