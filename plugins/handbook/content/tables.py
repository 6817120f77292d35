"""Markdown that pages get from data: tables and boxes, as plain functions.

Pages call these through macros (``{{ contacten_tabel() }}``), so each brand fact is typed once,
in ``data/``. The output is Markdown; the plugin renders it before Markdown becomes HTML.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..core.text import html_text


def cell(value: Any) -> str:
    """A data value as text inside a Markdown table cell: on one line, no HTML, no ``|``."""
    text = " ".join(str(value if value is not None else "–").split())
    return html_text(text).replace("|", "\\|")


def table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def mail(address: str) -> str:
    return f"[{html_text(address)}](mailto:{html_text(address)})"


def phone(number: str | None, empty: str = "–") -> str:
    if not number:
        return empty
    digits = "".join(c for c in number if c.isdigit() or c == "+")
    return f"[{html_text(number)}](tel:{digits})"


def contacts_table(contacten: Mapping[str, Mapping[str, Any]], keys: Sequence[str] = ()) -> str:
    """Who to contact, when, and how."""
    chosen = keys or list(contacten)
    rows = []
    for key in chosen:
        c = contacten[key]
        rows.append(
            [
                f"**{cell(c['rol'])}**<br>{cell(c['naam'])}",
                cell(c["wanneer"]),
                f"{mail(c['email'])}<br>{phone(c.get('telefoon'))}<br>{cell(c['kanaal'])}",
                cell(c["bereikbaarheid"]),
            ]
        )
    lines = ["| Rol | Wanneer | Contact | Bereikbaar |", "|---|---|---|---|"]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines) + "\n"


def response_table(slas: Mapping[str, Any]) -> str:
    """Response times per channel, for normal and urgent messages, in and outside office hours."""
    rows = [
        [
            t["kanaal"],
            t["normaal"]["kantoortijd"],
            t["normaal"]["buiten_kantoortijd"],
            t["urgent"]["kantoortijd"],
            t["urgent"]["buiten_kantoortijd"],
        ]
        for t in slas["reactietermijnen"]
    ]
    return table(
        [
            "Kanaal",
            "Normaal, kantoortijd",
            "Normaal, buiten kantoortijd",
            "Urgent, kantoortijd",
            "Urgent, buiten kantoortijd",
        ],
        rows,
    )


def escalation_table(slas: Mapping[str, Any], contacten: Mapping[str, Any]) -> str:
    rows = [
        [i, f"na {s['na']}", contacten[s["naar"]]["rol"], s["wanneer"]]
        for i, s in enumerate(slas["escalatie"], start=1)
    ]
    return table(["Stap", "Wanneer", "Naar", "Situatie"], rows)


def channels_table(kanalen: Sequence[Mapping[str, Any]], contacten: Mapping[str, Any]) -> str:
    rows = [
        [
            k["platform"],
            f"[{cell(k['handle'])}]({k['url']})",
            k["doel"],
            k["doelgroep"],
            contacten[k["eigenaar"]]["rol"],
        ]
        for k in kanalen
    ]
    lines = ["| Platform | Account | Doel | Doelgroep | Beheerder |", "|---|---|---|---|---|"]
    lines += [
        "| " + " | ".join(r[i] if i == 1 else cell(r[i]) for i in range(len(r))) + " |"
        for r in rows
    ]
    return "\n".join(lines) + "\n"


def approvals_table(goedkeuring: Sequence[Mapping[str, Any]], contacten: Mapping[str, Any]) -> str:
    rows = [
        [
            g["soort"],
            contacten[g["goedkeurder"]]["rol"],
            f"{g['termijn']} vooraf",
            g.get("toelichting") or "–",
        ]
        for g in goedkeuring
    ]
    return table(["Soort bericht", "Wie keurt goed", "Wanneer indienen", "Toelichting"], rows)


def levels_table(crisis: Mapping[str, Any], contacten: Mapping[str, Any]) -> str:
    rows = [
        [
            f"{n['niveau']}. {n['naam']}",
            n["omschrijving"],
            "; ".join(n["voorbeelden"]),
            contacten[n["beslist"]]["rol"],
            n["eerste_reactie"],
        ]
        for n in crisis["niveaus"]
    ]
    return table(["Niveau", "Wat het is", "Voorbeelden", "Wie beslist", "Eerste reactie"], rows)


def help_table(hulp: Sequence[Mapping[str, Any]]) -> str:
    """Help from outside the organisation: who, when, and a phone number or web address."""
    rows = []
    for h in hulp:
        contact = [phone(h.get("telefoon"), "")] if h.get("telefoon") else []
        if h.get("url"):
            shown = h["url"].split("://", 1)[-1].removeprefix("www.").rstrip("/")
            contact.append(f"[{cell(shown)}]({h['url']})")
        rows.append([f"**{cell(h['naam'])}**", cell(h["wanneer"]), "<br>".join(contact)])
    lines = ["| Wie | Wanneer | Contact |", "|---|---|---|"]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines) + "\n"


def applies(item: Any, organisatie: Mapping[str, Any]) -> bool:
    """A do or don't with ``als: <feit>`` applies only when that fact is true for the brand."""
    fact = item.get("als") if isinstance(item, Mapping) else getattr(item, "als", None)
    return not fact or bool(organisatie.get(fact))


def dos_donts_box(
    dos: Sequence[Any], donts: Sequence[Any], organisatie: Mapping[str, Any] | None = None
) -> str:
    """The page's own do's and don'ts, as a closing section (those whose ``als`` holds)."""

    def text(item: Any) -> str:
        return item["tekst"] if isinstance(item, Mapping) else getattr(item, "tekst", str(item))

    if organisatie is not None:
        dos = [i for i in dos if applies(i, organisatie)]
        donts = [i for i in donts if applies(i, organisatie)]
    lines = ["", "## Kort samengevat {: .handbook-summary-title }", ""]
    lines.append('<div class="handbook-dosdonts" markdown>')
    for css, title, items in (
        ("handbook-dos", "Doen", dos),
        ("handbook-donts", "Niet doen", donts),
    ):
        if not items:
            continue
        lines += [f'<div class="{css}" markdown>', "", f"**{title}**", ""]
        lines += [f"- {text(i)}" for i in items]
        lines += ["", "</div>"]
    lines += ["</div>", ""]
    return "\n".join(lines)
