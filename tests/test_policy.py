"""The policy text: every component of the policy is on its page, and every page is in the nav."""

from __future__ import annotations

import re
import shutil
from html import unescape
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, build, copy_project
from handbook.core.brand import load_brand
from handbook.core.errors import HandbookError
from handbook.core.frontmatter import check_page
from handbook.decision.page import PAGE_URI as AID_PAGE
from handbook.quiz.page import PAGE_URI
from handbook.sectors.page import SECTOR_PAGE
from handbook.sheets import crisiskaart
from handbook.sheets.onepager import SRC_URI

# Component of the policy (issue 3) -> (page slug, terms a reader must find there).
# Terms are compared in lower case against the page's article text, tables included.
COMPONENTS: dict[str, tuple[str, tuple[str, ...]]] = {
    "1 doel, ingangsdatum en eigenaar": (
        "",
        ("waarom dit beleid", "wat we willen bereiken", "geldt vanaf", "eigenaar van dit beleid"),
    ),
    "2 reikwijdte": (
        "voor-wie",
        (
            "stagiairs",
            "freelancers",
            "bureaus",
            "dm's",
            "besloten groepen",
            "appgroepen",
            "forums",
            "reviewsites",
            "vrij bent",
            "schuilnaam",
            "anoniem",
        ),
    ),
    "3 begrippen": (
        "begrippen",
        ("officieel account", "woordvoerder", "ambassadeur", "crisis", "vertrouwelijke informatie"),
    ),
    "4 officiële accounts": (
        "officiele-accounts",
        (
            "het register",
            "aanvragen",
            "beslist",
            "overdragen",
            "bevriest",
            "geen onofficiële accounts",
            "nepaccounts",
            "lijkende accounts",
        ),
    ),
    "5 beveiliging": (
        "beveiliging",
        (
            "tweestapsverificatie",
            "wachtwoordmanager",
            "samen een account gebruiken",
            "toegang intrekken",
            "gehackt",
        ),
    ),
    "6 acceptabele inhoud": (
        "acceptabele-inhoud",
        (
            "wat welkom is",
            "discriminatie",
            "haat",
            "bedreiging",
            "intimidatie",
            "feiten en meningen",
            "herstel",
            "stilletjes",
        ),
    ),
    "7 vertrouwelijke informatie": (
        "vertrouwelijke-informatie",
        (
            "wet bescherming bedrijfsgeheimen",
            "voorwetenschap",
            "roadmaps",
            "cijfers",
            "rechtszaken",
            "incidenten",
        ),
    ),
    "8 intellectueel eigendom en huisstijl": (
        "intellectueel-eigendom",
        ("auteursrecht", "licentie", "logo", "muziek", "huisstijl", "toon"),
    ),
    "9 klanten, partners, leveranciers, concurrenten": (
        "klanten-en-partners",
        ("klant", "partner", "leverancier", "concurrent", "schriftelijk", "nepreviews"),
    ),
    "10 privacy": (
        "privacy",
        (
            "avg",
            "toestemming",
            "jonger dan 16",
            "ouder",
            "portretrecht",
            "artikel 19 tot en met 21",
            "bijzondere persoonsgegevens",
            "datalek",
            "autoriteit persoonsgegevens",
            "72 uur",
        ),
    ),
    "11 persoonlijk gebruik": (
        "persoonlijk-gebruik",
        ("eigen mening", "profielfoto", "handle", "doxxing", "lastigvalt", "veiligheid"),
    ),
    "12 ambassadeurs en influencers": (
        "ambassadeurs-en-influencers",
        (
            "vrijwillig",
            "#adv",
            "#spon",
            "reclamecode social media",
            "influencer",
            "gedragscode promotionele kansspelen",
            "winactie",
            "regels van het platform",
        ),
    ),
    "13 AI": (
        "ai",
        ("ai-tool", "controleert", "met ai is gemaakt", "vertrouwelijke informatie"),
    ),
    "14 reageren": (
        "reageren",
        (
            "kantoortijd",
            "urgent",
            "toon",
            "vragen beantwoorden",
            "complimenten",
            "kritiek",
            "privébericht",
            "doorschakelen",
        ),
    ),
    "15 goedkeuring en escalatie": (
        "goedkeuring",
        ("wie keurt goed", "wanneer indienen", "vier ogen", "doorschakelen"),
    ),
    "16 contentplanning": (
        "contentplanning",
        ("contentkalender", "vooraf goedgekeurd", "pauze", "crisis"),
    ),
    "17 moderatie": (
        "moderatie",
        (
            "huisregels",
            "verbergen",
            "verwijderen",
            "blokkeren",
            "bewijs",
            "meld je bij het platform",
        ),
    ),
    "18 monitoring en rapportage": (
        "monitoring",
        ("openbare berichten", "privé-accounts van collega's", "weekrapportage"),
    ),
    "19 crisis herkennen": (
        "crisis",
        ("signalen", "hoe ernstig", "wie beslist"),
    ),
    "20 crisis aanpakken": (
        "crisis",
        (
            "op pauze",
            "eerste reactie",
            "eerst intern",
            "plek voor updates",
            "wachtberichten",
            "sorry",
            "juridische zaken",
            "functionaris gegevensbescherming",
        ),
    ),
    "21 na een crisis": (
        "na-een-crisis",
        ("evaluatie", "lessen", "beleid aanpassen"),
    ),
    "22 wet en regelgeving": (
        "wet-en-regelgeving",
        (
            "avg",
            "auteurswet",
            "rsm",
            "consumentenrecht",
            "7:611",
            "7:660",
            "laatste middel",
            "artikel 7 van de grondwet",
            "artikel 10",
            "review",
            "arbeidsvoorwaarden",
        ),
    ),
    "23 ondernemingsraad": (
        "ondernemingsraad",
        ("artikel 27", "sub k", "sub l", "instemming", "hoe dit beleid tot stand kwam"),
    ),
    "24 toegankelijkheid": (
        "toegankelijkheid",
        ("alt-tekst", "ondertiteling", "hashtags", "gewone taal"),
    ),
    "25 archivering": (
        "archivering",
        ("wat we bewaren", "hoe lang", "archief"),
    ),
    "26 training": (
        "training",
        ("eerste maand", "quiz", "elk jaar", "voor wie namens ons spreekt", "ambassadeur"),
    ),
    "27 handhaving": (
        "handhaving",
        (
            "gesprek",
            "schriftelijke waarschuwing",
            "ontslag",
            "laatste middel",
            "een overtreding melden",
            "te goeder trouw",
        ),
    ),
    "28 uit dienst": (
        "uit-dienst",
        ("laatste werkdag", "profielen", "toegang", "vervanger"),
    ),
    "29 invoering": (
        "invoering",
        ("startsessie", "intranet", "herinneren", "leidinggevenden", "anoniem"),
    ),
    "30 herziening": (
        "herziening",
        ("elke 12 maanden", "eigenaar", "pull request", "wat er veranderd is"),
    ),
    "31 contacten": (
        "contacten",
        ("wie bel je wanneer", "wanneer", "bereikbaar"),
    ),
}


def _article_text(site: Path, slug: str) -> str:
    html = (site / slug / "index.html").read_text(encoding="utf-8")
    body = html[html.find("<article") : html.find("</article>")]
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", body)).lower().split())


@pytest.mark.parametrize("component", COMPONENTS)
def test_every_component_is_on_its_page(site_dir: Path, component: str) -> None:
    slug, terms = COMPONENTS[component]
    text = _article_text(site_dir, slug)
    missing = [t for t in terms if t.lower() not in text]
    assert missing == [], f"{component} ({slug or 'index'}/): {missing}"


def test_all_31_components_are_mapped() -> None:
    numbers = sorted(int(key.split()[0]) for key in COMPONENTS)
    assert numbers == list(range(1, 32))


def _nav_files(nav: list) -> list[str]:
    found = []
    for entry in nav:
        value = next(iter(entry.values())) if isinstance(entry, dict) else entry
        found.extend(_nav_files(value) if isinstance(value, list) else [value])
    return found


def test_every_page_is_in_the_nav_once() -> None:
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    in_nav = _nav_files(config["nav"])
    pages = sorted(p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").glob("*.md"))
    # Besides the editors' pages, the nav lists the pages the plugin generates.
    generated = {
        PAGE_URI,
        AID_PAGE,
        SECTOR_PAGE,
        SRC_URI,
        crisiskaart.SRC_URI,
        "wijzigingen.md",
    }
    assert sorted(set(in_nav) - generated) == pages
    assert generated <= set(in_nav)
    assert len(in_nav) == len(set(in_nav))


def test_every_page_has_valid_front_matter() -> None:
    contacts = yaml.safe_load((ROOT / "data" / "contacten.yml").read_text(encoding="utf-8"))
    for path in sorted((ROOT / "docs").glob("*.md")):
        meta, messages = check_page(path.name, path.read_text(encoding="utf-8"), contacts)
        assert messages == [], path
        assert meta is not None
        assert 1 <= len(meta.dos) <= 4 and 1 <= len(meta.donts) <= 4, path
        assert meta.laatst_beoordeeld < meta.herzien_voor, path
        assert (meta.herzien_voor - meta.laatst_beoordeeld).days <= 366, path


def test_about_thirty_core_rules_for_the_one_pager() -> None:
    contacts = yaml.safe_load((ROOT / "data" / "contacten.yml").read_text(encoding="utf-8"))
    core = 0
    for path in (ROOT / "docs").glob("*.md"):
        meta, _ = check_page(path.name, path.read_text(encoding="utf-8"), contacts)
        assert meta is not None
        core += sum(1 for item in [*meta.dos, *meta.donts] if item.kern)
    assert 25 <= core <= 35, core


def test_no_brand_fact_is_typed_in_the_pages() -> None:
    """Names, e-mail addresses and phone numbers of the example brand come from data/ only."""
    contacts = yaml.safe_load((ROOT / "data" / "contacten.yml").read_text(encoding="utf-8"))
    organisation = yaml.safe_load((ROOT / "data" / "organisatie.yml").read_text(encoding="utf-8"))
    facts = {organisation["naam"], organisation["juridische_naam"], organisation["website"]}
    for contact in contacts.values():
        facts |= {contact["email"], contact["naam"], str(contact.get("telefoon") or "")}
    facts.discard("")
    for path in sorted((ROOT / "docs").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        typed = sorted(f for f in facts if f in text)
        assert typed == [], f"{path.name}: {typed}"


def test_optional_organisation_facts_are_checked(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    path = tmp_path / "data" / "organisatie.yml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("instemming_or: 2026-07-15", "instemming_or: 15 juli")
    text = text.replace("bewaartermijn_berichten: 2 jaar", "bewaartermijn_berichten: twee jaar")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(HandbookError) as error:
        load_brand(tmp_path / "data")
    assert error.value.messages == [
        "data/organisatie.yml, regel 14, sleutel 'organisatie.instemming_or': moet een datum "
        "zijn in de vorm JJJJ-MM-DD, zoals 2026-03-01.",
        "data/organisatie.yml, regel 15, sleutel 'organisatie.bewaartermijn_berichten': "
        "'twee jaar' is geen geldige termijn. Schrijf een getal en een eenheid, zoals "
        "'30 minuten', '4 uur', '1 werkdag', '2 dagen' of '12 maanden'.",
    ]


def test_pages_read_well_without_the_optional_facts(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    path = project / "data" / "organisatie.yml"
    lines = path.read_text(encoding="utf-8").splitlines()
    kept = [line for line in lines if not line.startswith(("instemming_or", "bewaartermijn"))]
    path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    council = _article_text(tmp_path / "site", "ondernemingsraad")
    assert "dit beleid legt de afdeling hr aan de or voor." in council
    archive = _article_text(tmp_path / "site", "archivering")
    assert "vraag de afdeling juridische zaken welke termijn geldt." in archive
    assert "bewaren berichten en bewijs" not in archive
