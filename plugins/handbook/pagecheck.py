"""The checks of the editors' pages during a build, for the one list of problems.

Each page is read once before anything else reads it (text that is not UTF-8 and front matter
that cannot be read are reported, and the build goes on with a safe version); a page the menu
leaves out is named; after rendering, placeholders that do not exist and macro errors are
reported with their line; at the end, the anchors of the links that the quiz and the decision
aid make. The plugin calls these from its events and stops the build once, in ``on_env``.
"""

from __future__ import annotations

from collections import ChainMap
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files

from .core.frontmatter import PageSource, omitted_message, read_page_source
from .core.placeholders import (
    has_macro_error,
    macro_error_messages,
    placeholder_messages,
    quick_fill,
    render_value,
)
from .core.text import title_text
from .links import LinkWarnings
from .prepare import Prepared
from .quiz.load import Link, anchor_messages

log = get_plugin_logger(__name__)


def label(config, src_uri: str) -> str:
    """How messages name a page: ``docs/crisis.md``."""
    return f"{Path(config.docs_dir).name}/{src_uri}"


def read_pages(files: Files, config, prepared: Prepared) -> dict[str, PageSource]:
    """Every editor's page, read once; the problems go into ``prepared.errors``."""
    brand = prepared.brand
    contacts = None if "contacten" in brand.broken else brand.variables["contacten"]
    pages: dict[str, PageSource] = {}
    for file in files.documentation_pages():
        if file.generated_by:
            continue
        checked = read_page_source(label(config, file.src_uri), file.content_bytes, contacts)
        pages[file.src_uri] = checked
        prepared.errors.extend(checked.messages)
        if checked.replaced:
            # What MkDocs and every later step reads instead. The path stays, so plugins that
            # look the file up in git (revision dates) still find it.
            path = file.abs_src_path
            file.content_string = checked.text
            file.abs_src_path = path
    return pages


def warn_omitted(nav, files: Files, config) -> None:
    """A page in docs/ that the menu (``nav:``) leaves out: a Dutch warning (strict stops)."""
    listed = {page.file.src_uri for page in nav.pages}
    for file in files.documentation_pages():
        if file.inclusion.is_in_nav() and not file.generated_by and file.src_uri not in listed:
            log.warning(omitted_message(label(config, file.src_uri), file.src_uri))


def fill_title(page, macros: Any) -> None:
    """Fill plain placeholders in a page's title (``# Onderwerp bij {{ organisatie.naam }}``)
    before macros renders the page, with exactly the text macros would give.

    Macros would otherwise render the title as a second template per page, copying all its
    variables and the page's front matter for it (on the 500-page synthetic handbook, whose
    titles all have a placeholder, the page_markdown events went from 0.48 to 0.39 s). Anything
    but plain names (filters, calls, an unknown name) is left to macros, which reports it.
    """
    title = page.title
    if not isinstance(title, str) or "{" not in title:
        return
    # What macros renders a page with: its variables, ``page``, then the front matter on top.
    names = ChainMap(page.meta, {"page": page}, macros.variables)
    filled = quick_fill(macros.env, title, names)
    if filled is not None:
        page.title = filled


# Set in the front matter of a page that fill_plain_page filled, for macros only; taken out
# again once the page is rendered (unmark_filled), so nothing after that sees it.
_FILLED = "render_macros"


def fill_plain_page(markdown: str, page, macros: Any) -> str:
    """The page's Markdown with its placeholders filled, when they are all plain names
    (``{{ organisatie.naam }}``) that exist: exactly the text macros would give (see
    ``placeholders.quick_fill``). Anything else (a macro call, a filter, a block, an unknown
    name, a title macros still has to fill) is returned as it is, for macros.

    For a filled page macros is told to leave it (``render_macros: false``, its own switch):
    rendering it again as a template, with a copy of all variables and the front matter per
    page, cost 0.132 s on the 500-page synthetic handbook, and 0.045 s with this. A page whose
    front matter sets ``render_macros`` itself, or a site where macros renders only pages that
    ask for it, is left to macros.
    """
    if _FILLED in page.meta or not macros.config.get("render_by_default", True):
        return markdown
    title = page.title
    if (isinstance(title, str) and "{" in title) or "\r" in markdown:
        return markdown  # macros fills the title (fill_title could not): it renders the page
    env = macros.env
    if "{" in markdown:
        names = ChainMap(page.meta, {"page": page}, macros.variables)
        filled = quick_fill(env, markdown, names)
        if filled is None:
            return markdown
    else:  # no placeholder at all: Jinja would only drop one newline at the end
        drop = markdown.endswith("\n") and not env.keep_trailing_newline
        filled = markdown[:-1] if drop else markdown
    page.meta[_FILLED] = False
    page.handbook_filled = True
    return filled


def unmark_filled(page) -> None:
    """Take out what :func:`fill_plain_page` told macros, once the page is rendered."""
    if getattr(page, "handbook_filled", False):
        page.meta.pop(_FILLED, None)
        page.handbook_filled = False


def rendered_page_messages(page, config, macros: Any, prepared: Prepared, source: str) -> list[str]:
    """After a page's Markdown was rendered: titles and front matter as text, and the
    placeholders and macro errors found while rendering (``source``: the Markdown before)."""
    page.title = title_text(page.title)  # the theme prints titles as HTML
    env = macros.env
    for key, value in list(page.meta.items()):
        page.meta[key] = render_value(env, macros.variables, value)
    missing = prepared.recorder.take()
    rendered = page.markdown or ""
    if not missing and not has_macro_error(rendered):
        return []  # the usual case: the file need not be read again for line numbers
    raw = page.file.content_string
    where = label(config, page.file.src_uri)
    return [
        *placeholder_messages(where, missing, raw),
        *macro_error_messages(env, where, rendered, source, raw),
    ]


def anchor_problems(
    files: Files,
    config,
    link_sets: Iterable[Sequence[Link]],
    links: LinkWarnings,
) -> list[str]:
    """Links of generated pages whose anchor is missing, and (strict) MkDocs' own anchor
    warnings, which MkDocs only checks after writing every page: checked here, so they are in
    the one list (and then found again, quietly, by MkDocs)."""
    anchors = {
        Path(f.src_uri).with_suffix("").as_posix(): f.page.present_anchor_ids
        for f in files.documentation_pages()
        if f.page is not None
    }
    messages = [m for chosen in link_sets for m in anchor_messages(chosen, anchors)]
    if links.keep:
        for file in files.documentation_pages():
            if file.page is not None:
                file.page.validate_anchor_links(
                    files=files, log_level=config.validation.links.anchors
                )
        messages.extend(links.kept)
        links.keep = False
    return messages
