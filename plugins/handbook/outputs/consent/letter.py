"""The consent request as one HTML document: the letter to the works council and the appendix
"Wat verandert er voor medewerkers". Plain data in, HTML out; Word and PDF are made from it.

The legal basis quotes WOR art. 27 lid 1 onder k and l word for word. Whether a code of
conduct without monitoring needs consent is not settled; the letter gives both views as views.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from ...core.dates import nl_date

WOR_K = (
    "een regeling omtrent het verwerken van alsmede de bescherming van de persoonsgegevens van "
    "de in de onderneming werkzame personen"
)
WOR_L = (
    "een regeling inzake voorzieningen die gericht zijn op of geschikt zijn voor waarneming van "
    "of controle op aanwezigheid, gedrag of prestaties van de in de onderneming werkzame personen"
)

KIND_LABELS = {"dos": "doen", "donts": "niet doen"}


@dataclass(frozen=True)
class Letter:
    """The facts of the letter, all from ``data/`` and the history."""

    organisation: str  # legal name: 'Vonkel Software B.V.'
    brand: str
    policy: str  # 'Socialmediabeleid'
    owner_role: str
    owner_name: str
    owner_email: str
    day: date
    reply_by: date
    old_version: str | None  # None: the first version, every rule is new
    new_version: str
    effective: date | None
    intranet: str


@dataclass(frozen=True)
class Row:
    kind: str  # 'dos' or 'donts'
    old: str | None
    new: str | None


@dataclass(frozen=True)
class Logged:
    """A rule change in the changelog (a ``[regel]`` commit) that touched this page."""

    day: date
    summary: str


@dataclass
class PageChanges:
    title: str
    rows: list[Row] = field(default_factory=list)
    logged: list[Logged] = field(default_factory=list)


def _e(text: object) -> str:
    return html.escape(str(text))


def _count(number: int, one: str, more: str) -> str:
    return f"{number} {one if number == 1 else more}"


def letter_html(letter: Letter) -> str:
    """The letter itself: addressees, subject, request, legal basis, reply date."""
    new, old = letter.new_version, letter.old_version
    policy = _e(letter.policy.lower())
    starts = f" en gaat in op {nl_date(letter.effective)}" if letter.effective else ""
    if old:
        opening = (
            f"We hebben het {policy} van {_e(letter.brand)} herzien. Versie "
            f"{_e(new)} vervangt versie {_e(old)}{starts}. Met deze brief vragen we jullie om in "
            "te stemmen met de nieuwe versie."
        )
        appendix = (
            "In de bijlage 'Wat verandert er voor medewerkers' staat elke regel die nieuw is, "
            f"anders is of vervalt ten opzichte van versie {_e(old)}. Dat staat per pagina van "
            "het beleid, met de oude en de nieuwe tekst naast elkaar. Wijzigingen in de "
            "formulering die de regels niet veranderen, staan er niet in."
        )
    else:
        begins = f" Het beleid gaat in op {nl_date(letter.effective)}." if letter.effective else ""
        opening = (
            f"{_e(letter.brand)} heeft een {policy} voor alle medewerkers: versie {_e(new)}."
            f"{begins} Met deze brief vragen we jullie om in te stemmen met dit beleid."
        )
        appendix = (
            "In de bijlage 'Wat verandert er voor medewerkers' staan alle regels van het beleid, "
            "per pagina. Dit is de eerste versie die we jullie voorleggen, dus elke regel is nieuw."
        )
    effective = f", met ingang van {nl_date(letter.effective)}" if letter.effective else ""
    signature = [letter.owner_name] + (
        [letter.owner_role] if letter.owner_role != letter.owner_name else []
    )
    lines = [
        '<div class="brief">',
        f'<div data-custom-style="Omslag"><p class="afzender">{_e(letter.organisation)}</p>',
        f"<p><strong>Aan:</strong> de ondernemingsraad van {_e(letter.organisation)}</p>",
        f"<p><strong>Van:</strong> {_e(letter.owner_role)} ({_e(letter.owner_name)})</p>"
        if letter.owner_role != letter.owner_name
        else f"<p><strong>Van:</strong> {_e(letter.owner_role)}</p>",
        f"<p><strong>Datum:</strong> {nl_date(letter.day)}</p>",
        f"<p><strong>Onderwerp:</strong> verzoek om instemming met het {policy}"
        f", versie {_e(new)}</p></div>",
        f"<h1>Verzoek om instemming met het {policy}, versie {_e(new)}</h1>",
        "<p>Beste leden van de ondernemingsraad,</p>",
        f"<p>{opening}</p>",
        "<h2>Het besluit dat we jullie voorleggen</h2>",
        f"<p>We vragen jullie instemming met versie {_e(new)} van het "
        f"{policy} van {_e(letter.brand)}{effective}. De volledige tekst "
        f'staat op het intranet: <a href="{_e(letter.intranet)}">{_e(letter.intranet)}</a>.</p>',
        f"<p>{appendix}</p>",
        "<h2>Waarom we jullie instemming vragen</h2>",
        "<p>Volgens artikel 27 lid 1 van de Wet op de ondernemingsraden (WOR) moet de "
        "ondernemingsraad instemmen met een besluit over onder meer deze regelingen:</p>",
        "<ul>",
        f"<li>onder k: “{WOR_K}”;</li>",
        f"<li>onder l: “{WOR_L}”.</li>",
        "</ul>",
        "<p>Het beleid bevat regels voor het gedrag van medewerkers op social media. Delen ervan "
        "gaan over persoonsgegevens van medewerkers.</p>",
        "<p>Moet de ondernemingsraad ook instemmen met gedragsregels als er geen controle op "
        "medewerkers in zit? Daarover verschillen juristen van mening. Volgens sommigen mag de "
        "werkgever zulke regels zelf geven, op grond van zijn instructierecht (artikel 7:660 "
        "Burgerlijk Wetboek). Volgens anderen is instemming vooral nodig als het beleid een "
        "regeling bevat om medewerkers te monitoren. Wij leggen het hele beleid daarom aan "
        "jullie voor.</p>",
        "<h2>Jullie reactie</h2>",
        f"<p>We vragen jullie om uiterlijk <strong>{nl_date(letter.reply_by)}</strong> te laten "
        "weten of jullie instemmen. Hebben jullie vragen, of willen jullie het beleid eerst met "
        f"ons bespreken? Mail dan naar {_e(letter.owner_email)}.</p>",
        "<p>Met vriendelijke groet,</p>",
        "<p>" + "<br>".join(_e(s) for s in [*signature, letter.organisation]) + "</p>",
        "</div>",
    ]
    return "\n".join(lines)


def _cell(text: str | None, empty: str) -> str:
    return _e(text) if text is not None else f"<em>{empty}</em>"


def _what(row: Row) -> str:
    kind = KIND_LABELS[row.kind]
    if row.old is None:
        return f"Nieuw ({kind})"
    if row.new is None:
        return f"Vervalt ({kind})"
    return f"Anders ({kind})"


def appendix_html(letter: Letter, pages: Sequence[PageChanges], other: Sequence[Logged]) -> str:
    """The appendix: per page the rules added, changed and removed, old and new side by side."""
    old, new = letter.old_version, letter.new_version
    rows = [row for page in pages for row in page.rows]
    lines = ['<div class="bijlage">', "<h1>Bijlage: Wat verandert er voor medewerkers</h1>"]
    if old:
        added = sum(1 for r in rows if r.old is None)
        removed = sum(1 for r in rows if r.new is None)
        changed = len(rows) - added - removed
        lines += [
            f"<p>Deze bijlage vergelijkt versie {_e(new)} met versie {_e(old)}. Per pagina van "
            "het beleid zie je welke regels nieuw zijn, welke anders zijn en welke vervallen. "
            "Het gaat om de korte regels onder 'Kort samengevat' op elke pagina. Links staat de "
            "oude tekst, rechts de nieuwe.</p>",
            f"<p>In totaal: {_count(added, 'nieuwe regel', 'nieuwe regels')}, "
            f"{_count(changed, 'gewijzigde regel', 'gewijzigde regels')} en "
            f"{_count(removed, 'vervallen regel', 'vervallen regels')}.</p>",
        ]
    else:
        lines.append(
            f"<p>Dit zijn alle regels van versie {_e(new)}, per pagina van het beleid. Het gaat "
            "om de korte regels onder 'Kort samengevat' op elke pagina.</p>"
        )
    if not pages:
        lines.append(
            f"<p>Tussen versie {_e(old)} en versie {_e(new)} is geen enkele regel veranderd.</p>"
        )
    for page in pages:
        lines.append(f"<h2>{_e(page.title)}</h2>")
        if page.rows and old:
            lines += [
                "<table>",
                f"<thead><tr><th>Wat</th><th>Versie {_e(old)}</th><th>Versie {_e(new)}</th>"
                "</tr></thead><tbody>",
                *(
                    f"<tr><td>{_what(r)}</td><td>{_cell(r.old, 'nieuw')}</td>"
                    f"<td>{_cell(r.new, 'vervalt')}</td></tr>"
                    for r in page.rows
                ),
                "</tbody></table>",
            ]
        elif page.rows:
            lines += [
                "<table>",
                "<thead><tr><th>Wat</th><th>Regel</th></tr></thead><tbody>",
                *(
                    f"<tr><td>{KIND_LABELS[r.kind].capitalize()}</td><td>{_e(r.new)}</td></tr>"
                    for r in page.rows
                ),
                "</tbody></table>",
            ]
        if page.logged:
            lines.append("<p>In het logboek staat bij deze pagina ook als regelwijziging:</p>")
            lines.append("<ul>")
            lines += [f"<li>{nl_date(e.day)}: {_e(e.summary)}</li>" for e in page.logged]
            lines.append("</ul>")
    if other:
        lines.append("<h2>Andere regelwijzigingen</h2>")
        lines.append("<ul>")
        lines += [f"<li>{nl_date(e.day)}: {_e(e.summary)}</li>" for e in other]
        lines.append("</ul>")
    if old and pages:
        lines.append("<p>Op de andere pagina's veranderen geen regels.</p>")
    lines.append("</div>")
    return "\n".join(lines)


def consent_title(letter: Letter) -> str:
    return f"Verzoek om instemming, {letter.policy.lower()} versie {letter.new_version}"


def consent_html(
    letter: Letter,
    pages: Sequence[PageChanges],
    other: Sequence[Logged],
    print_css: str | None = None,
) -> str:
    """Letter and appendix as one document; the appendix starts on a new page.

    ``print_css`` for the PDF (with a ``<title>``); without it, the document is for pandoc,
    which would turn a ``<title>`` into a title block above the letter."""
    head = ""
    if print_css is not None:
        head = f"<title>{_e(consent_title(letter))}</title><style>{print_css}</style>"
    return (
        '<!doctype html>\n<html lang="nl">\n<head><meta charset="utf-8">'
        f"{head}</head>\n<body>\n"
        f"{letter_html(letter)}\n"
        '<div class="nieuwe-pagina"></div>\n'
        f"{appendix_html(letter, pages, other)}\n</body>\n</html>\n"
    )
