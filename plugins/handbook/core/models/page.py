"""The front matter of a policy page: owner, review dates, do's and don'ts."""

from __future__ import annotations

from typing import Annotated, Any, Literal, get_args

from pydantic import (
    BeforeValidator,
    ConfigDict,
    Field,
)

from .fields import ContactRef, Model, NlDate

# Facts in organisatie.yml that a do or don't can depend on (``als:`` in front matter).
Feit = Literal["beursgenoteerd", "ondernemingsraad", "verkoopt_online"]
FEITEN: tuple[str, ...] = get_args(Feit)


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


# A search keyword: a word or a few words, as an employee would type them.
Trefwoord = Annotated[str, Field(min_length=2, max_length=60, pattern=r"^[^{}\n]+$")]


class PageMeta(Model):
    """Front matter every policy page carries."""

    model_config = ConfigDict(extra="allow", frozen=True)

    eigenaar: ContactRef
    laatst_beoordeeld: NlDate
    herzien_voor: NlDate
    dos: list[DoItem] = Field(min_length=1)
    donts: list[DoItem] = Field(min_length=1)
    trefwoorden: list[Trefwoord] | None = Field(
        default=None,
        min_length=1,
        description=(
            "Woorden waarop medewerkers zoeken en die deze pagina bovenaan de zoekresultaten "
            "zetten, ook als ze niet in de tekst staan: synoniemen en gewone woorden, zoals "
            "'sancties' of 'straf' bij Handhaving. Lezers zien ze niet."
        ),
    )
