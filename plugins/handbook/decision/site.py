"""MkDocs glue for the decision aid: the plugin adds mag-ik-dit-posten/ in ``on_files``."""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import Files

from ..core.errors import HandbookError
from ..generated import add_page, stand_in
from ..prepare import Prepared
from ..quiz.page import page_titles
from .page import PAGE_URI, aid_page

TITLE = "Mag ik dit posten?"


def add_decision_aid(files: Files, config, prepared: Prepared) -> tuple:
    """Add the page from ``beslishulp.yml``; the links its outcomes make (for the anchor check).

    Outcomes link only to pages of this build: a page taken out of the files before this point
    (a topic switched off) gets no link.
    """
    docs = Path(config.docs_dir)
    in_build = {f.src_uri.removesuffix(".md") for f in files.documentation_pages()}
    variables = prepared.brand.variables
    titles = {slug: t for slug, t in page_titles(docs, variables).items() if slug in in_build}
    edit = prepared.edit_uri("beslishulp.yml")
    if prepared.brand.broken:  # the aid needs the contacts; the problems are reported already
        add_page(files, config, PAGE_URI, stand_in(TITLE), edit)
        return ()
    try:
        made = aid_page(prepared.data, docs, titles, variables, prepared.root)
    except HandbookError as error:
        prepared.errors.extend(error.messages)
        add_page(files, config, PAGE_URI, stand_in(TITLE), edit)
        return ()
    if made is None:
        return ()
    add_page(files, config, PAGE_URI, made[1], edit)
    return made[0].links
