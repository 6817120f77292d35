"""Making the handbook an organisation's own (issue 17): ``handbook nieuw --antwoorden`` for
three made-up organisations, each built once (strictly, with the policy PDF) and checked for
traces of the example brand, switched-off topics, the changelog and the review dates."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, VENV_BIN, copy_project, html_pages, linkcheck
from handbook.outputs.chromium import serve_directory
from pypdf import PdfReader

ADOPTED = "2026-12-10"

# What the example brand's history says; none of it may show after the adoption.
EXAMPLE_COMMITS = ("Vonkel-beleid versie 2.0 vastgesteld", "AI-regels aangescherpt [regel]")

A4_POINTS = (595.3, 841.9)


@dataclass(frozen=True)
class Org:
    answers: Path
    name: str
    off: tuple[str, ...]
    due: str  # herzien_voor after the adoption day
    gone_question: str | None = None  # a quiz question that must be left out


ORGS = {
    "bakkerij": Org(
        ROOT / "antwoorden.voorbeeld.yml",
        "Bakkerij De Graaf",
        ("ai", "ambassadeurs-en-influencers"),
        "2027-12-10",
    ),
    "gemeente": Org(
        ROOT / "tests" / "adoption" / "gemeente.yml",
        "Gemeente Zuiderveen",
        ("ambassadeurs-en-influencers", "contentplanning"),
        "2027-06-10",
    ),
    "huisartsen": Org(
        ROOT / "tests" / "adoption" / "huisartsen.yml",
        "Huisartsenpraktijk De Linde",
        ("ai", "monitoring", "ambassadeurs-en-influencers"),
        "2027-12-10",
        gone_question="22.00 uur een boze reactie",  # about Instagram: the practice has none
    ),
}


def git(*args: str, cwd: Path) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@voorbeeld.nl",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@voorbeeld.nl",
    }
    result = subprocess.run(
        ["git", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, f"git {' '.join(args)}:\n{result.stdout}\n{result.stderr}"
    return result.stdout


def handbook(*args: str, root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(VENV_BIN / "handbook"), "--root", str(root), *args],
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


def example_repository(dest: Path) -> Path:
    """The handbook as the base repository: the example brand with a history of its own."""
    project = copy_project(dest)
    shutil.copytree(ROOT / ".github", project / ".github")
    shutil.copy2(ROOT / ".gitattributes", project / ".gitattributes")
    shutil.copytree(ROOT / "huisstijl", project / "huisstijl")  # Word's house style
    git("init", "-q", cwd=project)
    git("add", "-A", cwd=project)
    git("commit", "-qm", EXAMPLE_COMMITS[0], cwd=project)
    ai = project / "docs" / "ai.md"
    ai.write_text(ai.read_text(encoding="utf-8") + "\nExtra zin uit het voorbeeld.\n", "utf-8")
    git("commit", "-qam", EXAMPLE_COMMITS[1], cwd=project)
    return project


def adopt(project: Path, answers: Path) -> subprocess.CompletedProcess[str]:
    return handbook("nieuw", "--antwoorden", str(answers), "--vandaag", ADOPTED, root=project)


def example_traces() -> list[str]:
    """The example brand's identity: name, domain, people and phone numbers, from its data."""
    contacts = yaml.safe_load((ROOT / "data" / "contacten.yml").read_text(encoding="utf-8"))
    crisis = yaml.safe_load((ROOT / "data" / "crisis.yml").read_text(encoding="utf-8"))
    traces = {"Vonkel", "vonkel"}
    for contact in contacts.values():
        traces.add(contact["email"].split("@")[1])
        if contact.get("telefoon"):
            traces.add(str(contact["telefoon"]))
    for member in crisis["team"]:
        traces.add(member["naam"])
        traces.add(str(member["telefoon"]))
    return sorted(traces)


@dataclass
class Adopted:
    org: Org
    project: Path
    site: Path
    pdf_text: str
    nieuw_output: str


@pytest.fixture(scope="module", params=sorted(ORGS))
def adopted(request, tmp_path_factory: pytest.TempPathFactory, chromium_path: str) -> Adopted:
    """One organisation: adopted, committed, and built once with the whole-policy PDF."""
    org = ORGS[request.param]
    project = example_repository(tmp_path_factory.mktemp(request.param))
    result = adopt(project, org.answers)
    assert result.returncode == 0, result.stdout + result.stderr
    git("add", "-A", cwd=project)
    git("commit", "-qm", f"Handboek van {org.name}", cwd=project)
    built = handbook("beleid-pdf", "--site-dir", "site", "--out", "dist", root=project)
    assert built.returncode == 0, built.stdout + built.stderr
    (pdf,) = (project / "dist").glob("*.pdf")
    text = " ".join((page.extract_text() or "") for page in PdfReader(pdf).pages)
    return Adopted(org, project, project / "site", " ".join(text.split()), result.stdout)


def site_texts(site: Path) -> dict[str, str]:
    files = [*html_pages(site), *site.rglob("*.json"), *site.rglob("*.xml")]
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in files}


def test_no_trace_of_the_example_brand(adopted: Adopted) -> None:
    sheet = adopted.site / "snelle-referentie"
    (sheet_pdf,) = sheet.glob("*.pdf")
    sheet_text = " ".join(p.extract_text() or "" for p in PdfReader(sheet_pdf).pages)
    places = {**site_texts(adopted.site), "beleid.pdf": adopted.pdf_text, "sheet.pdf": sheet_text}
    for trace in example_traces():
        found = [name for name, text in places.items() if trace in text]
        assert not found, f"'{trace}' staat nog in {found[:5]}"
    assert adopted.org.name in places["index.html"]
    assert adopted.org.name in adopted.pdf_text


def test_switched_off_topics_are_gone_everywhere(adopted: Adopted) -> None:
    texts = site_texts(adopted.site)
    nav = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\nnav:", 1)[1])
    titles = {
        page.removesuffix(".md"): title
        for section in nav
        for items in section.values()
        if isinstance(items, list)
        for item in items
        if isinstance(item, dict)
        for title, page in item.items()
    }
    search = json.loads(texts["search/search_index.json"])
    for page in adopted.org.off:
        assert not (adopted.site / page).exists(), f"{page}/ is gebouwd"
        link = re.compile(rf'href="(\.\./)*{re.escape(page)}/')
        linked = [name for name, text in texts.items() if link.search(text)]
        assert not linked, f"link naar {page}/ in {linked}"
        assert not [d for d in search["docs"] if d["location"].startswith(f"{page}/")]
        assert titles[page] not in adopted.pdf_text, f"'{titles[page]}' staat in de PDF"
    quiz = texts["quiz/index.html"]
    assert "Vraag 1" in quiz
    if adopted.org.gone_question:
        assert adopted.org.gone_question not in quiz


def test_links_to_switched_off_topics_leave_no_broken_sentences(adopted: Adopted) -> None:
    texts = site_texts(adopted.site)
    herziening = " ".join(re.sub(r"<[^>]+>", " ", texts["herziening/index.html"]).split())
    if "ai" in adopted.org.off:
        assert "pagina AI" not in herziening
        assert "de pagina Privacy aan te passen" in herziening
        rules = texts["wet-en-regelgeving/index.html"]
        assert re.search(r"<td>AI-verordening</td>\s*<td>[^<]*</td>\s*<td>–</td>", rules)
    else:
        assert "pagina AI aan te passen" in herziening


def test_site_is_strict_clean_and_links_hold(adopted: Adopted, tmp_path: Path) -> None:
    adopted.site.chmod(0o755)
    result = linkcheck(adopted.site, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_changelog_starts_at_the_adoption(adopted: Adopted) -> None:
    texts = site_texts(adopted.site)
    changelog = texts["wijzigingen/index.html"]
    for subject in EXAMPLE_COMMITS:
        assert subject.split(" [")[0] not in changelog
    assert "Versie 2.0" not in changelog
    assert "Versie 1.0" in changelog and "eerste versie van dit beleid" in changelog
    home = texts["index.html"]
    assert "bestaat niet meer" not in home
    assert "Wat is er veranderd in versie 1.0?" in home


def test_every_page_is_reviewed_on_the_adoption_day(adopted: Adopted) -> None:
    for path in sorted((adopted.project / "docs").glob("*.md")):
        front = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])
        assert str(front["laatst_beoordeeld"]) == ADOPTED, path.name
        assert str(front["herzien_voor"]) == adopted.org.due, path.name
    organisatie = yaml.safe_load(
        (adopted.project / "data" / "organisatie.yml").read_text(encoding="utf-8")
    )
    assert organisatie["beleidsversie"] == "1.0"
    assert organisatie["ingangsdatum"] == organisatie["in_gebruik_sinds"] == date(2026, 12, 10)


def test_only_the_files_adoption_must_write_changed(adopted: Adopted) -> None:
    changed = git("diff", "--name-only", "HEAD~1", "HEAD", cwd=adopted.project).split()
    allowed = re.compile(r"^(data/[a-z]+\.yml|docs/[a-z-]+\.md|mkdocs\.yml|\.github/.+)$")
    assert changed and all(allowed.match(name) for name in changed), changed
    assert "data/quiz.yml" not in changed
    diff = git("diff", "HEAD~1", "HEAD", "--", "docs", cwd=adopted.project)
    edited = [line for line in diff.splitlines() if line[:1] in "+-" and line[:3] not in "+++---"]
    assert all(re.match(r"^[+-](laatst_beoordeeld|herzien_voor): ", line) for line in edited)
    mkdocs = (adopted.project / "mkdocs.yml").read_text(encoding="utf-8")
    assert f"site_name: Socialmediabeleid van {adopted.org.name}" in mkdocs
    assert "# Edit links go straight to GitHub's editor." in mkdocs  # comments kept


@pytest.mark.browser
def test_one_pager_is_one_a4_in_a_real_browser(adopted: Adopted, page) -> None:
    with serve_directory(adopted.site) as url:
        page.goto(url + "snelle-referentie/", wait_until="load")
        page.emulate_media(media="print")
        pdf = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True, print_background=True)))
    assert len(pdf.pages) == 1
    box = pdf.pages[0].mediabox
    assert abs(float(box.width) - A4_POINTS[0]) < 2 and abs(float(box.height) - A4_POINTS[1]) < 2


def test_no_software_examples_for_other_sectors(adopted: Adopted) -> None:
    if "technologie" in str(adopted.org.answers.read_text(encoding="utf-8")):
        pytest.skip("software is this organisation's own sector")
    words = re.compile(r"\b(webinars?|releases?|roadmaps?|de app)\b", re.I)
    for name, text in site_texts(adopted.site).items():
        plain = re.sub(r"<[^>]+>", " ", text)
        assert not words.search(plain), f"{name}: {words.search(plain)[0]}"


def test_word_file_has_no_trace_of_the_example_brand(adopted: Adopted, tmp_path: Path) -> None:
    """What Legal reads in Word after the adoption (issue 20): the organisation, not Vonkel."""
    from docx import Document
    from test_docx import all_text

    made = handbook("docx", "--out", str(tmp_path), root=adopted.project)
    assert made.returncode == 0, made.stdout + made.stderr
    (word,) = tmp_path.glob("*.docx")
    text = all_text(Document(str(word)))
    found = [trace for trace in example_traces() if trace in text]
    assert not found, f"nog in het Word-bestand: {found}"
    assert adopted.org.name in text
