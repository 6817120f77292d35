"""The sector as Markdown: the rules a page shows with ``{{ sector_regels("privacy") }}``, the
items for the quick reference, and the generated page ``sector/``."""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable
from urllib.parse import urlsplit, urlunsplit

from ..content.tables import cell, dos_donts_box
from ..core.text import html_text
from .load import OWNER, LoadedSector
from .load import flat as _flat


def flat(text: str) -> str:
    """A sector text on one line, as text (no HTML from data reaches the page)."""
    return html_text(_flat(text))


SECTOR_PAGE = "sector.md"


def onepager_items(sector: LoadedSector, only_core: bool = True) -> list[dict[str, str]]:
    """The sector's do's and don'ts for the one-pager: ``{tekst, soort, sectie}`` in file order."""
    return [
        {"tekst": item["tekst"], "soort": item["soort"], "sectie": section}
        for section, items in sector.variables["aanvullingen"].items()
        for item in items
        if item["kern"] or not only_core
    ]


def section_block(sector: LoadedSector, section: str) -> str:
    """Markdown for a page: the sector's extra rules for ``section``, or "" when there are none."""
    items = sector.additions(section)
    if not items:
        return ""
    title = (
        f"Extra voor de sectoren {html_text(sector.naam)}"
        if sector.several
        else f"Extra voor de sector {html_text(sector.naam)}"
    )
    lines = ["", f'!!! info handbook-sector "{title}"', ""]
    lines += [f"    - {flat(item['regel'])}" for item in items]
    lines += [
        "",
        f"    Alle regels voor je sector staan op [{page_title(sector)}]({SECTOR_PAGE}).",
        "",
    ]
    return "\n".join(lines)


def examples_block(sector: LoadedSector, section: str) -> str:
    """Markdown for a page: the sector's examples for ``section``, each a "Voorbeeld." paragraph."""
    return "\n\n".join(f"**Voorbeeld.** {flat(text)}" for text in sector.examples(section))


def make_sector_macros(sector: LoadedSector | None, sections: Iterable[str]) -> dict[str, Callable]:
    """The ``sector_regels("<sectie>")`` and ``sector_voorbeelden("<sectie>")`` macros.

    ``sector`` is ``None`` when its file did not load: that file is reported once, and the
    macros then show nothing (they still check the section name)."""
    known = tuple(sections)

    def check(macro: str, sectie: str) -> None:
        if sectie not in known:
            raise ValueError(
                f"{macro} kent de sectie '{sectie}' niet; kies de naam van een pagina: "
                f"{', '.join(known)}"
            )

    def sector_regels(sectie: str) -> str:
        """The sector's extra rules for this section; nothing when it has none."""
        check("sector_regels", sectie)
        return section_block(sector, sectie) if sector is not None else ""

    def sector_voorbeelden(sectie: str) -> str:
        """The sector's examples for this section; nothing when it has none."""
        check("sector_voorbeelden", sectie)
        return examples_block(sector, sectie) if sector is not None else ""

    return {"sector_regels": sector_regels, "sector_voorbeelden": sector_voorbeelden}


def page_title(sector: LoadedSector) -> str:
    if sector.several:  # the page itself names every sector (a title must stay short)
        return "Regels voor je sectoren"
    return f"Regels voor de sector {html_text(sector.naam)}"


def _section_label(section: str) -> str:
    return section.replace("-", " ").capitalize()


def sector_page(sector: LoadedSector, pages: Iterable[str] = ()) -> str:
    """The generated sector page: regulation, every addition and the crisis scenarios.

    ``pages`` are the section keys that have a page in this build; those get a link.
    """
    v = sector.variables
    existing = set(pages)
    lines = [
        "---",
        "render_macros: false",
        f"eigenaar: {OWNER}",
        f"laatst_beoordeeld: {v['laatst_beoordeeld'].isoformat()}",
        f"herzien_voor: {v['herzien_voor'].isoformat()}",
        "---",
        "",
        f"# {page_title(sector)}",
        "",
        *_descriptions(sector),
        "Deze regels komen bovenop het algemene beleid. Ze staan ook op de pagina's waar ze bij "
        "horen.",
        "",
        "**Met wie we vooral praten:** " + ", ".join(flat(d) for d in v["doelgroepen"]) + ".",
        "",
        "## Wet- en regelgeving",
        "",
        "| Regel | Toezicht of eigenaar | Wat het betekent voor social media |",
        "|---|---|---|",
    ]
    for item in v["regelgeving"]:
        name = f"[{cell(item['naam'])}]({item['bron']}) ({cell(item['afkorting'])})"
        meaning = cell(item["betekenis"])
        if item.get("status"):
            status = item["status"]
            meaning += f"<br>*Stand {cell(status['datum'])}:* {cell(status['tekst'])}"
        lines.append(f"| {name} | {cell(item['toezichthouder'])} | {meaning} |")
    lines += ["", "## Extra regels per onderwerp", ""]
    for section, items in v["aanvullingen"].items():
        label = _section_label(section)
        heading = f"[{label}]({section}.md)" if section in existing else label
        lines += [f"### {heading}", ""]
        for item in items:
            mark = "Doen" if item["soort"] == "do" else "Niet doen"
            basis = f" ({cell(item['grondslag'])})" if item.get("grondslag") else ""
            lines.append(f"- {flat(item['regel'])}{basis} **{mark}:** {flat(item['tekst'])}")
        lines.append("")
    lines += ["## Crisisscenario's", ""]
    for scenario in v["crisisscenarios"]:
        lines += [f"### {flat(scenario['titel'])}", "", flat(scenario["situatie"]), ""]
        lines += ["**Eerste stappen**", ""]
        lines += [f"{i}. {flat(step)}" for i, step in enumerate(scenario["eerste_stappen"], 1)]
        lines.append("")
    items = [i for items in v["aanvullingen"].values() for i in items]
    lines.append(
        dos_donts_box(
            [flat(i["tekst"]) for i in items if i["soort"] == "do"],
            [flat(i["tekst"]) for i in items if i["soort"] == "dont"],
        )
    )
    return "\n".join(lines)


def _descriptions(sector: LoadedSector) -> list[str]:
    """One paragraph per sector: a merged sector names each of its sectors."""
    if not sector.several:
        return [flat(sector.variables["omschrijving"]), ""]
    lines = [f"Dit handboek geldt voor {len(sector.parts)} sectoren: {sector.naam}.", ""]
    for part in sector.parts:
        lines += [f"- **{cell(part.naam)}**: {flat(part.variables['omschrijving'])}"]
    return [*lines, ""]


def normalize_url(url: str) -> str:
    """Resolve ``..`` in a URL's path (edit links of generated pages point outside docs/)."""
    parts = urlsplit(url)
    path = posixpath.normpath(parts.path) if parts.path else parts.path
    return urlunsplit(parts._replace(path=path))
