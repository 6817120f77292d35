"""Front matter of policy pages: read it with line numbers and validate it in Dutch."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .brand import contact_ref_message
from .errors import HandbookError
from .messages import validation_messages
from .validation import Invalid, Record, validated
from .yamlsrc import parse_yaml


def front_matter_text(raw: str) -> str | None:
    """The YAML between the leading ``---`` lines, padded so line numbers match the file."""
    lines = raw.splitlines()
    if not lines or lines[0].strip() != "---":
        return None
    for end, line in enumerate(lines[1:], start=1):
        if line.strip() in ("---", "..."):
            return "\n" + "\n".join(lines[1:end])
    return None


def page_meta(front_matter: dict[str, Any]) -> Record:
    """A page's front matter validated (``models.PageMeta``).

    Raises :class:`~handbook.validation.Invalid` when it does not fit.
    """
    return validated("pagina", front_matter)


def check_page(label: str, raw: str, contacts: Iterable[str]) -> tuple[Record | None, list[str]]:
    """Validate one page's front matter; returns the model (if valid) and Dutch messages."""
    text = front_matter_text(raw)
    if text is None:
        return None, [
            f"{label}: de pagina heeft geen front matter. Zet bovenaan tussen twee regels '---' "
            "de sleutels eigenaar, laatst_beoordeeld, herzien_voor, dos en donts."
        ]
    try:
        source = parse_yaml(text, Path(label), label)
    except HandbookError as error:
        return None, error.messages
    data: Any = source.data or {}
    if not isinstance(data, dict):
        return None, [f"{label}, regel 2: de front matter moet sleutels met waarden bevatten."]
    try:
        meta = page_meta(data)
    except Invalid as error:
        return None, validation_messages(source, error)
    known = set(contacts)
    if meta.eigenaar not in known:
        return None, [contact_ref_message(source, ["eigenaar"], "", meta.eigenaar, known)]
    return meta, []


def omitted_message(label: str, src_uri: str) -> str:
    """A page that exists in docs/ but not in ``nav:`` of mkdocs.yml (Dutch, for editors)."""
    return (
        f"{label}: deze pagina staat niet in het menu. Zet haar onder 'nav:' in mkdocs.yml, in "
        f"de sectie waar ze hoort, met een regel als '- Titel van de pagina: {src_uri}'."
    )
