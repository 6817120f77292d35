"""The self-check quiz: load and validate ``data/quiz.yml`` and render the generated page.

Plain functions without MkDocs imports. The plugin adds the page ``quiz/``; the browser script
``docs/javascripts/quiz.js`` turns the static questions into a one-question-at-a-time quiz.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, StrictUndefined, TemplateError

from .data import validation_messages
from .placeholders import render_text
from .validation import Invalid, Record, validated
from .yamlsrc import HandbookError, Source, _child, read_yaml

PAGE_URI = "quiz.md"


@dataclass(frozen=True)
class ExtraQuestions:
    """Questions from another file, such as ``quiz:`` in a sector file.

    ``loc`` is the key path of the list inside ``source`` (``("quiz",)``), so messages name
    the right file, line and key.
    """

    source: Source
    loc: tuple[str | int, ...] = ("quiz",)


@dataclass(frozen=True)
class Question:
    """A validated question with placeholders filled, ready to render."""

    onderwerp: str
    situatie: str
    vraag: str
    antwoorden: tuple[str, ...]
    goed: int  # index into antwoorden
    uitleg: str
    pagina: str  # slug, possibly with '#anchor'


@dataclass(frozen=True)
class Link:
    """A question's link to a page, with where it was written (for the anchor check)."""

    pagina: str
    where: str  # "data/quiz.yml, regel 12, sleutel 'quiz.vragen[1].pagina'"


@dataclass(frozen=True)
class LoadedQuiz:
    inleiding: str | None
    questions: tuple[Question, ...]
    links: tuple[Link, ...] = ()


def anchor_messages(links: Sequence[Link], anchors: dict[str, set[str] | None]) -> list[str]:
    """Dutch messages for links whose anchor is not on the rendered page.

    ``anchors`` maps a page's slug to the ids present in its HTML (MkDocs'
    ``page.present_anchor_ids``), so headings written by macros count too.
    """
    messages = []
    for link in links:
        slug, _, anchor = link.pagina.partition("#")
        present = anchors.get(slug)
        if anchor and present is not None and anchor not in present:
            headings = sorted(a for a in present if not a.startswith("__"))
            messages.append(
                f"{link.where}: de pagina '{slug}' heeft geen kopje met het anker '#{anchor}'. "
                f"Kies uit: {', '.join(headings)}, of laat het anker weg."
            )
    return messages


def docs_pages(docs_dir: Path) -> dict[str, Path]:
    """Slug -> file of every Markdown page in ``docs_dir`` (top level; 'index' included)."""
    return {p.stem: p for p in sorted(docs_dir.glob("*.md"))}


def _key(parts: Sequence[str | int]) -> str:
    text = ""
    for part in parts:
        text += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _at(source: Source, loc: Sequence[str | int]) -> Any:
    value = source.data
    for part in loc:
        in_dict = isinstance(value, dict) and part in value
        in_list = isinstance(value, list) and isinstance(part, int) and part < len(value)
        if not (in_dict or in_list):
            return None
        value = value[part]
    return value


class _Filler:
    """Fills ``{{ ... }}`` in quiz texts from the brand data; collects Dutch messages."""

    def __init__(self, variables: dict[str, Any]) -> None:
        self.env = Environment(undefined=StrictUndefined, autoescape=False)
        self.variables = variables
        self.messages: list[str] = []

    def __call__(self, text: str, source: Source, loc: Sequence[str | int], key: str) -> str:
        if "{" not in text:
            return text
        try:
            return render_text(self.env, text, self.variables)
        except TemplateError as error:
            self.messages.append(
                f"{source.label}, regel {source.line_of(loc)}, sleutel '{key}': de placeholder "
                f"klopt niet ({error}). Gebruik bestaande gegevens, zoals "
                "{{ organisatie.naam }} of {{ slas.eerste_reactie_crisis }}."
            )
            return text


def _questions(
    vragen: Sequence[Record],
    source: Source,
    loc: Sequence[str | int],
    key_prefix: Sequence[str | int],
    pages: dict[str, Path],
    fill: _Filler,
    links: list[Link],
) -> tuple[list[Question], list[str]]:
    known = sorted(pages)
    out: list[Question] = []
    messages: list[str] = []
    for i, v in enumerate(vragen):
        here = [*loc, i]
        key = [*key_prefix, i]
        slug = v.pagina.split("#")[0]
        if slug not in known:
            messages.append(
                f"{source.label}, regel {source.line_of([*here, 'pagina'])}, sleutel "
                f"'{_key([*key, 'pagina'])}': de pagina '{slug}' bestaat niet in docs/. Kies "
                f"uit: {', '.join(known)}."
            )
        else:
            links.append(
                Link(
                    pagina=v.pagina,
                    where=f"{source.label}, regel {source.line_of([*here, 'pagina'])}, sleutel "
                    f"'{_key([*key, 'pagina'])}'",
                )
            )

        def f(text: str, *sub: str | int, here: list = here, key: list = key) -> str:
            return fill(text, source, [*here, *sub], _key([*key, *sub]))

        out.append(
            Question(
                onderwerp=f(v.onderwerp, "onderwerp"),
                situatie=f(v.situatie, "situatie"),
                vraag=f(v.vraag, "vraag"),
                antwoorden=tuple(
                    f(a.tekst, "antwoorden", j, "tekst") for j, a in enumerate(v.antwoorden)
                ),
                goed=next(j for j, a in enumerate(v.antwoorden) if a.goed),
                uitleg=f(v.uitleg, "uitleg"),
                pagina=v.pagina,
            )
        )
    return out, messages


def load_quiz(
    path: Path,
    docs_dir: Path,
    variables: dict[str, Any],
    label: str | None = None,
    extra: Sequence[ExtraQuestions] = (),
) -> LoadedQuiz:
    """Read and validate the quiz file plus extra questions (such as a sector's ``quiz`` list).

    ``variables`` are the brand's template variables (``Brand.variables``): placeholders in
    questions, answers and explanations are filled from them. Every link must point to a page
    that exists in ``docs_dir``. Raises :class:`HandbookError` with every problem found.
    """
    pages = docs_pages(docs_dir)
    fill = _Filler(variables)
    messages: list[str] = []
    questions: list[Question] = []
    links: list[Link] = []
    inleiding = None
    try:
        source = read_yaml(path, label)
        quiz = validated("quiz", source.data)
    except HandbookError as error:
        messages.extend(error.messages)
    except Invalid as error:
        messages.extend(validation_messages(source, error, ("quiz",)))
    else:
        if quiz.inleiding:
            inleiding = fill(quiz.inleiding, source, ["inleiding"], "quiz.inleiding")
        found, problems = _questions(
            quiz.vragen, source, ["vragen"], ["quiz", "vragen"], pages, fill, links
        )
        questions.extend(found)
        messages.extend(problems)
    for more in extra:
        data = _at(more.source, more.loc)
        prefix = (Path(more.source.label).stem, *more.loc)
        try:
            vragen = validated("vragen", data)
        except Invalid as error:
            messages.extend(_shifted(more.source, error, more.loc, prefix))
            continue
        found, problems = _questions(vragen, more.source, more.loc, prefix, pages, fill, links)
        questions.extend(found)
        messages.extend(problems)
    messages.extend(fill.messages)
    if messages:
        raise HandbookError(messages)
    return LoadedQuiz(inleiding=inleiding, questions=tuple(questions), links=tuple(links))


def _shifted(
    source: Source, error: Invalid, loc: Sequence[str | int], prefix: Sequence[str | int]
) -> list[str]:
    """Messages for errors in a list that sits at ``loc`` inside ``source``."""
    view = Source(path=source.path, label=source.label, data=None, root=_node(source, loc))
    return validation_messages(view, error, prefix)


def _node(source: Source, loc: Sequence[str | int]):
    node = source.root
    for part in loc:
        child = _child(node, part)
        if child is None:
            return node
        node = child
    return node


# --- Rendering -------------------------------------------------------------------------------

LETTERS = "ABCD"


def _text(value: str) -> str:
    """Plain text for an HTML block inside Markdown: escaped, with no Markdown or Jinja."""
    return html.escape(value, quote=True).replace("{", "&#123;").replace("}", "&#125;")


def page_title(path: Path) -> str | None:
    """The first level-1 heading of a Markdown page."""
    for line in path.read_text(encoding="utf-8").splitlines():
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
) -> tuple[LoadedQuiz, str]:
    """Load ``data_dir/quiz.yml`` (plus ``extra``); the quiz and the Markdown of its page."""
    path = data_dir / "quiz.yml"
    label_root = label_root or data_dir.parent
    try:
        label = path.resolve().relative_to(label_root.resolve()).as_posix()
    except ValueError:
        label = path.as_posix()
    quiz = load_quiz(path, docs_dir, variables, label, extra)
    return quiz, render_page(quiz, page_titles(docs_dir, variables))
