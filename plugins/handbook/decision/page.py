"""The generated page ``mag-ik-dit-posten/``: the decision aid as static HTML.

Without JavaScript every question and outcome is a section on the page, and each answer is a
link to the next one (``#vraag-...``, ``#uitkomst-...``), so the whole tree is readable and
printable. ``docs/javascripts/beslishulp.js`` turns it into one question at a time.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .load import FILE, DecisionAid, Outcome, Question, aid_label, load_aid

PAGE_URI = "mag-ik-dit-posten.md"

VERDICTS = {
    "posten": "Je kunt het posten",
    "vraag_eerst": "Vraag het eerst",
    "niet_posten": "Niet posten",
}

KEYWORDS = ("twijfel", "mag dit", "beslisboom", "checklist", "posten of niet")


def _text(value: str) -> str:
    """Data as text inside HTML: escaped, with no Markdown or Jinja left in it."""
    text = html.escape(" ".join(str(value).split()), quote=True)
    text = text.replace("{", "&#123;").replace("}", "&#125;")
    return re.sub(r"([\\`*_\[\]])", lambda m: f"&#{ord(m[1])};", text)


def _link_text(title: str) -> str:
    return re.sub(r"([\\`*_\[\]<>{}])", r"\\\1", title)


def page_link(pagina: str, titles: Mapping[str, str]) -> tuple[str, str] | None:
    """The one way the aid links to a policy page: (Markdown target, title), or None.

    ``titles`` holds the pages of this build (slug -> title). A page that is not in the build,
    such as a topic that is switched off, gets no link: the outcome keeps its text.
    """
    slug, _, anchor = pagina.partition("#")
    if slug not in titles:
        return None
    return f"{slug}.md" + (f"#{anchor}" if anchor else ""), titles[slug]


def anchor(key: str, kind: str) -> str:
    return f"{kind}-{key.replace('_', '-')}"


def _target(aid: DecisionAid, key: str) -> tuple[str, str]:
    """(anchor, label) of the step an answer leads to."""
    step = aid.step(key)
    if isinstance(step, Question):
        return anchor(key, "vraag"), f"ga naar vraag {step.number}"
    verdict = VERDICTS[step.besluit].lower()
    return anchor(key, "uitkomst"), f"ga naar uitkomst {step.letter} ({verdict})"


def _question(aid: DecisionAid, q: Question) -> list[str]:
    lines = [
        f'<section class="handbook-beslis__stap handbook-beslis__vraag" '
        f'id="{anchor(q.key, "vraag")}" data-nummer="{q.number}">',
        f'<h2 class="handbook-beslis__kop">Vraag {q.number}. '
        f'<span class="handbook-beslis__vraagtekst">{_text(q.vraag)}</span></h2>',
    ]
    if q.uitleg:
        lines.append(f'<p class="handbook-beslis__uitleg">{_text(q.uitleg)}</p>')
    lines.append('<ul class="handbook-beslis__keuzes">')
    for answer in ("ja", "nee"):
        target, label = _target(aid, getattr(q, answer))
        lines.append(
            f'<li><a class="handbook-beslis__keuze" href="#{target}" data-antwoord="{answer}">'
            f"{answer.capitalize()}: {_text(label)}</a></li>"
        )
    lines += ["</ul>", "</section>", ""]
    return lines


def _contact(contact: Mapping[str, Any]) -> str:
    parts = [f"<strong>{_text(contact['rol'])}</strong> ({_text(contact['naam'])})"]
    phone = contact.get("telefoon")
    if phone:
        digits = "".join(c for c in phone if c.isdigit() or c == "+")
        parts.append(f'<a href="tel:{_text(digits)}">{_text(phone)}</a>')
    parts.append(f'<a href="mailto:{_text(contact["email"])}">{_text(contact["email"])}</a>')
    parts.append(_text(contact["kanaal"]))
    return (
        '<p class="handbook-beslis__contact">Vraag het aan: '
        + ", ".join(parts)
        + f". Bereikbaar: {_text(contact['bereikbaarheid'])}.</p>"
    )


def _verdict(o: Outcome) -> str:
    """ "Niet posten", or for vraag_eerst who to ask: "Vraag het eerst: Juridische zaken"."""
    if o.contact is not None:
        return f"{VERDICTS[o.besluit]}: {_text(o.contact['rol'])}"
    return VERDICTS[o.besluit]


def _outcome(o: Outcome, titles: Mapping[str, str]) -> list[str]:
    lines = [
        f'<section class="handbook-beslis__stap handbook-beslis__uitkomst '
        f'handbook-beslis__uitkomst--{o.besluit}" id="{anchor(o.key, "uitkomst")}" '
        f'data-letter="{o.letter}" markdown>',
        "",
        f'<h2 class="handbook-beslis__kop">Uitkomst {o.letter}: '
        f'<span class="handbook-beslis__besluit">{_verdict(o)}</span></h2>',
        f'<p class="handbook-beslis__tekst">{_text(o.tekst)}</p>',
    ]
    if o.contact is not None:
        lines.append(_contact(o.contact))
    link = page_link(o.pagina, titles)
    if link is not None:
        target, title = link
        lines += [
            "",
            f"[Lees de regel: {_link_text(title)}]({target}){{ .handbook-beslis__regel }}",
        ]
    lines += ["", "</section>", ""]
    return lines


def render_page(aid: DecisionAid, titles: Mapping[str, str]) -> str:
    """The Markdown of the page (not rendered by macros; every data value escaped)."""
    first = aid.questions[0]
    intro = aid.inleiding or "Beantwoord een paar vragen met ja of nee."
    lines = [
        "---",
        # MkDocs' templates do not escape: the title goes in escaped, like every value.
        f"title: {json.dumps(html.escape(aid.titel), ensure_ascii=False)}",
        "render_macros: false",
        "hide:",
        "  - toc",
        "trefwoorden: [" + ", ".join(KEYWORDS) + "]",
        "---",
        "",
        f"# {_text(aid.titel)}",
        "",
        f'<p class="handbook-beslis__intro">{_text(intro)}</p>',
        "",
        '<p class="handbook-beslis__hoe">Begin bij vraag 1 en volg je antwoorden. '
        f"Er zijn {len(aid.questions)} vragen; je krijgt er meestal maar een paar. Je antwoorden "
        "blijven in je eigen browser: niets wordt verstuurd of bewaard.</p>",
        "",
        f'<div class="handbook-beslis" data-handbook-beslishulp '
        f'data-start="{anchor(first.key, "vraag")}" markdown>',
        "",
    ]
    for q in aid.questions:
        lines += _question(aid, q)
    for o in aid.outcomes:
        lines += _outcome(o, titles)
    lines += ["</div>", ""]
    return "\n".join(lines)


def aid_page(
    data_dir: Path,
    docs_dir: Path,
    titles: Mapping[str, str],
    variables: Mapping[str, Any],
    root: Path,
) -> tuple[DecisionAid, str] | None:
    """Load ``data_dir/beslishulp.yml`` and render its page; None when the file is absent.

    Every outcome must name a page in ``docs_dir``; it links to it only when that page is in
    ``titles`` (the pages of this build, slug -> title): see :func:`page_link`.
    """
    path = data_dir / FILE
    if not path.is_file():
        return None
    pages = [p.stem for p in docs_dir.glob("*.md")]
    aid = load_aid(path, pages, variables, aid_label(path, root))
    return aid, render_page(aid, titles)
