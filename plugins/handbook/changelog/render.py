"""The Markdown of the page ``wijzigingen/`` and of "Wat is er veranderd" on the home page."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from typing import Any

from jinja2 import Environment, TemplateError

from ..core.dates import Datum
from ..core.placeholders import render_text
from .entries import Entry, Group, rule_changes
from .history import FIX, History

_H1 = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.M)


def page_anchor(src_uri: str) -> str:
    """The anchor of a page's own history on the changelog page: 'crisis.md' -> 'pagina-crisis'."""
    return "pagina-" + _slug(src_uri.removesuffix(".md"))


def version_anchor(version: str | None, after: str | None = None) -> str:
    if version is None:
        return "na-versie-" + _slug(after) if after else "nog-geen-versie"
    return "versie-" + _slug(version)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


def escape(text: str) -> str:
    """Text from git, safe inside Markdown: no HTML, no emphasis or links by accident."""
    text = re.sub(r"([\\`*_\[\]#|!])", r"\\\1", html.escape(text, quote=False))
    # No "{{", "{%" or "{#" for the template syntax check that runs on every page.
    return text.replace("{", "&#123;").replace("}", "&#125;")


def page_titles(
    sources: Mapping[str, str], nav: Any, variables: Mapping[str, Any] | None = None
) -> dict[str, str]:
    """Titles for page links: the nav title, else the page's first heading (placeholders
    filled), else the file name."""
    titles = nav_titles(nav)
    env = Environment(autoescape=False)
    result = {}
    for page, text in sources.items():
        title = titles.get(page)
        if title is None:
            match = _H1.search(_strip_front_matter(text))
            if match:
                try:
                    title = render_text(env, match[1], variables or {})
                except TemplateError:
                    title = None
        result[page] = (title or page.removesuffix(".md")).strip()
    return result


def nav_titles(nav: Any) -> dict[str, str]:
    """src path -> title from the ``nav`` setting of mkdocs.yml."""
    found: dict[str, str] = {}
    if isinstance(nav, list):
        for item in nav:
            found.update(nav_titles(item))
    elif isinstance(nav, dict):
        for title, value in nav.items():
            if isinstance(value, str):
                found.setdefault(value, str(title))
            else:
                found.update(nav_titles(value))
    return found


def _strip_front_matter(text: str) -> str:
    if text.startswith("---"):
        end = text.find("\n---", 3)
        if end != -1:
            return text[end + 4 :]
    return text


def _link(page: str, titles: Mapping[str, str], base: str) -> str:
    if page in titles:
        return f"[{escape(titles[page])}]({base}{page})"
    return f"{escape(page)} (bestaat niet meer)"


def _pr_text(pr: int | None, repository_url: str | None) -> str:
    if pr is None:
        return ""
    if repository_url:
        return f" Pull request [#{pr}]({repository_url.rstrip('/')}/pull/{pr})."
    return f" Pull request #{pr}."


ENTRY_HEADER = "| Datum | Wijziging | Pagina's |\n|---|---|---|"

PAGE_HEADER = "| Datum | Versie | Wijziging |\n|---|---|---|"


def entry_markdown(
    entry: Entry, titles: Mapping[str, str], repository_url: str | None, base: str = ""
) -> str:
    """One table row: date | summary, rule label, pull request | pages and data files.

    A table, because a changelog is data: readers scan the dates, and the readability check
    (readability.py) measures the prose around it, not commit subjects."""
    change = escape(entry.summary)
    if not change.endswith((".", "!", "?")):
        change += "."
    if entry.rule:
        change += " *Regelwijziging.*"
    change += _pr_text(entry.pr, repository_url)
    pages = ", ".join(_link(p, titles, base) for p in entry.pages)
    if entry.data:
        pages += (". " if pages else "") + "Gegevens: " + ", ".join(f"`{d}`" for d in entry.data)
    day = Datum.fromordinal(entry.date.toordinal())
    return f"| {day} | {change} | {pages or '–'} |"


def group_title(group: Group) -> str:
    if group.version is not None:
        return f"Versie {group.version}"
    return f"Na versie {group.after}" if group.after else "Wijzigingen zonder versienummer"


def render_changelog(
    history: History,
    groups: Sequence[Group],
    titles: Mapping[str, str],
    repository_url: str | None = None,
) -> str:
    """The Markdown of the page ``wijzigingen/`` (it is not rendered by macros)."""
    lines = [
        "---",
        "render_macros: false",
        "---",
        "",
        "# Wijzigingen",
        "",
    ]
    if not history.available:
        lines += [
            "De geschiedenis van dit handboek is in deze versie niet beschikbaar, omdat "
            f"{escape(history.reason or '')}. Daarom staat hier geen lijst met wijzigingen.",
            "",
            "Beheer je het handboek? " + escape(FIX),
            "",
        ]
        return "\n".join(lines)
    lines += [
        "Hier zie je wat er in dit beleid voor jou is veranderd. De nieuwste wijziging staat "
        "bovenaan. De lijst komt vanzelf uit de geschiedenis van het handboek. Niemand hoeft "
        "hem met de hand bij te houden. Er staat alleen in wat de redactie voor lezers heeft "
        "gemarkeerd. Een tikfout, een andere opmaak of een technische wijziging staat er niet "
        "in.",
        "",
        "De wijzigingen staan per versie van het beleid. Een versie bevat alle wijzigingen tot "
        "het versienummer omhoog ging. Wat daarna veranderde, staat onder 'Na versie …'. Dat "
        "hoort bij de volgende versie. Een *regelwijziging* verandert wat je moet of mag doen. "
        "Onderaan zie je per pagina wat er veranderde.",
        "",
    ]
    if not groups:
        lines += ["Er zijn nog geen wijzigingen vastgelegd.", ""]
    seen: dict[str, int] = {}
    for group in groups:
        anchor = version_anchor(group.version, group.after)
        seen[anchor] = seen.get(anchor, 0) + 1
        if seen[anchor] > 1:
            anchor += f"-{seen[anchor]}"
        lines += [f"## {escape(group_title(group))} {{ #{anchor} }}", ""]
        if group.version is None:
            lines += [
                "Deze wijzigingen staan al in het handboek, maar nog in geen nieuwe versie.",
                "",
            ]
        elif group.effective:
            lines += [
                f"Deze versie geldt vanaf {Datum.fromordinal(group.effective.toordinal())}."
                + (" Het is de eerste versie van dit beleid." if group.first else ""),
                "",
            ]
        if group.entries:
            lines.append(ENTRY_HEADER)
            lines += [entry_markdown(e, titles, repository_url) for e in group.entries]
        elif not group.first:
            lines.append("In deze versie zijn geen wijzigingen vastgelegd.")
        lines.append("")
    lines += ["## Per pagina { #per-pagina }", ""]
    for page, title in titles.items():
        lines += [f"### {escape(title)} {{ #{page_anchor(page)} }}", ""]
        items = [
            (group, entry) for group in groups for entry in group.entries if page in entry.pages
        ]
        if not items:
            lines += ["Nog geen wijzigingen vastgelegd.", ""]
            continue
        lines.append(PAGE_HEADER)
        for group, entry in items:
            day = Datum.fromordinal(entry.date.toordinal())
            rule = " *Regelwijziging.*" if entry.rule else ""
            lines.append(
                f"| {day} | {escape(group_title(group))} | {escape(entry.summary)}{rule} |"
            )
        lines.append("")
    return "\n".join(lines)


def render_whats_new(
    history: History,
    groups: Sequence[Group],
    organisatie: Mapping[str, Any],
    titles: Mapping[str, str],
    base: str = "",
) -> str:
    """The "Wat is er veranderd" block for the home page (Markdown, an admonition).

    Lists the rule changes of the current policy version with the date it takes effect, and
    links to the acknowledgement form when ``organisatie.bevestiging_url`` is set.
    """
    version = str(organisatie["beleidsversie"])
    body: list[str] = []
    if not history.available:
        body.append(
            f"Welke regels in versie {version} zijn veranderd, kun je in deze versie van het "
            "handboek niet zien."
        )
    else:
        changes = rule_changes(groups, version)
        if changes:
            body.append(
                f"Deze regels zijn nieuw of anders in versie {version}. Ze gelden vanaf "
                f"{organisatie['ingangsdatum']}."
            )
            body.append("")
            for entry in changes:
                pages = ", ".join(_link(p, titles, base) for p in entry.pages)
                body.append(f"- {escape(entry.summary)}" + (f" ({pages})" if pages else ""))
        else:
            body.append(f"Voor versie {version} staan er geen regelwijzigingen in het logboek.")
        body += ["", f"Alle wijzigingen staan op de pagina [Wijzigingen]({base}wijzigingen.md)."]
    url = organisatie.get("bevestiging_url")
    if url:
        body += ["", f"[Bevestig dat je versie {version} van het beleid hebt gelezen]({url})"]
    lines = [f'!!! info "Wat is er veranderd in versie {version}?"', ""]
    lines += [f"    {line}" if line else "" for line in body]
    return "\n".join(lines) + "\n"
