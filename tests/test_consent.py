"""The works council's consent request (handbook instemming), from a git history made here."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, VENV_BIN, copy_project
from docx import Document
from handbook.outputs.consent.letter import (
    WOR_K,
    WOR_L,
    Letter,
    Logged,
    PageChanges,
    Row,
    consent_html,
)
from handbook.outputs.consent.rules import KINDS, _follow, _PageTrack, _Tracked, rules_from_page
from handbook.outputs.word.reference import REFERENCE
from pypdf import PdfReader

pytestmark = pytest.mark.slow

GIT = shutil.which("git") or "git"
GOLDEN = Path(__file__).parent / "golden" / "consent.html"
NAME = "vonkel-instemming-socialmediabeleid-1.0-2.0"


def git(repo: Path, *args: str, when: str = "2026-01-05") -> str:
    stamp = f"{when}T12:00:00+00:00"
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Redactie",
        "GIT_AUTHOR_EMAIL": "redactie@vonkel.example",
        "GIT_COMMITTER_NAME": "Redactie",
        "GIT_COMMITTER_EMAIL": "redactie@vonkel.example",
        "GIT_AUTHOR_DATE": stamp,
        "GIT_COMMITTER_DATE": stamp,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    result = subprocess.run(
        [GIT, "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", *args],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def commit(repo: Path, when: str, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message, when=when)


def handbook(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(VENV_BIN / "handbook"), "--root", str(root), *args],
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


def project_copy(folder: Path) -> Path:
    project = copy_project(folder)
    (project / "huisstijl").mkdir()
    shutil.copyfile(ROOT / REFERENCE, project / REFERENCE)
    return project


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Version 1.0, then rules added, changed and removed, an editorial change, data that
    changed, version 2.0, and one change after it."""
    project = project_copy(tmp_path_factory.mktemp("instemming") / "handboek")
    org = project / "data" / "organisatie.yml"
    docs = project / "docs"
    edit(org, 'beleidsversie: "2.0"', 'beleidsversie: "1.0"')
    edit(org, "ingangsdatum: 2026-09-01", "ingangsdatum: 2026-02-01")
    git(project, "init", "-q")
    commit(project, "2026-01-05", "Eerste versie van het beleid")
    edit(
        docs / "crisis.md",
        "donts:\n  - Reageer niet zelf",
        "donts:\n  - Deel geen beelden van gewonden.\n  - Reageer niet zelf",
    )
    commit(project, "2026-03-02", "Geen beelden van gewonden [regel]")
    edit(docs / "contacten.md", "in je telefoon.", "in je telefoon en op papier.")
    commit(project, "2026-03-03", "Crisislijn ook op papier [regel]")
    edit(
        docs / "acceptabele-inhoud.md",
        "  - tekst: Maak duidelijk wat een feit is en wat je mening is.\n    kern: false\n",
        "",
    )
    commit(project, "2026-03-04", "Regel over feiten en meningen geschrapt [regel]")
    edit(docs / "index.md", "als je twijfelt.", "als je twijfelt, altijd.")
    commit(project, "2026-03-05", "[redactioneel] Zin loopt beter")
    edit(
        docs / "crisis.md",
        "crisis meteen de crisislijn",
        "crisis binnen vijf minuten de crisislijn",
    )
    commit(project, "2026-03-06", "Crisislijn binnen vijf minuten")
    edit(project / "data" / "contacten.yml", "+31 6 1234 5600", "+31 6 9999 0000")
    commit(project, "2026-03-07", "Nieuw nummer voor de crisislijn [regel]")
    slas = project / "data" / "slas.yml"
    slas.write_text(slas.read_text(encoding="utf-8") + "# Herzien in maart.\n", encoding="utf-8")
    commit(project, "2026-03-08", "Reactietermijnen herzien [regel]")
    edit(org, 'beleidsversie: "1.0"', 'beleidsversie: "2.0"')
    edit(org, "ingangsdatum: 2026-02-01", "ingangsdatum: 2026-09-01")
    commit(project, "2026-04-01", "Versie 2.0 vastgesteld")
    edit(docs / "contacten.md", "en op papier.", "en op papier, thuis.")
    commit(project, "2026-04-15", "Na versie 2.0 [regel]")
    return project


@pytest.fixture(scope="module")
def made(repo: Path, tmp_path_factory: pytest.TempPathFactory):
    out = tmp_path_factory.mktemp("verzoek")
    result = handbook(repo, "instemming", "--out", str(out), "--datum", "2026-06-01")
    assert result.returncode == 0, result.stdout + result.stderr
    return out, result


def appendix_rows(document) -> list[tuple[str, ...]]:
    rows = []
    for table in document.tables:
        for row in table.rows[1:]:
            rows.append(tuple(cell.text for cell in row.cells))
    return rows


def test_appendix_shows_added_changed_and_removed_rules(made) -> None:
    out, result = made
    assert f"geschreven: {out / NAME}.docx" in result.stdout
    document = Document(str(out / f"{NAME}.docx"))
    rows = appendix_rows(document)
    assert ("Nieuw (niet doen)", "nieuw", "Deel geen beelden van gewonden.") in rows
    assert (
        "Anders (doen)",
        "Bewaar het nummer van de crisislijn in je telefoon.",
        "Bewaar het nummer van de crisislijn in je telefoon en op papier.",
    ) in rows
    assert (
        "Vervalt (doen)",
        "Maak duidelijk wat een feit is en wat je mening is.",
        "vervalt",
    ) in rows
    # Old text with the old version's data, new text with the new version's.
    assert (
        "Anders (doen)",
        "Bel bij een crisis meteen de crisislijn +31 6 1234 5600.",
        "Bel bij een crisis binnen vijf minuten de crisislijn +31 6 9999 0000.",
    ) in rows
    # The editorial change is left out, and so is the change after version 2.0.
    assert not [r for r in rows if any("twijfelt" in cell for cell in r)]
    assert not [r for r in rows if any("thuis" in cell for cell in r)]
    assert len(rows) == 4
    text = "\n".join(p.text for p in document.paragraphs)
    assert "In totaal: 1 nieuwe regel, 2 gewijzigde regels en 1 vervallen regel." in text
    # Pages in menu order; a [regel] change of data is listed under the pages that show it.
    titles = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    appendix = titles[titles.index("Het besluit dat we jullie voorleggen") + 3 :]
    assert appendix.index("Contact") < appendix.index("Wat mag wel en niet")
    assert appendix.index("Wat mag wel en niet") < appendix.index("Crisis")
    assert "Reageren en termijnen" in appendix
    assert "8 maart 2026: Reactietermijnen herzien" in text
    assert "Na versie 2.0 zijn nog 1 wijziging(en) vastgelegd" in result.stderr


def test_letter_facts_come_from_the_data(made, repo: Path) -> None:
    out, _ = made
    org = yaml.safe_load((repo / "data" / "organisatie.yml").read_text(encoding="utf-8"))
    contacts = yaml.safe_load((repo / "data" / "contacten.yml").read_text(encoding="utf-8"))
    owner = contacts[org["beleidseigenaar"]]
    document = Document(str(out / f"{NAME}.docx"))
    text = "\n".join(p.text for p in document.paragraphs)
    assert f"Aan: de ondernemingsraad van {org['juridische_naam']}" in text
    assert f"Van: {owner['rol']} ({owner['naam']})" in text
    assert "Datum: 1 juni 2026" in text
    assert "uiterlijk 29 juni 2026 te laten weten" in text  # four weeks later
    assert "Versie 2.0 vervangt versie 1.0 en gaat in op 1 september 2026." in text
    assert f"Mail dan naar {owner['email']}." in text
    # WOR art. 27 lid 1: k before l, word for word.
    assert text.index(f"onder k: “{WOR_K}”") < text.index(f"onder l: “{WOR_L}”")
    assert "Daarover verschillen juristen van mening." in text
    assert document.core_properties.author == f"{owner['rol']} ({owner['naam']})"
    pdf = PdfReader(str(out / f"{NAME}.pdf"))
    pdf_text = " ".join(" ".join((p.extract_text() or "").split()) for p in pdf.pages)
    assert "Bijlage: Wat verandert er voor medewerkers" in pdf_text
    assert "Deel geen beelden van gewonden." in pdf_text
    assert f"pagina 1 van {len(pdf.pages)}" in pdf_text


def test_nothing_written_into_the_project(made, repo: Path) -> None:
    assert git(repo, "status", "--porcelain") == ""


def test_first_version_lists_every_rule(repo: Path, tmp_path: Path) -> None:
    result = handbook(repo, "instemming", "--naar", "1.0", "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    document = Document(str(tmp_path / "vonkel-instemming-socialmediabeleid-1.0.docx"))
    rows = appendix_rows(document)
    expected = 0
    for page in (ROOT / "docs").glob("*.md"):
        rules = rules_from_page(page.read_text(encoding="utf-8"))
        assert rules is not None
        expected += len(rules[0]) + len(rules[1])
    assert len(rows) == expected
    assert ("Niet doen", "Discrimineer, bedreig of intimideer nooit.") in rows
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Dit is de eerste versie die we jullie voorleggen, dus elke regel is nieuw." in text


def test_dutch_messages(repo: Path, tmp_path: Path) -> None:
    result = handbook(repo, "instemming", "--van", "0.9", "--out", str(tmp_path))
    assert result.returncode == 1
    assert (
        "FOUT  --van 0.9: die versie staat niet in de geschiedenis. Bekende versies: 1.0, 2.0."
        in result.stderr
    )
    result = handbook(repo, "instemming", "--van", "2.0", "--naar", "1.0", "--out", str(tmp_path))
    assert "--van 2.0 is niet ouder dan --naar 1.0" in result.stderr
    in_the_way = tmp_path / "bestand"
    in_the_way.write_text("x", encoding="utf-8")
    result = handbook(repo, "instemming", "--out", str(in_the_way / "sub"))
    assert result.returncode == 1
    assert "een deel van dat pad is een bestand, geen map" in result.stderr
    result = handbook(repo, "instemming", "--out", "data/brieven")
    assert "De uitvoermap 'data/brieven' ligt in data/" in result.stderr
    assert "Traceback" not in result.stderr
    assert not list(tmp_path.glob("*.docx"))


def test_no_history_and_no_works_council(tmp_path: Path) -> None:
    project = project_copy(tmp_path / "zonder-git")
    result = handbook(project, "instemming", "--out", str(tmp_path / "out"))
    assert result.returncode == 1
    assert (
        "heeft de geschiedenis uit git nodig, maar die is niet beschikbaar, omdat deze map "
        "geen git-repository is"
    ) in result.stderr
    edit(project / "data" / "organisatie.yml", "ondernemingsraad: true", "ondernemingsraad: false")
    result = handbook(project, "instemming", "--out", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "Volgens data/organisatie.yml heeft Vonkel geen ondernemingsraad" in result.stderr
    assert not (tmp_path / "out").exists()  # nothing made, not even the folder


def _track(*texts: str) -> _PageTrack:
    return _PageTrack({"dos": [_Tracked(t, t) for t in texts], "donts": []})


def test_following_rules_through_commits() -> None:
    # An editorial rewording is no change; a real one after it shows the final text.
    track = _track("Een.", "Twee.")
    _follow(track, "dos", ["Een!", "Twee."], editorial=True)
    first = track.items["dos"][0]
    assert (first.text, first.original, first.changed) == ("Een!", "Een.", False)
    _follow(track, "dos", ["Een!", "Twee, anders."], editorial=False)
    _follow(track, "dos", ["Een!", "Twee, anders!"], editorial=True)
    second = track.items["dos"][1]
    assert (second.original, second.text, second.changed) == ("Twee.", "Twee, anders!", True)
    # Added, then removed again: nothing to report. Removed in an editorial commit: reported.
    track = _track("Een.", "Twee.")
    _follow(track, "dos", ["Een.", "Twee.", "Drie."], editorial=False)
    _follow(track, "dos", ["Een.", "Twee."], editorial=False)
    _follow(track, "dos", ["Twee."], editorial=True)
    assert [i.text for i in track.items["dos"]] == ["Twee."]
    assert track.removed["dos"] == ["Een."]
    assert set(KINDS) == {"dos", "donts"}


def test_consent_html_golden() -> None:
    letter = Letter(
        organisation="Bakkerij De Korenbloem & Zn B.V.",
        brand="De Korenbloem",
        policy="Socialmediabeleid",
        owner_role="HR",
        owner_name="Ans <Bakker>",
        owner_email="hr@korenbloem.example",
        day=dt.date(2027, 1, 4),
        reply_by=dt.date(2027, 2, 1),
        old_version="1.0",
        new_version="1.1",
        effective=dt.date(2027, 3, 1),
        intranet="https://intranet.korenbloem.example/beleid/",
    )
    pages = [
        PageChanges(
            "Crisis",
            [Row("donts", None, "Deel geen <foto's>."), Row("dos", "Bel.", "Bel direct.")],
            [Logged(dt.date(2026, 12, 1), "Nieuwe termijn & contact")],
        )
    ]
    document = consent_html(letter, pages, [Logged(dt.date(2026, 12, 2), "Data")])
    assert "Ans &lt;Bakker&gt;" in document and "<foto" not in document
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_text(document, encoding="utf-8")
    assert document == GOLDEN.read_text(encoding="utf-8")
