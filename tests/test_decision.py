"""The decision aid "Mag ik dit posten?": loading, the tree checks in Dutch, the page (golden)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import ROOT
from handbook.core.brand import load_brand
from handbook.core.errors import HandbookError
from handbook.decision.load import DecisionAid, Outcome, Question, load_aid
from handbook.decision.page import page_link, render_page

GOLDEN = Path(__file__).parent / "golden" / "beslishulp"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"

VARIABLES = {
    "organisatie": {"naam": "Testmerk"},
    "contacten": {
        "juridisch": {
            "rol": "Juridische zaken",
            "naam": "Mr. <Eva> Bakker",
            "email": "legal@testmerk.example",
            "telefoon": "+31 30 799 12 30",
            "kanaal": "Teams-kanaal Legal",
            "bereikbaarheid": "werkdagen 9.00–17.00 uur",
        },
        "social_media_team": {
            "rol": "Socialmediateam",
            "naam": "Team Online",
            "email": "online@testmerk.example",
            "kanaal": "Teams",
            "bereikbaarheid": "24/7",
        },
    },
}
PAGES = ["geheim", "klanten", "uitgezet"]


def _load(tmp_path: Path, text: str, pages=PAGES) -> DecisionAid:
    path = tmp_path / "beslishulp.yml"
    path.write_text(text, encoding="utf-8")
    return load_aid(path, pages, VARIABLES, "data/beslishulp.yml")


def _messages(tmp_path: Path, text: str) -> list[str]:
    with pytest.raises(HandbookError) as caught:
        _load(tmp_path, text)
    return caught.value.messages


def paths(aid: DecisionAid) -> list[list[str]]:
    """Every way through the aid, from the start to an outcome (answers as 'key: ja')."""
    found = []

    def walk(key: str, trail: list[str]) -> None:
        step = aid.step(key)
        if isinstance(step, Outcome):
            found.append([*trail, step.key])
            return
        assert len(trail) < 50, trail  # no loop
        walk(step.ja, [*trail, f"{key}: ja"])
        walk(step.nee, [*trail, f"{key}: nee"])

    walk(aid.start, [])
    return found


# --- the example ----------------------------------------------------------------------------


def test_every_path_of_the_example_ends_in_an_outcome_with_a_page() -> None:
    brand = load_brand(ROOT / "data")
    pages = [p.stem for p in (ROOT / "docs").glob("*.md")]
    aid = load_aid(ROOT / "data" / "beslishulp.yml", pages, brand.variables)
    ways = paths(aid)
    assert len(ways) == len(aid.outcomes)  # a tree: one way to each outcome
    assert {w[-1] for w in ways} == {o.key for o in aid.outcomes}
    assert {o.besluit for o in aid.outcomes} == {"posten", "vraag_eerst", "niet_posten"}
    for outcome in aid.outcomes:
        assert outcome.pagina.split("#")[0] in pages
        assert (outcome.contact is not None) == (outcome.besluit == "vraag_eerst")
    # Questions are numbered in the order a reader meets them; placeholders are filled.
    assert [q.number for q in aid.questions] == list(range(1, len(aid.questions) + 1))
    assert aid.questions[0].key == aid.start
    assert all("{" not in q.vraag for q in aid.questions)


# --- golden page ----------------------------------------------------------------------------


def test_page_matches_golden_file_with_every_value_escaped(tmp_path: Path) -> None:
    aid = _load(tmp_path, (GOLDEN / "klein.yml").read_text(encoding="utf-8"))
    titles = {"geheim": "Vertrouwelijke informatie", "klanten": "Klanten [en] partners"}
    actual = render_page(aid, titles)
    if UPDATE:
        (GOLDEN / "klein.md").write_text(actual, encoding="utf-8")
    assert actual == (GOLDEN / "klein.md").read_text(encoding="utf-8")
    assert "<b>" not in actual and "<dit>" not in actual and "<Eva>" not in actual
    assert "{{" not in actual


def test_page_link_leaves_out_a_page_that_is_not_in_the_build() -> None:
    titles = {"privacy": "Privacy"}
    assert page_link("privacy#portretrecht", titles) == ("privacy.md#portretrecht", "Privacy")
    assert page_link("uitgezet", titles) is None


# --- the tree checks, in Dutch --------------------------------------------------------------

HEAD = "start: a\nvragen:\n"
ENDS = (
    "uitkomsten:\n"
    "  goed:\n    besluit: posten\n    tekst: Post het.\n    pagina: geheim\n"
    "  fout:\n    besluit: niet_posten\n    tekst: Niet doen.\n    pagina: geheim\n"
)


def test_unknown_next_step(tmp_path: Path) -> None:
    text = HEAD + "  a:\n    vraag: A?\n    ja: goed\n    nee: fuot\n" + ENDS
    assert _messages(tmp_path, text) == [
        "data/beslishulp.yml, regel 6, sleutel 'beslishulp.vragen.a.nee': 'fuot' is geen vraag "
        "of uitkomst. Kies uit: a, goed, fout.",
        "data/beslishulp.yml, regel 13, sleutel 'beslishulp.uitkomsten.fout': niemand komt bij "
        "deze uitkomst: geen vraag die vanaf de start ('a') te bereiken is, verwijst ernaar. "
        "Verwijs ernaar bij 'ja' of 'nee' van een vraag, of haal de uitkomst weg.",
    ]


def test_a_question_nobody_reaches(tmp_path: Path) -> None:
    text = (
        HEAD
        + "  a:\n    vraag: A?\n    ja: goed\n    nee: fout\n"
        + "  vergeten:\n    vraag: Wie komt hier?\n    ja: goed\n    nee: fout\n"
        + ENDS
    )
    assert _messages(tmp_path, text) == [
        "data/beslishulp.yml, regel 8, sleutel 'beslishulp.vragen.vergeten': niemand komt bij "
        "deze vraag: geen vraag die vanaf de start ('a') te bereiken is, verwijst ernaar. "
        "Verwijs ernaar bij 'ja' of 'nee' van een vraag, of haal de vraag weg."
    ]


def test_a_loop(tmp_path: Path) -> None:
    text = (
        HEAD
        + "  a:\n    vraag: A?\n    ja: b\n    nee: fout\n"
        + "  b:\n    vraag: B?\n    ja: goed\n    nee: a\n"
        + ENDS
    )
    assert _messages(tmp_path, text) == [
        "data/beslishulp.yml, regel 10, sleutel 'beslishulp.vragen.b.nee': deze stap gaat terug "
        "naar 'a', dus de vragen draaien in een kring: a → b → a. Laat 'b' bij deze keuze naar "
        "een verdere vraag of een uitkomst gaan."
    ]


def test_a_path_without_an_end(tmp_path: Path) -> None:
    text = (
        HEAD
        + "  a:\n    vraag: A?\n    ja: b\n    nee: fout\n"
        + "  b:\n    vraag: B?\n    nee: goed\n"
        + ENDS
    )
    assert _messages(tmp_path, text) == [
        "data/beslishulp.yml, regel 8, sleutel 'beslishulp.vragen.b': bij 'ja' staat geen "
        "volgende stap. Wie zo antwoordt (a: ja → b: ja), komt nergens uit. Zet bij 'ja' de naam "
        "van een vraag of een uitkomst."
    ]


def test_start_unknown_contact_and_page(tmp_path: Path) -> None:
    text = (
        "start: begin\nvragen:\n  a:\n    vraag: A?\n    ja: goed\n    nee: fout\n"
        + ENDS.replace("pagina: geheim\n  fout", "pagina: gehiem\n  fout")
        + "  vraag:\n    besluit: vraag_eerst\n    contact: jurist\n    tekst: Vraag.\n"
        "    pagina: geheim\n"
    )
    assert _messages(tmp_path, text) == [
        "data/beslishulp.yml, regel 1, sleutel 'beslishulp.start': 'begin' is geen vraag. Kies "
        "de eerste vraag uit: a.",
        "data/beslishulp.yml, regel 11, sleutel 'beslishulp.uitkomsten.goed.pagina': de pagina "
        "'gehiem' bestaat niet in docs/. Kies uit: geheim, klanten, uitgezet.",
        "data/beslishulp.yml, regel 18, sleutel 'beslishulp.uitkomsten.vraag.contact': 'jurist' "
        "is geen bekend contact. Kies een sleutel uit data/contacten.yml: juridisch, "
        "social_media_team.",
    ]


def test_ask_first_needs_a_contact_and_a_known_verdict(tmp_path: Path) -> None:
    text = (
        HEAD
        + "  a:\n    vraag: A?\n    ja: goed\n    nee: fout\n"
        + "uitkomsten:\n"
        + "  goed:\n    besluit: vraag_eerst\n    tekst: Vraag.\n    pagina: geheim\n"
        + "  fout:\n    besluit: misschien\n    tekst: Nee.\n    pagina: geheim\n"
    )
    assert _messages(tmp_path, text) == [
        "data/beslishulp.yml, regel 9, sleutel 'beslishulp.uitkomsten.goed': bij 'besluit: "
        "vraag_eerst' hoort 'contact': wie je het eerst vraagt (een sleutel uit "
        "data/contacten.yml).",
        "data/beslishulp.yml, regel 13, sleutel 'beslishulp.uitkomsten.fout.besluit': "
        "'misschien' kan hier niet. Kies uit: 'posten', 'vraag_eerst' of 'niet_posten'.",
    ]


def test_questions_keep_their_order_and_numbers(tmp_path: Path) -> None:
    aid = _load(tmp_path, (GOLDEN / "klein.yml").read_text(encoding="utf-8"))
    assert [(q.key, q.number) for q in aid.questions] == [("geheim", 1), ("klant", 2)]
    assert [(o.key, o.letter) for o in aid.outcomes] == [
        ("niet", "A"),
        ("eerst", "B"),
        ("wel", "C"),
    ]
    assert isinstance(aid.step("klant"), Question)


@pytest.mark.slow
def test_an_outcome_about_a_topic_that_is_switched_off_has_no_link(tmp_path: Path) -> None:
    from conftest import build, copy_project

    project = copy_project(tmp_path / "project")
    org = project / "data" / "organisatie.yml"
    org.write_text(
        org.read_text(encoding="utf-8") + "onderwerpen_uit: [klanten-en-partners]\n", "utf-8"
    )
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    html = (tmp_path / "site" / "mag-ik-dit-posten" / "index.html").read_text(encoding="utf-8")
    assert 'id="uitkomst-juridisch"' in html  # the outcome stays, with its text
    assert "klanten-en-partners/" not in html
    assert 'href="../privacy/"' in html  # other outcomes keep their links
