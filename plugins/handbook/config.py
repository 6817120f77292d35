"""Typed configuration of the ``handbook`` plugin (the ``plugins: - handbook:`` block)."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class HandbookConfig(Config):
    enabled = c.Type(bool, default=True)
    """Turn the plugin off (for example for a quick text-only preview)."""

    data_dir = c.Type(str, default="data")
    """Folder with the brand's data files, relative to ``mkdocs.yml``."""

    sector = c.Optional(c.Type(str))
    """Build for this sector instead of ``organisatie.sector`` (used by the variants)."""

    require_front_matter = c.Type(bool, default=True)
    """Every page in ``docs/`` must carry eigenaar, laatst_beoordeeld, herzien_voor, dos, donts."""

    vandaag = c.Optional(c.Type(str))
    """Treat this date (JJJJ-MM-DD) as today for overdue reviews (else $HANDBOOK_VANDAAG/today)."""

    pdf = c.Type(bool, default=True)
    """Print the quick reference and the crisis card to PDF after the build (needs Chromium).

    Turn it off for quick builds (``pdf: false``); ``handbook pdf`` can print them later.
    """

    cache = c.Type(bool, default=True)
    """Keep work that did not change between builds in ``cache_dir``: the sheet PDFs (printed
    again only when their page changed) and the compiled theme templates. Off: ``cache: false``
    or the environment variable ``HANDBOOK_CACHE=0``."""

    cache_dir = c.Type(str, default=".cache/plugin/handbook")
    """Folder of the build cache, relative to ``mkdocs.yml``; git-ignored, safe to delete."""

    repository_url = c.Optional(c.Type(str))
    """Web address of the repository (https://github.com/org/repo): links pull requests in the
    changelog. Not ``repo_url``: with that, Material asks api.github.com for facts."""

    changelog_require_history = c.Type(bool, default=False)
    """Stop the build when the git history is missing or shallow (also on when the environment
    variable HANDBOOK_REQUIRE_HISTORY is true, as in CI); otherwise one INFO line explains it."""
