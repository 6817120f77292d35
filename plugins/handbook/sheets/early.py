"""Print the sheets while MkDocs still builds the other pages (a build that prints them).

Printing both sheets takes Chromium about 0.4 s on two cores. Handed over at the end of the
build, that is 0.4 s the build only waits (a fresh clone's first build, every CI run without a
restored cache). So a build with a :class:`~handbook.outputs.printer.Printer` running builds
the two sheets first (:meth:`EarlyPrint.build_sheets_first`) and hands them to the printer as
soon as MkDocs has rendered them (:meth:`EarlyPrint.rendered`), with their HTML, as MkDocs has
not written them yet. The stylesheets and images they load are in the site already: MkDocs
copies them before it builds any page.

Only the order in which the pages are built changes. The sitemap and the search index list the
pages in that order, so :attr:`EarlyPrint.pages` and :attr:`EarlyPrint.order` keep the order
from before, for the sitemap (the plugin's ``on_template_context``) and the index
(``search/keywords.py``): the built site stays the same, byte for byte.

At the end (``printing.print_sheets``) the PDFs are only used when the pages and what they load
are still what was printed, compared by the same key the PDF cache uses; otherwise (a plugin
changed them after they were rendered) the sheets are printed again.
"""

from __future__ import annotations

import posixpath
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.structure.files import File, Files

from ..core.cache import BuildCache

if TYPE_CHECKING:
    from ..outputs.printer import Printer


@dataclass
class EarlyJob:
    """Sheets handed to ``printer``; ``keys``: page URL -> key of what was handed over;
    ``used``: their PDFs were what the build needed (``printing.print_sheets`` sets it)."""

    printer: Printer
    keys: dict[str, str]
    used: bool = False


@dataclass
class EarlyPrint:
    """The sheets (``sources``: their ``src_uri``) of one build, printed as they are rendered.

    ``site_dir``, ``site_url`` (the address the PDFs link to) and ``chromium`` are as for
    ``printing.print_sheets``; ``targets`` maps a sheet's ``src_uri`` to its PDF's file name.
    """

    printer: Printer
    targets: dict[str, str]
    site_dir: Path
    site_url: str
    chromium: str | None
    pages: list[File] = field(default_factory=list)
    """Every page in the order MkDocs would have built them (for the sitemap)."""
    order: list[str] = field(default_factory=list)
    """Their URLs, as the search index writes them."""
    job: EarlyJob | None = None
    _html: dict[str, tuple[str, Path, str]] = field(default_factory=dict)

    def build_sheets_first(self, files: Files) -> None:
        """Move the sheets to the front of the pages MkDocs builds (``on_env``)."""
        pages = list(files.documentation_pages())
        self.pages = pages
        self.order = [file.page.url if file.page is not None else file.url for file in pages]
        if not all(files.get_file_from_path(src) is not None for src in self.targets):
            self.targets = {}  # a sheet is missing: print at the end, as always
            return
        for file in pages:
            if file.src_uri not in self.targets:
                files.remove(file)
                files.append(file)

    def in_order(self, pages: Sequence[File]) -> list[File]:
        """``pages`` in the order from before :meth:`build_sheets_first` (a page that was not
        there then goes last, in the order given)."""
        place = {file.src_uri: i for i, file in enumerate(self.pages)}
        return sorted(pages, key=lambda file: place.get(file.src_uri, len(place)))

    def rendered(self, src_uri: str, url: str, html: str) -> None:
        """A page was rendered (``on_post_page``, last): hand over the sheets once both are."""
        if src_uri not in self.targets or self.job is not None:
            return
        folder = url if url.endswith("/") or not url else posixpath.dirname(url)
        out = self.site_dir / folder / self.targets[src_uri]
        self._html[src_uri] = (url, out, html)
        if len(self._html) < len(self.targets):
            return
        cache = BuildCache(None)
        keys = {}
        for page_url, _, text in self._html.values():
            data = text.encode("utf-8", "xmlcharrefreplace")  # as MkDocs writes it
            keys[page_url] = cache.pdf_key(
                self.site_dir, page_url, self.chromium, self.site_url, html=data
            )
        self.printer.submit(
            self.site_dir,
            self.site_url,
            [(self.site_url + page_url, out) for page_url, out, _ in self._html.values()],
            {self.site_url + page_url: text for page_url, _, text in self._html.values()},
        )
        self.job = EarlyJob(self.printer, keys)
