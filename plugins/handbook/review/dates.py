"""Review dates: which pages are due, the notice readers see on an overdue page, and the
warnings ``handbook check`` prints."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from ..core.dates import days_text, nl_date
from .pages import PageInfo

REVIEW_WINDOW_DAYS = 30


def review_status(due: date, today: date, window: int = REVIEW_WINDOW_DAYS) -> str | None:
    """``"verlopen"`` when ``due`` has passed, ``"binnenkort"`` within ``window`` days."""
    if due < today:
        return "verlopen"
    if due <= today + timedelta(days=window):
        return "binnenkort"
    return None


def overdue_notice(due: date, owner_role: str, owner_email: str | None) -> str:
    """The admonition readers see on a page whose review date has passed (Markdown)."""
    ask = f"{owner_role} ({owner_email})" if owner_email else owner_role
    return (
        '!!! warning "Deze pagina is niet op tijd opnieuw beoordeeld"\n'
        f"    Deze pagina had vóór {nl_date(due)} opnieuw beoordeeld moeten worden. De regels "
        "gelden nog, maar kunnen verouderd zijn. Twijfel je of iets nog klopt? Neem contact op "
        f"met {ask}.\n"
    )


def insert_after_title(markdown: str, block: str) -> str:
    """Put ``block`` right after the page's first ``# `` heading (the title stays the title)."""
    lines = markdown.split("\n")
    for number, line in enumerate(lines):
        if line.startswith("# "):
            return "\n".join([*lines[: number + 1], "", block, *lines[number + 1 :]])
    return block + "\n" + markdown


@dataclass(frozen=True)
class Due:
    page: PageInfo
    status: str  # "verlopen" or "binnenkort"

    @property
    def date(self) -> date:
        assert self.page.meta is not None
        return self.page.meta.herzien_voor


def due_pages(
    pages: Iterable[PageInfo], today: date, window: int = REVIEW_WINDOW_DAYS
) -> list[Due]:
    """Pages whose review date has passed or falls within ``window`` days, earliest first."""
    found = []
    for page in pages:
        if page.meta is None:
            continue
        status = review_status(page.meta.herzien_voor, today, window)
        if status:
            found.append(Due(page, status))
    return sorted(found, key=lambda d: (d.date, d.page.path))


def review_warnings(due: Iterable[Due], contacts: Mapping[str, Any], today: date) -> list[str]:
    messages = []
    for item in due:
        owner = _role(contacts, item.page.eigenaar)
        when = nl_date(item.date)
        if item.status == "verlopen":
            days = (today - item.date).days
            messages.append(
                f"{item.page.path}: de beoordeling is verlopen; de pagina had vóór {when} "
                f"opnieuw beoordeeld moeten worden ({days_text(days)} geleden). Eigenaar: {owner}. "
                "Lees de pagina na en zet nieuwe datums bij laatst_beoordeeld en herzien_voor."
            )
        else:
            days = (item.date - today).days
            messages.append(
                f"{item.page.path}: deze pagina moet binnen {REVIEW_WINDOW_DAYS} dagen opnieuw "
                f"beoordeeld worden, vóór {when} (nog {days_text(days)}). Eigenaar: {owner}."
            )
    return messages


def _role(contacts: Mapping[str, Any], key: str | None) -> str:
    contact = contacts.get(key or "")
    return f"{contact['rol']} ({key})" if contact else str(key)
