"""Pure functions behind adoption: topics off, links to them, merged sectors, lookups by
platform, open markers and the one-pager's choice of sector rules."""

from __future__ import annotations

import markdown
import pytest
from conftest import ROOT
from handbook.content.lookups import make_lookups
from handbook.core.brand import load_brand
from handbook.core.errors import HandbookError
from handbook.sectors.load import section_keys
from handbook.sectors.merge import load_sectors
from handbook.sectors.page import onepager_items, sector_page
from handbook.sheets.items import Section
from handbook.sheets.layout import usage
from handbook.sheets.site import fitting_items
from handbook.topics.select import REQUIRED_PAGES, make_topic_macros, prune_nav, topics_off
from handbook.topics.unlink import Current, UnlinkExtension

PAGES = ("index", "contacten", "crisis", "ai", "privacy", "herziening")


def render(text: str, off: set[str], page: str = "herziening.md") -> str:
    current = Current(src_uri=page, off=frozenset(f"{p}.md" for p in off))
    return markdown.markdown(text, extensions=["tables", UnlinkExtension(current)])


def test_a_list_item_that_is_only_the_link_goes() -> None:
    html = render("- [AI](ai.md)\n- [Privacy](privacy.md)\n", {"ai"})
    assert "AI" not in html and 'href="privacy.md"' in html


def test_a_table_cell_with_only_the_link_shows_a_dash() -> None:
    table = "| Regel | Meer op |\n|---|---|\n| AI-verordening | [AI](ai.md#deepfakes) |\n"
    html = render(table, {"ai"})
    assert "<td>–</td>" in html and "href" not in html


def test_any_other_link_becomes_plain_text() -> None:
    html = render("Lees de pagina over [AI en **beelden**](../ai.md) goed.", {"ai"}, "x/y.md")
    assert "href" not in html
    assert "Lees de pagina over AI en <strong>beelden</strong> goed." in html


def test_links_stay_when_nothing_is_off() -> None:
    assert 'href="ai.md"' in render("Zie [AI](ai.md).", set())


def test_required_and_unknown_pages_are_dutch_errors() -> None:
    with pytest.raises(HandbookError) as error:
        topics_off({"onderwerpen_uit": ["crisis", "bestaat-niet", "ai", "ai"]}, PAGES)
    text = "\n".join(error.value.messages)
    assert "'organisatie.onderwerpen_uit[1]': de pagina 'crisis' kan niet uit" in text
    assert "'bestaat-niet' is geen pagina van het handboek" in text
    assert "'ai' staat er al" in text
    assert set(REQUIRED_PAGES) >= {"index", "contacten", "crisis"}


def test_nav_loses_pages_and_empty_sections() -> None:
    nav = [{"Basis": [{"Over": "index.md"}]}, {"Extra": [{"AI": "ai.md"}]}, {"Zelf": ["ai.md"]}]
    assert prune_nav(nav, frozenset({"ai"})) == [{"Basis": [{"Over": "index.md"}]}]


def test_onderwerp_aan_knows_only_real_pages() -> None:
    macro = make_topic_macros(frozenset({"ai"}), PAGES)["onderwerp_aan"]
    assert macro("privacy") is True and macro("ai") is False
    with pytest.raises(ValueError, match="kent de pagina 'typo' niet"):
        macro("typo")


@pytest.fixture(scope="module")
def brand():
    return load_brand(ROOT / "data", ROOT)


def test_two_sectors_merge_each_item_once(brand) -> None:
    sections = section_keys(ROOT / "docs")
    keys = ("horeca-food-drinks", "retail-e-commerce")
    merged = load_sectors(ROOT / "data", keys, ROOT, sections, brand.variables)
    alone = [load_sectors(ROOT / "data", (k,), ROOT, sections, brand.variables) for k in keys]
    abbreviations = [r["afkorting"] for r in merged.variables["regelgeving"]]
    assert len(abbreviations) == len(set(abbreviations))
    assert set(abbreviations) == {r["afkorting"] for s in alone for r in s.variables["regelgeving"]}
    for section in {*alone[0].variables["aanvullingen"], *alone[1].variables["aanvullingen"]}:
        texts = [i["tekst"] for i in merged.additions(section)]
        assert len(texts) == len(set(texts))
        assert set(texts) == {i["tekst"] for s in alone for i in s.additions(section)}
    page = sector_page(merged, sections)
    assert alone[0].naam in page and alone[1].naam in page
    assert len(merged.sources) == 2
    off = merged.without({"contentplanning"})
    assert "contentplanning" not in off.variables["aanvullingen"]


def test_response_time_by_platform_and_a_dutch_error(brand) -> None:
    lookup = make_lookups(brand.variables)["reactietermijn"]
    assert lookup("instagram")["kanaal"] == "Instagram"
    assert lookup("LinkedIn")["kanaal"] == "LinkedIn"
    assert lookup("google")["kanaal"] == "Reviewsites (zoals Google)"  # through 'platforms'
    with pytest.raises(ValueError, match=r"geen reactietermijn voor 'TikTok'\. Kies uit: LinkedIn"):
        lookup("TikTok")


def test_the_one_pager_takes_sector_rules_while_they_fit(brand) -> None:
    section = Section("privacy.md", "Privacy", dos=(("Vraag toestemming.", True),) * 40)
    extra = [
        {"tekst": f"Sectorregel {i} met wat meer woorden erin.", "soort": "do", "sectie": "privacy"}
        for i in range(60)
    ]
    items, left_out = fitting_items([section], brand.variables, extra)
    assert usage(items, brand.variables).fits
    assert left_out > 0 and len(items) == 40 + 60 - left_out
    assert [i.tekst for i in items[40:]] == [e["tekst"] for e in extra[: 60 - left_out]]
    sections = section_keys(ROOT / "docs")
    sector = load_sectors(ROOT / "data", ("zorg",), ROOT, sections, brand.variables)
    assert fitting_items([section], brand.variables, onepager_items(sector))[1] >= 0
