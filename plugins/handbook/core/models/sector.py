"""A sector file (``data/sectoren/<sleutel>.yml``): regulation, rules per policy section
and crisis scenarios."""

from __future__ import annotations

from typing import Literal

from pydantic import (
    Field,
)

from .fields import Model, NlDate, Url
from .quiz import Vraag

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
