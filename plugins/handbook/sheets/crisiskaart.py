"""The printable crisis card (``crisiskaart/``): what to do in the first hour, on one A4.

Plain functions, no MkDocs imports. Everything on the card comes from ``data/crisis.yml``,
``data/contacten.yml`` and ``data/slas.yml``; the layout and budget are the one-pager's.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from ..core.text import escaped, html_text
from .layout import LAYOUT, Layout, Usage, wrapped_lines
from .markdown import (
    colophon,
    escape_jinja,
    mail_link,
    phone_link,
    role_in_sentence,
    sheet_opening,
)

SRC_URI = "crisiskaart.md"

PDF_NAME = "crisiskaart.pdf"

STEPS = 5

# Roles that are not in the crisis team but that people in a crisis may need to call.
EXTRA_ROLES = ("it_security",)


def card_title(variables: Mapping[str, Any]) -> str:
    return f"Crisiskaart {html_text(variables['organisatie']['naam'])}"


def banner(variables: Mapping[str, Any]) -> str:
    line = variables["contacten"]["crisisteam"]
    first = variables["slas"]["eerste_reactie_crisis"]
    phone = phone_link(line.get("telefoon")) or mail_link(line["email"])
    return (
        f"**Bel eerst de crisislijn: {phone}** ({html_text(line['bereikbaarheid'])}). "
        f"Eerste reactie online binnen {html_text(first)}."
    )


def blocks(variables: Mapping[str, Any]) -> list[tuple[str, list[str], str]]:
    """The card's sections: (heading, Markdown lines, kind) with kind "ol", "ul" or "quote"."""
    # Data values are text on the card: escaped once here (links are made from the raw ones).
    raw_contacts = variables["contacten"]
    safe = escaped(variables)
    crisis = safe["crisis"]
    contacts = safe["contacten"]
    slas = safe["slas"]
    breach = slas["datalek"]
    privacy = contacts[breach["melden_bij"]]
    raw_privacy = raw_contacts[variables["slas"]["datalek"]["melden_bij"]]
    org = safe["organisatie"]
    levels = [
        f"**{n['niveau']}. {n['naam']}**: {n['omschrijving']} Beslist: "
        f"{contacts[n['beslist']]['rol']}; reactie binnen {n['eerste_reactie']}."
        for n in crisis["niveaus"]
    ]
    people = [
        f"**{p['naam']}**, {p['functie']}: {phone_link(raw['telefoon'])}"
        for p, raw in zip(crisis["team"], variables["crisis"]["team"], strict=True)
    ]
    for key in EXTRA_ROLES:
        contact = raw_contacts.get(key)
        if contact:
            reach = phone_link(contact.get("telefoon")) or mail_link(contact["email"])
            people.append(f"**{html_text(contact['rol'])}** (gehackt account, phishing): {reach}")
    breach_lines = [
        f"Meld het binnen {breach['intern_melden_binnen']} bij {role_in_sentence(privacy)} "
        f"({privacy['naam']}): {mail_link(raw_privacy['email'])}"
        + (f", {phone_link(raw_privacy.get('telefoon'))}" if raw_privacy.get("telefoon") else "")
        + ".",
        f"{org['naam']} meldt een datalek zo nodig binnen {breach['ap_melden_binnen']} bij de "
        "Autoriteit Persoonsgegevens. Dat doe je niet zelf.",
    ]
    statement = crisis["wachtberichten"][0]
    return [
        ("De eerste stappen", list(crisis["eerste_stappen"][:STEPS]), "ol"),
        ("Hoe ernstig is het?", levels, "ul"),
        ("Wie bel je?", people, "ul"),
        ("Datalek", breach_lines, "ul"),
        (f"Wachtbericht ({statement['situatie']})", [statement["tekst"]], "quote"),
    ]


def usage(variables: Mapping[str, Any], layout: Layout = LAYOUT) -> Usage:
    """Column lines the card takes; the banner takes the strip's place above the columns."""
    width = layout.chars_per_line - 2
    height = 0.0
    count = 0
    for _heading, lines, _kind in blocks(variables):
        height += layout.heading_lines + 0.5  # heading, and the space after the section
        height += sum(wrapped_lines(line, width) + layout.item_gap for line in lines)
        count += len(lines)
    # Sections do not break across columns: the first column may end up to one section short.
    slack = max(
        layout.heading_lines + sum(wrapped_lines(line, width) for line in lines)
        for _heading, lines, _kind in blocks(variables)
    )
    banner_lines = wrapped_lines(banner(variables), layout.chars_per_line * 2 - 10)
    maximum = layout.columns * layout.column_lines - math.ceil(slack) - 2 * banner_lines
    return Usage(lines=math.ceil(height), maximum=maximum, items=count)


def budget_message(used: Usage) -> str | None:
    if used.fits:
        return None
    return (
        f"De crisiskaart past niet meer op één A4: {used.lines} regels, maximaal "
        f"{used.maximum}; kort de eerste stappen, de ernstniveaus of het eerste wachtbericht in "
        "data/crisis.yml in, of noem minder mensen onder 'team'."
    )


def card_markdown(
    variables: Mapping[str, Any], pdf: str | None = None, crisis_page: str | None = "crisis.md"
) -> str:
    """The page ``crisiskaart/``; it links to ``crisis_page`` when the handbook has one."""
    title = card_title(variables)
    source = "data/crisis.yml, data/contacten.yml en data/slas.yml"
    out = [
        *sheet_opening(variables, title, pdf, source, "crisis", "crisiskaart"),
        f'<p class="handbook-sheet__banner" markdown>{banner(variables)}</p>',
        "",
        '<div class="handbook-sheet__columns" markdown>',
        "",
    ]
    for number, (heading, lines, kind) in enumerate(blocks(variables), start=1):
        anchor = f"kaart-{number}"
        out += [
            f'<section aria-labelledby="{anchor}" markdown>',
            "",
            f"## {heading} {{: #{anchor} }}",
            "",
        ]
        if kind == "ol":
            out += [f"{i}. {line}" for i, line in enumerate(lines, start=1)]
        elif kind == "quote":
            out += [f"> {line}" for line in lines]
        else:
            out += [f"- {line}" for line in lines]
        out += ["", "</section>", ""]
    out += [
        "</div>",
        "",
        *([f"Meer uitleg staat op de pagina [Crisis]({crisis_page}).", ""] if crisis_page else []),
        colophon(variables),
        "",
        "</div>",
        "",
    ]
    return escape_jinja("\n".join(out))
