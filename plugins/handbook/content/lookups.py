"""Find a channel's facts by platform, never by list position.

``{{ reactietermijn("Instagram").urgent.buiten_kantoortijd }}`` stays right when the rows in
``data/slas.yml`` change order; an unknown platform is a Dutch error that names the platforms
there are. Pages get these as macros, the quiz as placeholders."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from ..core.unavailable import Unavailable


def _norm(text: str) -> str:
    return " ".join(str(text).split()).casefold()


def row_platforms(row: Mapping[str, Any]) -> list[str]:
    """The platforms a response-time row covers: its ``platforms``, else its ``kanaal``."""
    return list(row.get("platforms") or [row["kanaal"]])


def response_time(slas: Mapping[str, Any], platform: str) -> Mapping[str, Any]:
    """The row of ``slas.reactietermijnen`` for ``platform`` (case does not matter)."""
    rows: Sequence[Mapping[str, Any]] = slas["reactietermijnen"]
    for row in rows:
        if any(_norm(p) == _norm(platform) for p in row_platforms(row)):
            return row
    known = [p for row in rows for p in row_platforms(row)]
    raise ValueError(
        f"reactietermijn('{platform}'): data/slas.yml heeft geen reactietermijn voor "
        f"'{platform}'. Kies uit: {', '.join(known)}, of voeg het platform toe bij 'platforms' "
        "van een regel onder 'reactietermijnen'"
    )


def channel(kanalen: Sequence[Mapping[str, Any]], platform: str) -> Mapping[str, Any]:
    """The official account on ``platform`` from ``data/kanalen.yml``."""
    for row in kanalen:
        if _norm(row["platform"]) == _norm(platform):
            return row
    raise ValueError(
        f"kanaal('{platform}'): data/kanalen.yml heeft geen officieel account op '{platform}'. "
        f"Kies uit: {', '.join(str(k['platform']) for k in kanalen)}"
    )


def has_channel(kanalen: Sequence[Mapping[str, Any]], platform: str) -> bool:
    return any(_norm(row["platform"]) == _norm(platform) for row in kanalen)


def make_lookups(variables: Mapping[str, Any]) -> dict[str, Callable[[str], Any]]:
    """``reactietermijn(platform)`` and ``kanaal(platform)`` for pages and the quiz."""

    def reactietermijn(platform: str) -> Mapping[str, Any]:
        """The response times for one platform: ``.normaal`` and ``.urgent``."""
        if isinstance(variables["slas"], Unavailable):  # reported once, with its file
            return variables["slas"]
        return response_time(variables["slas"], platform)

    def kanaal(platform: str) -> Mapping[str, Any]:
        """The official account on one platform: ``.handle``, ``.url``, ``.eigenaar``."""
        if isinstance(variables["kanalen"], Unavailable):  # reported once, with its file
            return variables["kanalen"]
        return channel(variables["kanalen"], platform)

    return {"reactietermijn": reactietermijn, "kanaal": kanaal}
