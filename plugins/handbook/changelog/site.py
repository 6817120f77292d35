"""MkDocs glue for the changelog: git is read once per build (``on_config``), the page
wijzigingen/ is added in ``on_files``, the home page's "what's new" macro and each page's link
to its changes (``on_page_context``) read the same groups."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

from ..core.errors import abort_message
from ..generated import add_page
from .entries import Group, build_changelog, last_changed
from .history import History, history_required, read_history
from .render import nav_titles, page_anchor, page_titles, render_changelog, render_whats_new

log = get_plugin_logger(__name__)

PAGE_URI = "wijzigingen.md"


class ChangelogSite:
    """The history of one build and what the changelog made of it."""

    def __init__(
        self, config, root: Path, data_dir: str, *, require: bool, repository_url: str | None
    ) -> None:
        """Read git once; without a full history say so once (or stop, if ``require``)."""
        docs = Path(config.docs_dir).resolve()
        docs_rel = (
            docs.relative_to(root.resolve()).as_posix()
            if docs.is_relative_to(root.resolve())
            else "docs"
        )
        self.history: History = read_history(root, docs_rel, data_dir)
        self.dirs = (docs_rel, data_dir)
        self.repository_url = repository_url
        self.groups: list[Group] = []
        self.titles: dict[str, str] = {}
        self.file: File | None = None
        if self.history.available:
            return
        if history_required(require, os.environ):
            raise PluginError(
                abort_message([self.history.message() + " (changelog_require_history staat aan.)"])
            )
        log.info(self.history.message())
        # Without history the revision-date plugin would show the build date (no git) or the
        # date of the one commit (shallow clone) as "last changed", and log a line per page.
        # It runs after us (listed later), so switching it off here takes effect this build.
        dates = config.plugins.get("git-revision-date-localized")
        if dates is not None:
            dates.config["enabled"] = False

    def add_page(
        self, files: Files, config, variables: dict[str, Any], leave_out: frozenset[str]
    ) -> None:
        """The page wijzigingen/, in the order of the menu."""
        order = {uri: i for i, uri in enumerate(nav_titles(config.nav))}
        pages = [f for f in files.documentation_pages() if not f.generated_by]
        pages.sort(key=lambda f: order.get(f.src_uri, len(order)))
        sources = {f.src_uri: f.content_string for f in pages}
        self.titles = page_titles(sources, config.nav, variables)
        self.groups = build_changelog(
            self.history,
            *self.dirs,
            sources,
            adopted=variables["organisatie"].get("in_gebruik_sinds") is not None,
            leave_out=leave_out,
        )
        content = render_changelog(self.history, self.groups, self.titles, self.repository_url)
        self.file = add_page(files, config, PAGE_URI, content)

    def whats_new(self, organisatie: dict[str, Any]) -> str:
        """The home page's list of the rule changes of the current policy version."""
        return render_whats_new(self.history, self.groups, organisatie, self.titles)

    def page_context(self, page) -> dict[str, Any] | None:
        """What the page template shows about a page's changes (None for generated pages)."""
        if self.file is None or page.file.generated_by:
            return None
        url = get_relative_url(self.file.url, page.file.url)
        return {
            "beschikbaar": self.history.available,
            "url": f"{url}#{page_anchor(page.file.src_uri)}",
            "laatst_gewijzigd": last_changed(
                page.meta.get("git_revision_date_localized_raw_iso_date"),
                self.groups,
                page.file.src_uri,
            ),
        }
