"""The whole policy as Word (handbook docx / make docx), opened with python-docx."""

from __future__ import annotations

import itertools
import os
import re
import subprocess
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, VENV_BIN, copy_project
from docx import Document
from docx.oxml.ns import qn
from handbook.outputs.word.convert import shift_headings, short_ids
from handbook.outputs.word.reference import REFERENCE

pytestmark = pytest.mark.slow

DOCX_NAME = "vonkel-socialmediabeleid-2.0-2026-09-01.docx"
GOLDEN = Path(__file__).parent / "golden" / "docx-outline.txt"


def run_handbook(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(VENV_BIN / "handbook"), "--root", str(root), *args],
        capture_output=True,
        text=True,
        timeout=600,
        # A copy without .git has no history; the Word file does not need it.
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "HANDBOOK_REQUIRE_HISTORY": "false"},
    )


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("docx")
    result = run_handbook(ROOT, "docx", "--out", str(folder))
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"geschreven: {folder / DOCX_NAME}" in result.stdout
    return folder / DOCX_NAME


def headings(document) -> list[tuple[int, str]]:
    found = []
    for paragraph in document.paragraphs:
        match = re.fullmatch(r"Heading (\d)", paragraph.style.name)
        if match:
            found.append((int(match[1]), paragraph.text))
    return found


def all_text(document) -> str:
    """Everything a reader can see: paragraphs, tables, headers, footers, properties."""
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    for section in document.sections:
        parts += [p.text for p in section.header.paragraphs + section.footer.paragraphs]
    parts += [t.text or "" for t in document.element.body.iter(qn("w:t"))]
    props = document.core_properties
    parts += [props.title or "", props.subject or "", props.author or ""]
    return "\n".join(parts)


def nav_pages() -> list[tuple[str, str]]:
    """(top menu section, page file) for every editor's page in mkdocs.yml, in menu order."""
    from mkdocs.utils.yaml import yaml_load

    with open(ROOT / "mkdocs.yml", encoding="utf-8") as file:
        nav = yaml_load(file)["nav"]
    found: list[tuple[str, str]] = []
    for item in nav:
        section, value = next(iter(item.items()))
        for entry in value if isinstance(value, list) else [value]:
            page = next(iter(entry.values())) if isinstance(entry, dict) else entry
            if (ROOT / "docs" / page).is_file():
                found.append((section, page))
    return found


def page_title(page: str) -> str:
    source = (ROOT / "docs" / page).read_text(encoding="utf-8")
    heading = re.search(r"^# (.+)$", source, re.M)
    assert heading, page
    return heading[1].replace("{{ organisatie.naam }}", "Vonkel").strip()


def test_headings_follow_the_menu(made: Path) -> None:
    outline = headings(Document(str(made)))
    # Menu sections are Heading 1, each page one level below, its own headings below that.
    # The quiz and the decision aid are tools, left out.
    printed = [(s, p) for s, p in nav_pages() if p not in ("quiz.md", "mag-ik-dit-posten.md")]
    sections = list(dict.fromkeys(s for s, _ in printed))
    assert [t for level, t in outline if level == 1] == sections
    pages = [t for level, t in outline if level == 2]
    sector = [t for t in pages if t.startswith("Regels voor de sector")]
    assert len(sector) == 1  # generated, but policy text: printed where the menu has it
    assert [t for t in pages if t not in sector] == [page_title(p) for _, p in printed]
    # A page's own headings sit below its title: never a jump of more than one level down.
    for (before, _), (after, _) in itertools.pairwise(outline):
        assert after <= before + 1


def test_heading_outline_golden(made: Path) -> None:
    outline = "\n".join("  " * (level - 1) + text for level, text in headings(Document(str(made))))
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_text(outline + "\n", encoding="utf-8")
    assert outline + "\n" == GOLDEN.read_text(encoding="utf-8")


def test_every_page_title_is_there_and_nothing_unfilled(made: Path) -> None:
    document = Document(str(made))
    text = all_text(document)
    titles = {t for _, t in headings(document)}
    for page in (ROOT / "docs").glob("*.md"):
        if page.name != "quiz.md":
            assert page_title(page.name) in titles, page.name
    assert "{{" not in text and "{%" not in text and "¶" not in text
    # The do's and don'ts boxes are lists under their own labels.
    assert text.count("Kort samengevat") >= 25
    assert "Doen" in text and "Niet doen" in text
    assert len(document.tables) >= 6


def test_cover_facts_equal_the_data(made: Path) -> None:
    document = Document(str(made))
    org = yaml.safe_load((ROOT / "data" / "organisatie.yml").read_text(encoding="utf-8"))
    contacts = yaml.safe_load((ROOT / "data" / "contacten.yml").read_text(encoding="utf-8"))
    owner = contacts[org["beleidseigenaar"]]
    cover = {}
    for paragraph in document.paragraphs:
        if paragraph.style.name == "Omslag" and ": " in paragraph.text:
            label, value = paragraph.text.split(": ", 1)
            cover[label] = value
    assert document.paragraphs[0].style.name == "Title"
    assert document.paragraphs[1].text == org["naam"]
    assert cover["Versie"] == org["beleidsversie"]
    effective = org["ingangsdatum"]
    assert cover["Geldig vanaf"] == f"{effective.day} september {effective.year}"
    assert cover["Eigenaar"] == f"{owner['rol']} ({owner['naam']})"
    assert cover["Organisatie"] == org["juridische_naam"]
    props = document.core_properties
    assert props.title == f"Socialmediabeleid {org['naam']}, versie {org['beleidsversie']}"
    assert props.language == "nl-NL"


def test_contents_field_page_numbers_and_links(made: Path) -> None:
    document = Document(str(made))
    body = list(document.element.body)
    kinds = [el.tag.split("}")[1] for el in body]
    toc = kinds.index("sdt")
    instructions = " ".join(t.text or "" for t in body[toc].iter(qn("w:instrText")))
    assert instructions.strip().startswith("TOC")
    # The contents come after the cover, on a page of their own.
    assert any(p.style.name == "Omslag" for p in document.paragraphs[:8])
    breaks = [
        i
        for i, el in enumerate(body)
        if any(br.get(qn("w:type")) == "page" for br in el.iter(qn("w:br")))
    ]
    assert toc - 1 in breaks and toc + 1 in breaks
    footer = document.sections[0].footer._element
    fields = [f.get(qn("w:instr")) for f in footer.iter(qn("w:fldSimple"))]
    assert fields == ["PAGE", "NUMPAGES"]
    assert "versie 2.0 · pagina" in "".join(t.text or "" for t in footer.iter(qn("w:t")))
    # Links between pages land on a bookmark Word keeps (at most 40 characters).
    bookmarks = {b.get(qn("w:name")) for b in document.element.body.iter(qn("w:bookmarkStart"))}
    anchors = [h.get(qn("w:anchor")) for h in document.element.body.iter(qn("w:hyperlink"))]
    internal = [a for a in anchors if a]
    assert len(internal) >= 20
    assert set(internal) <= bookmarks
    assert max(len(b) for b in bookmarks) <= 40
    external = [h for h in document.element.body.iter(qn("w:hyperlink")) if h.get(qn("r:id"))]
    assert external, "links to the intranet and other sites are kept"


def test_house_style_is_replaceable(tmp_path: Path) -> None:
    """Another house style: its own footer with page numbers stays, its styles are used."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml import OxmlElement

    style = Document(str(ROOT / REFERENCE))
    style.styles["Heading 1"].font.name = "Courier New"
    footer = style.sections[0].footer
    footer.is_linked_to_previous = False
    paragraph = footer.paragraphs[0]
    paragraph.add_run("Huisstijl Korenbloem, blad ")
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    paragraph._p.append(field)
    assert style.styles["Omslag"].type == WD_STYLE_TYPE.PARAGRAPH
    custom = tmp_path / "eigen.docx"
    style.save(str(custom))
    out = tmp_path / "out"
    result = run_handbook(ROOT, "docx", "--out", str(out), "--huisstijl", str(custom))
    assert result.returncode == 0, result.stderr
    document = Document(str(out / DOCX_NAME))
    assert document.styles["Heading 1"].font.name == "Courier New"
    texts = [p.text for p in document.sections[0].footer.paragraphs]
    assert texts == ["Huisstijl Korenbloem, blad "]


def test_another_organisation_leaves_no_trace_of_vonkel(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "korenbloem")
    (project / "huisstijl").mkdir()
    (project / "huisstijl" / "word-referentie.docx").write_bytes((ROOT / REFERENCE).read_bytes())
    for path in (project / "data").rglob("*.yml"):
        text = path.read_text(encoding="utf-8")
        text = text.replace("Vonkel", "Bakkerij De Korenbloem & Zn").replace("vonkel", "korenbloem")
        path.write_text(text, encoding="utf-8")
    result = run_handbook(project, "docx", "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stdout + result.stderr
    [made] = (tmp_path / "out").glob("*.docx")
    assert made.name.startswith("bakkerij-de-korenbloem-zn-socialmediabeleid-")
    text = all_text(Document(str(made)))
    assert "Bakkerij De Korenbloem & Zn" in text
    assert "vonkel" not in text.lower()
    # The docs folder and the data folder were left alone.
    assert not list((project / "docs").rglob("*.docx"))
    assert not list((project / "data").rglob("*.docx"))


def test_dutch_messages_for_what_goes_wrong(tmp_path: Path) -> None:
    in_the_way = tmp_path / "bestand"
    in_the_way.write_text("geen map", encoding="utf-8")
    result = run_handbook(ROOT, "docx", "--out", str(in_the_way))
    assert result.returncode == 1
    assert "kan niet geschreven worden: er staat een bestand met die naam" in result.stderr
    assert "Traceback" not in result.stderr
    result = run_handbook(ROOT, "docx", "--out", "docs/word")
    assert result.returncode == 1
    assert "De uitvoermap 'docs/word' ligt in docs/" in result.stderr
    assert not (ROOT / "docs" / "word").exists()
    result = run_handbook(ROOT, "docx", "--huisstijl", str(in_the_way))
    assert result.returncode == 1
    assert "dit is geen Word-document (.docx)" in result.stderr
    result = run_handbook(ROOT, "docx", "--huisstijl", "huisstijl/weg.docx")
    assert result.returncode == 1
    assert "huisstijl/weg.docx: de huisstijl voor Word ontbreekt" in result.stderr


def test_short_ids_and_shifted_headings() -> None:
    long = "klanten-en-partners--wat-je-niet-deelt-over-klanten-en-partners"
    document = short_ids(
        f'<h2 id="{long}">A</h2><a href="#{long}">x</a><a href="#elders">y</a>'
        '<a href="https://x.example/#a">z</a>'
    )
    assert document == (
        '<h2 id="k1">A</h2><a href="#k1">x</a><a href="#elders">y</a>'
        '<a href="https://x.example/#a">z</a>'
    )
    assert shift_headings("<h1 id=a>T</h1><h5>U</h5><hr>", 2) == "<h3 id=a>T</h3><h6>U</h6><hr>"


def test_default_house_style_is_a4_dutch_and_can_be_written_again(tmp_path: Path) -> None:
    def facts(path: Path) -> tuple:
        style = Document(str(path))
        section = style.sections[0]
        lang = style.styles.element.find(f"{qn('w:docDefaults')}//{qn('w:lang')}")
        names = {s.name for s in style.styles}
        return (
            round(section.page_width.mm),
            round(section.page_height.mm),
            lang.get(qn("w:val")),
            {"Omslag", "Paginagegevens", "Footer", "Heading 1", "Title"} <= names,
        )

    assert facts(ROOT / REFERENCE) == (210, 297, "nl-NL", True)
    target = tmp_path / "huisstijl.docx"
    result = run_handbook(ROOT, "word-huisstijl", "--out", str(target))
    assert result.returncode == 0, result.stderr
    assert facts(target) == facts(ROOT / REFERENCE)
    result = run_handbook(ROOT, "word-huisstijl", "--out", str(target))
    assert result.returncode == 1
    assert "bestaat al" in result.stderr and "--overschrijven" in result.stderr
