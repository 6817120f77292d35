"""The generated page ``quiz/`` ("Test je kennis"): questions as static HTML that works without
JavaScript; ``docs/javascripts/quiz.js`` turns it into one question at a time."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from jinja2 import Environment, StrictUndefined, TemplateError

from ..core.placeholders import render_text
from .load import ExtraQuestions, LoadedQuiz, docs_pages, load_quiz

PAGE_URI = "quiz.md"

LETTERS = "ABCD"


def _text(value: str) -> str:
    """Plain text for an HTML block inside Markdown: escaped, with no Markdown or Jinja."""
    return html.escape(value, quote=True).replace("{", "&#123;").replace("}", "&#125;")


def page_title(path: Path) -> str | None:
    """The first level-1 heading of a Markdown page."""
    # A page that is not UTF-8 is reported by the page check; its title is read as it can be.
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return None


def _link_text(title: str) -> str:
    # Link text is Markdown: keep it plain.
    return re.sub(r"([\\`*_\[\]<>{}])", r"\\\1", title)


def render_page(quiz: LoadedQuiz, titles: dict[str, str]) -> str:
    """The Markdown of the quiz page; readable without JavaScript (answers behind a reveal)."""
    total = len(quiz.questions)
    intro = (
        _text(quiz.inleiding)
        if quiz.inleiding
        else "Test in een paar minuten of je weet wat je doet in lastige situaties."
    )
    lines = [
        "---",
        "title: Test je kennis",
        "render_macros: false",
        "hide:",
        "  - toc",
        "---",
        "",
        "# Test je kennis",
        "",
        f'<p class="handbook-quiz__intro">{intro}</p>',
        "",
        f'<p class="handbook-quiz__privacy">Er zijn {total} vragen. Je antwoorden blijven in je '
        "eigen browser: niets wordt verstuurd of bewaard.</p>",
        "",
        f'<div class="handbook-quiz" data-handbook-quiz data-total="{total}" markdown>',
        "",
    ]
    for number, q in enumerate(quiz.questions, start=1):
        slug, _, anchor = q.pagina.partition("#")
        target = f"{slug}.md" + (f"#{anchor}" if anchor else "")
        title = titles.get(slug, slug)
        right = LETTERS[q.goed]
        answers = "".join(
            f'<li data-letter="{LETTERS[j]}">{_text(a)}</li>' for j, a in enumerate(q.antwoorden)
        )
        lines += [
            f'<section class="handbook-quiz__vraag" id="vraag-{number}" '
            f'data-goed="{q.goed}" markdown>',
            "",
            f'<h2>Vraag {number}: <span class="handbook-quiz__onderwerp">{_text(q.onderwerp)}'
            "</span></h2>",
            f'<p class="handbook-quiz__situatie">{_text(q.situatie)}</p>',
            f'<p class="handbook-quiz__vraagtekst"><strong>{_text(q.vraag)}</strong></p>',
            f'<ol class="handbook-quiz__antwoorden" type="A">{answers}</ol>',
            "",
            '<details class="handbook-quiz__oplossing" markdown>',
            f"<summary>Bekijk het goede antwoord op vraag {number}</summary>",
            f'<p class="handbook-quiz__goed">Het goede antwoord is {right}: '
            f"{_text(q.antwoorden[q.goed])}</p>",
            f'<p class="handbook-quiz__uitleg">{_text(q.uitleg)}</p>',
            "",
            f"[Lees de regel: {_link_text(title)}]({target}){{ .handbook-quiz__bron }}",
            "",
            "</details>",
            "",
            "</section>",
            "",
        ]
    lines += ["</div>", ""]
    return "\n".join(lines)


def page_titles(docs_dir: Path, variables: dict[str, Any]) -> dict[str, str]:
    """Slug -> title of every page, placeholders filled (best effort; the slug if it fails)."""
    env = Environment(undefined=StrictUndefined, autoescape=False)
    titles = {}
    for slug, path in docs_pages(docs_dir).items():
        title = page_title(path) or slug
        try:
            titles[slug] = render_text(env, title, variables)
        except TemplateError:
            titles[slug] = title  # the page itself reports the bad placeholder
    return titles


def quiz_page(
    data_dir: Path,
    docs_dir: Path,
    variables: dict[str, Any],
    label_root: Path | None = None,
    extra: Sequence[ExtraQuestions] = (),
    off: frozenset[str] = frozenset(),
) -> tuple[LoadedQuiz, str]:
    """Load ``data_dir/quiz.yml`` (plus ``extra``); the quiz and the Markdown of its page."""
    path = data_dir / "quiz.yml"
    label_root = label_root or data_dir.parent
    try:
        label = path.resolve().relative_to(label_root.resolve()).as_posix()
    except ValueError:
        label = path.as_posix()
    quiz = load_quiz(path, docs_dir, variables, label, extra, off)
    return quiz, render_page(quiz, page_titles(docs_dir, variables))
