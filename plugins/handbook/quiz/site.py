"""MkDocs glue for the quiz: the plugin adds the page test-je-kennis/ in ``on_files``."""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import Files

from ..core.errors import HandbookError
from ..generated import add_page, stand_in
from ..prepare import Prepared
from .load import ExtraQuestions, LoadedQuiz
from .page import PAGE_URI, quiz_page


def add_quiz(files: Files, config, prepared: Prepared) -> LoadedQuiz | None:
    """Add the quiz from ``quiz.yml`` and the sectors' own questions; a stand-in on problems."""
    sector = prepared.sector
    extra = [ExtraQuestions(source) for source in sector.sources] if sector else []
    quiz = None
    try:
        quiz, content = quiz_page(
            prepared.data,
            Path(config.docs_dir),
            prepared.brand.variables,
            prepared.root,
            extra=extra,
            off=prepared.off,
        )
    except HandbookError as error:
        prepared.errors.extend(error.messages)
        content = stand_in("Test je kennis")
    add_page(files, config, PAGE_URI, content, prepared.edit_uri("quiz.yml"))
    return quiz
