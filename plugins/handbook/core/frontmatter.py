"""Front matter of policy pages: read it with line numbers and validate it in Dutch."""

from __future__ import annotations

import pickle
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .brand import contact_ref_message
from .errors import HandbookError
from .messages import validation_messages
from .validation import Invalid, Record, remembered, validated
from .yamlguard import shape_problems
from .yamlsrc import decode_text, parse_yaml


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


def check_page(
    label: str, raw: str, contacts: Iterable[str] | None
) -> tuple[Record | None, list[str]]:
    """Validate one page's front matter; returns the model (if valid) and Dutch messages.

    ``contacts`` are the keys ``eigenaar`` may name; ``None`` when data/contacten.yml did not
    load (that file is reported on its own, the owner is not checked then).
    """
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
    if contacts is None:
        return meta, []
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


@dataclass
class PageSource:
    """A page as the build may read it, with its front matter checked.

    ``text`` is the file as UTF-8 text. When the file is not UTF-8, the characters that cannot be
    read are replaced; when its front matter cannot be read safely (a YAML error, an impossible
    date, anchors and aliases) the front matter lines are blanked, so MkDocs neither shows it
    as text nor expands it. ``messages`` say what is wrong, once.
    """

    text: str
    meta: Record | None
    messages: list[str] = field(default_factory=list)
    replaced: bool = False
    """Whether ``text`` differs from the file (not UTF-8, or front matter blanked)."""


def read_page_source(label: str, data: bytes, contacts: Iterable[str] | None) -> PageSource:
    """Decode and check one page (``data`` are the file's bytes); never raises.

    The front matter of a page that was fine before (same bytes, same contacts, same code) is
    not parsed and checked again: its validated meta is remembered in the build cache.
    """
    known = None if contacts is None else sorted(contacts)
    payload = pickle.dumps((label, data, known), protocol=pickle.HIGHEST_PROTOCOL)

    fresh: list[PageSource] = []

    def check() -> tuple[Record | None, bool]:
        checked = _read_page_source(label, data, contacts)
        fresh.append(checked)
        return checked.meta, bool(checked.meta and not checked.messages and not checked.replaced)

    meta = remembered("pagina-bron", payload, check)
    return fresh[0] if fresh else PageSource(data.decode("utf-8-sig"), meta)


def _read_page_source(label: str, data: bytes, contacts: Iterable[str] | None) -> PageSource:
    try:
        text = decode_text(data, label)
    except HandbookError as error:
        # Reported once; the rest of the page is still read, so its links are checked too.
        text = data.decode("utf-8", errors="replace")
        return PageSource(_blank_front_matter(text), None, error.messages, replaced=True)
    meta, messages = check_page(label, text, contacts)
    fm = front_matter_text(text)
    if fm is not None and not _readable(fm):
        return PageSource(_blank_front_matter(text), meta, messages, replaced=True)
    return PageSource(text, meta, messages)


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _readable(fm: str) -> bool:
    """Whether MkDocs can read this front matter as it is, and quickly."""
    if shape_problems(fm, "-"):
        return False
    try:
        yaml.load(fm, Loader=_LOADER)
    except Exception:  # MkDocs would show the front matter as page text
        return False
    return True


def _blank_front_matter(text: str) -> str:
    """``text`` with its front matter (and the ``---`` lines) as empty lines."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return text
    for end, line in enumerate(lines[1:], start=1):
        if line.strip() in ("---", "..."):
            return "\n" * end + "\n" + "\n".join(lines[end + 1 :])
    return text
