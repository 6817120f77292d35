"""Load and check the decision aid (``data/beslishulp.yml``): valid data, and a real tree.

Every problem gets a Dutch message with file, line and key: an unknown next step, a question
or outcome nobody reaches, a loop, a path without an end, an unknown contact or page. Plain
functions without MkDocs imports; the plugin and ``handbook check`` call :func:`load_aid`.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..core.brand import contact_ref_message, fill_in
from ..core.errors import HandbookError
from ..core.messages import key_text, validation_messages
from ..core.validation import Invalid, as_dicts, validated
from ..core.yamlsrc import Source, read_yaml

FILE = "beslishulp.yml"

ANSWERS = ("ja", "nee")


@dataclass(frozen=True)
class Question:
    key: str
    number: int  # 1, 2, ... in the order a reader meets them (breadth first from the start)
    vraag: str
    uitleg: str | None
    ja: str
    nee: str


@dataclass(frozen=True)
class Outcome:
    key: str
    letter: str  # A, B, ... in the order a reader meets them
    besluit: str  # posten | vraag_eerst | niet_posten
    contact: Mapping[str, Any] | None  # the contact from contacten.yml (vraag_eerst)
    tekst: str
    pagina: str  # slug, possibly with '#anchor'


@dataclass(frozen=True)
class Link:
    """An outcome's link to a page, with where it was written (for the anchor check)."""

    pagina: str
    where: str


@dataclass(frozen=True)
class DecisionAid:
    titel: str
    inleiding: str | None
    start: str
    questions: tuple[Question, ...]
    outcomes: tuple[Outcome, ...]
    links: tuple[Link, ...] = ()

    def step(self, key: str) -> Question | Outcome:
        for item in (*self.questions, *self.outcomes):
            if item.key == key:
                return item
        raise KeyError(key)


def _where(source: Source, loc: Sequence[str | int]) -> str:
    line = source.line_of(list(loc))
    key = key_text(["beslishulp", *loc])
    return f"{source.label}, regel {line}, sleutel '{key}'" if line else f"{source.label}, '{key}'"


def _order(start: str, edges: Mapping[str, Sequence[str]]) -> list[str]:
    """Steps reachable from ``start``, breadth first: the order readers meet them."""
    seen = [start]
    queue = deque([start])
    while queue:
        for nxt in edges.get(queue.popleft(), ()):
            if nxt not in seen:
                seen.append(nxt)
                queue.append(nxt)
    return seen


def _path_to(start: str, target: str, edges: Mapping[str, Mapping[str, str]]) -> list[str]:
    """The shortest path of answers from the start to ``target``: ['vertrouwelijk: nee', ...]."""
    previous: dict[str, tuple[str, str]] = {}
    queue = deque([start])
    seen = {start}
    while queue:
        key = queue.popleft()
        if key == target:
            break
        for answer, nxt in edges.get(key, {}).items():
            if nxt not in seen:
                seen.add(nxt)
                previous[nxt] = (key, answer)
                queue.append(nxt)
    path = []
    key = target
    while key in previous:
        key, answer = previous[key]
        path.append(f"{key}: {answer}")
    return list(reversed(path))


def _loops(start: str, edges: Mapping[str, Mapping[str, str]]) -> list[tuple[str, str, list[str]]]:
    """Every answer that leads back to a question on the way there: (question, answer, loop)."""
    found = []
    on_path: list[str] = []
    done: set[str] = set()

    def visit(key: str) -> None:
        on_path.append(key)
        for answer, nxt in edges.get(key, {}).items():
            if nxt in on_path:
                found.append((key, answer, [*on_path[on_path.index(nxt) :], nxt]))
            elif nxt not in done:
                visit(nxt)
        on_path.pop()
        done.add(key)

    visit(start)
    return found


def check_tree(aid: Any, source: Source) -> list[str]:
    """Dutch messages when the questions do not form a tree from the start to outcomes."""
    questions: dict[str, Any] = aid.vragen
    outcomes: dict[str, Any] = aid.uitkomsten
    known = [*questions, *outcomes]
    messages = []
    for key in sorted(set(questions) & set(outcomes)):
        messages.append(
            f"{_where(source, ['uitkomsten', key])}: '{key}' is al de naam van een vraag. Geef "
            "de vraag of de uitkomst een andere naam."
        )
    if aid.start not in questions:
        messages.append(
            f"{_where(source, ['start'])}: '{aid.start}' is geen vraag. Kies de eerste vraag "
            f"uit: {', '.join(questions)}."
        )
        return messages
    edges: dict[str, dict[str, str]] = {}
    for key, question in questions.items():
        edges[key] = {}
        for answer in ANSWERS:
            nxt = getattr(question, answer)
            if nxt is None:
                continue
            if nxt not in questions and nxt not in outcomes:
                messages.append(
                    f"{_where(source, ['vragen', key, answer])}: '{nxt}' is geen vraag of "
                    f"uitkomst. Kies uit: {', '.join(known)}."
                )
                continue
            edges[key][answer] = nxt
    order = _order(aid.start, {k: list(v.values()) for k, v in edges.items()})
    for key, question in questions.items():
        if key not in order:
            continue
        for answer in ANSWERS:
            if getattr(question, answer) is None:
                path = [*_path_to(aid.start, key, edges), f"{key}: {answer}"]
                messages.append(
                    f"{_where(source, ['vragen', key])}: bij '{answer}' staat geen volgende stap. "
                    f"Wie zo antwoordt ({' → '.join(path)}), komt nergens uit. Zet bij "
                    f"'{answer}' de naam van een vraag of een uitkomst."
                )
    for key, answer, loop in _loops(aid.start, edges):
        messages.append(
            f"{_where(source, ['vragen', key, answer])}: deze stap gaat terug naar "
            f"'{loop[0]}', dus de vragen draaien in een kring: {' → '.join(loop)}. Laat '{key}' "
            "bij deze keuze naar een verdere vraag of een uitkomst gaan."
        )
    for group, items, kind in (
        ("vragen", questions, "vraag"),
        ("uitkomsten", outcomes, "uitkomst"),
    ):
        for key in items:
            if key not in order and key not in questions.keys() & outcomes.keys():
                messages.append(
                    f"{_where(source, [group, key])}: niemand komt bij deze {kind}: geen vraag "
                    f"die vanaf de start ('{aid.start}') te bereiken is, verwijst ernaar. "
                    f"Verwijs ernaar bij 'ja' of 'nee' van een vraag, of haal de {kind} weg."
                )
    return messages


def _page_messages(
    aid: Any, source: Source, pages: Iterable[str], contacts: Mapping[str, Any]
) -> tuple[list[str], list[Link]]:
    known = sorted(pages)
    messages: list[str] = []
    links: list[Link] = []
    for key, outcome in aid.uitkomsten.items():
        loc = ["uitkomsten", key, "pagina"]
        slug = outcome.pagina.split("#")[0]
        if slug not in known:
            messages.append(
                f"{_where(source, loc)}: de pagina '{slug}' bestaat niet in docs/. Kies uit: "
                f"{', '.join(known)}."
            )
        else:
            links.append(Link(outcome.pagina, _where(source, loc)))
        if outcome.contact is not None and outcome.contact not in contacts:
            loc = ["uitkomsten", key, "contact"]
            messages.append(
                contact_ref_message(source, loc, "beslishulp", outcome.contact, contacts)
            )
    return messages, links


def load_aid(
    path: Path, pages: Iterable[str], variables: Mapping[str, Any], label: str | None = None
) -> DecisionAid:
    """Read, validate and check ``data/beslishulp.yml``; placeholders filled from the brand.

    ``pages`` are the slugs of the pages in docs/ (without .md); ``variables`` the brand's
    template variables (``Brand.variables``). Raises :class:`HandbookError` with every problem.
    """
    source = read_yaml(path, label)
    try:
        aid = validated("beslishulp", source.data)
    except Invalid as error:
        raise HandbookError(validation_messages(source, error, ("beslishulp",))) from None
    contacts = variables["contacten"]
    messages = check_tree(aid, source)
    problems, links = _page_messages(aid, source, pages, contacts)
    messages.extend(problems)
    if messages:
        raise HandbookError(messages)
    data = fill_in(as_dicts(aid), source, variables, ("beslishulp",))
    order = _order(aid.start, {k: [q.ja, q.nee] for k, q in aid.vragen.items()})
    question_keys = [k for k in order if k in aid.vragen]
    outcome_keys = [k for k in order if k in aid.uitkomsten]
    questions = tuple(
        Question(
            key=k,
            number=n,
            vraag=data["vragen"][k]["vraag"],
            uitleg=data["vragen"][k]["uitleg"],
            ja=aid.vragen[k].ja,
            nee=aid.vragen[k].nee,
        )
        for n, k in enumerate(question_keys, start=1)
    )
    outcomes = tuple(
        Outcome(
            key=k,
            letter=_letter(i),
            besluit=aid.uitkomsten[k].besluit,
            contact=contacts[aid.uitkomsten[k].contact] if aid.uitkomsten[k].contact else None,
            tekst=data["uitkomsten"][k]["tekst"],
            pagina=aid.uitkomsten[k].pagina,
        )
        for i, k in enumerate(outcome_keys)
    )
    return DecisionAid(
        titel=data["titel"],
        inleiding=data["inleiding"],
        start=aid.start,
        questions=questions,
        outcomes=outcomes,
        links=tuple(links),
    )


def _letter(index: int) -> str:
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    return (
        letters[index]
        if index < len(letters)
        else f"{letters[index // 26 - 1]}{letters[index % 26]}"
    )


def aid_label(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
