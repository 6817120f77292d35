"""The macros pages can call, bound to one brand's data (``{{ contacten_tabel() }}``)."""

from __future__ import annotations

import functools
from collections.abc import Callable

from ..core.brand import Brand
from .tables import (
    approvals_table,
    channels_table,
    contacts_table,
    escalation_table,
    help_table,
    levels_table,
    response_table,
)


def make_macros(
    brand: Brand, whats_new: Callable[[], str] | None = None
) -> dict[str, Callable[..., str]]:
    v = brand.variables

    def wat_is_er_veranderd() -> str:
        """The home page's "Wat is er veranderd" block; the plugin passes in the changelog's."""
        return whats_new() if whats_new else ""

    def contacten_tabel(*rollen: str) -> str:
        """Contacts table; optionally only the given roles, in that order."""
        unknown = [r for r in rollen if r not in v["contacten"]]
        if unknown:
            raise ValueError(
                f"contacten_tabel kent de rol(len) {', '.join(unknown)} niet; kies uit "
                f"{', '.join(v['contacten'])}"
            )
        return contacts_table(v["contacten"], rollen)

    def reactietermijnen_tabel() -> str:
        return response_table(v["slas"])

    def escalatie_tabel() -> str:
        return escalation_table(v["slas"], v["contacten"])

    def kanalen_tabel() -> str:
        return channels_table(v["kanalen"], v["contacten"])

    def goedkeuring_tabel() -> str:
        return approvals_table(v["goedkeuring"], v["contacten"])

    def crisisniveaus_tabel() -> str:
        return levels_table(v["crisis"], v["contacten"])

    def externe_hulp_tabel() -> str:
        return help_table(v["crisis"].get("externe_hulp", []))

    macros = {
        "contacten_tabel": contacten_tabel,
        "reactietermijnen_tabel": reactietermijnen_tabel,
        "escalatie_tabel": escalatie_tabel,
        "kanalen_tabel": kanalen_tabel,
        "goedkeuring_tabel": goedkeuring_tabel,
        "crisisniveaus_tabel": crisisniveaus_tabel,
        "externe_hulp_tabel": externe_hulp_tabel,
        "wat_is_er_veranderd": wat_is_er_veranderd,
    }
    return {name: _quiet_without(brand, NEEDS[name], macro) for name, macro in macros.items()}


# The data files each macro is made from. When one did not load (it is reported on its own),
# the macro shows nothing instead of failing or guessing.
NEEDS: dict[str, tuple[str, ...]] = {
    "contacten_tabel": ("contacten",),
    "reactietermijnen_tabel": ("slas",),
    "escalatie_tabel": ("slas", "contacten"),
    "kanalen_tabel": ("kanalen", "contacten"),
    "goedkeuring_tabel": ("goedkeuring", "contacten"),
    "crisisniveaus_tabel": ("crisis", "contacten"),
    "externe_hulp_tabel": ("crisis",),
    "wat_is_er_veranderd": ("organisatie",),
}


def _quiet_without(
    brand: Brand, needs: tuple[str, ...], macro: Callable[..., str]
) -> Callable[..., str]:
    if not any(stem in brand.broken for stem in needs):
        return macro

    @functools.wraps(macro)
    def quiet(*args: object, **kwargs: object) -> str:
        return ""

    return quiet
