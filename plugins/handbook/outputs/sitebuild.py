"""Strict MkDocs builds from Python, with options changed for one build only.

The offline site and the whole-policy PDF are variants of the normal site. They load the one
``mkdocs.yml`` through MkDocs' own API and override a few options in memory, so there is no
second configuration file that can drift from the first.
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException
from mkdocs.plugins import BasePlugin

from ..core.errors import HandbookError

Adjust = Callable[[MkDocsConfig], None]


def _log_to_stderr() -> None:
    """Show MkDocs' warnings and errors the way the ``mkdocs`` command does."""
    logger = logging.getLogger("mkdocs")
    if not any(getattr(h, "_handbook", False) for h in logger.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        handler.setLevel(logging.WARNING)
        handler._handbook = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
    logger.setLevel(min(logger.level or logging.INFO, logging.INFO))


def add_plugin(config: MkDocsConfig, name: str, plugin: BasePlugin, options: Mapping = ()) -> None:
    """Add a plugin instance to a loaded config (its events run after those already there)."""
    errors, warnings = plugin.load_config(dict(options), config.config_file_path)
    problems = [f"{key}: {error}" for key, error in (*errors, *warnings)]
    if problems:
        raise HandbookError([f"plugin '{name}': " + "; ".join(problems)])
    config.plugins[name] = plugin


def build_site(
    config_file: Path,
    site_dir: Path,
    *,
    adjust: Adjust | None = None,
    **overrides: Any,
) -> MkDocsConfig:
    """Build ``config_file`` strictly into ``site_dir``; ``overrides`` replace top-level options.

    ``adjust`` may change the loaded config (for example add a plugin) before the build starts.
    Raises :class:`HandbookError` with MkDocs' own message when the build fails.
    """
    from mkdocs.commands import build

    _log_to_stderr()
    try:
        config = load_config(str(config_file), site_dir=str(site_dir), strict=True, **overrides)
        if adjust is not None:
            adjust(config)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build.build(config)
        finally:
            config.plugins.on_shutdown()
    except MkDocsException as error:
        raise HandbookError([dutch_abort(str(error))]) from None
    return config


def dutch_abort(message: str) -> str:
    """MkDocs' closing line of a failed build, in Dutch (the details were logged above it)."""
    if message == "Aborted with a BuildError!":
        return "De build is gestopt door de fout hierboven."
    match = re.fullmatch(r"Aborted with (\d+) warnings in strict mode!", message)
    if match:
        count = int(match.group(1))
        what = "1 waarschuwing" if count == 1 else f"{count} waarschuwingen"
        return (
            f"De build is gestopt: MkDocs gaf {what} (zie hierboven). Deze build is strikt: "
            "los elke waarschuwing op."
        )
    match = re.fullmatch(r"Aborted with (\d+) configuration errors!", message)
    if match:
        count = int(match.group(1))
        what = "1 fout" if count == 1 else f"{count} fouten"
        return f"De build is gestopt: mkdocs.yml bevat {what} (zie hierboven)."
    return message
