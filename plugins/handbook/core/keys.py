"""The fixed names of the data model: the brand's data files, the sectors' fields and the
contacts every handbook must have. Plain constants, so a cached build needs no pydantic."""

from __future__ import annotations

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
