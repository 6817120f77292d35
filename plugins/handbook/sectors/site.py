"""MkDocs glue for the sector page and the sheets that carry sector rules (``on_files``)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from mkdocs.structure.files import Files

from ..core.frontmatter import PageSource
from ..decision.page import PAGE_URI as AID_PAGE
from ..generated import add_page, stand_in
from ..prepare import Prepared
from ..sheets.site import add_sheets
from .page import SECTOR_PAGE, onepager_items, sector_page


def add_sector_pages(
    files: Files,
    config,
    prepared: Prepared,
    *,
    with_pdf: bool,
    checked: Mapping[str, PageSource] | None = None,
) -> bool:
    """Add the sector page, the quick reference and the crisis card; whether to print PDFs.

    The sheets need all data: with a problem in it (reported already) they get stand-ins and
    nothing is printed.
    """
    sector = prepared.sector
    if sector is None or prepared.brand.broken:
        add_page(files, config, SECTOR_PAGE, stand_in("Regels voor de sector"))
        add_page(files, config, "snelle-referentie.md", stand_in("Snelle referentie"))
        add_page(files, config, "crisiskaart.md", stand_in("Crisiskaart"))
        return False
    pages = [f.src_uri.removesuffix(".md") for f in files.documentation_pages()]
    source = Path(os.path.relpath(sector.source.path, config.docs_dir)).as_posix()
    add_page(files, config, SECTOR_PAGE, sector_page(sector, pages), source)
    prepared.errors.extend(
        add_sheets(
            files,
            config,
            prepared.brand.variables,
            with_pdf=with_pdf,
            sector_items=onepager_items(sector),
            choose_sector_rules=sector.several,
            aid_uri=AID_PAGE if files.get_file_from_path(AID_PAGE) is not None else None,
            checked=checked,
        )
    )
    return with_pdf
