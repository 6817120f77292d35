"""The brand's own data files: ``organisatie``, ``contacten``, ``slas``, ``kanalen``,
``goedkeuring`` and ``crisis`` (one model per file; field names are the keys editors type)."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import (
    EmailStr,
    Field,
    field_validator,
    model_validator,
)

from .fields import KEY, ContactRef, Duur, Model, NlDate, Telefoon, Tijden, Url

SectorKey = Annotated[str, Field(pattern=r"^[a-z][a-z0-9-]*$")]

# A page's name: a file in docs/ without .md, as sector_regels("privacy") uses it.
PageKey = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9/-]*$")]


class Organisatie(Model):
    """De organisatie waarvoor dit beleid geldt."""

    naam: str = Field(description="De merknaam zoals medewerkers hem kennen.")
    juridische_naam: str = Field(description="De naam in het Handelsregister.")
    sector: SectorKey | list[SectorKey] = Field(
        description="Sleutel van een bestand in data/sectoren/, of een lijst van sleutels als de "
        "organisatie in meer sectoren werkt (de regels worden samengevoegd)."
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
        description="Staan aandelen of obligaties van de organisatie op een beurs? Dan gelden "
        "de regels over voorwetenschap (MAR).",
    )
    ondernemingsraad: bool = Field(
        default=True, description="Heeft de organisatie een ondernemingsraad (OR)?"
    )
    verkoopt_online: bool = Field(
        default=False,
        description="Verkoopt de organisatie online aan consumenten (een webshop)?",
    )
    onderwerpen_uit: list[PageKey] = Field(
        default_factory=list,
        description="Pagina's die niet voor de organisatie gelden, zoals 'ai': ze verdwijnen uit "
        "de site, het menu, de snelle referentie, de PDF en de zelftest.",
    )
    in_gebruik_sinds: NlDate | None = Field(
        default=None,
        description="De dag waarop de organisatie dit handboek eigen maakte (handbook nieuw). "
        "Het logboek (Wijzigingen) begint daar.",
    )

    @field_validator("sector")
    @classmethod
    def _some_sector(cls, value: str | list[str]) -> str | list[str]:
        if isinstance(value, list) and not value:
            raise ValueError("noem minstens één sector")
        return value


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
    bereikbaarheid: Tijden = Field(
        description=(
            "Wanneer de rol bereikbaar is: dagen en tijden, zoals 'werkdagen 8.30–17.30 uur' of "
            "'24/7'. Een toelichting zet je tussen haakjes erachter."
        )
    )
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
    platforms: list[str] | None = Field(
        default=None,
        description="Optioneel: de platforms van deze regel, als 'kanaal' er meer noemt, zoals "
        "[Instagram, Facebook]. Teksten vinden een termijn zo: reactietermijn('Instagram').",
    )
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
    kantoortijden: Tijden = Field(
        description="De kantoortijden, zoals 'maandag tot en met vrijdag van 8.30 tot 17.30 uur'."
    )
    beantwoord_door: list[ContactRef] = Field(
        default=["social_media_team"],
        min_length=1,
        description=(
            "Wie berichten op de officiële accounts beantwoordt (sleutels uit contacten.yml). "
            "Hun bereikbaarheid bepaalt welke termijnen haalbaar zijn."
        ),
    )
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
