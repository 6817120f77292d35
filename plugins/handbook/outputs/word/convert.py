"""HTML to Word: pandoc writes the ``.docx`` in the house style, python-docx finishes it.

pandoc (the binary inside the ``pypandoc-binary`` wheel, so nothing to install or download)
reads a plain HTML document: headings become Word headings (navigation pane, contents field),
tables Word tables, links hyperlinks. ``word.lua`` turns two markers into Word: page breaks
and Material's boxes. python-docx then moves pandoc's contents field after the cover, puts
the version and page numbers in the footer (unless the house style has its own page
numbers) and fills in the document's properties.
"""

from __future__ import annotations

import copy
import html
import re
from dataclasses import dataclass
from pathlib import Path

from ...core.errors import HandbookError

LUA_FILTER = Path(__file__).with_name("word.lua")

PAGE_BREAK = '<div class="nieuwe-pagina"></div>'

_ID = re.compile(r'(\s)(id|href)="([^"]*)"')

_HEADING = re.compile(r"<(/?)h([1-6])(?=[\s>])")


@dataclass(frozen=True)
class WordFacts:
    """What Word shows in File > Info, and the footer."""

    title: str
    subject: str
    author: str
    footer: str
    """Text before the page number: 'Socialmediabeleid Vonkel · versie 2.0'."""


def short_ids(document: str) -> str:
    """Every id and internal link renamed to ``k1``, ``k2``, ...

    Word ignores bookmarks with names of more than 40 characters (links to them jump to the
    start of the document), and the rendered pages' ids are often longer."""
    names: dict[str, str] = {}

    def name(value: str) -> str:
        return names.setdefault(value, f"k{len(names) + 1}")

    for match in _ID.finditer(document):
        if match.group(2) == "id":
            name(html.unescape(match.group(3)))

    def replace(match: re.Match[str]) -> str:
        space, attr, value = match.groups()
        if attr == "id":
            return f'{space}id="{names[html.unescape(value)]}"'
        target = html.unescape(value[1:]) if value.startswith("#") else None
        if target is not None and target in names:
            return f'{space}href="#{names[target]}"'
        return match.group(0)

    return _ID.sub(replace, document)


def shift_headings(content: str, levels: int) -> str:
    """``<h1>`` becomes ``<h{1+levels}>`` and so on (at most ``<h6>``)."""
    if levels <= 0:
        return content
    return _HEADING.sub(lambda m: f"<{m[1]}h{min(6, int(m[2]) + levels)}", content)


def html_to_docx(
    document: str, reference: Path, target: Path, facts: WordFacts, *, contents: bool
) -> Path:
    """Write ``document`` (HTML) to ``target`` as Word, whole or not at all."""
    import pypandoc

    args = ["--reference-doc", str(reference), "--metadata", "lang=nl-NL"]
    if contents:
        args += ["--toc", "--toc-depth=2", "--metadata", "toc-title=Inhoud"]
    partial = target.with_name(target.name + ".tmp")
    try:
        pypandoc.convert_text(
            document,
            "docx",
            format="html",
            outputfile=str(partial),
            extra_args=args,
            filters=[str(LUA_FILTER)],
            sandbox=True,  # reads only what it is given; never fetches anything
        )
        finish(partial, facts, contents=contents)
        partial.replace(target)
    except RuntimeError as error:
        raise HandbookError(
            [
                f"Word-bestand maken mislukt (pandoc): {_first_line(str(error))}. Controleer of "
                f"de huisstijl {reference.name} een geldig Word-document is."
            ]
        ) from None
    finally:
        partial.unlink(missing_ok=True)
    return target


def _first_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[-1] if lines else "onbekende fout"


def finish(path: Path, facts: WordFacts, *, contents: bool) -> None:
    """Contents after the cover, footer with page numbers, document properties."""
    from docx import Document

    document = Document(str(path))
    if contents:
        _contents_after_cover(document)
    for section in document.sections:
        _footer(document, section, facts.footer)
    properties = document.core_properties
    properties.title = facts.title
    properties.subject = facts.subject
    properties.author = facts.author
    properties.language = "nl-NL"
    document.save(str(path))


def _is_page_break(element) -> bool:
    from docx.oxml.ns import qn

    return any(br.get(qn("w:type")) == "page" for br in element.iter(qn("w:br")))


def _contents_after_cover(document) -> None:
    """pandoc puts the contents field first; move it between the cover and the first page."""
    from docx.oxml.ns import qn

    body = document.element.body
    toc = next(
        (
            sdt
            for sdt in body.iterchildren(qn("w:sdt"))
            if any(
                gallery.get(qn("w:val")) == "Table of Contents"
                for gallery in sdt.iter(qn("w:docPartGallery"))
            )
        ),
        None,
    )
    first_break = next((p for p in body.iterchildren(qn("w:p")) if _is_page_break(p)), None)
    if toc is None or first_break is None:
        return
    first_break.addprevious(toc)
    toc.addprevious(copy.deepcopy(first_break))


def _has_page_number(footer) -> bool:
    from docx.oxml.ns import qn

    xml = footer._element
    instructions = [node.text or "" for node in xml.iter(qn("w:instrText"))]
    instructions += [node.get(qn("w:instr")) or "" for node in xml.iter(qn("w:fldSimple"))]
    return any(re.search(r"\bPAGE\b", text) for text in instructions)


def _footer(document, section, text: str) -> None:
    """'<text> · pagina N van M' in the footer, unless the house style numbers its pages."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    footer = section.footer
    if not footer.is_linked_to_previous and _has_page_number(footer):
        return
    footer.is_linked_to_previous = False
    paragraphs = footer.paragraphs
    empty = paragraphs and not paragraphs[0].text.strip() and len(paragraphs) == 1
    paragraph = paragraphs[0] if empty else footer.add_paragraph()
    if any(style.name == "Footer" for style in document.styles):
        paragraph.style = document.styles["Footer"]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    paragraph.add_run(f"{text} · pagina ")
    _field(paragraph, "PAGE")
    paragraph.add_run(" van ")
    _field(paragraph, "NUMPAGES")


def _field(paragraph, instruction: str) -> None:
    """A Word field (``PAGE``, ``NUMPAGES``) that Word fills in on every page."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    shown = OxmlElement("w:t")
    shown.text = "1"
    run.append(shown)
    field.append(run)
    paragraph._p.append(field)
