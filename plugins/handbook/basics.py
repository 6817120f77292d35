"""The parts of the data model that need no pydantic: Dutch dates and the fixed key lists.

A build whose data did not change reads its validated data from the cache (see
``validation.py``) and never imports pydantic; everything it needs lives here.
"""

from __future__ import annotations

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


SECTOR_KEYS = (
    "technologie",
    "zorg",
    "financiele-dienstverlening",
    "overheid",
    "onderwijs",
    "retail-e-commerce",
    "horeca-food-drinks",
    "energie-industrie",
)

REQUIRED_CONTACTS = (
    "social_media_team",
    "woordvoerder",
    "crisisteam",
    "juridisch",
    "hr",
    "privacy",
    "it_security",
)

# The brand's data files (data/<stem>.yml); each stem is also the placeholder name.
BRAND_STEMS = ("organisatie", "contacten", "slas", "kanalen", "goedkeuring", "crisis")
