"""The Markdown both sheets share: front matter, masthead, colophon, mail and phone links,
and text made safe for HTML and for macros."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..content.tables import mail, phone
from ..core.text import html_attr, html_text

TEMPLATE = "onepager.html"  # docs/overrides/onepager.html, for both sheets


def mail_link(address: str) -> str:
    return mail(address)


def phone_link(number: str | None) -> str:
    return phone(number, empty="")


def _quote(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def front_matter(title: str, pdf: str | None, source: str) -> str:
    lines = [
        "---",
        f"title: {_quote(title)}",
        f"template: {TEMPLATE}",
        "render_macros: false",
        "hide:",
        "  - navigation",
        "  - toc",
        "search:",
        "  boost: 0.5",
        f"bron: {_quote(source)}",
    ]
    if pdf:
        lines.append(f"pdf: {_quote(pdf)}")
    lines.append("---")
    return "\n".join(lines) + "\n"


def masthead(variables: Mapping[str, Any], kind: str) -> str:
    org = variables["organisatie"]
    return (
        '<p class="handbook-sheet__masthead">'
        f"<strong>{html_text(org['naam'])}</strong> · Socialmediabeleid · {kind} · versie "
        f"{html_text(org['beleidsversie'])}, geldig vanaf {html_text(str(org['ingangsdatum']))}</p>"
    )


def sheet_opening(
    variables: Mapping[str, Any], title: str, pdf: str | None, source: str, sheet: str, kind: str
) -> list[str]:
    """The lines every sheet starts with: front matter, the sheet's box, masthead and title."""
    return [
        front_matter(title, pdf, source),
        f'<div class="handbook-sheet handbook-sheet--{sheet}" markdown>',
        "",
        masthead(variables, kind),
        "",
        f"# {title}",
        "",
    ]


def colophon(variables: Mapping[str, Any]) -> str:
    org = variables["organisatie"]
    url = org["intranet_url"]
    return (
        '<p class="handbook-sheet__colophon">Het volledige beleid: '
        f'<a href="{html_attr(url)}">{html_text(url)}</a> · '
        f"versie {html_text(org['beleidsversie'])} van {html_text(str(org['ingangsdatum']))}</p>"
    )


def escape_jinja(text: str) -> str:
    """Data never becomes a template: the page is not rendered by macros, but be safe."""
    return text.replace("{{", "{ {").replace("{%", "{ %")


def role_in_sentence(contact: Mapping[str, Any]) -> str:
    """A role as it reads mid-sentence: its ``in_zin`` ("de functionaris
    gegevensbescherming"), or "de" and the role when the data gives none."""
    in_zin = contact.get("in_zin")
    if in_zin and in_zin != contact["rol"]:
        return str(in_zin)
    return f"de {contact['rol']}"


def strip_cells(variables: Mapping[str, Any]) -> list[tuple[str, str]]:
    """The four cells of the strip with key contacts and SLAs: (label, Markdown)."""
    contacts = variables["contacten"]
    slas = variables["slas"]
    team = contacts["social_media_team"]
    crisis = contacts["crisisteam"]
    breach = slas["datalek"]
    privacy = contacts[breach["melden_bij"]]
    team_text = " · ".join(
        p for p in (phone_link(team.get("telefoon")), mail_link(team["email"])) if p
    )
    crisis_text = " · ".join(
        p for p in (phone_link(crisis.get("telefoon")), html_text(crisis["bereikbaarheid"])) if p
    )
    return [
        (html_text(team["rol"]), team_text),
        ("Crisislijn", crisis_text),
        (
            "Eerste reactie bij een crisis",
            f"binnen {html_text(slas['eerste_reactie_crisis'])}; bel eerst de crisislijn",
        ),
        (
            "Datalek melden",
            f"binnen {html_text(breach['intern_melden_binnen'])} bij "
            f"{html_text(role_in_sentence(privacy))}: {mail_link(privacy['email'])}",
        ),
    ]
