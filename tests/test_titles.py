"""Placeholders in a page's title and in a plain page are filled before macros renders it
(pagecheck.fill_title, pagecheck.fill_plain_page), with exactly the text macros would give;
anything else is left to macros."""

from __future__ import annotations

from collections import ChainMap
from datetime import date
from types import SimpleNamespace

import pytest
from handbook.pagecheck import fill_plain_page, fill_title, unmark_filled
from jinja2 import Environment

VARIABLES = {
    "organisatie": {"naam": "Bakkerij De Korenaar", "merk": "Korenaar"},
    "contacten": {"pers": {"naam": "Sanne de Vries"}},
}


def _macros() -> SimpleNamespace:
    # macros' own environment has the standard delimiters and no autoescaping, as here.
    return SimpleNamespace(env=Environment(), variables=dict(VARIABLES))


def _what_macros_gives(macros: SimpleNamespace, page: SimpleNamespace) -> str:
    names = ChainMap(page.meta, {"page": page}, macros.variables)
    return macros.env.from_string(page.title).render(**names)


@pytest.mark.parametrize(
    ("title", "meta"),
    [
        ("Onderwerp bij {{ organisatie.naam }}", {}),
        ("{{organisatie.merk}} en {{ contacten.pers.naam }}", {}),
        ("Versie {{ versie }} van {{ organisatie.merk }}", {"versie": 3}),
        ("Herzien op {{ herzien_voor }}", {"herzien_voor": date(2027, 9, 1)}),
    ],
)
def test_a_title_with_plain_placeholders_gets_the_text_macros_would_give(
    title: str, meta: dict
) -> None:
    macros = _macros()
    page = SimpleNamespace(title=title, meta=meta)
    expected = _what_macros_gives(macros, page)
    fill_title(page, macros)
    assert page.title == expected
    assert "{" not in page.title


def test_front_matter_wins_over_data_with_the_same_name_as_in_macros() -> None:
    macros = _macros()
    page = SimpleNamespace(title="Over {{ organisatie.naam }}", meta={"organisatie": {"naam": "X"}})
    fill_title(page, macros)
    assert page.title == "Over X"


@pytest.mark.parametrize(
    "title",
    [
        "Over {{ organisatie.nam }}",  # unknown: macros reports it with its line
        "Over {{ organisatie.naam | upper }}",  # a filter
        "{% if organisatie %}Over ons{% endif %}",  # a block
        "Over {{ onbekend }}",
    ],
)
def test_anything_else_is_left_to_macros(title: str) -> None:
    page = SimpleNamespace(title=title, meta={})
    fill_title(page, _macros())
    assert page.title == title


def test_a_title_without_placeholders_is_not_touched() -> None:
    page = SimpleNamespace(title="Crisis", meta={})
    fill_title(page, _macros())
    assert page.title == "Crisis"


# --- whole pages (pagecheck.fill_plain_page) ---


def _page(title: str = "Over ons", **meta: object) -> SimpleNamespace:
    return SimpleNamespace(title=title, meta=dict(meta))


def _macros_with(render_by_default: bool = True) -> SimpleNamespace:
    macros = _macros()
    macros.config = {"render_by_default": render_by_default}
    return macros


@pytest.mark.parametrize(
    "markdown",
    [
        "# Over ons\n\nWij zijn {{ organisatie.naam }}. Bel {{ contacten.pers.naam }}.\n",
        "# Over ons\n\nGeen enkele placeholder.\n",
        '# Over ons\n\nJSON: `{"a": 1}` bij {{ organisatie.naam }}.\n',
        "Zonder regeleinde aan het eind: {{ organisatie.merk }}",
    ],
)
def test_a_plain_page_is_filled_as_macros_would_and_macros_is_told_to_leave_it(
    markdown: str,
) -> None:
    macros = _macros_with()
    page = _page()
    expected = _what_macros_gives(macros, SimpleNamespace(title=markdown, meta={}))
    assert fill_plain_page(markdown, page, macros) == expected
    assert page.meta == {"render_macros": False}
    unmark_filled(page)
    assert page.meta == {}  # nothing after the rendering sees the switch


def test_the_real_pages_are_filled_as_jinja_fills_them() -> None:
    """Every page of the example that takes the quick way gets Jinja's own text."""
    from conftest import ROOT
    from handbook.core.brand import load_brand
    from handbook.core.frontmatter import front_matter_text

    macros = _macros_with()
    macros.variables = dict(load_brand(ROOT / "data").variables)
    quick = 0
    for path in sorted((ROOT / "docs").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        fm = front_matter_text(text)
        body = text.split("---", 2)[2] if fm is not None else text
        page = _page()
        filled = fill_plain_page(body, page, macros)
        if page.meta:
            quick += 1
            jinja = macros.env.from_string(body).render(**macros.variables, page=page)
            assert filled == jinja, path.name
        else:
            assert filled == body, path.name
    assert quick >= 5  # the quick way is taken, not only skipped


@pytest.mark.parametrize(
    "markdown",
    [
        "{{ tabel('x') }}",  # a macro call
        "{{ organisatie.naam | upper }}",
        "{% if organisatie %}ja{% endif %}",
        "Over {{ organisatie.nam }}",  # unknown: macros reports it
        "Windows-regels\r\n{{ organisatie.naam }}",
    ],
)
def test_a_page_with_anything_else_is_left_to_macros(markdown: str) -> None:
    page = _page()
    assert fill_plain_page(markdown, page, _macros_with()) == markdown
    assert page.meta == {}


def test_the_editors_own_switch_and_opt_in_sites_are_left_to_macros() -> None:
    markdown = "Wij zijn {{ organisatie.naam }}."
    page = _page(render_macros=True)
    assert fill_plain_page(markdown, page, _macros_with()) == markdown
    assert page.meta == {"render_macros": True}
    page = _page()
    assert fill_plain_page(markdown, page, _macros_with(render_by_default=False)) == markdown
    assert page.meta == {}


def test_a_title_macros_must_still_fill_keeps_the_page_with_macros() -> None:
    page = _page(title="Over {{ organisatie.naam | upper }}")
    markdown = "Wij zijn {{ organisatie.naam }}."
    assert fill_plain_page(markdown, page, _macros_with()) == markdown
    assert page.meta == {}
