"""The quiz page in Debian's Chromium: keyboard only, screen-reader cues, nothing sent anywhere."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import pytest
from conftest import ROOT
from handbook.core.brand import load_brand
from handbook.quiz.load import ExtraQuestions, Question, load_quiz
from handbook.sectors.load import load_sector

pytestmark = pytest.mark.browser

LETTERS = "ABCD"


@pytest.fixture(scope="module")
def questions() -> tuple[Question, ...]:
    brand = load_brand(ROOT / "data")
    sector = load_sector(ROOT / "data", brand.models["organisatie"].sector, ROOT)
    # The page holds the general questions plus those of the brand's sector, as the build does.
    return load_quiz(
        ROOT / "data" / "quiz.yml",
        ROOT / "docs",
        brand.variables,
        "data/quiz.yml",
        extra=[ExtraQuestions(sector.source)],
    ).questions


def rule_url(site_url: str, question: Question) -> str:
    slug, _, anchor = question.pagina.partition("#")
    path = "" if slug == "index" else f"{slug}/"
    return site_url + path + (f"#{anchor}" if anchor else "")


def active(page) -> dict:
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            return {tag: el.tagName.toLowerCase(), type: el.type || '', text: el.textContent.trim(),
                    cls: el.className || '', name: el.name || ''};
        }"""
    )


def tab_to_first_answer(page) -> None:
    """Tab from the top of the page until the first answer of the quiz has focus."""
    for _ in range(300):
        page.keyboard.press("Tab")
        if active(page)["type"] == "radio":
            return
    raise AssertionError("the answers cannot be reached with Tab")


def answer(page, choice: int) -> None:
    """With focus on the first answer: pick ``choice`` with the arrow keys, then Controleer."""
    assert active(page)["type"] == "radio"
    if choice == 0:
        page.keyboard.press("Space")
    for _ in range(choice):
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")
    assert active(page)["text"] == "Controleer"
    page.keyboard.press("Enter")


def play(page, site_url: str, questions, pick, axe_source: str | None = None) -> list[str]:
    """Answer every question by keyboard; check the feedback; return the feedback texts."""
    requests = []
    page.on("request", lambda request: requests.append(request))
    page.goto(site_url + "quiz/", wait_until="networkidle")
    assert page.locator("article form").count() == 0
    live = page.locator(".handbook-quiz__feedback")
    assert live.get_attribute("aria-live") == "polite"
    heading = page.locator(".handbook-quiz__kop")
    tab_to_first_answer(page)
    seen = []
    for number, question in enumerate(questions, start=1):
        assert heading.inner_text() == (
            f"Vraag {number} van {len(questions)}: {question.onderwerp}"
        )
        assert page.locator("fieldset.handbook-quiz__keuzes legend").inner_text() == question.vraag
        assert page.locator(".handbook-quiz__app .handbook-quiz__situatie").inner_text() == (
            question.situatie
        )
        choice = pick(question)
        answer(page, choice)
        right = choice == question.goed
        text = live.inner_text()
        verdict = "Goed!" if right else "Niet goed."
        assert text.startswith(
            f"{verdict} Het goede antwoord is {LETTERS[question.goed]}: "
            f"{question.antwoorden[question.goed]}"
        ), text
        assert question.uitleg in text
        link = live.locator("a")
        assert urljoin(page.url, link.get_attribute("href")) == rule_url(site_url, question)
        assert page.locator("input[type=radio]:disabled").count() == len(question.antwoorden)
        assert not page.get_by_role("button", name="Controleer").is_visible()
        # Focus moves to the next step, so a keyboard user goes on with Enter.
        expected = "Volgende vraag" if number < len(questions) else "Bekijk je score"
        focused = active(page)
        assert (focused["tag"], focused["text"]) == ("button", expected)
        if axe_source and number == 1:
            assert axe_violations(page, axe_source) == []
        seen.append(text)
        page.keyboard.press("Enter")
        if number < len(questions):
            assert "handbook-quiz__kop" in active(page)["cls"]
            assert not page.locator(".handbook-quiz__volgende").is_visible()
            page.keyboard.press("Tab")
    assert_nothing_sent(requests, site_url)
    return seen


# Material's search fetches its index (from this site) when the search box is passed.
SEARCH_INDEX = "/search/search_index.json"


def assert_nothing_sent(
    requests, site_url: str, page_path: str = "/quiz/", script: str = "/javascripts/quiz.js"
) -> None:
    """Only GET requests for the site's own files; the page's script fetches or posts nothing."""
    local = urlsplit(site_url).netloc
    problems = [
        f"{r.method} {r.resource_type} {r.url}"
        for r in requests
        if urlsplit(r.url).scheme in ("http", "https", "ws", "wss")
        and (
            urlsplit(r.url).netloc != local
            or r.method != "GET"
            or (
                r.resource_type in ("fetch", "xhr", "websocket", "eventsource", "ping")
                and not urlsplit(r.url).path.endswith(SEARCH_INDEX)
            )
            or (r.resource_type == "document" and urlsplit(r.url).path != page_path)
        )
    ]
    assert problems == [], problems
    assert any(urlsplit(r.url).path.endswith(script) for r in requests)


def axe_violations(page, axe_source: str) -> list[str]:
    # Scrolling to the score fades the header's site name out (a CSS transition); axe must see
    # the page at rest, not a half-transparent title.
    page.wait_for_function(
        "() => document.getAnimations().every(a => a.playState !== 'running')", timeout=5000
    )
    page.add_script_tag(content=axe_source)
    result = page.evaluate("async () => await axe.run(document)")
    return [f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in result["violations"]]


def test_all_right_by_keyboard(page, site_url: str, questions, axe_source: str) -> None:
    play(page, site_url, questions, lambda q: q.goed, axe_source)
    heading = page.locator(".handbook-quiz__kop")
    assert heading.inner_text() == f"Je score: {len(questions)} van {len(questions)} goed"
    assert "handbook-quiz__kop" in active(page)["cls"]
    assert page.locator(".handbook-quiz__score").inner_text() == "Alles goed. Je kent het beleid!"
    assert page.locator(".handbook-quiz__nalezen").count() == 0
    assert axe_violations(page, axe_source) == []


def test_all_wrong_by_keyboard(page, site_url: str, questions, axe_source: str) -> None:
    play(page, site_url, questions, lambda q: (q.goed + 1) % len(q.antwoorden))
    assert page.locator(".handbook-quiz__kop").inner_text() == (
        f"Je score: 0 van {len(questions)} goed"
    )
    links = page.locator(".handbook-quiz__nalezen a")
    assert links.count() == len(questions)
    for i, question in enumerate(questions):
        href = links.nth(i).get_attribute("href")
        assert urljoin(page.url, href) == rule_url(site_url, question)
    assert axe_violations(page, axe_source) == []
    # "Opnieuw beginnen" starts again at question 1.
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    while active(page)["text"] != "Opnieuw beginnen":
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.locator(".handbook-quiz__kop").inner_text().startswith("Vraag 1 van ")


def test_check_without_a_choice_asks_for_one(page, site_url: str) -> None:
    page.goto(site_url + "quiz/", wait_until="networkidle")
    tab_to_first_answer(page)
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.locator(".handbook-quiz__feedback").inner_text() == "Kies eerst een antwoord."
    assert active(page)["type"] == "radio"


def test_feedback_links_lead_to_existing_pages(page, site_url: str, questions) -> None:
    for url in sorted({rule_url(site_url, q) for q in questions}):
        response = page.goto(url.split("#")[0])
        assert response is not None and response.status == 200, url
        anchor = urlsplit(url).fragment
        if anchor:
            assert page.locator(f"[id='{anchor}']").count() == 1, url


def test_without_javascript_every_question_has_a_reveal(browser, site_url: str, questions) -> None:
    context = browser.new_context(locale="nl-NL", java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(site_url + "quiz/")
        sections = page.locator(".handbook-quiz__vraag")
        assert sections.count() == len(questions)
        first = questions[0]
        solution = sections.first.locator(".handbook-quiz__goed")
        assert not solution.is_visible()
        page.locator("summary").first.focus()
        page.keyboard.press("Enter")
        assert solution.inner_text() == (
            f"Het goede antwoord is {LETTERS[first.goed]}: {first.antwoorden[first.goed]}"
        )
        link = sections.first.locator("a.handbook-quiz__bron")
        assert urljoin(page.url, link.get_attribute("href")) == rule_url(site_url, first)
    finally:
        context.close()
