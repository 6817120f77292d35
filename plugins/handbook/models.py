"""The data model of a brand: pydantic models whose field names are the Dutch keys editors type.

The same models give the JSON Schema that editors' editors use (see ``schema.py``).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    EmailStr,
    Field,
    PlainSerializer,
    WithJsonSchema,
)

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


def _to_datum(value: date) -> Datum:
    return Datum(value.year, value.month, value.day)


NlDate = Annotated[
    date,
    AfterValidator(_to_datum),
    PlainSerializer(lambda d: d.isoformat(), when_used="json"),
]

_DURATION = re.compile(
    r"^(\d+) (minuut|minuten|uur|werkdag|werkdagen|dag|dagen|week|weken"
    r"|maand|maanden|jaar)$"
)
_UNIT_MINUTES = {
    "minuut": 1,
    "minuten": 1,
    "uur": 60,
    "dag": 24 * 60,
    "dagen": 24 * 60,
    "werkdag": 8 * 60,
    "werkdagen": 8 * 60,
    "week": 7 * 24 * 60,
    "weken": 7 * 24 * 60,
    "maand": 30 * 24 * 60,
    "maanden": 30 * 24 * 60,
    "jaar": 365 * 24 * 60,
}


def duration_minutes(value: str) -> int:
    """Minutes in a Dutch duration such as ``"4 uur"`` (a working day counts as 8 hours)."""
    match = _DURATION.match(value)
    if not match:
        raise ValueError(value)
    return int(match[1]) * _UNIT_MINUTES[match[2]]


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


class Organisatie(Model):
    """De organisatie waarvoor dit beleid geldt."""

    naam: str = Field(description="De merknaam zoals medewerkers hem kennen.")
    juridische_naam: str = Field(description="De naam in het Handelsregister.")
    sector: str = Field(
        pattern=r"^[a-z][a-z0-9-]*$", description="Sleutel van een bestand in data/sectoren/."
    )
    website: Url
    intranet_url: Url = Field(description="Adres van dit handboek op het intranet.")
    beleidsversie: str = Field(pattern=r"^\d+\.\d+(\.\d+)?$", description="Bijvoorbeeld '2.1'.")
    ingangsdatum: NlDate = Field(description="Datum waarop deze versie ingaat (JJJJ-MM-DD).")
    herzieningscyclus: Duur = Field(description="Hoe vaak het beleid herzien wordt: '12 maanden'.")
    beleidseigenaar: ContactRef
    bevestiging_url: Url | None = Field(
        default=None, description="Optioneel: formulier waarmee medewerkers het beleid bevestigen."
    )
    instemming_or: NlDate | None = Field(
        default=None,
        description="Optioneel: datum waarop de ondernemingsraad met deze versie instemde.",
    )
    bewaartermijn_berichten: Duur | None = Field(
        default=None,
        description="Optioneel: hoe lang officiële berichten en bewijs bewaard blijven: '2 jaar'.",
    )


class Contact(Model):
    """Een rol die medewerkers kunnen bereiken."""

    rol: str = Field(description="Hoe de rol op de site heet, zoals 'Socialmediateam'.")
    naam: str = Field(description="Naam van de persoon of het team.")
    email: EmailStr
    telefoon: Telefoon | None = None
    kanaal: str = Field(description="Waar je de rol snel bereikt, zoals een Teams-kanaal.")
    bereikbaarheid: str = Field(description="Wanneer de rol bereikbaar is.")
    wanneer: str = Field(description="Wanneer je deze rol benadert, in één zin.")
    github: str | None = Field(
        default=None,
        pattern=r"^@[A-Za-z0-9-]+(/[A-Za-z0-9._-]+)?$",
        description="GitHub-team of -gebruiker voor CODEOWNERS, zoals '@vonkel/communicatie'.",
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


class Termijn(Model):
    kantoortijd: Duur
    buiten_kantoortijd: Duur


class Reactietermijn(Model):
    kanaal: str = Field(description="Platform of groep platforms, zoals 'LinkedIn'.")
    normaal: Termijn
    urgent: Termijn


class Escalatiestap(Model):
    na: Duur = Field(description="Na hoeveel tijd zonder oplossing je deze stap zet.")
    naar: ContactRef
    wanneer: str


class Datalek(Model):
    intern_melden_binnen: Duur
    melden_bij: ContactRef
    ap_melden_binnen: Duur = Field(
        description="Termijn voor de melding aan de Autoriteit Persoonsgegevens (AVG: 72 uur)."
    )


class Slas(Model):
    kantoortijden: str
    reactietermijnen: list[Reactietermijn] = Field(min_length=1)
    eerste_reactie_crisis: Duur
    escalatie: list[Escalatiestap] = Field(min_length=1)
    datalek: Datalek


class Kanaal(Model):
    platform: str
    handle: str
    url: Url
    eigenaar: ContactRef
    doel: str
    doelgroep: str


class Goedkeuringsregel(Model):
    soort: str = Field(description="Soort bericht, zoals 'Persbericht of nieuwsfeit'.")
    goedkeurder: ContactRef
    termijn: Duur = Field(description="Hoe lang vooraf je het bericht ter goedkeuring voorlegt.")
    toelichting: str | None = None


class Ernstniveau(Model):
    niveau: int = Field(ge=1, le=5)
    naam: str
    omschrijving: str
    voorbeelden: list[str] = Field(min_length=1)
    beslist: ContactRef
    eerste_reactie: Duur


class Wachtbericht(Model):
    situatie: str
    tekst: str


class Teamlid(Model):
    naam: str
    functie: str
    telefoon: Telefoon


class Crisis(Model):
    niveaus: list[Ernstniveau] = Field(min_length=2)
    eerste_stappen: list[str] = Field(min_length=3)
    wachtberichten: list[Wachtbericht] = Field(min_length=1)
    team: list[Teamlid] = Field(min_length=1)


# File stem -> model of that file's content. The stem is also the placeholder name.
BRAND_FILES: dict[str, Any] = {
    "organisatie": Organisatie,
    "contacten": dict[Annotated[str, Field(pattern=KEY)], Contact],
    "slas": Slas,
    "kanalen": list[Kanaal],
    "goedkeuring": list[Goedkeuringsregel],
    "crisis": Crisis,
}


class Item(Model):
    """A do or don't in a page's front matter; the short form of a rule."""

    tekst: str
    kern: bool = Field(default=True, description="Hoort deze regel op de snelle referentie?")


def _item(value: Any) -> Any:
    return {"tekst": value} if isinstance(value, str) else value


DoItem = Annotated[Item, Field(json_schema_extra={"anyOf": [{"type": "string"}]})]


class PageMeta(Model):
    """Front matter every policy page carries."""

    model_config = ConfigDict(extra="allow", frozen=True)

    eigenaar: ContactRef
    laatst_beoordeeld: NlDate
    herzien_voor: NlDate
    dos: list[Item] = Field(min_length=1)
    donts: list[Item] = Field(min_length=1)

    @classmethod
    def from_front_matter(cls, meta: dict[str, Any]) -> PageMeta:
        data = dict(meta)
        for key in ("dos", "donts"):
            if isinstance(data.get(key), list):
                data[key] = [_item(v) for v in data[key]]
        return cls.model_validate(data)
