"""``handbook check``: every check an editor can run before a pull request, in one report.

Two parts, reported together:

- the checks without a build (quick, and they work without ``mkdocs.yml``): data, front matter,
  placeholders, the quiz, every sector file, CODEOWNERS and review dates;
- the strict build itself (``buildcheck``), into a temporary folder and without PDFs, for
  what only a build finds: links to pages or anchors that do not exist, menu entries for
  missing files. So "in orde" is only said when ``make build`` passes too.

A file that does not load is reported once; what depends on it is not checked (quietly).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..search.keywords import keyword_warnings
from .codeowners import CODEOWNERS_PATH, codeowners_messages
from .dates import due_pages, review_warnings
from .pages import read_pages
from .placeholders import mkdocs_extra, page_placeholder_messages


@dataclass
class Report:
    errors: list[str]
    warnings: list[str]


def check_project(
    root: Path,
    today: date,
    docs: str = "docs",
    all_sectors: bool = False,
    *,
    build: bool = True,
) -> Report:
    """Everything ``handbook check`` looks at; ``build=False`` leaves out the strict build.

    The organisation's own sectors are checked; ``all_sectors`` checks every sector file too
    (``handbook check --alle-sectoren``, as the variants need them all).
    """
    errors, warnings = quick_checks(root, today, docs, all_sectors)
    if build and (root / "mkdocs.yml").is_file():
        from .buildcheck import build_problems

        errors.extend(m for m in build_problems(root / "mkdocs.yml") if m not in errors)
    return Report(errors, warnings)


def quick_checks(
    root: Path, today: date, docs: str = "docs", all_sectors: bool = False
) -> tuple[list[str], list[str]]:
    """The checks without a build: (errors, warnings)."""
    from ..content.lookups import make_lookups
    from ..content.macros import make_macros
    from ..core.brand import read_brand, sector_keys  # local: keep start-up small
    from ..core.consistency import contradictions
    from ..core.errors import HandbookError
    from ..core.unavailable import Unavailable
    from ..sectors.load import LoadedSector, load_all_sectors, section_keys, status_warnings
    from ..sectors.merge import load_sectors
    from ..sectors.page import make_sector_macros
    from ..topics.select import make_topic_macros, topics_off

    brand, errors = read_brand(root / "data", root)
    contacts = None if "contacten" in brand.broken else brand.variables["contacten"]
    pages, page_errors = read_pages(root, contacts, docs, brand.variables)
    errors.extend(page_errors)
    errors.extend(value.message() for value in brand.open)
    if not brand.broken:  # the times can only be compared when every file loaded
        errors.extend(contradictions(brand.models, brand.sources, brand.variables))
    sections = section_keys(root / docs)
    off: frozenset[str] = frozenset()
    organisatie = brand.models.get("organisatie")
    if organisatie is not None:
        try:
            off = topics_off(brand.variables["organisatie"], sections, brand.sources["organisatie"])
        except HandbookError as error:
            errors.extend(error.messages)
    chosen = None
    checked: dict[str, LoadedSector] = {}  # the sector files whose status lines are checked
    if organisatie is not None and all(k in brand.sectors for k in sector_keys(organisatie)):
        try:
            chosen = load_sectors(
                root / "data", sector_keys(organisatie), root, sections, brand.variables
            ).without(off)
            checked.update((part.key, part) for part in chosen.parts or (chosen,))
        except HandbookError as error:
            errors.extend(error.messages)
    if all_sectors:
        loaded, sector_messages = load_all_sectors(root / "data", root, sections, brand.variables)
        errors.extend(m for m in sector_messages if m not in errors)
        checked.update(loaded)
    variables = dict(brand.variables)
    macros = {
        **make_macros(brand),
        **make_topic_macros(off, sections),
        **make_lookups(brand.variables),
    }
    # The same names the plugin gives pages: the sector's data and its macro. A sector file
    # that did not load is reported above, once; its placeholders stay quiet.
    variables["sector"] = chosen.variables if chosen is not None else Unavailable("sector")
    macros.update(make_sector_macros(chosen, sections))
    extra = mkdocs_extra(root)
    for page in pages:
        errors.extend(page_placeholder_messages(page, variables, macros, extra))
    quiz_file = root / "data" / "quiz.yml"
    if quiz_file.is_file():
        from ..quiz.load import ExtraQuestions, load_quiz

        extra_questions = [ExtraQuestions(s) for s in chosen.sources] if chosen else []
        try:
            load_quiz(
                quiz_file, root / docs, brand.variables, "data/quiz.yml", extra_questions, off
            )
        except HandbookError as error:
            errors.extend(m for m in error.messages if m not in errors)
    aid_file = root / "data" / "beslishulp.yml"
    if aid_file.is_file() and not brand.broken:
        from ..decision.load import load_aid

        pages_in_docs = [p.stem for p in (root / docs).glob("*.md")]
        try:
            load_aid(aid_file, pages_in_docs, brand.variables, "data/beslishulp.yml")
        except HandbookError as error:
            errors.extend(error.messages)
    if contacts is None:  # owners and reviewers cannot be checked without the contacts
        return errors, []
    codeowners = root / CODEOWNERS_PATH
    if codeowners.is_file():
        errors.extend(codeowners_messages(pages, contacts, codeowners.read_text(encoding="utf-8")))
    warnings = review_warnings(due_pages(pages, today), contacts, today)
    warnings.extend(
        keyword_warnings(
            {p.path: (p.meta.trefwoorden if p.meta else ()) for p in pages if p.meta is not None}
        )
    )
    for key in sorted(checked):
        warnings.extend(status_warnings(checked[key]))
    return errors, warnings
