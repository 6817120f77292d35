"""The whole policy as one Word file (``handbook docx``), from the pages the policy PDF prints.

The menu's sections become the top headings ("Basis", "Zelf posten"), each page a heading one
level below, and the page's own headings below that. Every section and every page starts on a
new page; the cover comes first, then the contents field, then the pages in menu order.
"""

from __future__ import annotations

import html
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..destination import output_folder
from ..policy_pdf.collect import LeftOut, Section, strip_headerlinks
from ..policy_pdf.document import Cover, page_info
from .convert import PAGE_BREAK, WordFacts, html_to_docx, shift_headings, short_ids
from .reference import reference_path


def cover_html(cover: Cover, left_out: Sequence[LeftOut]) -> str:
    """Title, brand and the facts Legal and the works council check first."""
    e = html.escape
    facts = [
        ("Versie", cover.version),
        ("Geldig vanaf", cover.effective),
        ("Eigenaar", cover.owner),
        ("Organisatie", cover.legal_name),
    ]
    lines = [
        f'<div data-custom-style="Title"><p>{e(cover.title)}</p></div>',
        f'<div data-custom-style="Subtitle"><p>{e(cover.brand)}</p></div>',
        '<div data-custom-style="Omslag">',
        *(f"<p><strong>{label}:</strong> {e(value)}</p>" for label, value in facts),
        f'<p>Dit is een afdruk van het handboek op <a href="{e(cover.site)}">{e(cover.site)}</a>. '
        "Bij verschil geldt de versie op het intranet.</p>",
    ]
    if left_out:
        lines.append("<p>Niet in dit document, wel op het intranet:</p><ul>")
        lines += [
            f'<li>{e(item.title)}: <a href="{e(item.url)}">{e(item.url)}</a></li>'
            for item in left_out
        ]
        lines.append("</ul>")
    lines.append("</div>")
    return "\n".join(lines)


def word_html(
    cover: Cover,
    sections: Sequence[Section],
    left_out: Sequence[LeftOut],
    contacts: dict[str, Any],
) -> str:
    """One HTML document for pandoc: cover, then menu sections and pages with their headings."""
    blocks = [cover_html(cover, left_out)]
    open_parents: tuple[str, ...] = ()
    after_heading = False
    for section in sections:
        shared = 0
        while (
            shared < min(len(open_parents), len(section.parents))
            and open_parents[shared] == section.parents[shared]
        ):
            shared += 1
        for depth in range(shared, len(section.parents)):
            if not after_heading:
                blocks.append(PAGE_BREAK)
            level = min(6, depth + 1)
            blocks.append(f"<h{level}>{html.escape(section.parents[depth])}</h{level}>")
            after_heading = True
        open_parents = section.parents
        if not after_heading:
            blocks.append(PAGE_BREAK)
        content = shift_headings(strip_headerlinks(section.content), len(section.parents))
        info = page_info(section.meta, contacts)
        if info:
            info = f'<div data-custom-style="Paginagegevens">{info}</div>'
        blocks.append(f'<div class="pagina" id="{section.key}">\n{content}\n{info}\n</div>')
        after_heading = False
    body = "\n".join(blocks)
    return short_ids(
        f'<!doctype html>\n<html lang="nl">\n<head><meta charset="utf-8"></head>\n'
        f"<body>\n{body}\n</body>\n</html>\n"
    )


def build_policy_docx(root: Path, out_dir: Path, reference: str | None = None) -> Path:
    """Build the site strictly (in a temporary folder) and write the policy as ``.docx``."""
    from ..policy_pdf.build import render_policy

    style = reference_path(root, reference)
    folder = output_folder(root, out_dir)
    with tempfile.TemporaryDirectory(prefix="handbook-docx-") as tmp:
        policy = render_policy(root, Path(tmp) / "site")
        cover = policy.cover
        document = word_html(cover, policy.sections, policy.left_out, policy.contacts)
        facts = WordFacts(
            title=f"{cover.title} {cover.brand}, versie {cover.version}",
            subject=f"Geldig vanaf {cover.effective}",
            author=cover.owner,
            footer=f"{cover.title} {cover.brand} · versie {cover.version}",
        )
        return html_to_docx(document, style, folder / f"{policy.name}.docx", facts, contents=True)
