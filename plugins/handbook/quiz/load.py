"""Load and validate the quiz (``data/quiz.yml`` and the sector's own questions).

Plain functions without MkDocs imports; messages name file, line and key."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, StrictUndefined, TemplateError

from ..content.lookups import has_channel, make_lookups
from ..core.errors import HandbookError
from ..core.messages import validation_messages
from ..core.placeholders import render_text
from ..core.unavailable import tolerate
from ..core.validation import Invalid, Record, validated
from ..core.yamlsrc import Source, child_source, read_yaml


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
        self.env = tolerate(Environment(undefined=StrictUndefined, autoescape=False))
        self.variables = {**variables, **make_lookups(variables)}
        self.messages: list[str] = []

    def __call__(self, text: str, source: Source, loc: Sequence[str | int], key: str) -> str:
        if "{" not in text:
            return text
        try:
            return render_text(self.env, text, self.variables)
        except (TemplateError, ValueError) as error:
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
    off: frozenset[str] = frozenset(),
) -> tuple[list[Question], list[str]]:
    known = sorted(pages)
    out: list[Question] = []
    messages: list[str] = []
    for i, v in enumerate(vragen):
        here = [*loc, i]
        key = [*key_prefix, i]
        slug = v.pagina.split("#")[0]
        if slug in off:
            continue  # the topic is switched off (onderwerpen_uit)
        if v.kanaal and not has_channel(fill.variables["kanalen"], v.kanaal):
            continue  # no official account on that platform
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
    off: frozenset[str] = frozenset(),
) -> LoadedQuiz:
    """Read and validate the quiz file plus extra questions (such as a sector's ``quiz`` list).

    ``variables`` are the brand's template variables (``Brand.variables``): placeholders in
    questions, answers and explanations are filled from them. Every link must point to a page
    that exists in ``docs_dir``. Questions about a switched-off page (``off``) or about a
    platform without an official account are left out. Raises :class:`HandbookError` with every
    problem found.
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
            quiz.vragen, source, ["vragen"], ["quiz", "vragen"], pages, fill, links, off
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
        found, problems = _questions(vragen, more.source, more.loc, prefix, pages, fill, links, off)
        # Two sectors with the same question (merged sectors): it is asked once.
        questions.extend(q for q in found if q not in questions)
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
        child = child_source(node, part)
        if child is None:
            return node
        node = child
    return node
