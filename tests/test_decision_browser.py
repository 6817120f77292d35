"""The decision aid in Debian's Chromium: every path by keyboard, without JavaScript, axe, print."""

from __future__ import annotations

import io
from urllib.parse import urljoin, urlsplit

import pytest
from conftest import ROOT
from handbook.core.brand import load_brand
from handbook.decision.load import DecisionAid, Outcome, load_aid
from handbook.decision.page import anchor
from pypdf import PdfReader
from test_decision import paths
from test_quiz_browser import assert_nothing_sent, axe_violations

pytestmark = pytest.mark.browser

PAGE = "mag-ik-dit-posten/"


@pytest.fixture(scope="module")
def aid() -> DecisionAid:
    brand = load_brand(ROOT / "data")
    pages = [p.stem for p in (ROOT / "docs").glob("*.md")]
    return load_aid(ROOT / "data" / "beslishulp.yml", pages, brand.variables)


def _focused(page) -> dict:
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            const step = el.closest('.handbook-beslis__stap');
            return {tag: el.tagName.toLowerCase(), text: el.textContent.trim(),
                    step: step ? step.id : ''};
        }"""
    )


def _wait_for_step(page, step_id: str) -> None:
    """Wait until ``step_id`` is the one step shown and its heading has the focus."""
    page.wait_for_function(
        """(id) => {
            const shown = [...document.querySelectorAll('.handbook-beslis__stap')]
                .filter(s => !s.hidden);
            const el = document.activeElement;
            return shown.length === 1 && shown[0].id === id
                && el.classList.contains('handbook-beslis__kop') && el.closest('section').id === id;
        }""",
        arg=step_id,
        timeout=10_000,
    )


def _step_id(aid: DecisionAid, key: str) -> str:
    return anchor(key, "uitkomst" if isinstance(aid.step(key), Outcome) else "vraag")


def _press_answer(page, answer: str) -> None:
    """From the focused heading, Tab to the answer's button and press Enter."""
    label = "Ja" if answer == "ja" else "Nee"
    for _ in range(5):
        page.keyboard.press("Tab")
        focused = _focused(page)
        if focused["tag"] == "button" and focused["text"] == label:
            page.keyboard.press("Enter")
            return
    raise AssertionError(f"the button {label} cannot be reached with Tab: {focused}")


def test_every_path_by_keyboard_ends_at_its_outcome(page, site_url: str, aid, axe_source) -> None:
    requests = []
    page.on("request", lambda request: requests.append(request))
    first = anchor(aid.start, "vraag")
    for number, way in enumerate(paths(aid)):
        page.goto(site_url + PAGE, wait_until="networkidle")
        page.wait_for_function(
            "() => document.querySelector('[data-beslishulp-started]') !== null", timeout=10_000
        )
        # One question at a time: only the first is shown; Tab reaches its buttons.
        shown = page.locator(".handbook-beslis__stap:not([hidden])")
        assert shown.count() == 1 and shown.first.get_attribute("id") == first
        page.locator(f"#{first} .handbook-beslis__kop").focus()
        for answer_step in way[:-1]:
            key, answer = answer_step.split(": ")
            question = aid.step(key)
            heading = page.locator(f"#{_step_id(aid, key)} .handbook-beslis__vraagtekst")
            assert heading.inner_text() == question.vraag
            _press_answer(page, answer)
            _wait_for_step(page, _step_id(aid, getattr(question, answer)))
        outcome = aid.step(way[-1])
        section = page.locator(f"#{_step_id(aid, outcome.key)}")
        assert section.locator(".handbook-beslis__tekst").inner_text() == outcome.tekst
        verdict = section.locator(".handbook-beslis__besluit").inner_text()
        if outcome.contact is not None:
            assert verdict == f"Vraag het eerst: {outcome.contact['rol']}"
            assert outcome.contact["email"] in section.inner_text()
        link = section.locator("a.handbook-beslis__regel")
        slug, _, fragment = outcome.pagina.partition("#")
        target = urlsplit(urljoin(page.url, link.get_attribute("href")))
        assert target.path == urlsplit(site_url + f"{slug}/").path
        assert target.fragment == fragment
        if number == 0:
            assert axe_violations(page, axe_source) == []
        # "Vorige vraag" goes back one step, by keyboard too.
        page.get_by_role("button", name="Vorige vraag").focus()
        page.keyboard.press("Enter")
        _wait_for_step(page, _step_id(aid, way[-2].split(": ")[0]))
    assert_nothing_sent(requests, site_url, "/" + PAGE, "/javascripts/beslishulp.js")


def test_first_question_is_axe_clean(page, site_url: str, axe_source: str) -> None:
    page.goto(site_url + PAGE, wait_until="networkidle")
    page.wait_for_function("() => document.querySelector('[data-beslishulp-started]') !== null")
    assert axe_violations(page, axe_source) == []


def test_without_javascript_every_step_is_reachable_by_links(browser, site_url: str, aid) -> None:
    context = browser.new_context(locale="nl-NL", java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(site_url + PAGE)
        steps = page.locator(".handbook-beslis__stap")
        ids = [steps.nth(i).get_attribute("id") for i in range(steps.count())]
        assert len(ids) == len(aid.questions) + len(aid.outcomes)
        assert all(steps.nth(i).is_visible() for i in range(steps.count()))
        # Follow the answer links from the first question, as a reader without scripts does.
        reached = {ids[0]}
        todo = [ids[0]]
        while todo:
            current = todo.pop()
            for link in page.locator(f"#{current} a.handbook-beslis__keuze").all():
                target = (link.get_attribute("href") or "").removeprefix("#")
                assert target in ids, target
                if target not in reached:
                    reached.add(target)
                    todo.append(target)
        assert reached == set(ids)
        # Keyboard: Tab reaches the first answer link and Enter follows it.
        page.locator(f"#{ids[0]} a.handbook-beslis__keuze").first.focus()
        page.keyboard.press("Enter")
        target = _step_id(aid, aid.questions[0].ja)
        page.wait_for_function("(id) => window.location.hash === '#' + id", arg=target)
    finally:
        context.close()


def test_printed_page_shows_the_whole_tree(page, site_url: str, aid) -> None:
    page.goto(site_url + PAGE, wait_until="networkidle")
    page.wait_for_function("() => document.querySelector('[data-beslishulp-started]') !== null")
    page.get_by_role("button", name="Nee").first.click()  # on screen: one step at a time
    page.emulate_media(media="print")
    reader = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    for question in aid.questions:
        assert f"Vraag {question.number}. {question.vraag}" in text, question.vraag
        assert "Ja: ga naar" in text and "Nee: ga naar" in text
    for outcome in aid.outcomes:
        assert f"Uitkomst {outcome.letter}:" in text
        assert " ".join(outcome.tekst.split()) in text
    assert "Vorige vraag" not in text and "Opnieuw beginnen" not in text
