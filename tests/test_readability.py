"""Plain language (B1): the readability figures of the built site, and the functions behind them."""

from __future__ import annotations

from pathlib import Path

import pytest
from handbook.cli import main
from handbook.review.readability import (
    LONG_SENTENCE_WORDS,
    MAX_AVERAGE_WORDS,
    MAX_LONG_SHARE,
    MAX_PASSIVE_SHARE,
    article_blocks,
    measure,
    page_sentences,
    report,
    split_sentences,
)

PAGE = """<html><body><nav><p>Menu met een heel lange zin die niet meetelt.</p></nav>
<article class="md-content__inner md-typeset">
<a class="md-content__button" href="x">Bewerken</a>
<h1 id="t">Titel van de pagina<a class="headerlink" href="#t">¶</a></h1>
<p>Dit is de eerste zin. Lees art. 19 van de Auteurswet! Klopt dat?</p>
<table><tr><td>Een cel met tekst die je niet als zin leest.</td></tr></table>
<ul><li>Een punt in een lijst</li><li>Nog een punt.</li></ul>
<pre><code>print("geen zin")</code></pre>
<p><strong>Voorbeeld.</strong> Je plaatst een foto van <em>Vonkel B.V.</em> op LinkedIn.</p>
<p><strong>Niet doen</strong></p>
<aside class="handbook-pageinfo"><p>Eigenaar van deze pagina.</p></aside>
</article><footer><p>Voettekst.</p></footer></body></html>"""


def test_article_text_skips_tables_code_nav_and_page_info() -> None:
    blocks, headings = article_blocks(PAGE)
    assert headings == ["Titel van de pagina"]
    assert blocks == [
        "Dit is de eerste zin. Lees art. 19 van de Auteurswet! Klopt dat?",
        "Een punt in een lijst",
        "Nog een punt.",
        "Voorbeeld. Je plaatst een foto van Vonkel B.V. op LinkedIn.",
        "Niet doen",
    ]


def test_sentences_split_on_punctuation_but_not_on_abbreviations() -> None:
    assert split_sentences("Dit is de eerste zin. Lees art. 19 van de Auteurswet! Klopt dat?") == [
        "Dit is de eerste zin.",
        "Lees art. 19 van de Auteurswet!",
        "Klopt dat?",
    ]
    assert split_sentences('Hij zei: "Stop." Daarna ging hij.') == [
        'Hij zei: "Stop."',
        "Daarna ging hij.",
    ]


def test_labels_are_not_sentences() -> None:
    figures = measure("p", page_sentences(PAGE))
    # Labels "Voorbeeld." and "Niet doen" do not count; "Een punt in een lijst" does.
    assert figures.sentences == 6
    assert figures.words == 5 + 6 + 2 + 5 + 3 + 9
    assert figures.formal == 0 and figures.passive == 0


def test_figures_flag_long_formal_and_passive_text() -> None:
    long = " ".join(["woord"] * (LONG_SENTENCE_WORDS + 1)) + "."
    figures = measure("test/", [long, "Wilt u uw gegevens sturen?", "Dit wordt goedgekeurd."])
    assert figures.long == 1 and figures.formal == 2 and figures.passive == 1
    problems = figures.problems()
    assert any("meer dan 25 woorden" in p for p in problems)
    assert measure("lang/", [long]).problems()[0] == (
        "lang/: gemiddeld 26.0 woorden per zin (maximaal 15). Maak zinnen korter."
    )
    assert any("Spreek de lezer aan met 'je'" in p for p in problems)
    assert any("Schrijf wie iets doet" in p for p in problems)


def test_the_site_is_written_at_b1(site_dir: Path) -> None:
    per_page, total = report(site_dir)
    assert len(per_page) >= 30
    for figures in [*per_page, total]:
        assert figures.sentences >= 10, figures.name
        assert figures.average <= MAX_AVERAGE_WORDS, figures
        assert figures.long_share < MAX_LONG_SHARE, figures
        assert figures.formal == 0, figures
        assert figures.passive_share <= MAX_PASSIVE_SHARE, figures


def test_leesbaarheid_command(site_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["leesbaarheid", "--site", str(site_dir)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].split()[:4] == ["pagina", "zinnen", "woorden", "gem."]
    assert "privacy/" in out and "totaal" in out
    assert "De teksten halen taalniveau B1." in out


def test_leesbaarheid_without_a_site(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["leesbaarheid", "--site", str(tmp_path)]) == 1
    assert (
        f"FOUT  In '{tmp_path}' staat geen gebouwde site (index.html ontbreekt). Bouw de site "
        "eerst met 'make build', of geef de map op met --site." in capsys.readouterr().err
    )
