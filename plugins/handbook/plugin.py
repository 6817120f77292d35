"""MkDocs wiring for the handbook. Only events here; the work is in plain modules."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger

from . import pagecheck
from .changelog.site import ChangelogSite
from .config import HandbookConfig
from .content.additions import with_additions
from .core.brand import Brand
from .core.cache import BuildCache, cache_folder
from .core.errors import abort_message
from .core.frontmatter import PageSource
from .core.placeholders import drop_macro_error_blocks
from .core.unavailable import tolerate
from .core.validation import use_folder
from .decision.site import add_decision_aid
from .lazyimports import defer
from .links import LinkWarnings
from .prepare import Prepared, prepare, register
from .quiz.page import PAGE_URI as QUIZ_PAGE
from .quiz.site import add_quiz
from .search.keywords import add_keywords_to_site, keywords_of
from .sectors.page import SECTOR_PAGE, normalize_url
from .sectors.site import add_sector_pages
from .serve import SERVE_BUILD_DELAY_SECONDS, SERVE_POLL_SECONDS, quicker_polling
from .sheets.early import EarlyPrint
from .sheets.site import (
    early_printer,
    keep_printer,
    pdf_wanted,
    print_while_building,
    render_pdfs,
    stop_printer,
)
from .topics.select import page_uri, prune_nav
from .topics.unlink import Current, UnlinkExtension

log = get_plugin_logger(__name__)

defer()  # before mkdocs-macros loads: its `import requests` then costs nothing (lazyimports.py)


class HandbookPlugin(BasePlugin[HandbookConfig]):
    """Loads the brand data once per build, hands it to macros and checks every page."""

    supports_multiple_instances = False
    command = "build"

    def __init__(self) -> None:
        super().__init__()
        # Compiled pages, kept for as long as this plugin object lives: MkDocs keeps it
        # between the rebuilds of `mkdocs serve` (and between the builds of `handbook variants`).
        self.compiled: dict[str, Any] = {}

    @property
    def brand(self) -> Brand:
        """This build's data, for the outputs that build the site themselves (PDF, offline)."""
        return self.prepared.brand

    def on_startup(self, *, command, dirty):
        # Remembered so `mkdocs serve` skips the PDFs (a reload must stay quick).
        self.command = command

    def on_config(self, config):
        if not self.config.enabled:
            return
        root = Path(config.config_file_path or ".").parent
        self.cache = BuildCache(
            cache_folder(root, self.config.cache, self.config.cache_dir, dict(os.environ))
        )
        # Chromium starts now, in the background, if the sheets will be printed (sheets/site.py):
        # its start then overlaps reading the data and rendering the pages.
        self.printer = early_printer(self.config.pdf, self.command, self.cache)
        self.early: EarlyPrint | None = None  # set in on_env when the sheets print meanwhile
        # Data that was valid before is not validated again (nor pydantic imported for it).
        use_folder(self.cache.path("validated"))
        self.prepared: Prepared = prepare(
            root,
            self.config.data_dir,
            Path(config.docs_dir),
            sector=self.config.sector,
            vandaag=self.config.vandaag,
            strict=bool(config.strict),
        )
        self.errors = self.prepared.errors  # the one list of problems, raised in on_env
        # Switched-off topics leave the menu; links to them are removed while pages render.
        config.nav = prune_nav(config.nav, self.prepared.off)
        self.current = Current(off=frozenset(page_uri(p) for p in self.prepared.off))
        config.markdown_extensions.append(UnlinkExtension(self.current))
        self.macros = config.plugins.get("macros")
        if self.macros is None:
            raise PluginError(
                "mkdocs.yml: de plugin 'macros' ontbreekt. Zet '- macros' onder 'plugins', "
                "na '- handbook'."
            )
        logging.getLogger("mkdocs.plugins.mkdocs_macros.util").addFilter(drop_macro_error_blocks)
        self.sources: dict[str, str] = {}  # the Markdown before macros, for their messages
        self.keywords: dict[str, tuple[str, ...]] = {}  # page URL -> trefwoorden
        self.pages: dict[str, PageSource] = {}
        self.links = LinkWarnings(Path(config.docs_dir).name, self._page_text, covered=[QUIZ_PAGE])
        self.changelog = ChangelogSite(
            config,
            root,
            self.config.data_dir,
            require=self.config.changelog_require_history,
            repository_url=self.config.repository_url,
        )
        variables = self.prepared.brand.variables
        register(
            self.macros, self.prepared, lambda: self.changelog.whats_new(variables["organisatie"])
        )
        return config

    def _page_text(self, src_uri: str) -> str | None:
        checked = self.pages.get(src_uri)
        return checked.text if checked else None

    def on_pre_build(self, *, config):
        if not self.config.enabled:
            return
        # MkDocs' warnings about links, the menu and anchors, in Dutch (links.py); a strict
        # build keeps them for the one list of problems in on_env.
        self.links.keep = bool(config.strict)
        self.links.attach()
        # All on_config handlers have run, so macros' Jinja environment exists now.
        self.macros.env.undefined = self.prepared.recorder.undefined_class()
        tolerate(self.macros.env)  # keys from data that did not load: quiet
        # Pages whose text did not change are not compiled again (in serve: after an edit).
        self.cache.compile_pages(self.macros.env, self.compiled)

    def on_files(self, files, *, config):
        """Add the generated pages: quiz, decision aid, sector page, both sheets, changelog."""
        if not self.config.enabled:
            return None
        for src_uri in sorted(self.current.off):  # switched-off topics: not built, not searched
            file = files.get_file_from_path(src_uri)
            if file is not None:
                files.remove(file)
        self.pages = pagecheck.read_pages(files, config, self.prepared)
        self.quiz = add_quiz(files, config, self.prepared)
        self.aid_links = add_decision_aid(files, config, self.prepared)
        self.files = files
        self.with_pdf = add_sector_pages(
            files,
            config,
            self.prepared,
            with_pdf=pdf_wanted(self.config.pdf, self.command),
            checked=self.pages,
        )
        self.changelog.add_page(
            files, config, self.prepared.brand.variables, leave_out=self.current.off
        )
        self.printer = keep_printer(self.printer, self.with_pdf)
        return files

    def on_nav(self, nav, *, config, files):
        """A page in docs/ that the menu (``nav:``) leaves out: say so in Dutch, as a warning
        (a strict build stops). mkdocs.yml lowers MkDocs' own English line to INFO."""
        if self.config.enabled and config.nav is not None:
            pagecheck.warn_omitted(nav, files, config)
        return None

    @event_priority(50)  # before macros (priority 0): the box we add must be rendered by it
    def on_page_markdown(self, markdown: str, *, page, config, files) -> str | None:
        if not self.config.enabled:
            return None
        self.current.src_uri = page.file.src_uri  # for the links to switched-off topics
        # Kept for a Dutch message in on_page_content, should macros fail to parse the page.
        self.sources[page.file.src_uri] = markdown
        pagecheck.fill_title(page, self.macros)
        checked = self.pages.get(page.file.src_uri)
        if not (page.file.generated_by or not self.config.require_front_matter or checked is None):
            markdown = with_additions(markdown, checked, self.prepared) or markdown
        # A page with only plain placeholders is filled here; macros then leaves it alone.
        return pagecheck.fill_plain_page(markdown, page, self.macros)

    @event_priority(50)  # right after the page's Markdown was rendered; order is not critical
    def on_page_content(self, html: str, *, page, config, files) -> str | None:
        if self.config.enabled:
            pagecheck.unmark_filled(page)
            source = self.sources.get(page.file.src_uri, "")
            self.errors.extend(
                pagecheck.rendered_page_messages(page, config, self.macros, self.prepared, source)
            )
        return None

    def on_page_context(self, context, *, page, config, nav):
        if not self.config.enabled:
            return None
        context["handbook"] = self.prepared.brand.variables
        words = keywords_of(page.meta)
        if words:
            self.keywords[page.url] = words
        if page.file.src_uri == SECTOR_PAGE and page.edit_url:
            page.edit_url = normalize_url(page.edit_url)  # ".../docs/../data/..." -> ".../data/..."
        changes = self.changelog.page_context(page)
        if changes is not None:
            context["wijzigingen"] = changes
        return context

    def on_env(self, env, *, config, files):
        if not self.config.enabled:
            return None
        # The theme's templates are compiled again in every build (and on every reload of
        # `mkdocs serve`); their bytecode is kept in the cache. Jinja checks each template's
        # source, so a changed template is compiled anew.
        env.bytecode_cache = self.cache.jinja_bytecode()
        link_sets = [self.aid_links] + ([self.quiz.links] if self.quiz is not None else [])
        problems = pagecheck.anchor_problems(files, config, link_sets, self.links)
        self.errors.extend(m for m in problems if m not in self.errors)
        if self.errors:
            raise PluginError(abort_message(self.errors))
        # A browser is ready for the sheets: they are built first and printed meanwhile.
        intranet = self.prepared.brand.variables["organisatie"]["intranet_url"]
        self.early = print_while_building(self.printer, files, Path(config.site_dir), intranet)
        return None

    def on_template_context(self, context, *, template_name, config):
        if self.config.enabled and self.early is not None and "pages" in context:
            # The sheets are built first (on_env); the sitemap lists the pages as before.
            context["pages"] = self.early.in_order(context["pages"])
        return context

    @event_priority(-100)  # last: the page's HTML as MkDocs writes it
    def on_post_page(self, output: str, *, page, config) -> str | None:
        if self.config.enabled and self.early is not None:
            self.early.rendered(page.file.src_uri, page.url, output)
        return None

    def on_serve(self, server, *, config, builder):
        """`mkdocs serve`: look for edits every 0.1 s instead of every 0.5 s (serve.py)."""
        if self.config.enabled:
            quicker_polling(server, SERVE_POLL_SECONDS)
            if isinstance(getattr(server, "build_delay", None), int | float):
                server.build_delay = min(server.build_delay, SERVE_BUILD_DELAY_SECONDS)
        return server

    def on_build_error(self, *, error):
        if self.config.enabled and hasattr(self, "links"):
            self.links.detach()
        stop_printer(getattr(self, "printer", None))

    # After the search plugin (priority 0) wrote search_index.json, before Material's offline
    # plugin (-100) copies that file into search_index.js for the file:// build.
    @event_priority(-50)
    def on_post_build(self, *, config):
        if not self.config.enabled:
            return
        self.links.detach()
        order = self.early.order if self.early is not None else ()
        add_keywords_to_site(Path(config.site_dir), self.keywords, order)
        self.cache.tidy()
        if not self.with_pdf:
            return
        intranet = self.prepared.brand.variables["organisatie"]["intranet_url"]
        site_dir = Path(config.site_dir)
        pdfs = render_pdfs(site_dir, self.files, self.cache, self.printer, intranet, self.early)
        for path in pdfs:
            name = path.relative_to(config.site_dir).as_posix()
            if path in self.cache.hits:
                log.info(f"PDF ongewijzigd, uit de cache: {name}")
            else:
                log.info(f"PDF geschreven: {name}")
