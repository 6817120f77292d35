"""The body of the review issue the scheduled workflow opens (``handbook review-issue``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from ..core.dates import days_text, nl_date
from .dates import REVIEW_WINDOW_DAYS, due_pages
from .pages import PageInfo


def review_issue_body(
    pages: Sequence[PageInfo],
    contacts: Mapping[str, Any],
    today: date,
    site_url: str | None = None,
    window: int = REVIEW_WINDOW_DAYS,
) -> str:
    """Markdown body of the one review issue the scheduled job opens or updates."""
    due = due_pages(pages, today, window)
    lines = [
        f"<!-- handbook-review: {len(due)} -->",
        f"Stand op {nl_date(today)}: pagina's van het handboek waarvan de beoordelingsdatum "
        f"(`herzien_voor`) verstreken is of binnen {window} dagen verstrijkt.",
        "",
    ]
    if not due:
        lines.append(f"Er zijn geen pagina's die binnen {window} dagen beoordeeld moeten worden.")
        return "\n".join(lines) + "\n"
    lines += [
        "| Pagina | Bestand | Beoordelen vóór | Status | Eigenaar | GitHub |",
        "|---|---|---|---|---|---|",
    ]
    for item in due:
        page = item.page
        contact = contacts.get(page.eigenaar or "") or {}
        link = f"[{_cell(page.title)}]({site_url.rstrip('/')}/{page.url})" if site_url else None
        left = (item.date - today).days
        if item.status == "verlopen":
            status = f"verlopen ({days_text(-left)} geleden)"
        else:
            status = f"binnenkort (nog {days_text(left)})" if left else "vandaag"
        lines.append(
            "| "
            + " | ".join(
                [
                    link or _cell(page.title),
                    f"`{page.path}`",
                    nl_date(item.date),
                    status,
                    f"{_cell(contact.get('rol', page.eigenaar or '?'))} (`{page.eigenaar}`)",
                    contact.get("github") or "–",
                ]
            )
            + " |"
        )
    lines += [
        "",
        "**Zo werk je een beoordeling af.** Lees de pagina na. Pas de tekst aan als dat nodig "
        "is. Zet daarna in de front matter `laatst_beoordeeld` op de datum van vandaag en "
        "`herzien_voor` op de volgende beoordelingsdatum, en open een pull request. Verandert "
        "er alleen een datum, zet dan `[redactioneel]` in de titel van de pull request.",
        "",
        "_Dit issue wordt automatisch bijgewerkt door de geplande taak 'Beoordelingen'._",
    ]
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
