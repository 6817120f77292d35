"""The whole policy as one PDF (handbook beleid-pdf / make pdf), checked with pypdf."""

from __future__ import annotations

import html
import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import ROOT, VENV_BIN, linkcheck
from handbook.core.errors import HandbookError
from handbook.outputs.chromium import serve_directory
from handbook.outputs.policy_pdf.build import find_section_pages, normalise
from handbook.outputs.policy_pdf.collect import Section, rewrite_links, section_key
from mkdocs.utils.yaml import yaml_load
from pypdf import PdfReader

PDF_NAME = "vonkel-socialmediabeleid-2.0-2026-09-01.pdf"
HEADER = "Socialmediabeleid Vonkel · versie 2.0 · geldig vanaf 1 september 2026"
FOOTER = re.compile(r"Pagina (\d+) van (\d+)")
TOC_LINE = re.compile(r"^(.+?) (\d+)$")


def run_handbook(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(VENV_BIN / "handbook"), "--root", str(ROOT), *args],
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
    )


@dataclass
class Made:
    pdf: Path
    site: Path
    texts: list[str]  # per page, header and footer removed
    raw: list[str]  # per page, as extracted


@pytest.fixture(scope="module")
def made(chromium_path: str, tmp_path_factory: pytest.TempPathFactory) -> Made:
    folder = tmp_path_factory.mktemp("beleidpdf")
    result = run_handbook("beleid-pdf", "--site-dir", str(folder / "site"), "--out", str(folder))
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"geschreven: {folder / PDF_NAME}" in result.stdout
    raw = [page.extract_text() or "" for page in PdfReader(str(folder / PDF_NAME)).pages]
    texts = [normalise(FOOTER.sub(" ", normalise(t).replace(HEADER, " "))) for t in raw]
    return Made(folder / PDF_NAME, folder / "site", texts, raw)


def nav_titles(site_dir: Path) -> list[str]:
    """The main heading of every editor's page in mkdocs.yml's nav, in nav order."""
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as file:
        nav = yaml_load(file)["nav"]

    def flatten(items) -> list[str]:
        found = []
        for item in items:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            found.extend(flatten(value) if isinstance(value, list) else [value])
        return found

    titles = []
    for src in flatten(nav):
        if not (ROOT / "docs" / src).is_file():
            continue  # a generated page: changelog, variants (left out of the PDF)
        stem = src.removesuffix(".md").removesuffix("index").rstrip("/")
        page = site_dir / stem / "index.html"
        heading = re.search(r"<h1[^>]*>(.*?)</h1>", page.read_text(encoding="utf-8"), re.S)
        assert heading, page
        text = re.sub(r'<a class="headerlink".*?</a>', "", heading.group(1))
        titles.append(normalise(html.unescape(re.sub(r"<[^>]+>", "", text))))
    return titles


def contents(made: Made) -> list[tuple[str, int]]:
    """(title, page) rows of the contents page(s)."""
    assert made.texts[1].startswith("Inhoud"), made.texts[1][:200]
    rows = []
    for raw in made.raw[1:]:
        lines = [normalise(line) for line in raw.splitlines()]
        lines = [line for line in lines if line != HEADER and not FOOTER.fullmatch(line)]
        if rows and not lines[0].startswith("Inhoud") and not TOC_LINE.match(lines[0]):
            break
        for line in lines:
            match = TOC_LINE.match(line)
            if match:
                rows.append((match.group(1), int(match.group(2))))
        if not any(TOC_LINE.match(line) for line in lines):
            break
    return rows


# --- without a browser -------------------------------------------------------------------


def test_links_point_into_the_document_or_to_the_intranet() -> None:
    content = (
        '<h1 id="crisis">Crisis</h1><a href="#stappen">x</a><a href="../contacten/#hr">y</a>'
        '<a href="../wijzigingen/">z</a><a href="https://example.org/a">w</a>'
        '<img src="../assets/logo.png">'
    )
    targets = {"crisis/": "crisis", "contacten/": "contacten"}
    site = "https://intranet.example/beleid/"
    assert rewrite_links(content, "crisis", "crisis/", targets, site) == (
        '<h1 id="crisis--crisis">Crisis</h1><a href="#crisis--stappen">x</a>'
        '<a href="#contacten--hr">y</a>'
        '<a href="https://intranet.example/beleid/wijzigingen/">z</a>'
        '<a href="https://example.org/a">w</a><img src="/assets/logo.png">'
    )
    assert section_key("index.md") == "index"
    assert section_key("sector/index.md") == "sector"
    assert section_key("crisis.md") == "crisis"


def test_a_title_not_at_the_top_of_a_page_is_reported_in_dutch() -> None:
    sections = [Section("a", "a/", "Alfa", ""), Section("b", "b/", "Bèta", "")]
    assert find_section_pages(
        ["Omslag", "Inhoud Alfa 3 Bèta 4", "Alfa tekst", "Bèta"], sections
    ) == {
        "a": 3,
        "b": 4,
    }
    with pytest.raises(HandbookError) as error:
        find_section_pages(["Omslag", "Alfa", "tekst Bèta"], sections)
    assert error.value.messages == [
        "De PDF is gemaakt, maar deze titels staan niet bovenaan een pagina: 'Bèta'. "
        "Begin elke pagina in docs/ met een kop '# Titel'."
    ]


def test_missing_chromium_gives_a_dutch_message(tmp_path: Path) -> None:
    result = run_handbook(
        "beleid-pdf",
        "--site-dir",
        str(tmp_path / "site"),
        "--out",
        str(tmp_path),
        env={"HANDBOOK_CHROMIUM": str(tmp_path / "geen-chromium")},
    )
    assert result.returncode == 1
    assert (
        "FOUT  Chromium ontbreekt. Installeer Debian's pakket: sudo apt-get install chromium"
        in result.stderr
    )
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site").exists()
    assert not (tmp_path / PDF_NAME).exists()


def test_normal_build_has_no_pdf_link(site_dir: Path) -> None:
    assert not (site_dir / "downloads").exists()
    assert "handbook-download" not in (site_dir / "index.html").read_text(encoding="utf-8")


# --- the real PDF -----------------------------------------------------------------------


@pytest.mark.browser
def test_pdf_ships_in_the_site_and_the_home_page_links_it(made: Made) -> None:
    shipped = made.site / "downloads" / PDF_NAME
    assert shipped.read_bytes() == made.pdf.read_bytes()
    home = (made.site / "index.html").read_text(encoding="utf-8")
    assert f'<a href="downloads/{PDF_NAME}" download>Download het hele beleid als PDF</a>' in home
    assert f"({len(made.texts)} pagina's," in home


@pytest.mark.browser
def test_page_count_is_plausible(made: Made, site_dir: Path) -> None:
    titles = nav_titles(site_dir)
    # Cover, contents, then every page on at least one sheet of its own.
    assert 2 + len(titles) <= len(made.texts) <= 2 + 8 * len(titles)
    for number, raw in enumerate(made.raw, start=1):
        assert f"Pagina {number} van {len(made.raw)}" in raw
        assert HEADER in normalise(raw)


@pytest.mark.browser
def test_cover_names_brand_version_date_and_owner(made: Made) -> None:
    cover = made.texts[0]
    assert cover.startswith("Vonkel Socialmediabeleid")
    assert "Versie 2.0" in cover
    assert "Geldig vanaf 1 september 2026" in cover
    assert "Eigenaar Afdeling Communicatie (Sanne de Wit, hoofd Communicatie)" in cover
    assert "Vonkel Software B.V." in cover


@pytest.mark.browser
def test_every_page_title_appears_in_nav_order(made: Made, site_dir: Path) -> None:
    titles = nav_titles(site_dir)
    assert "Contact" in titles
    rows = contents(made)
    body = " ".join(made.texts[rows[0][1] - 1 :])
    position = -1
    for title in titles:
        position = body.find(title, position + 1)
        assert position >= 0, title
    # The contents page lists them in the same order (a generated sector page may be between).
    listed = [title for title, _ in rows]
    assert [t for t in listed if t in titles] == titles


@pytest.mark.browser
def test_contents_page_numbers_match_where_titles_are(made: Made) -> None:
    rows = contents(made)
    assert len(rows) >= 5
    numbers = [number for _, number in rows]
    assert numbers == sorted(set(numbers))
    for title, number in rows:
        assert made.texts[number - 1].startswith(title), (title, number)


@pytest.mark.browser
def test_no_page_is_blank(made: Made) -> None:
    blank = [n for n, text in enumerate(made.texts, start=1) if len(text) < 20]
    assert blank == []


@pytest.mark.browser
def test_links_are_shown_as_urls(made: Made) -> None:
    text = re.sub(r"\s+", "", " ".join(made.raw))
    assert "(https://www.linkedin.com/company/vonkel-example)" in text
    # Links between pages point inside the document: no localhost addresses.
    assert "127.0.0.1" not in text


@pytest.mark.browser
def test_linkchecker_passes_on_the_site_with_the_pdf(made: Made, tmp_path: Path) -> None:
    result = linkcheck(made.site, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert PDF_NAME in (made.site / "index.html").read_text(encoding="utf-8")


@pytest.mark.browser
def test_home_page_with_pdf_link_passes_axe(page, made: Made, axe_source: str) -> None:
    with serve_directory(made.site) as url:
        page.goto(url, wait_until="networkidle")
        page.add_script_tag(content=axe_source)
        result = page.evaluate("async () => await axe.run(document)")
    assert [v["id"] for v in result["violations"]] == []
