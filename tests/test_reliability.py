"""Issue 18: every input an editor can type ends in a build or in exact Dutch messages.

Each case names the file and line (or key) and says what to do; the build and ``handbook
check`` stop (exit 1) without a traceback, report every problem at once, and leave the
sources as they were.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, VENV_BIN, build, copy_project, html_pages
from handbook.core.brand import load_brand
from handbook.core.errors import HandbookError
from handbook.core.frontmatter import check_page, read_page_source
from handbook.core.text import escaped, html_attr, html_text
from handbook.core.yamlsrc import parse_yaml

HASH_FIX = (
    'Zet de hele tekst tussen aanhalingstekens ("..."); is het echt een opmerking, zet die '
    "dan op een eigen regel."
)
DATE_FIX = "Controleer de dag en de maand; schrijf de datum als JJJJ-MM-DD, zoals 2026-03-01."
UTF8_FIX = (
    "het bestand is niet opgeslagen als UTF-8 (hier staat een teken dat geen UTF-8 is). Sla "
    "het opnieuw op als UTF-8; in VS Code kies je rechtsonder de codering en dan 'Save with "
    "Encoding' > 'UTF-8'."
)
ALIAS_FIX = (
    "Het handboek gebruikt geen ankers (&) en verwijzingen (*) in YAML: schrijf de waarde "
    "voluit op elke plek waar ze hoort, of zet tekst die met & of * begint tussen "
    'aanhalingstekens ("...").'
)


def messages(text: str, label: str = "data/x.yml") -> list[str]:
    try:
        parse_yaml(text, Path(label), label)
    except HandbookError as error:
        return error.messages
    return []


def line_of(path: Path, needle: str) -> int:
    rows = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, row in enumerate(rows, 1) if needle in row)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def fingerprint(project: Path) -> str:
    """A hash of everything in docs/ and data/, to prove a build left them alone."""
    digest = hashlib.sha256()
    for path in sorted([*(project / "docs").rglob("*"), *(project / "data").rglob("*")]):
        if path.is_file():
            digest.update(path.relative_to(project).as_posix().encode() + path.read_bytes())
    return digest.hexdigest()


def check(project: Path) -> subprocess.CompletedProcess[str]:
    """The real ``handbook check`` (it runs the strict build too)."""
    return subprocess.run(
        [str(VENV_BIN / "handbook"), "--root", str(project), "check", "--vandaag", "2026-09-02"],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


def problems(stderr: str) -> list[str]:
    """The problems a stopped build lists ("  - ...")."""
    return [line[4:] for line in stderr.splitlines() if line.startswith("  - ")]


# ---------------------------------------------------------------------------------------------
# A ' #' that YAML reads as a comment


def test_a_hashtag_after_text_is_refused_with_the_lost_words() -> None:
    assert messages("kanaal: Teams-kanaal #socialmedia\n") == [
        "data/x.yml, regel 1, sleutel 'kanaal': YAML leest alles vanaf ' #' als opmerking, dus "
        f"'#socialmedia' valt weg uit de tekst. {HASH_FIX}"
    ]
    assert messages("dos:\n  - Meld het met #adv, #spon of iets anders\n", "docs/a.md") == [
        "docs/a.md, regel 2, sleutel 'dos[1]': YAML leest alles vanaf ' #' als opmerking, dus "
        f"'#adv, #spon of iets anders' valt weg uit de tekst. {HASH_FIX}"
    ]
    # A comment after a text that goes on below it, indented like the text: cut off too.
    assert messages("dos:\n  - tekst: Meld het met\n      #adv, ook bij een cadeau\n") == [
        "data/x.yml, regel 3, sleutel 'dos[1].tekst': YAML leest alles vanaf ' #' als "
        f"opmerking, dus '#adv, ook bij een cadeau' valt weg uit de tekst. {HASH_FIX}"
    ]
    # A comment after a text is refused too: the parser cannot tell it from a hashtag.
    assert len(messages("eigenaar: crisisteam  # sleutel uit contacten\n")) == 1


def test_a_hash_that_loses_nothing_is_fine() -> None:
    text = (
        "# Een opmerking op een eigen regel\n"
        "a: 'Meld het met #adv'\n"
        'b: "Teams-kanaal #socialmedia"\n'
        "c: https://voorbeeld.nl/pagina#anker\n"
        "d: >-\n  Schrijf #WerkenBij en\n  #OpenOverheid in een blok.\n"
        "e: Hashtag#zonder spatie\n"
        "f: 2026-09-01  # een datum verliest niets\n"
        "g: false  # kern\n"
        "h:\n  # opmerking boven een item\n  - tekst\n"
        "i: tekst\n# opmerking op de hoogte van de sleutel\n"
    )
    assert messages(text) == []
    data = parse_yaml(text, Path("x"), "x").data
    assert data["a"] == "Meld het met #adv"
    assert data["d"] == "Schrijf #WerkenBij en #OpenOverheid in een blok."


def test_the_shipped_hashtags_are_whole() -> None:
    contacten = yaml.safe_load((ROOT / "data" / "contacten.yml").read_text(encoding="utf-8"))
    assert contacten["social_media_team"]["kanaal"] == "Teams-kanaal #socialmedia"
    for page, needle in (
        ("ambassadeurs-en-influencers.md", 'met #adv, #spon of "betaald partnerschap".'),
        ("toegankelijkheid.md", "zoals #WerkenBij{{ organisatie.naam }}."),
    ):
        raw = (ROOT / "docs" / page).read_text(encoding="utf-8")
        meta, problems_found = check_page(page, raw, contacten)
        assert problems_found == []
        assert any(needle in item.tekst for item in meta.dos), page


@pytest.mark.slow
def test_a_hashtag_in_data_stops_build_and_check(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    path = project / "data" / "contacten.yml"
    edit(path, 'kanaal: "Teams-kanaal #socialmedia"', "kanaal: Teams-kanaal #socialmedia")
    before = fingerprint(project)
    line = line_of(path, "Teams-kanaal #socialmedia")
    expected = (
        f"data/contacten.yml, regel {line}, sleutel 'social_media_team.kanaal': YAML leest alles "
        f"vanaf ' #' als opmerking, dus '#socialmedia' valt weg uit de tekst. {HASH_FIX}"
    )
    result = build(project, tmp_path / "site")
    assert result.returncode == 1
    assert problems(result.stderr) == [expected]
    assert "Traceback" not in result.stderr
    checked = check(project)
    assert (checked.returncode, checked.stderr.splitlines()[0]) == (1, f"FOUT  {expected}")
    assert fingerprint(project) == before


# ---------------------------------------------------------------------------------------------
# Impossible dates, text that is not UTF-8, alias bombs, huge files


def test_an_impossible_date_names_file_line_and_key() -> None:
    assert messages("organisatie:\n  ingangsdatum: 2027-02-30\n") == [
        "data/x.yml, regel 2, sleutel 'organisatie.ingangsdatum': '2027-02-30' is geen "
        f"bestaande datum. {DATE_FIX}"
    ]


def test_text_that_is_not_utf8_names_the_line(tmp_path: Path) -> None:
    page = "---\neigenaar: hr\n---\n# Titel\n\nCaf\xe9 en th\xe9\n".encode("latin-1")
    checked = read_page_source("docs/x.md", page, None)
    assert checked.messages == [f"docs/x.md, regel 6: {UTF8_FIX}"]
    assert checked.text.endswith("Caf\ufffd en th\ufffd\n")  # the build reads the rest


def test_an_alias_bomb_is_refused_before_it_expands() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{n}: &{n} [{', '.join([f'*{p}'] * 9)}]\n"
        for p, n in zip("abcdefgh", "bcdefghi", strict=True)
    )
    assert messages(bomb) == [
        f"data/x.yml, regel 1: hier staat een anker (&a) (en nog 80 keer). {ALIAS_FIX}"
    ]


def test_nesting_and_size_have_limits() -> None:
    assert messages("a: " + "[" * 100 + "]" * 100 + "\n") == [
        "data/x.yml, regel 1: de gegevens zijn meer dan 40 niveaus diep genest. Zo diep gaat "
        "geen sleutel in het handboek; controleer de inspringing en de haken [ ] en { }."
    ]
    assert messages("a: '" + "x" * 1_200_000 + "'\n") == [
        "data/x.yml: het bestand is 1.2 MB groot; het handboek leest hooguit 1 MB. Haal tekst "
        "weg of verdeel die over meer bestanden."
    ]


@pytest.mark.slow
def test_bad_dates_bad_bytes_and_a_bomb_all_at_once(tmp_path: Path) -> None:
    """Four broken files: one message each, in one list, within the subprocess' time limit."""
    project = copy_project(tmp_path / "p")
    edit(
        project / "data" / "organisatie.yml", "ingangsdatum: 2026-09-01", "ingangsdatum: 2027-02-30"
    )
    crisis = project / "docs" / "crisis.md"
    text = crisis.read_text(encoding="utf-8")
    due = next(row for row in text.splitlines() if row.startswith("herzien_voor:"))
    crisis.write_text(text.replace(due, "herzien_voor: 2027-02-30", 1), encoding="utf-8")
    privacy = project / "docs" / "privacy.md"
    privacy.write_bytes(privacy.read_bytes() + "\nCaf\xe9\n".encode("latin-1"))
    bad_line = privacy.read_bytes().count(b"\n")
    slas = project / "data" / "slas.yml"
    bomb = "\n".join(f"x{n}: &x{n} [" + ", ".join([f"*x{n - 1}"] * 9) + "]" for n in range(1, 30))
    slas.write_text(slas.read_text(encoding="utf-8") + "x0: &x0 [lol]\n" + bomb + "\n", "utf-8")
    bomb_line = line_of(slas, "x0: &x0")
    before = fingerprint(project)
    expected = [
        f"data/organisatie.yml, regel {line_of(project / 'data' / 'organisatie.yml', '2027-02-30')}"
        f", sleutel 'ingangsdatum': '2027-02-30' is geen bestaande datum. {DATE_FIX}",
        f"data/slas.yml, regel {bomb_line}: hier staat een anker (&x0) (en nog 290 keer). "
        + ALIAS_FIX,
        f"docs/crisis.md, regel {line_of(crisis, 'herzien_voor')}, sleutel 'herzien_voor': "
        f"'2027-02-30' is geen bestaande datum. {DATE_FIX}",
        f"docs/privacy.md, regel {bad_line}: {UTF8_FIX}",
    ]
    result = build(project, tmp_path / "site")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert problems(result.stderr) == expected
    checked = check(project)
    assert checked.returncode == 1
    assert "Traceback" not in checked.stderr
    assert checked.stderr.splitlines() == [
        *(f"FOUT  {m}" for m in expected),
        "4 fouten gevonden; herstel ze en controleer opnieuw (make check).",
    ]
    assert fingerprint(project) == before


# ---------------------------------------------------------------------------------------------
# Data values are text


def test_escaping_helpers() -> None:
    assert html_text('<b>Bakker & "Zn"</b>') == '&lt;b&gt;Bakker &amp; "Zn"&lt;/b&gt;'
    assert html_attr('a"b') == "a&quot;b"
    assert escaped({"a": ["<i>", 1, None], "b": {"c": "&"}}) == {
        "a": ["&lt;i&gt;", 1, None],
        "b": {"c": "&amp;"},
    }


@pytest.mark.slow
def test_markup_in_data_reaches_the_page_as_text(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    data = project / "data"
    edit(data / "organisatie.yml", "naam: Vonkel\n", 'naam: "Vonkel <b>B.V.</b> & Co"\n')
    edit(data / "contacten.yml", "kanaal: Bellen of appen", "kanaal: <script>alert(1)</script>")
    edit(data / "crisis.yml", "functie: ", "functie: <u>onderstreept</u> ")
    sector = data / "sectoren" / "technologie.yml"
    edit(sector, "\nnaam: ", "\nnaam: <em>nadruk</em> ")
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    raw_tags = ("<b>B.V.</b>", "<script>alert(1)", "<u>onderstreept</u>", "<em>nadruk</em>")
    for page in html_pages(site):
        html = page.read_text(encoding="utf-8")
        for tag in raw_tags:
            assert tag not in html, (page, tag)
    index = (site / "index.html").read_text(encoding="utf-8")
    assert "Vonkel &lt;b&gt;B.V.&lt;/b&gt; &amp; Co" in index
    contacts = (site / "contacten" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in contacts
    card = (site / "crisiskaart" / "index.html").read_text(encoding="utf-8")
    assert "&lt;u&gt;onderstreept&lt;/u&gt;" in card
    assert "&lt;em&gt;nadruk&lt;/em&gt;" in (site / "sector" / "index.html").read_text("utf-8")


# ---------------------------------------------------------------------------------------------
# One pass: every problem at once, each broken file once


@pytest.mark.slow
def test_one_pass_reports_everything_once(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    kanalen = project / "data" / "kanalen.yml"
    edit(kanalen, "eigenaar: social_media_team", "eigenaar: socialmedia_team")
    crisis = project / "docs" / "crisis.md"
    edit(crisis, "eigenaar: crisisteam", "eigenaar: crisis_team")
    sector = project / "data" / "sectoren" / "technologie.yml"
    edit(sector, "\n  privacy:\n", "\n  privacyy:\n")
    privacy = project / "docs" / "privacy.md"
    privacy.write_text(
        privacy.read_text(encoding="utf-8")
        + "\nZie [de oude pagina](bestaat-niet.md) en [dit kopje](crisis.md#geen-kopje).\n"
        + "Mail {{ organisatie.mail }}.\n",
        encoding="utf-8",
    )
    link_line = line_of(privacy, "bestaat-niet.md")
    known = ", ".join(
        yaml.safe_load((project / "data" / "contacten.yml").read_text(encoding="utf-8"))
    )
    contacts = ", ".join(sorted(known.split(", ")))
    sections = ", ".join(sorted(p.stem for p in (project / "docs").glob("*.md")))
    org_keys = ", ".join(load_brand(ROOT / "data").variables["organisatie"])
    expected = {
        f"data/kanalen.yml, regel {line_of(kanalen, 'socialmedia_team')}, sleutel "
        f"'kanalen[1].eigenaar': 'socialmedia_team' is geen bekend contact. Kies een sleutel uit "
        f"data/contacten.yml: {contacts}.",
        f"data/sectoren/technologie.yml, regel {line_of(sector, 'privacyy:')}, sleutel "
        "'aanvullingen.privacyy': 'privacyy' is geen bekende beleidssectie. Kies de naam van een "
        f"pagina: {sections}.",
        "docs/crisis.md, regel 2, sleutel 'eigenaar': 'crisis_team' is geen bekend contact. Kies "
        f"een sleutel uit data/contacten.yml: {contacts}.",
        f"docs/privacy.md, regel {link_line + 1}: de placeholder '{{{{ organisatie.mail }}}}' "
        f"bestaat niet (bekende sleutels: {org_keys}). Controleer de spelling; alle gegevens "
        "staan in data/.",
        f"docs/privacy.md, regel {link_line}: de link 'bestaat-niet.md' wijst naar een pagina "
        "die niet bestaat. Controleer de bestandsnaam (een pagina in docs/, zoals crisis.md) of "
        "haal de link weg.",
        f"docs/privacy.md, regel {link_line}: de link 'crisis.md#geen-kopje' wijst naar het "
        "kopje '#geen-kopje', maar dat staat niet op docs/crisis.md. Kies een kopje dat bestaat, "
        "of laat '#geen-kopje' weg.",
    }
    result = build(project, tmp_path / "site")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    found = problems(result.stderr)
    assert set(found) == expected and len(found) == len(expected), found
    assert f"kan niet gebouwd worden: {len(expected)} problemen." in result.stderr
    checked = check(project)
    assert checked.returncode == 1
    lines = checked.stderr.splitlines()
    assert {line.removeprefix("FOUT  ") for line in lines[:-1]} == expected
    assert len(lines) == len(expected) + 1  # and no "sector_regels bestaat niet" among them


@pytest.mark.slow
def test_check_finds_what_the_build_finds(tmp_path: Path) -> None:
    """A menu entry for a missing page: check says so in Dutch, and so does the build."""
    project = copy_project(tmp_path / "p")
    edit(project / "mkdocs.yml", "      - Training: training.md", "      - Training: trainingen.md")
    (project / "docs" / "training.md").unlink()
    expected = (
        "mkdocs.yml, 'nav': de pagina 'trainingen.md' staat in het menu, maar bestaat niet in "
        "docs/. Herstel de bestandsnaam onder 'nav:' of haal de regel weg."
    )
    result = build(project, tmp_path / "site")
    assert result.returncode == 1
    assert expected in problems(result.stderr)
    checked = check(project)
    assert checked.returncode == 1
    assert f"FOUT  {expected}" in checked.stderr.splitlines()
    assert "in orde" not in checked.stdout
