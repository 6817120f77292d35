"""``handbook check``: every check an editor can run before a pull request, in one report."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .codeowners import CODEOWNERS_PATH, codeowners_messages
from .dates import due_pages, review_warnings
from .pages import read_pages
from .placeholders import mkdocs_extra, page_placeholder_messages


@dataclass
class Report:
    errors: list[str]
    warnings: list[str]


def check_project(root: Path, today: date, docs: str = "docs", all_sectors: bool = False) -> Report:
    """Everything ``handbook check`` looks at, without building the site.

    The organisation's own sectors are checked; ``all_sectors`` checks every sector file too
    (``handbook check --alle-sectoren``, as the variants need them all).
    """
    from ..content.lookups import make_lookups
    from ..content.macros import make_macros
    from ..core.brand import load_brand, sector_keys  # local: keep start-up small
    from ..core.errors import HandbookError
    from ..sectors.load import LoadedSector, load_all_sectors, section_keys, status_warnings
    from ..sectors.merge import load_sectors
    from ..sectors.page import make_sector_macros
    from ..topics.select import make_topic_macros, topics_off

    try:
        brand = load_brand(root / "data", root)
    except HandbookError as error:
        return Report(list(error.messages), [])
    contacts = brand.variables["contacten"]
    pages, errors = read_pages(root, contacts, docs, brand.variables)
    errors.extend(value.message() for value in brand.open)
    sections = section_keys(root / docs)
    off: frozenset[str] = frozenset()
    try:
        off = topics_off(brand.variables["organisatie"], sections, brand.sources["organisatie"])
    except HandbookError as error:
        errors.extend(error.messages)
    chosen = None
    checked: dict[str, LoadedSector] = {}  # the sector files whose status lines are checked
    try:
        chosen = load_sectors(
            root / "data", sector_keys(brand.models["organisatie"]), root, sections, brand.variables
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
    if chosen is not None:
        # The same names the plugin gives pages: the sector's data and its macro.
        variables["sector"] = chosen.variables
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
    codeowners = root / CODEOWNERS_PATH
    if codeowners.is_file():
        errors.extend(codeowners_messages(pages, contacts, codeowners.read_text(encoding="utf-8")))
    warnings = review_warnings(due_pages(pages, today), contacts, today)
    for key in sorted(checked):
        warnings.extend(status_warnings(checked[key]))
    return Report(errors, warnings)
