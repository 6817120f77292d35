"""What the plugin adds to an editor's page before macros render it (``on_page_markdown``):
the notice of an overdue review under the title and the do's and don'ts box at the end."""

from __future__ import annotations

from ..core.frontmatter import PageSource
from ..prepare import Prepared
from ..review.dates import insert_after_title, overdue_notice, review_status
from .tables import dos_donts_box


def with_additions(markdown: str, checked: PageSource, prepared: Prepared) -> str | None:
    """The page's Markdown with the notice and the box; None when its front matter is unusable
    (its problems are in the list of errors already)."""
    meta = checked.meta
    if meta is None:
        return None
    variables = prepared.brand.variables
    contacts = variables["contacten"]
    known = "contacten" not in prepared.brand.broken and meta.eigenaar in contacts
    if known and review_status(meta.herzien_voor, prepared.today) == "verlopen":
        owner = contacts[meta.eigenaar]
        notice = overdue_notice(meta.herzien_voor, owner["rol"], owner.get("email"))
        markdown = insert_after_title(markdown, notice)
    return markdown.rstrip() + "\n" + dos_donts_box(meta.dos, meta.donts, variables["organisatie"])
