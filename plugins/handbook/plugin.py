"""MkDocs wiring for the handbook. Only events here; the work is in plain modules."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.utils import get_relative_url

from .changelog.entries import Group, build_changelog, last_changed
from .changelog.history import history_required, read_history
from .changelog.render import (
    nav_titles,
    page_anchor,
    page_titles,
    render_changelog,
    render_whats_new,
)
from .config import HandbookConfig
from .content.lookups import make_lookups
from .content.macros import make_macros
from .content.tables import dos_donts_box
from .core.brand import Brand, read_brand, sector_keys
from .core.cache import BuildCache, cache_folder
from .core.consistency import contradictions
from .core.dates import parse_today
from .core.errors import HandbookError, abort_message
from .core.frontmatter import PageSource, omitted_message, read_page_source
from .core.markers import open_message
from .core.placeholders import (
    Recorder,
    drop_macro_error_blocks,
    index_paths,
    macro_error_messages,
    placeholder_messages,
    render_value,
)
from .core.text import escaped, title_text
from .core.unavailable import Unavailable, tolerate
from .core.validation import use_folder
from .decision.page import PAGE_URI as AID_PAGE
from .decision.page import aid_page
from .generated import add_page, stand_in
from .lazyimports import defer
from .links import LinkWarnings
from .quiz.load import ExtraQuestions, anchor_messages
from .quiz.page import PAGE_URI as QUIZ_PAGE
from .quiz.page import page_titles as docs_titles
from .quiz.page import quiz_page
from .review.dates import insert_after_title, overdue_notice, review_status
from .search.keywords import add_keywords_to_site, keywords_of
from .sectors.load import section_keys
from .sectors.merge import load_sectors
from .sectors.page import (
    SECTOR_PAGE,
    make_sector_macros,
    normalize_url,
    onepager_items,
    sector_page,
)
from .serve import SERVE_BUILD_DELAY_SECONDS, SERVE_POLL_SECONDS, quicker_polling
from .sheets.site import add_sheets, early_printer, pdf_wanted, render_pdfs, stop_printer
from .topics.select import make_topic_macros, page_uri, prune_nav, topics_off
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
        # Data that was valid before is not validated again (nor pydantic imported for it).
        use_folder(self.cache.path("validated"))
        # Every problem is collected and the build goes on, so data, front matter, placeholders
        # and links are reported together (in on_env). A file that did not load is reported
        # once; what depends on it gets a quiet stand-in (core/unavailable.py).
        self.brand: Brand
        self.brand, self.errors = read_brand(root / self.config.data_dir, root, self.config.sector)
        self.sections = section_keys(Path(config.docs_dir))
        self.off: frozenset[str] = frozenset()
        self.sector = None
        organisatie = self.brand.models.get("organisatie")
        if organisatie is not None:
            try:
                self.off = topics_off(
                    self.brand.variables["organisatie"],
                    self.sections,
                    self.brand.sources["organisatie"],
                )
            except HandbookError as error:
                self.errors.extend(error.messages)
            # Only the organisation's own sectors are read: another sector's file never stops
            # this build (`handbook check --alle-sectoren` and the variants check them all).
            # An unknown sector is reported by read_brand.
            keys = sector_keys(organisatie)
            if all(key in self.brand.sectors for key in keys):
                try:
                    self.sector = load_sectors(
                        root / self.config.data_dir,
                        keys,
                        root,
                        self.sections,
                        self.brand.variables,
                    ).without(self.off)
                except HandbookError as error:
                    self.errors.extend(error.messages)
        if not self.brand.broken:
            # Times that contradict each other: a warning, so `mkdocs serve` keeps showing the
            # site while a strict build stops; `handbook check` reports them as errors.
            for message in contradictions(
                self.brand.models, self.brand.sources, self.brand.variables
            ):
                log.warning(message)
        if self.brand.open:
            # Values `handbook nieuw` could not fill: a strict build stops with one message that
            # names them all (in the one list of problems); a preview shows the markers.
            if config.strict:
                self.errors.append(open_message(self.brand.open))
            else:
                log.warning(open_message(self.brand.open))
        # Switched-off topics leave the menu; links to them are removed while pages render.
        config.nav = prune_nav(config.nav, self.off)
        self.current = Current(off=frozenset(page_uri(p) for p in self.off))
        config.markdown_extensions.append(UnlinkExtension(self.current))
        self.macros = config.plugins.get("macros")
        if self.macros is None:
            raise PluginError(
                "mkdocs.yml: de plugin 'macros' ontbreekt. Zet '- macros' onder 'plugins', "
                "na '- handbook'."
            )
        logging.getLogger("mkdocs.plugins.mkdocs_macros.util").addFilter(drop_macro_error_blocks)
        self.sources: dict[str, str] = {}
        self.keywords: dict[str, tuple[str, ...]] = {}  # page URL -> trefwoorden
        self.pages: dict[str, PageSource] = {}
        self.docs_label = Path(config.docs_dir).name
        self.links = LinkWarnings(self.docs_label, self._page_text, covered=[QUIZ_PAGE])
        try:
            self.today = parse_today(self.config.vandaag)
        except ValueError as error:
            where = (
                "mkdocs.yml, plugin handbook, 'vandaag'"
                if self.config.vandaag
                else "HANDBOOK_VANDAAG"
            )
            raise PluginError(f"{where}: {error}") from None
        # Data values are text: pages get them HTML-escaped (core/text.py).
        variables = escaped(self.brand.variables)
        sector_variables = escaped(self.sector.variables) if self.sector else Unavailable("sector")
        self.recorder = Recorder(paths=index_paths(variables))
        # Registered before macros' own on_config runs (we are listed first): macros adds
        # them when it builds its environment, and raises if a name is taken twice.
        self.macros.register_variables({**variables, "sector": sector_variables})
        self.macros.register_macros(
            {
                **make_macros(self.brand, whats_new=self._whats_new),
                **make_sector_macros(self.sector, self.sections),
                **make_topic_macros(self.off, self.sections),
                **make_lookups(self.brand.variables),
            }
        )
        self._read_history(config, root)
        return config

    def _read_history(self, config, root: Path) -> None:
        """Read git once per build; without a full history say so once (or stop, if asked)."""
        docs = Path(config.docs_dir).resolve()
        docs_rel = (
            docs.relative_to(root.resolve()).as_posix()
            if docs.is_relative_to(root.resolve())
            else "docs"
        )
        self.history = read_history(root, docs_rel, self.config.data_dir)
        self.history_dirs = (docs_rel, self.config.data_dir)
        self.changelog_groups: list[Group] = []
        self.page_titles: dict[str, str] = {}
        self.changelog_file = None
        if not self.history.available:
            if history_required(self.config.changelog_require_history, os.environ):
                raise PluginError(
                    abort_message(
                        [self.history.message() + " (changelog_require_history staat aan.)"]
                    )
                )
            log.info(self.history.message())
            # Without history the revision-date plugin would show the build date (no git) or the
            # date of the one commit (shallow clone) as "last changed", and log a line per page.
            # It runs after us (listed later), so switching it off here takes effect this build.
            dates = config.plugins.get("git-revision-date-localized")
            if dates is not None:
                dates.config["enabled"] = False

    def _whats_new(self) -> str:
        """Macro for the home page: the rule changes of the current policy version."""
        return render_whats_new(
            self.history,
            self.changelog_groups,
            self.brand.variables["organisatie"],
            self.page_titles,
        )

    def _add_changelog(self, files, config) -> None:
        """The page wijzigingen/ from the history read in on_config (called from on_files)."""
        order = {uri: i for i, uri in enumerate(nav_titles(config.nav))}
        pages = [f for f in files.documentation_pages() if not f.generated_by]
        pages.sort(key=lambda f: order.get(f.src_uri, len(order)))
        sources = {f.src_uri: f.content_string for f in pages}
        self.page_titles = page_titles(sources, config.nav, self.brand.variables)
        self.changelog_groups = build_changelog(
            self.history,
            *self.history_dirs,
            sources,
            adopted=self.brand.variables["organisatie"].get("in_gebruik_sinds") is not None,
            leave_out=self.current.off,
        )
        content = render_changelog(
            self.history, self.changelog_groups, self.page_titles, self.config.repository_url
        )
        self.changelog_file = add_page(files, config, "wijzigingen.md", content)

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
        self.macros.env.undefined = self.recorder.undefined_class()
        tolerate(self.macros.env)  # keys from data that did not load: quiet
        # Pages whose text did not change are not compiled again (in serve: after an edit).
        self.cache.compile_pages(self.macros.env, self.compiled)

    def _read_pages(self, files, config) -> None:
        """Read every page once, before anything else does: text that is not UTF-8 and front
        matter that cannot be read are reported here, and the build reads a safe version."""
        contacts = None if "contacten" in self.brand.broken else self.brand.variables["contacten"]
        for file in files.documentation_pages():
            if file.generated_by:
                continue
            label = _label(config, file.src_uri)
            checked = read_page_source(label, file.content_bytes, contacts)
            self.pages[file.src_uri] = checked
            self.errors.extend(checked.messages)
            if checked.replaced:
                # What MkDocs and every later step reads instead. The path stays, so plugins that
                # look the file up in git (revision dates) still find it.
                path = file.abs_src_path
                file.content_string = checked.text
                file.abs_src_path = path

    def on_files(self, files, *, config):
        """Add the generated pages: the quiz, the sector page and the two printable sheets."""
        if not self.config.enabled:
            return None
        root = Path(config.config_file_path or ".").parent
        for src_uri in sorted(self.current.off):  # switched-off topics: not built, not searched
            file = files.get_file_from_path(src_uri)
            if file is not None:
                files.remove(file)
        self._read_pages(files, config)
        self.quiz = None
        # the sectors' own questions
        extra = [ExtraQuestions(source) for source in self.sector.sources] if self.sector else []
        try:
            self.quiz, content = quiz_page(
                root / self.config.data_dir,
                Path(config.docs_dir),
                self.brand.variables,
                root,
                extra=extra,
                off=self.off,
            )
        except HandbookError as error:
            self.errors.extend(error.messages)
            content = stand_in("Test je kennis")
        add_page(files, config, QUIZ_PAGE, content, f"../{self.config.data_dir}/quiz.yml")
        self._add_decision_aid(files, config, root)
        pages = [f.src_uri.removesuffix(".md") for f in files.documentation_pages()]
        if self.sector is not None and not self.brand.broken:
            source = os.path.relpath(self.sector.source.path, config.docs_dir)
            add_page(
                files, config, SECTOR_PAGE, sector_page(self.sector, pages), Path(source).as_posix()
            )
        else:
            add_page(files, config, SECTOR_PAGE, stand_in("Regels voor de sector"))
        self.files = files
        self.with_pdf = pdf_wanted(self.config.pdf, self.command)
        if self.sector is not None and not self.brand.broken:
            self.errors.extend(
                add_sheets(
                    files,
                    config,
                    self.brand.variables,
                    with_pdf=self.with_pdf,
                    sector_items=onepager_items(self.sector),
                    choose_sector_rules=self.sector.several,
                    aid_uri=AID_PAGE if files.get_file_from_path(AID_PAGE) is not None else None,
                )
            )
        else:  # the sheets need all data; the problems with it are reported already
            self.with_pdf = False
            add_page(files, config, "snelle-referentie.md", stand_in("Snelle referentie"))
            add_page(files, config, "crisiskaart.md", stand_in("Crisiskaart"))
        self._add_changelog(files, config)
        # Chromium starts now, in the background, if the sheets will be printed (sheets/site.py).
        self.printer = early_printer(self.with_pdf, self.cache)
        return files

    def _add_decision_aid(self, files, config, root: Path) -> None:
        """The page mag-ik-dit-posten/ from data/beslishulp.yml (called from on_files)."""
        docs = Path(config.docs_dir)
        # Outcomes link only to pages of this build (page_link): a page taken out of the
        # files before this point (a topic switched off) gets no link.
        in_build = {f.src_uri.removesuffix(".md") for f in files.documentation_pages()}
        titles = {
            slug: title
            for slug, title in docs_titles(docs, self.brand.variables).items()
            if slug in in_build
        }
        self.aid_links: tuple = ()
        edit = f"../{self.config.data_dir}/beslishulp.yml"
        if self.brand.broken:  # the aid needs the contacts; the problems are reported already
            add_page(files, config, AID_PAGE, stand_in("Mag ik dit posten?"), edit)
            return
        try:
            made = aid_page(root / self.config.data_dir, docs, titles, self.brand.variables, root)
        except HandbookError as error:
            self.errors.extend(error.messages)
            add_page(files, config, AID_PAGE, stand_in("Mag ik dit posten?"), edit)
            return
        if made is not None:
            self.aid_links = made[0].links
            add_page(files, config, AID_PAGE, made[1], edit)

    def on_nav(self, nav, *, config, files):
        """A page in docs/ that the menu (``nav:``) leaves out: say so in Dutch, as a warning
        (a strict build stops). mkdocs.yml lowers MkDocs' own English line to INFO."""
        if not self.config.enabled or config.nav is None:
            return None
        listed = {page.file.src_uri for page in nav.pages}
        for file in files.documentation_pages():
            if file.inclusion.is_in_nav() and not file.generated_by and file.src_uri not in listed:
                label = _label(config, file.src_uri)
                log.warning(omitted_message(label, file.src_uri))
        return None

    @event_priority(50)  # before macros (priority 0): the box we add must be rendered by it
    def on_page_markdown(self, markdown: str, *, page, config, files) -> str | None:
        if not self.config.enabled:
            return None
        self.current.src_uri = page.file.src_uri  # for the links to switched-off topics
        # Kept for a Dutch message in on_page_content, should macros fail to parse the page.
        self.sources[page.file.src_uri] = markdown
        checked = self.pages.get(page.file.src_uri)
        if page.file.generated_by or not self.config.require_front_matter or checked is None:
            return None
        meta = checked.meta  # checked in on_files; its messages are in self.errors already
        if meta is None:
            return None
        contacts = self.brand.variables["contacten"]
        known = "contacten" not in self.brand.broken and meta.eigenaar in contacts
        if known and review_status(meta.herzien_voor, self.today) == "verlopen":
            owner = self.brand.variables["contacten"][meta.eigenaar]
            notice = overdue_notice(meta.herzien_voor, owner["rol"], owner.get("email"))
            markdown = insert_after_title(markdown, notice)
        organisatie = self.brand.variables["organisatie"]
        return markdown.rstrip() + "\n" + dos_donts_box(meta.dos, meta.donts, organisatie)

    @event_priority(50)  # right after the page's Markdown was rendered; order is not critical
    def on_page_content(self, html: str, *, page, config, files) -> str | None:
        if not self.config.enabled:
            return None
        label = _label(config, page.file.src_uri)
        page.title = title_text(page.title)  # the theme prints titles as HTML
        env = self.macros.env
        variables = self.macros.variables
        for key, value in list(page.meta.items()):
            page.meta[key] = render_value(env, variables, value)
        raw = page.file.content_string
        self.errors.extend(placeholder_messages(label, self.recorder.take(), raw))
        source = self.sources.get(page.file.src_uri, "")
        self.errors.extend(macro_error_messages(env, label, page.markdown or "", source, raw))
        return None

    def on_page_context(self, context, *, page, config, nav):
        if not self.config.enabled:
            return None
        context["handbook"] = self.brand.variables
        words = keywords_of(page.meta)
        if words:
            self.keywords[page.url] = words
        if page.file.src_uri == SECTOR_PAGE and page.edit_url:
            page.edit_url = normalize_url(page.edit_url)  # ".../docs/../data/..." -> ".../data/..."
        if self.changelog_file is not None and not page.file.generated_by:
            anchor = page_anchor(page.file.src_uri)
            url = get_relative_url(self.changelog_file.url, page.file.url)
            context["wijzigingen"] = {
                "beschikbaar": self.history.available,
                "url": f"{url}#{anchor}",
                "laatst_gewijzigd": last_changed(
                    page.meta.get("git_revision_date_localized_raw_iso_date"),
                    self.changelog_groups,
                    page.file.src_uri,
                ),
            }
        return context

    def on_env(self, env, *, config, files):
        if not self.config.enabled:
            return None
        # The theme's templates are compiled again in every build (and on every reload of
        # `mkdocs serve`); their bytecode is kept in the cache. Jinja checks each template's
        # source, so a changed template is compiled anew.
        env.bytecode_cache = self.cache.jinja_bytecode()
        anchors = {
            Path(f.src_uri).with_suffix("").as_posix(): f.page.present_anchor_ids
            for f in files.documentation_pages()
            if f.page is not None
        }
        if self.quiz is not None:
            self.errors.extend(anchor_messages(self.quiz.links, anchors))
        self.errors.extend(anchor_messages(self.aid_links, anchors))
        if self.links.keep:
            # MkDocs checks anchors only after writing every page; a strict build checks them
            # here, so they are in the one list below (and then found again, quietly, by MkDocs).
            for file in files.documentation_pages():
                if file.page is not None:
                    file.page.validate_anchor_links(
                        files=files, log_level=config.validation.links.anchors
                    )
            self.errors.extend(m for m in self.links.kept if m not in self.errors)
            self.links.keep = False
        if self.errors:
            raise PluginError(abort_message(self.errors))
        return None

    def on_serve(self, server, *, config, builder):
        """`mkdocs serve`: look for edits every 0.1 s instead of every 0.5 s.

        MkDocs polls the watched folders (docs/, data/, mkdocs.yml) on a fixed 0.5 s timer,
        which adds 0.25 s on average before a rebuild even starts. Our folders are small, so
        polling them more often costs next to nothing. Without these watchdog internals (an
        other MkDocs or watchdog version) serve simply keeps its own timer. The rebuild then
        starts once nothing changed for 0.05 s (MkDocs waits 0.1 s): an editor's save is one
        write, which the quicker polling sees in one go.
        """
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
        add_keywords_to_site(Path(config.site_dir), self.keywords)
        self.cache.tidy()
        if not self.with_pdf:
            return
        for path in render_pdfs(Path(config.site_dir), self.files, self.cache, self.printer):
            name = path.relative_to(config.site_dir).as_posix()
            if path in self.cache.hits:
                log.info(f"PDF ongewijzigd, uit de cache: {name}")
            else:
                log.info(f"PDF geschreven: {name}")


def _label(config, src_uri: str) -> str:
    """How messages name a page: ``docs/crisis.md``."""
    return f"{Path(config.docs_dir).name}/{src_uri}"
