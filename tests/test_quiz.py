"""The self-check quiz: loading data/quiz.yml, every bad input with its exact Dutch message."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import build, copy_project
from handbook.cli import main
from handbook.core.brand import load_brand
from handbook.core.errors import HandbookError
from handbook.core.yamlsrc import read_yaml
from handbook.quiz.load import ExtraQuestions, Link, anchor_messages, load_quiz
from handbook.quiz.page import quiz_page, render_page
from markdown.extensions.toc import slugify

ROOT = Path(__file__).resolve().parent.parent
TOPICS = {
    "Reageren",
    "Persoonlijk gebruik",
    "Vertrouwelijke informatie",
    "Privacy",
    "Influencers",
    "AI",
    "Crisis",
    "Beveiliging",
}
# Every top-level page in docs/, the choice the message offers for a link to a missing page.
PAGES = ", ".join(sorted(p.stem for p in (ROOT / "docs").glob("*.md")))
# A page the handbook does not have (yet).
MISSING = "werving"


@pytest.fixture(scope="module")
def variables() -> dict:
    return load_brand(ROOT / "data").variables


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    return tmp_path


def quiz_file(project: Path) -> Path:
    return project / "data" / "quiz.yml"


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def load(project: Path, variables: dict, **kwargs):
    return load_quiz(quiz_file(project), project / "docs", variables, "data/quiz.yml", **kwargs)


def messages(project: Path, variables: dict, **kwargs) -> list[str]:
    with pytest.raises(HandbookError) as info:
        load(project, variables, **kwargs)
    return info.value.messages


QUESTION = """\
  - onderwerp: Privacy
    situatie: Een klant zet zijn adres in een reactie.
    antwoorden:
      - tekst: Je reageert openbaar.
      - tekst: Je vraagt om een privébericht.
        goed: true
      - tekst: Je doet niets.
    uitleg: Persoonsgegevens deel je niet openbaar.
    pagina: reageren
"""


def one_question(project: Path, question: str = QUESTION) -> Path:
    return write(quiz_file(project), "vragen:\n" + question)


def test_the_handbook_quiz_is_complete(variables: dict) -> None:
    quiz = load_quiz(ROOT / "data" / "quiz.yml", ROOT / "docs", variables, "data/quiz.yml")
    assert len(quiz.questions) >= 15
    assert {q.onderwerp for q in quiz.questions} >= TOPICS
    for q in quiz.questions:
        assert 3 <= len(q.antwoorden) <= 4
        assert (ROOT / "docs" / f"{q.pagina.split('#')[0]}.md").is_file()
        for text in (q.situatie, q.vraag, q.uitleg, *q.antwoorden):
            assert "{" not in text and "}" not in text, text
    # The right answer is not always in the same place.
    assert len({q.goed for q in quiz.questions}) >= 3


def test_placeholders_are_filled_from_the_brand_data(variables: dict) -> None:
    quiz = load_quiz(ROOT / "data" / "quiz.yml", ROOT / "docs", variables, "data/quiz.yml")
    texts = " ".join(" ".join((q.situatie, q.uitleg, *q.antwoorden)) for q in quiz.questions)
    assert variables["contacten"]["crisisteam"]["telefoon"] in texts
    assert f"binnen {variables['slas']['eerste_reactie_crisis']} een eerste reactie" in texts


def test_two_right_answers(project: Path, variables: dict) -> None:
    one_question(
        project,
        QUESTION.replace(
            "      - tekst: Je doet niets.", "      - tekst: Je doet niets.\n        goed: true"
        ),
    )
    assert messages(project, variables) == [
        "data/quiz.yml, regel 5, sleutel 'quiz.vragen[1].antwoorden': precies één antwoord moet "
        "goed zijn (goed: true), nu zijn het er 2."
    ]


def test_no_right_answer(project: Path, variables: dict) -> None:
    one_question(project, QUESTION.replace("        goed: true\n", ""))
    assert messages(project, variables) == [
        "data/quiz.yml, regel 5, sleutel 'quiz.vragen[1].antwoorden': precies één antwoord moet "
        "goed zijn (goed: true), nu zijn het er 0."
    ]


def test_too_few_and_too_many_answers(project: Path, variables: dict) -> None:
    few = QUESTION.replace("      - tekst: Je doet niets.\n", "")
    many = QUESTION.replace(
        "      - tekst: Je doet niets.\n",
        "      - tekst: Je doet niets.\n      - tekst: Je belt.\n      - tekst: Je mailt.\n",
    )
    write(quiz_file(project), "vragen:\n" + few + many)
    assert messages(project, variables) == [
        "data/quiz.yml, regel 5, sleutel 'quiz.vragen[1].antwoorden': moet minstens 3 item(s) "
        "hebben.",
        "data/quiz.yml, regel 13, sleutel 'quiz.vragen[2].antwoorden': mag hoogstens 4 item(s) "
        "hebben.",
    ]


def test_link_to_a_page_that_does_not_exist(project: Path, variables: dict) -> None:
    assert not (ROOT / "docs" / f"{MISSING}.md").exists()
    one_question(project, QUESTION.replace("pagina: reageren", f"pagina: {MISSING}#foto-s"))
    assert messages(project, variables) == [
        f"data/quiz.yml, regel 10, sleutel 'quiz.vragen[1].pagina': de pagina '{MISSING}' bestaat "
        f"niet in docs/. Kies uit: {PAGES}."
    ]


def test_a_page_added_later_can_be_linked(project: Path, variables: dict) -> None:
    one_question(project, QUESTION.replace("pagina: reageren", f"pagina: {MISSING}"))
    with pytest.raises(HandbookError):
        load(project, variables)
    write(project / "docs" / f"{MISSING}.md", "# Werving\n")
    quiz = load(project, variables)
    assert quiz.questions[0].pagina == MISSING


def test_link_in_the_wrong_form(project: Path, variables: dict) -> None:
    one_question(project, QUESTION.replace("pagina: reageren", "pagina: reageren.md"))
    assert messages(project, variables) == [
        "data/quiz.yml, regel 10, sleutel 'quiz.vragen[1].pagina': 'reageren.md' heeft niet de "
        "verwachte vorm (patroon ^[a-z0-9][a-z0-9-]*(#[a-z0-9][a-z0-9_-]*)?$)."
    ]


def test_unknown_placeholder(project: Path, variables: dict) -> None:
    one_question(
        project, QUESTION.replace("Persoonsgegevens", "Bel {{ contacten.crisis.telefoon }}.")
    )
    assert messages(project, variables) == [
        "data/quiz.yml, regel 9, sleutel 'quiz.vragen[1].uitleg': de placeholder klopt niet "
        "('dict object' has no attribute 'crisis'). Gebruik bestaande gegevens, zoals "
        "{{ organisatie.naam }} of {{ slas.eerste_reactie_crisis }}."
    ]


def test_typo_in_a_key_and_missing_key(project: Path, variables: dict) -> None:
    one_question(project, QUESTION.replace("    uitleg:", "    uitlegg:"))
    assert messages(project, variables) == [
        "data/quiz.yml, regel 2, sleutel 'quiz.vragen[1].uitleg': ontbreekt. Voeg deze sleutel "
        "toe.",
        "data/quiz.yml, regel 9, sleutel 'quiz.vragen[1].uitlegg': is een onbekende sleutel. "
        "Controleer de spelling of haal hem weg.",
    ]


def test_missing_quiz_file(project: Path, variables: dict) -> None:
    quiz_file(project).unlink()
    assert messages(project, variables) == [
        "data/quiz.yml: het bestand ontbreekt. Maak het aan (zie CONTRIBUTING.md) of herstel de "
        "naam."
    ]


def test_extra_questions_from_a_sector_file(project: Path, variables: dict) -> None:
    one_question(project)
    sector = write(
        project / "data" / "zorg.yml",
        "naam: Zorg\nquiz:\n" + QUESTION.replace("Privacy", "Zorg en beroepsgeheim"),
    )
    source = read_yaml(sector, "data/sectoren/zorg.yml")
    quiz = load(project, variables, extra=[ExtraQuestions(source)])
    assert [q.onderwerp for q in quiz.questions] == ["Privacy", "Zorg en beroepsgeheim"]


def test_bad_extra_questions_name_the_sector_file(project: Path, variables: dict) -> None:
    one_question(project)
    assert not (ROOT / "docs" / "zorg.md").exists()
    sector = write(
        project / "data" / "zorg.yml",
        "naam: Zorg\nquiz:\n"
        + QUESTION.replace("        goed: true\n", "").replace("pagina: reageren", "pagina: zorg"),
    )
    source = read_yaml(sector, "data/sectoren/zorg.yml")
    assert messages(project, variables, extra=[ExtraQuestions(source)]) == [
        "data/sectoren/zorg.yml, regel 6, sleutel 'zorg.quiz[1].antwoorden': precies één "
        "antwoord moet goed zijn (goed: true), nu zijn het er 0."
    ]
    sector.write_text(
        sector.read_text(encoding="utf-8").replace(
            "      - tekst: Je doet niets.", "      - tekst: Je doet niets.\n        goed: true"
        ),
        encoding="utf-8",
    )
    source = read_yaml(sector, "data/sectoren/zorg.yml")
    assert messages(project, variables, extra=[ExtraQuestions(source)]) == [
        "data/sectoren/zorg.yml, regel 11, sleutel 'zorg.quiz[1].pagina': de pagina 'zorg' "
        f"bestaat niet in docs/. Kies uit: {PAGES}."
    ]


def test_anchor_messages() -> None:
    links = [
        Link("reageren#toon", "data/quiz.yml, regel 3, sleutel 'quiz.vragen[1].pagina'"),
        Link("reageren#tone", "data/quiz.yml, regel 9, sleutel 'quiz.vragen[2].pagina'"),
        Link("crisis", "data/quiz.yml, regel 15, sleutel 'quiz.vragen[3].pagina'"),
    ]
    anchors = {"reageren": {"toon", "doorschakelen", "__tabbed_1_1"}, "crisis": set()}
    assert anchor_messages(links, anchors) == [
        "data/quiz.yml, regel 9, sleutel 'quiz.vragen[2].pagina': de pagina 'reageren' heeft "
        "geen kopje met het anker '#tone'. Kies uit: doorschakelen, toon, of laat het anker weg."
    ]


def test_page_works_without_javascript(variables: dict) -> None:
    quiz, markdown = quiz_page(ROOT / "data", ROOT / "docs", variables)
    assert "render_macros: false" in markdown
    assert markdown.count("<details") == len(quiz.questions)
    assert markdown.count("<summary>Bekijk het goede antwoord op vraag ") == len(quiz.questions)
    assert "[Lees de regel: Reageren en termijnen](reageren.md#klachten-en-kritiek)" in markdown
    assert "<form" not in markdown


def test_rendered_text_is_escaped(project: Path, variables: dict) -> None:
    one_question(
        project, QUESTION.replace("Je doet niets.", "Je typt <b>{{ '{{' }}x}}</b> & *niets*.")
    )
    quiz = load(project, variables)
    markdown = render_page(quiz, {"reageren": "Reageren"})
    assert "Je typt &lt;b&gt;&#123;&#123;x&#125;&#125;&lt;/b&gt; &amp; *niets*." in markdown


def test_cli_check_reports_quiz_errors(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    one_question(project, QUESTION.replace("pagina: reageren", f"pagina: {MISSING}"))
    assert main(["--root", str(project), "check"]) == 1
    assert (
        f"FOUT  data/quiz.yml, regel 10, sleutel 'quiz.vragen[1].pagina': de pagina '{MISSING}' "
        f"bestaat niet in docs/. Kies uit: {PAGES}." in capsys.readouterr().err
    )


def heading_ids(page: Path) -> set[str]:
    """The ids Python-Markdown's toc gives the Markdown headings of ``page`` (# to ######)."""
    ids = set()
    fenced = False
    for row in page.read_text(encoding="utf-8").split("\n---\n", 1)[1].splitlines():
        if row.startswith(("```", "~~~")):
            fenced = not fenced
        elif not fenced and (found := re.match(r"#{1,6} (.+?)(?: \{:.*\})?$", row)):
            ids.add(slugify(found.group(1), "-"))
    return ids


@pytest.mark.slow
def test_bad_anchor_stops_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    path = quiz_file(project)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("reageren#doorschakelen", "reageren#doorsturen"), "utf-8")
    rows = path.read_text("utf-8").splitlines()
    line = next(n for n, row in enumerate(rows, 1) if "#doorsturen" in row)
    question = sum(row.startswith("  - onderwerp:") for row in rows[:line])
    # The ids on the rendered page: its headings, plus the summary heading a macro adds.
    headings = {"kort-samengevat"} | heading_ids(project / "docs" / "reageren.md")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "Het handboek kan niet gebouwd worden: 1 probleem." in result.stderr
    assert (
        f"data/quiz.yml, regel {line}, sleutel 'quiz.vragen[{question}].pagina': de pagina "
        "'reageren' heeft geen kopje met het anker '#doorsturen'. Kies uit: "
        f"{', '.join(sorted(headings))}, of laat het anker weg." in result.stderr
    )
    assert not (tmp_path / "site" / "quiz" / "index.html").exists()


@pytest.mark.slow
def test_bad_quiz_data_stops_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    one_question(project, QUESTION.replace("        goed: true\n", ""))
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert (
        "data/quiz.yml, regel 5, sleutel 'quiz.vragen[1].antwoorden': precies één antwoord moet "
        "goed zijn (goed: true), nu zijn het er 0." in result.stderr
    )
