"""The data model: pydantic models whose field names are the Dutch keys editors type.

Brand files, page front matter, the quiz and the sector files. The same models give the JSON
Schema that editors' editors use (see ``schema.py``). Only ``validation.py`` imports this module
during a build, and only for data it has not seen valid before.
"""

from __future__ import annotations

import functools
import re
from datetime import date
from typing import Annotated, Any, Literal, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    EmailStr,
    Field,
    PlainSerializer,
    TypeAdapter,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from .basics import BRAND_STEMS, Datum


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
    beursgenoteerd: bool = Field(
        default=False,
        description="Staan de aandelen op de beurs? Dan tonen pagina's de regels daarvoor.",
    )
    ondernemingsraad: bool = Field(
        default=True,
        description="Heeft de organisatie een ondernemingsraad? Dan tonen pagina's de OR-tekst.",
    )
    verkoopt_online: bool = Field(
        default=False,
        description=(
            "Verkoopt de organisatie online aan consumenten (webshop of social media)? Dan tonen "
            "pagina's de regels van het consumentenrecht."
        ),
    )


# Facts about the organisation that a do or don't can depend on (``als:`` in front matter).
Feit = Literal["beursgenoteerd", "ondernemingsraad", "verkoopt_online"]
FEITEN: tuple[str, ...] = get_args(Feit)


class Contact(Model):
    """Een rol die medewerkers kunnen bereiken."""

    rol: str = Field(description="Hoe de rol op de site heet, zoals 'Socialmediateam'.")
    in_zin: str = Field(
        default="",
        description=(
            "Hoe de rol midden in een zin heet, met lidwoord: 'het socialmediateam', 'de afdeling "
            "HR'. Zonder deze sleutel gebruiken pagina's de rol zelf."
        ),
    )
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

    @model_validator(mode="before")
    @classmethod
    def _role_in_sentence(cls, data: Any) -> Any:
        # Without 'in_zin', a sentence shows the role as it is named in tables.
        if isinstance(data, dict) and "in_zin" not in data and isinstance(data.get("rol"), str):
            return {**data, "in_zin": data["rol"]}
        return data


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
    contentkalender_vooraf: Duur = Field(
        default="1 week",
        description="Hoe lang vooraf een idee voor de contentkalender binnen moet zijn.",
    )
    archief_export_elke: Duur = Field(
        default="4 weken",
        description="Hoe vaak de berichten van elk account naar het archief gaan.",
    )


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


class ExterneHulp(Model):
    """Hulp van buiten de organisatie, zoals Slachtofferhulp Nederland."""

    naam: str
    wanneer: str = Field(description="Wanneer je deze hulp inschakelt, in een of twee zinnen.")
    telefoon: Telefoon | None = None
    url: Url | None = None

    @model_validator(mode="after")
    def _reachable(self) -> ExterneHulp:
        if self.telefoon is None and self.url is None:
            raise ValueError("geef een telefoonnummer (telefoon) of een webadres (url)")
        return self


class Crisis(Model):
    niveaus: list[Ernstniveau] = Field(min_length=2)
    eerste_stappen: list[str] = Field(min_length=3)
    wachtberichten: list[Wachtbericht] = Field(min_length=1)
    team: list[Teamlid] = Field(min_length=1)
    evaluatie_binnen: Duur = Field(
        default="2 weken", description="Binnen welke tijd na een crisis de evaluatie plaatsvindt."
    )
    oefening_elke: Duur = Field(
        default="12 maanden", description="Hoe vaak het crisisteam een crisis oefent."
    )
    externe_hulp: list[ExterneHulp] = Field(
        default_factory=list, description="Hulp van buiten de organisatie (op de crisispagina)."
    )


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
    als: Feit | None = Field(
        default=None,
        description=(
            "Optioneel: toon deze regel alleen als dit feit in organisatie.yml op true staat, "
            "zoals 'beursgenoteerd'."
        ),
    )


def _item(value: Any) -> Any:
    return {"tekst": value} if isinstance(value, str) else value


# A do or don't is written as its text alone (``- Vraag toestemming``) or as a block with
# ``tekst`` and ``kern``; the JSON Schema accepts both, as the build does.
DoItem = Annotated[Item, BeforeValidator(_item, json_schema_input_type=Item | str)]


class PageMeta(Model):
    """Front matter every policy page carries."""

    model_config = ConfigDict(extra="allow", frozen=True)

    eigenaar: ContactRef
    laatst_beoordeeld: NlDate
    herzien_voor: NlDate
    dos: list[DoItem] = Field(min_length=1)
    donts: list[DoItem] = Field(min_length=1)


# --- data/quiz.yml ---------------------------------------------------------------------------

PAGE_PATTERN = r"^[a-z0-9][a-z0-9-]*(#[a-z0-9][a-z0-9_-]*)?$"


class Antwoord(Model):
    """Een antwoord op een quizvraag."""

    tekst: str = Field(description="Het antwoord zoals de lezer het ziet.")
    goed: bool = Field(default=False, description="true bij het ene goede antwoord.")


class Vraag(Model):
    """Een scenariovraag: een situatie, 3 of 4 antwoorden, uitleg en de pagina met de regel."""

    onderwerp: str = Field(description="Waar de vraag over gaat, zoals 'Privacy' of 'Crisis'.")
    situatie: str = Field(
        description="Wat er gebeurt, zoals 'Een klant plaatst om 22.00 uur een boze reactie ...'."
    )
    vraag: str = Field(default="Wat doe je?", description="De vraag zelf.")
    antwoorden: list[Antwoord] = Field(
        min_length=3, max_length=4, description="Drie of vier antwoorden; precies één is goed."
    )
    uitleg: str = Field(description="Waarom het goede antwoord goed is (de feedback).")
    pagina: str = Field(
        pattern=PAGE_PATTERN,
        description=(
            "De pagina met de regel: de naam van een bestand in docs/ zonder .md, eventueel met "
            "een anker, zoals 'reageren' of 'reageren#klachten-en-kritiek'."
        ),
    )

    @field_validator("antwoorden")
    @classmethod
    def _one_right(cls, answers: list[Antwoord]) -> list[Antwoord]:
        right = sum(1 for a in answers if a.goed)
        if right != 1:
            raise ValueError(
                f"precies één antwoord moet goed zijn (goed: true), nu zijn het er {right}"
            )
        return answers


class Quiz(Model):
    """De zelftest op de pagina 'Test je kennis' (data/quiz.yml)."""

    inleiding: str | None = Field(default=None, description="Tekst boven de vragen.")
    vragen: list[Vraag] = Field(min_length=1)


# --- data/sectoren/*.yml ----------------------------------------------------------------------

SectieSleutel = str


class Status(Model):
    """How far a bill or rule is, as of a date: "nog een wetsvoorstel", with that date."""

    tekst: str = Field(description="De stand, zoals 'Nog een wetsvoorstel.'")
    datum: NlDate = Field(
        description=(
            "De datum waarop deze stand klopte (de datum van de bron). Ouder dan "
            "laatst_beoordeeld? Dan waarschuwt 'handbook check'."
        )
    )


class Regelgeving(Model):
    """Een wet, code of officiële richtlijn die voor de sector geldt."""

    naam: str = Field(description="Officiële naam, zoals 'Geneesmiddelenwet'.")
    afkorting: str = Field(description="Korte naam waarmee regels ernaar verwijzen, zoals 'AVG'.")
    toezichthouder: str = Field(description="Toezichthouder of eigenaar van de code.")
    betekenis: str = Field(description="Wat het betekent voor social media, in 1 of 2 zinnen.")
    status: Status | None = Field(
        default=None,
        description=(
            "Optioneel: de stand van een wet die nog niet geldt, met datum. Op de sectorpagina "
            "staat dan 'stand <datum>'."
        ),
    )
    bron: Url = Field(
        description="Webadres van de officiële tekst of van een pagina die de regel uitlegt."
    )


class Aanvulling(Model):
    """Een extra regel voor één beleidssectie, met de korte vorm voor de snelle referentie."""

    regel: str = Field(description="De regel zoals die op de pagina staat (1 tot 3 zinnen).")
    tekst: str = Field(description="De korte vorm: een do of een don't in één zin.")
    soort: Literal["do", "dont"] = Field(description="'do' (doen) of 'dont' (niet doen).")
    kern: bool = Field(default=True, description="Hoort deze regel op de snelle referentie?")
    grondslag: str | None = Field(
        default=None, description="Optioneel: de afkorting van een item onder 'regelgeving'."
    )


class Crisisscenario(Model):
    """Een crisis die typisch is voor de sector, met de eerste stappen."""

    titel: str
    situatie: str
    eerste_stappen: list[str] = Field(min_length=2)


class Sector(Model):
    """Een sector: regelgeving, extra regels per beleidssectie en crisisscenario's."""

    naam: str = Field(description="Naam van de sector, zoals 'Zorg'.")
    omschrijving: str = Field(description="Korte omschrijving van de sector.")
    doelgroepen: list[str] = Field(min_length=1, description="Typische doelgroepen.")
    laatst_beoordeeld: NlDate = Field(description="Wanneer Juridische zaken dit controleerde.")
    herzien_voor: NlDate = Field(description="Vóór deze datum opnieuw controleren.")
    regelgeving: list[Regelgeving] = Field(min_length=3)
    aanvullingen: dict[SectieSleutel, list[Aanvulling]] = Field(
        description="Per beleidssectie (de naam van de pagina, zoals 'privacy') de extra regels."
    )
    crisisscenarios: list[Crisisscenario] = Field(min_length=1)
    voorbeelden: dict[SectieSleutel, list[str]] = Field(
        default_factory=dict,
        description=(
            "Per beleidssectie (de naam van de pagina, zoals 'reageren') voorbeelden uit de "
            "sector. Een pagina toont ze met sector_voorbeelden('reageren')."
        ),
    )
    quiz: list[Vraag] = Field(
        default_factory=list,
        description="Extra vragen voor de zelftest, in dezelfde vorm als 'vragen' in quiz.yml.",
    )


# What ``validation.validated(kind, data)`` validates: kind -> type.
TYPES: dict[str, Any] = {
    **BRAND_FILES,
    "pagina": PageMeta,
    "quiz": Quiz,
    "vragen": list[Vraag],
    "sector": Sector,
}
assert tuple(BRAND_FILES) == BRAND_STEMS


@functools.cache
def adapter(kind: str) -> TypeAdapter[Any]:
    """The validator of one kind of data (built on first use)."""
    return TypeAdapter(TYPES[kind])
