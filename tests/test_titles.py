"""Placeholders in a page's title are filled before macros renders the page (pagecheck.fill_title),
with exactly the text macros would give; anything else is left to macros."""

from __future__ import annotations

from collections import ChainMap
from datetime import date
from types import SimpleNamespace

import pytest
from handbook.pagecheck import fill_title
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
