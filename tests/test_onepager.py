"""Pure functions of the printable sheets: golden Markdown, navigation order and the budget."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml
from handbook.sheets import crisiskaart
from handbook.sheets.items import SheetItem, collect_sections, nav_pages, sheet_items
from handbook.sheets.layout import LAYOUT, budget_message, plain, strip_lines, usage
from handbook.sheets.onepager import PDF_NAME, sheet_markdown

GOLDEN = Path(__file__).parent / "golden"
# UPDATE_GOLDEN=1 rewrites the expected files; review the diff before committing it.
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


def _variables() -> dict:
    return yaml.safe_load((GOLDEN / "variables.yml").read_text(encoding="utf-8"))


def _golden(path: Path, actual: str) -> None:
    if UPDATE:
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8")


def _case(name: str) -> tuple[list[SheetItem], dict]:
    case = yaml.safe_load((GOLDEN / "onepager" / f"{name}.yml").read_text(encoding="utf-8"))
    variables = _variables()
    pages = [(p["titel"], p["src_uri"], p["raw"]) for p in case["pages"]]
    sections = collect_sections(pages)
    return sheet_items(sections, variables, case.get("sector_items") or []), variables


def test_sheet_markdown_matches_golden_file() -> None:
    items, variables = _case("basis")
    actual = sheet_markdown(items, variables, PDF_NAME)
    _golden(GOLDEN / "onepager" / "basis.md", actual)


def test_sheet_without_pdf_has_no_pdf_key() -> None:
    items, variables = _case("basis")
    assert "\npdf:" not in sheet_markdown(items, variables, None)


def test_only_kern_items_in_nav_order_with_placeholders_filled() -> None:
    items, _ = _case("basis")
    assert [(i.soort, i.sectie, i.tekst) for i in items] == [
        ("do", "index", "Lees dit beleid voordat je namens Testmerk iets plaatst."),
        ("dont", "index", "Ga er niet van uit dat een besloten groep privé blijft."),
        ("dont", "index", "Noem nooit een klant van Testmerk zonder toestemming."),
        ("do", "crisis", "Bel de crisislijn +31 6 9876 5432."),
        ("dont", "crisis", "Reageer niet zelf op een crisis."),
        ("do", "bestaat-niet", "Een sectorregel bij een onbekende sectie komt achteraan."),
    ]
    # The title comes from the nav, else from the page's heading (placeholders filled).
    assert [i.titel for i in items][:4] == [
        "Over dit beleid",
        "Over dit beleid",
        "Over dit beleid",
        "Crisis bij Testmerk",
    ]
    assert items[-1].src_uri is None


def test_nav_pages_walks_sections_and_skips_links() -> None:
    nav = [
        {"Start": "index.md"},
        "los.md",
        {"Beleid": [{"Crisis": "crisis.md"}, {"Extern": "https://example.org/x.md"}]},
    ]
    assert nav_pages(nav) == [
        ("Start", "index.md"),
        (None, "los.md"),
        ("Crisis", "crisis.md"),
    ]


def test_crisis_card_matches_golden_file() -> None:
    actual = crisiskaart.card_markdown(_variables(), crisiskaart.PDF_NAME)
    _golden(GOLDEN / "crisiskaart" / "basis.md", actual)


def test_crisis_card_shows_five_steps_and_the_first_holding_statement() -> None:
    text = crisiskaart.card_markdown(_variables())
    assert "5. Informeer de collega's." in text
    assert "zesde stap" not in text
    assert "We zien de berichten over Testmerk" in text
    assert "Er is een storing." not in text


def _items(count: int, text: str = "Zet ingeplande berichten op pauze.") -> list:
    return [SheetItem(text, "do", "x") for _ in range(count)]


def test_budget_counts_lines_headings_and_gaps() -> None:
    variables = _variables()
    one_line = usage(_items(1), variables)
    assert one_line.lines == 3  # heading (2 lines) + 1 line
    long = "Neem een klacht over persoonlijke gegevens mee naar een privébericht."
    assert usage(_items(1, long), variables).lines == 4
    assert usage(_items(5), variables).lines == 8  # 2 + 5 + 4 gaps of 0.25
    assert one_line.maximum == LAYOUT.capacity(strip_lines(variables))


def test_budget_message_in_dutch_when_it_no_longer_fits() -> None:
    variables = _variables()
    maximum = usage(_items(1), variables).maximum
    count = 1
    while usage(_items(count), variables).fits:
        count += 1
    used = usage(_items(count), variables)
    assert used.lines == maximum + 1 or used.lines == maximum + 2
    assert budget_message(used) == (
        f"De snelle referentie past niet meer op één A4: {used.lines} regels, maximaal "
        f"{maximum}; kort regels in of markeer minder regels als kern (kern: false) in de "
        "front matter van de pagina's."
    )
    assert budget_message(usage(_items(count - 1), variables)) is None


def test_a_longer_contacts_strip_leaves_less_room() -> None:
    variables = _variables()
    before = usage(_items(1), variables).maximum
    variables["contacten"]["social_media_team"]["email"] = "a" * 90 + "@testmerk.example"
    assert usage(_items(1), variables).maximum == before - 2 * 2


def test_crisis_card_budget_message() -> None:
    variables = _variables()
    team = variables["crisis"]["team"]
    while crisiskaart.usage(variables).fits:
        team.append({"naam": "Extra Lid", "functie": "lid", "telefoon": "+31 6 0000 0000"})
    used = crisiskaart.usage(variables)
    assert crisiskaart.budget_message(used) == (
        f"De crisiskaart past niet meer op één A4: {used.lines} regels, maximaal "
        f"{used.maximum}; kort de eerste stappen, de ernstniveaus of het eerste wachtbericht in "
        "data/crisis.yml in, of noem minder mensen onder 'team'."
    )


@pytest.mark.parametrize("text", ["**Vet** en [link](x.md)", "<b>tag</b> tekst"])
def test_plain_text_drops_markup(text: str) -> None:
    assert "*" not in plain(text) and "<" not in plain(text)


def test_the_line_to_the_decision_aid_is_printed_in_full_and_costs_a_line_per_column() -> None:
    items, variables = _case("basis")
    line = "Twijfel je? Doe de beslishulp: intranet.testmerk.example/beleid/mag-ik-dit-posten/"
    from handbook.sheets.onepager import aid_line

    assert aid_line(variables, "mag-ik-dit-posten.md") == line
    sheet = sheet_markdown(items, variables, None, "mag-ik-dit-posten.md")
    assert (
        '<p class="handbook-sheet__hulp" markdown="span">Twijfel je? Doe de beslishulp: '
        "[intranet.testmerk.example/beleid/mag-ik-dit-posten/](mag-ik-dit-posten.md)</p>"
    ) in sheet
    assert "handbook-sheet__hulp" not in sheet_markdown(items, variables, None)
    assert usage(items, variables, wide_text=line).maximum == usage(items, variables).maximum - 2
