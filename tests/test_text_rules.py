"""Rules for the policy text: times come from data, examples from the sector, text follows facts.

- No page types a duration: every time a reader acts on comes from ``data/`` through a
  placeholder, so pages, data, quiz and one-pager cannot disagree. The one exception is an
  age ("jonger dan 16 jaar"): that is not a time anyone acts within.
- Pages that show sector examples get one from every sector file.
- A dated status line older than its file's review is a warning of ``handbook check``.
- A do or don't with ``als: <feit>`` appears only when that fact about the organisation holds,
  and the page text follows the same facts.
"""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, build, copy_project
from handbook.content.tables import dos_donts_box
from handbook.core.brand import load_brand
from handbook.core.dates import parse_today
from handbook.core.errors import HandbookError
from handbook.review.project import check_project
from handbook.sectors.load import load_all_sectors, status_warnings
from handbook.sheets.items import Section, sheet_items

# --- no typed durations -----------------------------------------------------------------------

_NUMBER = (
    r"(?:\d+(?:,\d+)?|een|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf"
    r"|vijftien|twintig|dertig|veertig|vijftig|zestig|honderd|half|halve|anderhalf|anderhalve"
    r"|enkele|paar)"
)
_UNIT = (
    r"(?:seconde|seconden|minuut|minuten|kwartier|uur|uren|werkdag|werkdagen|dag|dagen|etmaal"
    r"|etmalen|week|weken|werkweek|werkweken|maand|maanden|kwartaal|kwartalen|jaar|jaren)"
)
# Not after a digit, point, colon or hyphen: "om 22.00 uur" is a clock time, not a duration
# (a Dutch decimal has a comma: "1,5 uur" is one).
DURATION = re.compile(rf"(?<![\w.:,-]){_NUMBER}\s+{_UNIT}\b", re.IGNORECASE)
# The one exception: an age, such as "jonger dan 16 jaar" or "16 jaar of ouder".
AGE = re.compile(
    r"(?:(?:jonger|ouder) dan|onder de|boven de|vanaf|grens van)\s+\d+\s+jaar\b"
    r"|\b\d+\s+jaar\s+(?:oud|of ouder|of jonger)\b",
    re.IGNORECASE,
)
_TEMPLATE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)


def typed_durations(text: str) -> list[tuple[int, str]]:
    """``(line, words)`` for each duration typed in a page (front matter included).

    Placeholders are left out first: ``{{ slas.eerste_reactie_crisis }}`` is the right way.
    """
    text = _TEMPLATE.sub(lambda m: " " * len(m.group(0)), text)  # keep offsets, so lines match
    ages = [m.span() for m in AGE.finditer(text)]
    found = []
    for match in DURATION.finditer(text):
        if any(start <= match.start() < end for start, end in ages):
            continue
        found.append((text.count("\n", 0, match.start()) + 1, match.group(0)))
    return found


def test_no_page_types_a_duration() -> None:
    typed = {
        path.name: typed_durations(path.read_text(encoding="utf-8"))
        for path in sorted((ROOT / "docs").glob("*.md"))
    }
    typed = {name: found for name, found in typed.items() if found}
    assert typed == {}, (
        f"Typ geen termijn in een pagina; zet hem in data/ en gebruik een placeholder: {typed}"
    )


@pytest.mark.parametrize(
    "text",
    [
        "We reageren binnen 30 minuten.",
        "De eerste reactie komt binnen 2 uur.",
        "Je krijgt antwoord binnen een werkdag.",
        "Dien het twee weken vooraf in.",
        "Dat duurt een paar dagen.",
        "Binnen een uur staat het online.",
        "dos:\n  - Meld het binnen 1 uur.\n",
        "De termijn is anderhalve dag.",
        "Het duurt 1,5 uur.",
    ],
)
def test_a_typed_duration_is_found(text: str) -> None:
    assert typed_durations(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Meld het binnen {{ slas.datalek.intern_melden_binnen }}.",
        "De crisislijn is 24/7 bereikbaar.",
        "Een klant schrijft om 22.00 uur een klacht.",
        "Is iemand jonger dan 16 jaar? Dan beslist een ouder.",
        "Influencers van 25 jaar of ouder.",
        "Elk jaar doe je de quiz; de weekrapportage komt elke week.",
        "{% for n in crisis.niveaus %}{{ n.eerste_reactie }}{% endfor %}",
        "Een vrolijk bericht op een verdrietige dag.",
    ],
)
def test_what_is_not_a_typed_duration(text: str) -> None:
    assert typed_durations(text) == [], text


def test_a_duration_reports_its_line() -> None:
    text = "---\neigenaar: hr\n---\n\n# Titel\n\nEen regel.\nReageer binnen 4 uur.\n"
    assert typed_durations(text) == [(8, "4 uur")]


def test_no_hashtag_in_front_matter_is_lost_to_a_yaml_comment() -> None:
    """In YAML, ' #' starts a comment: '- Meld het met #adv' would end after 'met'."""
    unquoted = []
    for path in sorted((ROOT / "docs").glob("*.md")):
        lines = path.read_text(encoding="utf-8").splitlines()
        end = lines.index("---", 1) if lines and lines[0] == "---" else 0
        for number, line in enumerate(lines[1:end], 2):
            value = re.sub(r"^\s*(-\s+)?(\{\s*)?(tekst:\s*)?", "", line)
            if " #" in line and not value.startswith(("'", '"')):
                unquoted.append(f"{path.name}:{number}")
    assert unquoted == []
    text = (ROOT / "docs" / "ambassadeurs-en-influencers.md").read_text(encoding="utf-8")
    meta = yaml.safe_load(text.split("---")[1])
    assert meta["dos"][0].endswith('#adv, #spon of "betaald partnerschap".')


# --- sector examples ------------------------------------------------------------------------


def _sections_with_examples() -> set[str]:
    found = set()
    for path in (ROOT / "docs").glob("*.md"):
        text = path.read_text(encoding="utf-8")
        found |= set(re.findall(r"sector_voorbeelden\(\s*[\"']([a-z0-9-]+)[\"']\s*\)", text))
    return found


def test_every_sector_gives_the_examples_its_pages_ask_for() -> None:
    sections = _sections_with_examples()
    assert sections, "no page shows sector examples any more"
    missing = {}
    for path in sorted((ROOT / "data" / "sectoren").glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        given = {key for key, items in (data.get("voorbeelden") or {}).items() if items}
        if sections - given:
            missing[path.name] = sorted(sections - given)
    assert missing == {}


def test_pages_show_the_sector_example_and_no_typed_one(site_dir: Path) -> None:
    """The example comes from data/sectoren/technologie.yml (the example brand's sector)."""
    text = _article_text(site_dir, "reageren")
    assert "voorbeeld. een klant schrijft dat de app niet werkt" in text
    assert text.count("voorbeeld.") == 1


def test_unknown_section_for_examples_is_reported(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    path = project / "data" / "sectoren" / "zorg.yml"
    text = path.read_text(encoding="utf-8").replace(
        "voorbeelden:\n  persoonlijk-gebruik:", ("voorbeelden:\n  persoonlijk-gebruikk:")
    )
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index("  persoonlijk-gebruikk:") + 1
    loaded, messages = load_all_sectors(project / "data", project)
    assert "zorg" not in loaded
    assert messages[0].startswith(
        f"data/sectoren/zorg.yml, regel {line}, sleutel 'voorbeelden.persoonlijk-gebruikk': "
        "'persoonlijk-gebruikk' is geen bekende beleidssectie."
    )


# --- dated status lines ------------------------------------------------------------------------


def test_a_status_older_than_the_review_is_a_warning_with_file_line_and_key() -> None:
    brand = load_brand(ROOT / "data", ROOT)
    loaded, messages = load_all_sectors(ROOT / "data", ROOT, None, brand.variables)
    assert messages == []
    source = (ROOT / "data" / "sectoren" / "overheid.yml").read_text(encoding="utf-8")
    line = source.splitlines().index("      datum: 2025-10-30") + 1
    assert status_warnings(loaded["overheid"]) == [
        f"data/sectoren/overheid.yml, regel {line}, sleutel 'regelgeving[1].status.datum': de "
        "stand van Archiefwet is van 30 oktober 2025, ouder dan laatst_beoordeeld (1 december "
        "2026). Controleer of de stand nog klopt, pas de tekst aan en zet de datum van de bron "
        "die je controleerde."
    ]
    assert status_warnings(loaded["zorg"]) == []  # no status lines


def test_a_status_checked_at_the_review_gives_no_warning(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    path = project / "data" / "sectoren" / "overheid.yml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("datum: 2025-10-30", "datum: 2026-12-01"),
        encoding="utf-8",
    )
    report = check_project(project, parse_today("2026-12-01"), all_sectors=True)
    stale = [w for w in report.warnings if "status.datum" in w]
    assert [w.split(",")[0] for w in stale] == [
        "data/sectoren/energie-industrie.yml",
        "data/sectoren/technologie.yml",
    ]


def test_the_sector_page_shows_the_status_with_its_date(site_dir: Path) -> None:
    text = _article_text(site_dir, "sector")
    assert "stand 4 november 2025: nog een wetsvoorstel." in text


# --- do's and don'ts that depend on a fact -------------------------------------------------------


def test_the_box_leaves_out_items_whose_fact_does_not_hold() -> None:
    dos = [{"tekst": "Altijd"}, {"tekst": "Alleen aan de beurs", "als": "beursgenoteerd"}]
    donts = [{"tekst": "Alleen met OR", "als": "ondernemingsraad"}]
    listed = dos_donts_box(dos, donts, {"beursgenoteerd": True, "ondernemingsraad": True})
    assert "- Alleen aan de beurs" in listed and "- Alleen met OR" in listed
    private = dos_donts_box(dos, donts, {"beursgenoteerd": False, "ondernemingsraad": False})
    assert "- Altijd" in private
    assert "Alleen aan de beurs" not in private
    assert "Niet doen" not in private  # no empty column


def test_the_one_pager_leaves_out_items_whose_fact_does_not_hold() -> None:
    section = Section(
        "vertrouwelijke-informatie.md",
        "Vertrouwelijk",
        dos=(("Altijd", True, None),),
        donts=(("Alleen aan de beurs", True, "beursgenoteerd"),),
    )
    listed = sheet_items([section], {"organisatie": {"beursgenoteerd": True}})
    private = sheet_items([section], {"organisatie": {"beursgenoteerd": False}})
    assert [i.tekst for i in listed] == ["Altijd", "Alleen aan de beurs"]
    assert [i.tekst for i in private] == ["Altijd"]


def test_an_unknown_fact_in_als_is_reported(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    path = project / "docs" / "ondernemingsraad.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace("als: ondernemingsraad", "als: or", 1),
        encoding="utf-8",
    )
    report = check_project(project, parse_today("2026-12-01"))
    assert any(
        m.startswith("docs/ondernemingsraad.md, regel 8, sleutel 'dos[1].als': 'or' kan hier niet.")
        and "'beursgenoteerd'" in m
        for m in report.errors
    ), report.errors


# --- contacts in a sentence, help from outside ---------------------------------------------------


def test_a_role_without_in_zin_reads_as_its_name(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    path = project / "data" / "contacten.yml"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text(
        "\n".join(line for line in lines if line != "  in_zin: de afdeling HR") + "\n",
        encoding="utf-8",
    )
    brand = load_brand(project / "data", project)
    assert brand.variables["contacten"]["hr"]["in_zin"] == "HR"
    assert brand.variables["contacten"]["juridisch"]["in_zin"] == "de afdeling Juridische zaken"


def test_help_from_outside_needs_a_phone_number_or_a_web_address(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    path = project / "data" / "crisis.yml"
    text = path.read_text(encoding="utf-8").replace("    telefoon: 0800-0113\n", "")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(HandbookError) as error:
        load_brand(project / "data", project)
    assert error.value.messages == [
        "data/crisis.yml, regel "
        f"{text.splitlines().index('  - naam: 113 Zelfmoordpreventie') + 1}, sleutel "
        "'crisis.externe_hulp[4]': geef een telefoonnummer (telefoon) of een webadres (url)."
    ]


# --- text that follows facts about the organisation -----------------------------------------------

# Words that only a software company's pages would use (whole words: "de apps" is neutral).
SOFTWARE_WORDS = (
    "webinars?",
    "releases?",
    "roadmap",
    "programmeertaal",
    "developer",
    "inlogpagina",
    "de app",
    "onze app",
    "broncode",
)


def _article_text(site: Path, slug: str) -> str:
    html = (site / slug / "index.html").read_text(encoding="utf-8")
    body = html[html.find("<article") : html.find("</article>")]
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", body)).lower().split())


@pytest.fixture(scope="module")
def bakery_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example brand as a listed bakery chain that sells online and has no works council."""
    project = copy_project(tmp_path_factory.mktemp("bakery"))
    path = project / "data" / "organisatie.yml"
    text = path.read_text(encoding="utf-8")
    for old, new in (
        ("sector: technologie", "sector: horeca-food-drinks"),
        ("beursgenoteerd: false", "beursgenoteerd: true"),
        ("ondernemingsraad: true", "ondernemingsraad: false"),
        ("verkoopt_online: false", "verkoopt_online: true"),
    ):
        assert old in text, old
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    out = tmp_path_factory.mktemp("bakery-site")
    result = build(project, out)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def test_a_bakery_reads_no_software_examples(bakery_site: Path) -> None:
    pages = [p.parent.name for p in bakery_site.glob("*/index.html")]
    found = {
        slug: [
            w for w in SOFTWARE_WORDS if re.search(rf"\b{w}\b", _article_text(bakery_site, slug))
        ]
        for slug in pages
        if slug not in ("wijzigingen",)  # the example's own history
    }
    assert {slug: words for slug, words in found.items() if words} == {}
    assert "zuurdesembrood" in _article_text(bakery_site, "persoonlijk-gebruik")


def test_the_text_follows_the_organisations_facts(bakery_site: Path, site_dir: Path) -> None:
    # Listed: the paragraph and the don't about inside information appear.
    listed = _article_text(bakery_site, "vertrouwelijke-informatie")
    private = _article_text(site_dir, "vertrouwelijke-informatie")
    assert "voorwetenschap over vonkel" in listed
    assert "koersgevoelige informatie over vonkel" in listed
    assert "voorwetenschap over vonkel" not in private
    assert "koersgevoelige informatie" not in private
    # No works council: no consent of the council anywhere, the council page says so.
    for slug in ("", "monitoring", "herziening", "kritiek-en-misstanden"):
        assert "ondernemingsraad" not in _article_text(bakery_site, slug), slug
    council = _article_text(bakery_site, "ondernemingsraad")
    assert "vonkel heeft geen ondernemingsraad." in council
    assert "sub l" not in council and "instemming van de ondernemingsraad" not in council
    assert "instemming van de ondernemingsraad" in _article_text(site_dir, "ondernemingsraad")
    # Sells online: the consumer-law section is there, and only then.
    assert "verkopen via de webshop en social media" in _article_text(
        bakery_site, "klanten-en-partners"
    )
    assert "verkopen via de webshop" not in _article_text(site_dir, "klanten-en-partners")
