"""Search that finds what people type: ``trefwoorden`` in the front matter, first in the results.

The words below are in a page's ``trefwoorden`` only, not in any page's text: without the
keywords search would find nothing for them (the test checks that too), with them the page is
the first result, and the result shows the page's own text, never the list of keywords.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from conftest import ROOT
from handbook.core.frontmatter import front_matter_text
from handbook.search.keywords import BOOST, FIELD, add_keywords, in_page_order, keywords_of

# A word an employee types -> the page that must be the first result.
KEYWORD_ONLY = {
    "sancties": "handhaving/",
    "chatgpt": "ai/",
    "shitstorm": "crisis/",
    "glossarium": "begrippen/",
    "webcare": "reageren/",
    "redactiekalender": "contentplanning/",
    "trollen": "moderatie/",
    "slechtziend": "toegankelijkheid/",
    "analytics": "monitoring/",
    "nabespreking": "na-een-crisis/",
    "exitgesprek": "uit-dienst/",
    "oproepkracht": "voor-wie/",
}

# Words that are also in other pages' text: the page that has them as a keyword comes first.
KEYWORD_AND_TEXT = {"woordvoerder": "contacten/"}


def _index(site: Path) -> dict:
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))


def _page_words(site: Path) -> str:
    """Every title and text in the search index, lower case, without markup."""
    docs = _index(site)["docs"]
    text = " ".join(f"{d['title']} {d['text']}" for d in docs).lower()
    return re.sub(r"<[^>]+>", " ", text)


# --- plain functions --------------------------------------------------------------------------


def test_add_keywords_puts_them_on_the_main_entry_only() -> None:
    index = {
        "config": {"fields": {"title": {"boost": 1e3}, "text": {"boost": 1.0}}},
        "docs": [
            {"location": "", "title": "Over dit beleid", "text": "Welkom"},
            {"location": "handhaving/", "title": "Handhaving", "text": "Een regel werkt"},
            {"location": "handhaving/#melden", "title": "Melden", "text": "Meld het"},
        ],
    }
    result = add_keywords(index, {"handhaving/": ("sancties", "straf"), "": ("beleid",)})
    assert result["config"]["fields"][FIELD] == {"boost": BOOST}
    assert [d.get(FIELD) for d in result["docs"]] == [["beleid"], ["sancties", "straf"], None]
    # A boost set in mkdocs.yml (plugins: - search: fields:) is kept.
    index["config"]["fields"][FIELD] = {"boost": 5.0}
    assert add_keywords(index, {})["config"]["fields"][FIELD] == {"boost": 5.0}


def test_keywords_of_front_matter() -> None:
    assert keywords_of({"trefwoorden": [" sancties ", "straf", ""]}) == ("sancties", "straf")
    assert keywords_of({}) == ()
    assert keywords_of({"trefwoorden": "sancties"}) == ()  # the schema asks for a list


def test_every_page_has_keywords_as_the_last_key_of_its_front_matter() -> None:
    for path in sorted((ROOT / "docs").glob("*.md")):
        text = front_matter_text(path.read_text(encoding="utf-8"))
        assert text is not None, path
        meta = yaml.safe_load(text)
        assert list(meta)[-1] == "trefwoorden", path
        assert len(meta["trefwoorden"]) >= 3, path


# --- the built site -------------------------------------------------------------------------


def test_index_carries_the_keywords_and_pages_do_not_show_them(site_dir: Path) -> None:
    index = _index(site_dir)
    assert index["config"]["fields"][FIELD] == {"boost": BOOST}
    carriers = [d for d in index["docs"] if FIELD in d]
    assert all("#" not in d["location"] for d in carriers)
    assert {d["location"] for d in carriers} >= set(KEYWORD_ONLY.values())
    words = _page_words(site_dir)
    for word in KEYWORD_ONLY:
        # Material searches by prefix: no word in any page may even start with it.
        assert not re.search(rf"(?<!\w){re.escape(word)}", words), word
        html = (site_dir / KEYWORD_ONLY[word] / "index.html").read_text(encoding="utf-8")
        assert word not in html.lower(), word


# --- in the browser -------------------------------------------------------------------------


def _search(page, site_url: str, word: str) -> list[tuple[str, str, str]]:
    """Type ``word`` as a person would; wait until the results are those of the whole word.

    Material searches after every key, so the list first shows results for "s", "sa", ... .
    Each result links with ``?h=`` and the query terms it matched; the results of the whole
    word are there once a result matched all of it (or Material says nothing matched).
    Returns (path, matched terms, text) for every result, in order.
    """
    page.goto(site_url)
    box = page.locator("input.md-search__input")
    box.click()
    page.keyboard.type(word)
    page.wait_for_function(
        """(word) => {
            const meta = document.querySelector('.md-search-result__meta');
            if (meta && /^Geen overeenkomende/.test(meta.textContent.trim())) {
                return document.querySelector('.md-search__input').value === word;
            }
            return [...document.querySelectorAll('.md-search-result__item > a')].some(
                a => new URL(a.href).searchParams.get('h') === word);
        }""",
        arg=word,
        timeout=15_000,
    )
    assert box.input_value() == word
    links = page.locator(".md-search-result__item > a")
    results = []
    for i in range(links.count()):
        href = links.nth(i).get_attribute("href") or ""
        parts = urlsplit(href)
        results.append(
            (parts.path, parse_qs(parts.query).get("h", [""])[0], links.nth(i).inner_text())
        )
    return results


@pytest.mark.browser
@pytest.mark.parametrize("word", [*KEYWORD_ONLY, *KEYWORD_AND_TEXT])
def test_a_keyword_finds_its_page_first(page, site_dir: Path, site_url: str, word: str) -> None:
    expected = {**KEYWORD_ONLY, **KEYWORD_AND_TEXT}[word]
    results = _search(page, site_url, word)
    assert results, word
    path, matched, text = results[0]
    assert path == urlsplit(site_url + expected).path, results[:3]
    assert matched == word
    if word in KEYWORD_ONLY:
        # Only the keyword found it, and the result shows the page's own text: none of the
        # page's keywords that are in no page's text shows up in it.
        assert [r[0] for r in results] == [path]
        meta = yaml.safe_load(
            front_matter_text((ROOT / "docs" / f"{expected[:-1]}.md").read_text("utf-8")) or ""
        )
        words = _page_words(site_dir)
        hidden = [w for w in meta["trefwoorden"] if w.lower() not in words]
        assert word in hidden
        assert not any(w.lower() in text.lower() for w in hidden), text


def test_check_notes_pages_without_keywords_and_keywords_on_two_pages() -> None:
    from handbook.search.keywords import keyword_warnings

    assert keyword_warnings(
        {"docs/a.md": ["straf", "sancties"], "docs/b.md": None, "docs/c.md": ["Straf"]}
    ) == [
        "docs/b.md: de pagina heeft geen trefwoorden. Zet onderaan de front matter "
        "'trefwoorden: [woord, ander woord]' met woorden waarop medewerkers zoeken.",
        "docs/c.md: het trefwoord 'Straf' staat ook bij docs/a.md. Een trefwoord zet één pagina "
        "bovenaan; kies het voor de pagina waar het antwoord staat.",
    ]


def test_a_keyword_that_is_not_a_list_gets_a_dutch_message() -> None:
    from handbook.core.frontmatter import check_page

    raw = (
        "---\neigenaar: hr\nlaatst_beoordeeld: 2026-09-01\nherzien_voor: 2027-09-01\n"
        "dos: [Doe dit]\ndonts: [Niet dat]\ntrefwoorden: sancties\n---\n# T\n"
    )
    meta, messages = check_page("docs/x.md", raw, ["hr"])
    assert meta is None
    assert messages == [
        "docs/x.md, regel 7, sleutel 'trefwoorden': moet een lijst zijn (regels die beginnen "
        "met '- ')."
    ]


def test_the_index_lists_pages_in_the_order_given_and_each_page_as_it_was() -> None:
    index = {
        "config": {},
        "docs": [
            {"location": "b/", "title": "B"},
            {"location": "b/#twee", "title": "B twee"},
            {"location": "", "title": "Home"},
            {"location": "#een", "title": "Home een"},
            {"location": "los/", "title": "Niet in de lijst"},
            {"location": "a/", "title": "A"},
        ],
    }
    ordered = in_page_order(index, ["", "a/", "b/"])
    assert [entry["title"] for entry in ordered["docs"]] == [
        "Home",
        "Home een",
        "A",
        "B",
        "B twee",
        "Niet in de lijst",
    ]
    # Without directory URLs (the offline build): pages end in .html.
    flat = {
        "docs": [
            {"location": "b.html"},
            {"location": "index.html#een"},
            {"location": "a.html#x"},
            {"location": "index.html"},
        ]
    }
    flat = in_page_order(flat, ["index.html", "a.html", "b.html"])
    assert [entry["location"] for entry in flat["docs"]] == [
        "index.html#een",
        "index.html",
        "a.html#x",
        "b.html",
    ]
    same = {"docs": [{"location": "b/"}, {"location": "a/"}]}
    assert in_page_order(same, []) == {"docs": [{"location": "b/"}, {"location": "a/"}]}
