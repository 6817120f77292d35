"""Which pages are switched off, checked in Dutch, and what follows from it for the menu, the
sector's rules and the quiz. Plain functions, no MkDocs imports."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ..core.errors import HandbookError
from ..core.yamlsrc import Source

# Pages the policy cannot do without: the home page, who it is for, the basic rules, whom to
# call and what to do in a crisis.
REQUIRED_PAGES = (
    "index",
    "voor-wie",
    "contacten",
    "persoonlijk-gebruik",
    "acceptabele-inhoud",
    "vertrouwelijke-informatie",
    "privacy",
    "crisis",
)


def topics_off(
    organisatie: Mapping[str, Any], pages: Iterable[str], source: Source | None = None
) -> frozenset[str]:
    """``onderwerpen_uit`` checked against the pages in docs/; raises :class:`HandbookError`
    naming file, line and key for an unknown page or one that cannot be switched off."""
    off = list(organisatie.get("onderwerpen_uit") or [])
    known = sorted(set(pages))
    messages = []
    for i, page in enumerate(off):
        line = source.line_of(["onderwerpen_uit", i]) if source is not None else None
        label = source.label if source is not None else "data/organisatie.yml"
        where = f"{label}, regel {line}" if line else label
        key = f"organisatie.onderwerpen_uit[{i + 1}]"
        if page in REQUIRED_PAGES:
            messages.append(
                f"{where}, sleutel '{key}': de pagina '{page}' kan niet uit; het beleid kan niet "
                f"zonder. Deze pagina's blijven altijd: {', '.join(REQUIRED_PAGES)}."
            )
        elif page not in known:
            messages.append(
                f"{where}, sleutel '{key}': '{page}' is geen pagina van het handboek. Kies de naam "
                f"van een pagina in docs/ (zonder .md): "
                f"{', '.join(p for p in known if p not in REQUIRED_PAGES)}."
            )
        elif off.index(page) != i:
            messages.append(
                f"{where}, sleutel '{key}': '{page}' staat er al. Noem elke pagina één keer."
            )
    if messages:
        raise HandbookError(messages)
    return frozenset(off)


def page_uri(page: str) -> str:
    """The src path of a page name: ``ai`` -> ``ai.md``."""
    return f"{page}.md"


def prune_nav(nav: Any, off: frozenset[str]) -> Any:
    """The ``nav`` setting without the switched-off pages (and without sections left empty)."""
    uris = {page_uri(p) for p in off}

    def keep(node: Any) -> Any:
        if isinstance(node, str):
            return None if node in uris else node
        if isinstance(node, list):
            kept = [k for k in (keep(child) for child in node) if k is not None]
            return kept or None
        if isinstance(node, dict):
            kept = {}
            for title, value in node.items():
                child = keep(value)
                if child is not None:
                    kept[title] = child
            return kept or None
        return node

    if not off or nav is None:
        return nav
    return keep(nav) or []


def without_sections(mapping: Mapping[str, Any], off: frozenset[str]) -> dict[str, Any]:
    """A per-section mapping (such as a sector's ``aanvullingen``) without switched-off pages."""
    return {section: items for section, items in mapping.items() if section not in off}


def points_off(pagina: str, off: frozenset[str]) -> bool:
    """Does a link such as ``ai#deepfakes`` (a quiz question's ``pagina``) go to an off page?"""
    return pagina.partition("#")[0] in off


def keep_questions(vragen: Sequence[Any], off: frozenset[str]) -> list[Any]:
    return [v for v in vragen if not points_off(_pagina(v), off)]


def _pagina(vraag: Any) -> str:
    return vraag["pagina"] if isinstance(vraag, Mapping) else vraag.pagina


def make_topic_macros(off: frozenset[str], pages: Iterable[str]) -> dict[str, Any]:
    """``onderwerp_aan("ai")`` for pages: ``{% if onderwerp_aan("ai") %} ... {% endif %}``."""
    known = tuple(pages)

    def onderwerp_aan(pagina: str) -> bool:
        """Is this page part of the handbook (not in ``onderwerpen_uit``)?"""
        if pagina not in known:
            raise ValueError(
                f"onderwerp_aan kent de pagina '{pagina}' niet; kies de naam van een pagina "
                f"(zonder .md): {', '.join(known)}"
            )
        return pagina not in off

    return {"onderwerp_aan": onderwerp_aan}
