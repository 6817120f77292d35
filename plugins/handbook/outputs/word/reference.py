"""The house style for Word: the reference document pandoc takes its styles from.

``huisstijl/word-referentie.docx`` in the project is the one every Word file uses. An
organisation replaces it with its own (its fonts, colours, logo in the header). This module
says where it is, checks it, and can write the default one again: pandoc's own reference
document, set to A4 with Dutch as its language, plus the few styles the handbook adds.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from ...core.errors import HandbookError

REFERENCE = Path("huisstijl") / "word-referentie.docx"

# Paragraph styles the handbook uses besides pandoc's own (see word.lua and the documents).
EXTRA_STYLES = {
    "Omslag": "the cover's facts (version, date, owner)",
    "Paginagegevens": "owner and review dates under each page",
    "Footer": "the footer with version and page numbers",
}


def reference_path(root: Path, chosen: str | None = None) -> Path:
    """The reference document to use: ``chosen`` (relative to ``root``) or the project's own.

    Raises :class:`HandbookError` in Dutch when it is missing or is no Word document.
    """
    path = (root / chosen).resolve() if chosen else root / REFERENCE
    shown = chosen or REFERENCE.as_posix()
    if not path.is_file():
        raise HandbookError(
            [
                f"{shown}: de huisstijl voor Word ontbreekt. Zet je eigen Word-document (.docx) "
                f"op die plek, of maak de standaard opnieuw met 'handbook word-huisstijl'."
            ]
        )
    try:
        with zipfile.ZipFile(path) as package:
            names = set(package.namelist())
    except (zipfile.BadZipFile, OSError):
        names = set()
    if "word/styles.xml" not in names:
        raise HandbookError(
            [
                f"{shown}: dit is geen Word-document (.docx). Sla je huisstijl in Word op als "
                "'Word-document (*.docx)' en zet het bestand op die plek."
            ]
        )
    return path


def write_default_reference(target: Path) -> Path:
    """Write the handbook's default house style for Word to ``target``."""
    import subprocess

    import pypandoc
    from docx import Document
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Mm, Pt, RGBColor

    target.parent.mkdir(parents=True, exist_ok=True)
    pandoc_default = target.with_suffix(".pandoc.docx")
    subprocess.run(
        [
            pypandoc.get_pandoc_path(),
            "-o",
            str(pandoc_default),
            "--print-default-data-file",
            "reference.docx",
        ],
        check=True,
        capture_output=True,
    )
    document = Document(str(pandoc_default))
    for section in document.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin = section.bottom_margin = Mm(22)
        section.left_margin = section.right_margin = Mm(22)
        section.footer_distance = Mm(10)
    styles = document.styles
    styles["Normal"].font.size = Pt(10.5)
    styles["Title"].font.size = Pt(30)
    cover = styles.add_style("Omslag", WD_STYLE_TYPE.PARAGRAPH)
    cover.base_style = styles["Normal"]
    cover.font.size = Pt(12)
    cover.paragraph_format.space_after = Pt(6)
    info = styles.add_style("Paginagegevens", WD_STYLE_TYPE.PARAGRAPH)
    info.base_style = styles["Normal"]
    info.font.size = Pt(8.5)
    info.font.italic = True
    info.font.color.rgb = RGBColor(0x40, 0x40, 0x40)
    info.paragraph_format.space_before = Pt(12)
    footer = styles.add_style("Footer", WD_STYLE_TYPE.PARAGRAPH)
    footer.base_style = styles["Normal"]
    footer.font.size = Pt(8)
    footer.font.color.rgb = RGBColor(0x40, 0x40, 0x40)
    _dutch(document)
    document.core_properties.title = "Huisstijl voor het socialmediabeleid in Word"
    document.core_properties.language = "nl-NL"
    document.save(str(target))
    pandoc_default.unlink()
    return target


def _dutch(document) -> None:
    """Dutch as the document's language, so Word checks the spelling in Dutch."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    defaults = document.styles.element.find(qn("w:docDefaults"))
    run = defaults.find(qn("w:rPrDefault")) if defaults is not None else None
    properties = run.find(qn("w:rPr")) if run is not None else None
    if properties is None:
        return
    lang = properties.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        properties.append(lang)
    lang.set(qn("w:val"), "nl-NL")
