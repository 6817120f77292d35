"""Dates as the handbook shows them (Dutch, "1 september 2026") and "today".

``Datum`` is a ``date`` that prints in Dutch; :func:`parse_today` reads ``HANDBOOK_VANDAAG`` so
tests and previews can pretend another day. No pydantic: a cached build needs these too."""

from __future__ import annotations

import os
from datetime import date

MONTHS = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]


class Datum(date):
    """A date that prints the Dutch way ("1 maart 2026") when a page uses it as a placeholder."""

    def __str__(self) -> str:
        return f"{self.day} {MONTHS[self.month - 1]} {self.year}"

    def __format__(self, spec: str) -> str:
        return str(self) if not spec else super().__format__(spec)


TODAY_ENV = "HANDBOOK_VANDAAG"


def parse_today(value: str | None) -> date:
    """``--vandaag`` or ``$HANDBOOK_VANDAAG`` (JJJJ-MM-DD), else the real date."""
    value = value or os.environ.get(TODAY_ENV) or ""
    if not value:
        return date.today()
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(
            f"'{value}' is geen geldige datum voor vandaag. Schrijf hem als JJJJ-MM-DD, "
            "zoals 2026-03-01."
        ) from None


def days_text(count: int) -> str:
    return "1 dag" if count == 1 else f"{count} dagen"


def nl_date(value: date) -> str:
    return str(Datum(value.year, value.month, value.day))
