"""The decision aid "Mag ik dit posten?" (``data/beslishulp.yml``): yes/no questions that end
in an outcome. Whether the steps form a tree (every step known, reached and ending) is checked
after validation, in ``decision/load.py``, with messages that name the path."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from .fields import KEY, ContactRef, Model
from .quiz import PAGE_PATTERN

StepKey = Annotated[
    str,
    Field(
        pattern=KEY,
        description="De sleutel van een vraag of een uitkomst, zoals 'vertrouwelijk'.",
    ),
]


class Vraag(Model):
    """Een vraag die je met ja of nee beantwoordt."""

    vraag: str = Field(description="De vraag, zoals 'Staat er iets in dat niet openbaar is?'.")
    uitleg: str | None = Field(
        default=None, description="Optioneel: een korte toelichting of een voorbeeld."
    )
    ja: StepKey | None = Field(
        default=None, description="De sleutel van de volgende vraag of uitkomst bij 'ja'."
    )
    nee: StepKey | None = Field(
        default=None, description="De sleutel van de volgende vraag of uitkomst bij 'nee'."
    )


Besluit = Literal["posten", "vraag_eerst", "niet_posten"]


class Uitkomst(Model):
    """Waar de vragen eindigen: posten, eerst iemand vragen, of niet posten."""

    besluit: Besluit = Field(description="posten, vraag_eerst of niet_posten.")
    contact: ContactRef | None = Field(
        default=None,
        description="Bij vraag_eerst: wie je het vraagt, een sleutel uit data/contacten.yml.",
    )
    tekst: str = Field(description="Wat je doet, in een of twee zinnen.")
    pagina: str = Field(
        pattern=PAGE_PATTERN,
        description=(
            "De pagina met de regel: de naam van een bestand in docs/ zonder .md, eventueel met "
            "een anker, zoals 'privacy' of 'privacy#portretrecht'."
        ),
    )

    @model_validator(mode="after")
    def _contact_only_to_ask(self) -> Uitkomst:
        if self.besluit == "vraag_eerst" and self.contact is None:
            raise ValueError(
                "bij 'besluit: vraag_eerst' hoort 'contact': wie je het eerst vraagt (een "
                "sleutel uit data/contacten.yml)"
            )
        if self.besluit != "vraag_eerst" and self.contact is not None:
            raise ValueError(
                f"'contact' hoort alleen bij 'besluit: vraag_eerst', niet bij '{self.besluit}'"
            )
        return self


class Beslishulp(Model):
    """De beslishulp 'Mag ik dit posten?' (data/beslishulp.yml)."""

    titel: str = Field(default="Mag ik dit posten?", description="De titel van de pagina.")
    inleiding: str | None = Field(default=None, description="Tekst boven de eerste vraag.")
    start: StepKey = Field(description="De sleutel van de eerste vraag.")
    vragen: dict[StepKey, Vraag] = Field(min_length=1)
    uitkomsten: dict[StepKey, Uitkomst] = Field(min_length=1)
