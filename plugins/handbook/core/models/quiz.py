"""The self-check quiz (``data/quiz.yml``): questions, answers, the page with the rule."""

from __future__ import annotations

from pydantic import (
    Field,
    field_validator,
)

from .fields import Model

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

    kanaal: str | None = Field(
        default=None,
        description=(
            "Optioneel: het platform waar de vraag over gaat, zoals 'Instagram'. Heeft de "
            "organisatie daar geen officieel account (data/kanalen.yml), dan valt de vraag weg."
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
