"""The built site in Debian's Chromium: Dutch search, no outside requests, axe, print."""

from __future__ import annotations

import io
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import page_urls
from playwright.sync_api import expect
from pypdf import PdfReader

pytestmark = pytest.mark.browser

A4_POINTS = (595.3, 841.9)

# Dutch word typed into the search box -> the page that must be the first hit.
SEARCHES = {
    "discriminatie": "acceptabele-inhoud/",
    "wachtberichten": "crisis/",
    "klachten": "reageren/",
    "schuilnaam": "voor-wie/",
    "goedkeuring": "goedkeuring/",
    # The privacy page holds the full data-leak section (the crisis page links to it).
    "datalek": "privacy/",
    "tweestapsverificatie": "beveiliging/",
    "ondertiteling": "toegankelijkheid/",
}


@pytest.mark.parametrize("word", SEARCHES)
def test_dutch_search_finds_the_right_page(page, site_url: str, word: str) -> None:
    page.goto(site_url)
    field = page.locator("input.md-search__input")
    field.click()
    # Search is ready once its index is loaded: the box then invites you to type.
    meta = page.locator(".md-search-result__meta")
    expect(meta).to_have_text("Typ om te beginnen met zoeken", timeout=60_000)
    # The whole word in one input event: typed letter by letter, the results of each partial
    # query appear in turn, and on a busy machine the first hit of "g" (/privacy/?h=g) was
    # taken for that of "goedkeuring". With one query, every result shown is for the word.
    # Material reads the box on a key going up: End changes nothing but sends one.
    field.fill(word)
    field.press("End")
    expect(meta).to_have_text(re.compile(r"overeenkomend"), timeout=60_000)
    first = page.locator(".md-search-result__item a").first
    href = first.get_attribute("href") or ""
    assert urlsplit(href).path == urlsplit(site_url + SEARCHES[word]).path, href


def test_no_request_leaves_the_local_server(page, site_dir: Path, site_url: str) -> None:
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url))
    for url in page_urls(site_dir, site_url):
        page.goto(url, wait_until="networkidle")
        # Opening search loads the worker and the index: still nothing from outside.
        page.locator("input.md-search__input").click()
        page.keyboard.type("beleid")
        page.wait_for_load_state("networkidle")
    local = urlsplit(site_url).netloc
    outside = [
        u
        for u in seen
        if urlsplit(u).scheme in ("http", "https", "ws", "wss") and urlsplit(u).netloc != local
    ]
    assert outside == []
    assert len(seen) > 10


def test_axe_reports_no_violations(page, site_dir: Path, site_url: str, axe_source: str) -> None:
    problems = {}
    for url in page_urls(site_dir, site_url):
        page.goto(url, wait_until="networkidle")
        page.add_script_tag(content=axe_source)
        result = page.evaluate("async () => await axe.run(document)")
        violations = [
            f"{v['id']} ({v['impact']}): {v['help']} -> {[n['target'] for n in v['nodes']][:3]}"
            for v in result["violations"]
        ]
        if violations:
            problems[url] = violations
    assert problems == {}


def test_print_gives_a4_pages_without_blank_ones(page, site_dir: Path, site_url: str) -> None:
    for url in page_urls(site_dir, site_url):
        page.goto(url, wait_until="networkidle")
        page.emulate_media(media="print")
        pdf = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True, print_background=True)))
        assert len(pdf.pages) >= 1
        for number, sheet in enumerate(pdf.pages, start=1):
            width, height = float(sheet.mediabox.width), float(sheet.mediabox.height)
            assert abs(width - A4_POINTS[0]) < 2 and abs(height - A4_POINTS[1]) < 2, url
            assert sheet.extract_text().strip(), f"{url}: page {number} is blank"
        text = "".join(s.extract_text() for s in pdf.pages)
        assert "Zoeken" not in text.split("\n")[0]  # no header/search bar in print
