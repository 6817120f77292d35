"""A real strict build of the repository's site, and of copies broken on purpose."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from conftest import ROOT, build, copy_project, html_pages
from handbook.core.brand import load_brand

pytestmark = pytest.mark.slow


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def test_no_template_residue(site_dir: Path) -> None:
    pages = html_pages(site_dir)
    assert len(pages) >= 5
    for page in pages:
        html = _text(page)
        body = html[html.find("<article") : html.find("</article>")]
        assert "{{" not in body and "{%" not in body, page
        assert "Macro" not in html, page


def test_brand_facts_appear_where_pages_use_them(site_dir: Path) -> None:
    v = load_brand(ROOT / "data").variables
    home = _text(site_dir / "index.html")
    assert f"Socialmediabeleid van {v['organisatie']['naam']}" in home
    assert f"Versie {v['organisatie']['beleidsversie']} geldt vanaf 1 september 2026" in home
    crisis = _text(site_dir / "crisis" / "index.html")
    assert v["contacten"]["crisisteam"]["telefoon"] in crisis
    assert f"Bij het hoogste niveau is dat {v['slas']['eerste_reactie_crisis']}." in crisis
    for level in v["crisis"]["niveaus"]:
        assert level["naam"] in crisis
    contacts = _text(site_dir / "contacten" / "index.html")
    for contact in v["contacten"].values():
        assert contact["email"] in contacts
    for channel in v["kanalen"]:
        assert channel["url"] in contacts
    engagement = _text(site_dir / "reageren" / "index.html")
    for row in v["slas"]["reactietermijnen"]:
        assert row["kanaal"] in engagement


# Pages the plugin generates from data; they have no front matter of their own.
GENERATED_PAGES = {"quiz", "mag-ik-dit-posten", "wijzigingen"}


def test_each_page_shows_its_dos_donts_and_owner(site_dir: Path) -> None:
    for page in html_pages(site_dir):
        if page.parent.name in GENERATED_PAGES:
            continue
        html = _text(page)
        if 'class="handbook-sheet ' in html:  # the printable sheets are summaries themselves
            continue
        assert 'class="handbook-dosdonts"' in html, page
        assert "Eigenaar van deze pagina" in html, page
    # Placeholders in front matter are filled too.
    home = _text(site_dir / "index.html")
    assert "voordat je namens Vonkel iets plaatst" in home


def test_build_never_writes_into_sources(tmp_path: Path) -> None:
    def digest() -> str:
        h = hashlib.sha256()
        for folder in ("docs", "data"):
            for path in sorted((ROOT / folder).rglob("*")):
                if path.is_file():
                    h.update(path.as_posix().encode() + path.read_bytes())
        return h.hexdigest()

    before = digest()
    result = build(ROOT, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert digest() == before


def _broken(tmp_path: Path, file: str, old: str, new: str) -> str:
    project = copy_project(tmp_path / "project")
    path = project / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    return result.stderr


def test_every_unknown_placeholder_is_reported(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "index.md"
    text = page.read_text(encoding="utf-8")
    text = text.replace("{{ organisatie.beleidsversie }}", "{{ organisatie.versie }}")
    text = text.replace("{{ organisatie.herzieningscyclus }}", "{{ herzieningscyclus }}")
    text = text.replace("namens {{ organisatie.naam }}", "namens {{ organisatie.nam }}")
    page.write_text(text, encoding="utf-8")
    title = project / "docs" / "crisis.md"
    title.write_text(
        _text(title).replace("# Crisis", "# Crisis bij {{ organisatie.merk }}"), encoding="utf-8"
    )
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    err = result.stderr
    assert "Traceback" not in err
    assert "Het handboek kan niet gebouwd worden: 4 problemen." in err
    lines = text.splitlines()
    versie = next(i for i, line in enumerate(lines, 1) if "organisatie.versie" in line)
    assert (
        f"docs/index.md, regel {versie}: de placeholder '{{{{ organisatie.versie }}}}' bestaat "
        "niet (bekende sleutels: naam, juridische_naam," in err
    )
    assert "de placeholder '{{ herzieningscyclus }}' bestaat niet. Controleer de spelling" in err
    # In front matter (a do) and in a title.
    assert "docs/index.md, regel 6: de placeholder '{{ organisatie.nam }}' bestaat niet" in err
    title_line = _text(title).splitlines().index("# Crisis bij {{ organisatie.merk }}") + 1
    assert (
        f"docs/crisis.md, regel {title_line}: de placeholder '{{{{ organisatie.merk }}}}' bestaat "
        "niet" in err
    )
    assert not (tmp_path / "site" / "index.html").exists()


def _line(path: Path, needle: str) -> int:
    """The first line of ``path`` that contains ``needle`` (1-based)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, text in enumerate(lines, 1) if needle in text)


def test_template_syntax_error(tmp_path: Path) -> None:
    err = _broken(
        tmp_path, "docs/reageren.md", "{{ slas.kantoortijden }}", "{{ slas.kantoortijden }"
    )
    line = _line(ROOT / "docs" / "reageren.md", "{{ slas.kantoortijden }}")
    assert re.search(
        rf"docs/reageren\.md, regel {line}: een placeholder of opdracht tussen \{{\{{ \}}\}} of "
        r"\{% %\} "
        r"is niet goed afgesloten \(.*\)\. Controleer de haakjes en aanhalingstekens\.",
        err,
    ), err


def test_bad_macro_argument(tmp_path: Path) -> None:
    err = _broken(
        tmp_path, "docs/contacten.md", "{{ contacten_tabel() }}", "{{ contacten_tabel('baas') }}"
    )
    assert (
        "docs/contacten.md: een macro op deze pagina gaf een fout: contacten_tabel kent de "
        "rol(len) baas niet; kies uit communicatie," in err
    )


def test_bad_data_stops_the_build(tmp_path: Path) -> None:
    err = _broken(tmp_path, "data/contacten.yml", "email: legal@vonkel.example", "email: legal@")
    assert "Het handboek kan niet gebouwd worden: 1 probleem." in err
    line = _line(ROOT / "data" / "contacten.yml", "email: legal@vonkel.example")
    assert (
        f"data/contacten.yml, regel {line}, sleutel 'contacten.juridisch.email': 'legal@' is geen "
        "geldig e-mailadres." in err
    )


def test_malformed_yaml_stops_the_build(tmp_path: Path) -> None:
    err = _broken(tmp_path, "data/organisatie.yml", "naam: Vonkel\n", "naam: [Vonkel\n")
    assert "data/organisatie.yml, regel 5, kolom 16: " in err


def test_missing_data_file_stops_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / "data" / "crisis.yml").unlink()
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "data/crisis.yml: het bestand ontbreekt." in result.stderr


def test_page_without_front_matter(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "contacten.md"
    text = _text(page)
    page.write_text(text[text.index("# Contact") :], encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "docs/contacten.md: de pagina heeft geen front matter." in result.stderr


def test_page_missing_from_the_menu_is_reported_in_dutch(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    source = _text(project / "docs" / "contacten.md")
    (project / "docs" / "nieuw-onderwerp.md").write_text(source, encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert (
        "docs/nieuw-onderwerp.md: deze pagina staat niet in het menu. Zet haar onder 'nav:' in "
        "mkdocs.yml, in de sectie waar ze hoort, met een regel als "
        "'- Titel van de pagina: nieuw-onderwerp.md'."
    ) in result.stderr
    # MkDocs' own English line is no longer the warning that stops the build.
    assert "WARNING -  The following pages exist" not in result.stderr
    assert "Traceback" not in result.stderr
