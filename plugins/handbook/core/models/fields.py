"""Field types and the base model shared by every data file: durations, URLs, phone
numbers, contact keys and Dutch dates, each with a Dutch message when a value does not fit."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    WithJsonSchema,
)

from ..dates import Datum
from ..hours import _DURATION, check_hours, duration_minutes  # noqa: F401 (re-exported)


def _to_datum(value: date) -> Datum:
    return Datum(value.year, value.month, value.day)


NlDate = Annotated[
    date,
    AfterValidator(_to_datum),
    PlainSerializer(lambda d: d.isoformat(), when_used="json"),
]


def _check_duration(value: str) -> str:
    if not _DURATION.match(value):
        raise ValueError(
            f"'{value}' is geen geldige termijn. Schrijf een getal en een eenheid, zoals "
            "'30 minuten', '4 uur', '1 werkdag', '2 dagen' of '12 maanden'"
        )
    return value


Duur = Annotated[
    str,
    AfterValidator(_check_duration),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": _DURATION.pattern,
            "description": "Een termijn, zoals '30 minuten', '4 uur' of '1 werkdag'.",
        }
    ),
]


# Hours as people write them, readable by the consistency checks (core/hours.py).
Tijden = Annotated[
    str,
    AfterValidator(check_hours),
    WithJsonSchema(
        {
            "type": "string",
            "description": (
                "Dagen en tijden, zoals 'werkdagen 8.30–17.30 uur', 'maandag tot en met vrijdag "
                "8.00–20.00 uur, weekend 10.00–16.00 uur' of '24/7'. Een toelichting tussen "
                "haakjes erachter: '24/7 (voor de pers)'."
            ),
        }
    ),
]


def _check_url(value: str) -> str:
    if not re.match(r"^https?://[^\s/$.?#][^\s]*\.[^\s]+$|^https?://[^\s/]+[^\s]*$", value) or (
        " " in value
    ):
        raise ValueError(
            f"'{value}' is geen geldige webadres. Schrijf het volledig, met https:// ervoor"
        )
    return value


Url = Annotated[
    str,
    AfterValidator(_check_url),
    WithJsonSchema({"type": "string", "format": "uri", "pattern": "^https?://"}),
]


def _check_phone(value: str) -> str:
    digits = re.sub(r"[\s()-]", "", value)
    if not re.fullmatch(r"\+?\d{8,15}", digits):
        raise ValueError(
            f"'{value}' is geen geldig telefoonnummer. Schrijf bijvoorbeeld '+31 85 130 40 00' "
            "of '085-130 40 00'"
        )
    return value


Telefoon = Annotated[
    str,
    AfterValidator(_check_phone),
    WithJsonSchema({"type": "string", "pattern": r"^\+?[0-9 ()-]{8,20}$"}),
]

KEY = r"^[a-z][a-z0-9_]*$"

# A reference to a key under `contacten`; checked against the contacts after loading.
ContactRef = Annotated[
    str,
    Field(
        pattern=KEY,
        description="De sleutel van een contact in contacten.yml, zoals 'social_media_team'.",
    ),
]


class Model(BaseModel):
    """Base: unknown keys are errors (a typo must not vanish silently)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)
