"""What one build knows before MkDocs reads a page: data, topics, sectors and the problems.

The plugin calls :func:`prepare` in ``on_config``. Every problem is collected (in
:attr:`Prepared.errors`) and the build goes on, so data, front matter, placeholders and links are
reported together at the end. A file that did not load is reported once; what depends on it gets
a quiet stand-in (``core/unavailable.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from .content.lookups import make_lookups
from .content.macros import make_macros
from .core.brand import Brand, read_brand, sector_keys
from .core.consistency import contradictions
from .core.dates import parse_today
from .core.errors import HandbookError
from .core.markers import open_message
from .core.placeholders import Recorder, index_paths
from .core.text import escaped
from .core.unavailable import Unavailable
from .sectors.load import LoadedSector, section_keys
from .sectors.merge import load_sectors
from .sectors.page import make_sector_macros
from .topics.select import make_topic_macros, topics_off

log = get_plugin_logger(__name__)


@dataclass
class Prepared:
    """The brand's data for one build, the topics it switched off, its sectors and problems."""

    root: Path
    data_dir: str
    brand: Brand
    errors: list[str]
    sections: tuple[str, ...]
    today: date
    off: frozenset[str] = frozenset()
    sector: LoadedSector | None = None
    recorder: Recorder = field(default_factory=Recorder)

    @property
    def data(self) -> Path:
        return self.root / self.data_dir

    def edit_uri(self, name: str) -> str:
        """The edit link of a page made from a data file (relative to ``docs/``)."""
        return f"../{self.data_dir}/{name}"


def prepare(
    root: Path,
    data_dir: str,
    docs_dir: Path,
    *,
    sector: str | None,
    vandaag: str | None,
    strict: bool,
) -> Prepared:
    """Read and check the data; say what does not fit together (warnings or errors)."""
    try:
        today = parse_today(vandaag)
    except ValueError as error:
        where = "mkdocs.yml, plugin handbook, 'vandaag'" if vandaag else "HANDBOOK_VANDAAG"
        raise PluginError(f"{where}: {error}") from None
    brand, errors = read_brand(root / data_dir, root, sector)
    prepared = Prepared(root, data_dir, brand, errors, section_keys(docs_dir), today)
    if brand.models.get("organisatie") is not None:
        _topics_and_sectors(prepared)
    if not brand.broken:
        # Times that contradict each other: a warning, so `mkdocs serve` keeps showing the
        # site while a strict build stops; `handbook check` reports them as errors.
        for message in contradictions(brand.models, brand.sources, brand.variables):
            log.warning(message)
    if brand.open:
        # Values `handbook nieuw` could not fill: a strict build stops with one message that
        # names them all (in the one list of problems); a preview shows the markers.
        if strict:
            errors.append(open_message(brand.open))
        else:
            log.warning(open_message(brand.open))
    return prepared


def _topics_and_sectors(prepared: Prepared) -> None:
    brand = prepared.brand
    try:
        prepared.off = topics_off(
            brand.variables["organisatie"], prepared.sections, brand.sources["organisatie"]
        )
    except HandbookError as error:
        prepared.errors.extend(error.messages)
    # Only the organisation's own sectors are read: another sector's file never stops this
    # build (`handbook check --alle-sectoren` and the variants check them all). An unknown
    # sector is reported by read_brand.
    keys = sector_keys(brand.models["organisatie"])
    if not all(key in brand.sectors for key in keys):
        return
    try:
        prepared.sector = load_sectors(
            prepared.data, keys, prepared.root, prepared.sections, brand.variables
        ).without(prepared.off)
    except HandbookError as error:
        prepared.errors.extend(error.messages)


def register(macros: Any, prepared: Prepared, whats_new: Any) -> None:
    """Hand the data (HTML-escaped: values are text) and the macros to mkdocs-macros.

    Called before macros' own ``on_config`` runs (the handbook is listed first): macros adds
    them when it builds its environment, and raises if a name is taken twice.
    """
    brand = prepared.brand
    variables = escaped(brand.variables)
    sector = prepared.sector
    sector_variables = escaped(sector.variables) if sector else Unavailable("sector")
    prepared.recorder = Recorder(paths=index_paths(variables))
    macros.register_variables({**variables, "sector": sector_variables})
    macros.register_macros(
        {
            **make_macros(brand, whats_new=whats_new),
            **make_sector_macros(sector, prepared.sections),
            **make_topic_macros(prepared.off, prepared.sections),
            **make_lookups(brand.variables),
        }
    )
