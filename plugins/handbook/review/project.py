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


def check_project(root: Path, today: date, docs: str = "docs") -> Report:
    """Everything ``handbook check`` looks at, without building the site."""
    from ..content.macros import make_macros
    from ..core.brand import load_brand  # local: data imports pydantic models, keep start-up small
    from ..core.errors import HandbookError
    from ..sectors.load import load_all_sectors, section_keys, status_warnings
    from ..sectors.page import make_sector_macros

    try:
        brand = load_brand(root / "data", root)
    except HandbookError as error:
        return Report(list(error.messages), [])
    contacts = brand.variables["contacten"]
    pages, errors = read_pages(root, contacts, docs, brand.variables)
    sections = section_keys(root / docs)
    sectors, sector_messages = load_all_sectors(root / "data", root, sections, brand.variables)
    errors.extend(sector_messages)
    chosen = sectors.get(brand.models["organisatie"].sector)
    variables = dict(brand.variables)
    macros = dict(make_macros(brand))
    if chosen is not None:
        # The same names the plugin gives pages: the sector's data and its macro.
        variables["sector"] = chosen.variables
        macros.update(make_sector_macros(chosen, sections))
    extra = mkdocs_extra(root)
    for page in pages:
        errors.extend(page_placeholder_messages(page, variables, macros, extra))
    quiz_file = root / "data" / "quiz.yml"
    if quiz_file.is_file():
        from ..quiz.load import load_quiz

        try:
            load_quiz(quiz_file, root / docs, brand.variables, "data/quiz.yml")
        except HandbookError as error:
            errors.extend(error.messages)
    codeowners = root / CODEOWNERS_PATH
    if codeowners.is_file():
        errors.extend(codeowners_messages(pages, contacts, codeowners.read_text(encoding="utf-8")))
    warnings = review_warnings(due_pages(pages, today), contacts, today)
    for loaded in sectors.values():
        warnings.extend(status_warnings(loaded))
    return Report(errors, warnings)
