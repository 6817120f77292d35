"""The strict build as part of ``handbook check``: what only a build finds, as Dutch messages.

The site is built with MkDocs' own API from the project's ``mkdocs.yml`` into a temporary
folder (thrown away), strictly and without PDFs. Nothing is printed: the handbook plugin's
problems (one list, raised in the plugin's ``on_env``) and any other warning MkDocs logs are
returned.
"""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path

from ..core.errors import abort_message

_HEAD = abort_message(["-"]).split("\n")[0].split(":")[0]  # "Het handboek kan niet gebouwd worden"


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage().strip().removeprefix("handbook: ")
        if message not in self.messages:
            self.messages.append(message)


def build_problems(config_file: Path) -> list[str]:
    """Build ``config_file`` strictly into a temporary folder; the problems found, in Dutch
    where the handbook knows them (MkDocs' own other warnings as MkDocs wrote them)."""
    from mkdocs.commands import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError, MkDocsException, PluginError

    logger = logging.getLogger("mkdocs")
    collect = _Collect()
    saved = (logger.propagate, logger.level)
    logger.addHandler(collect)
    logger.propagate = False  # nothing on the terminal: the messages are returned
    logger.setLevel(logging.INFO)
    plugin_problems: list[str] = []
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    try:
        with tempfile.TemporaryDirectory(prefix="handbook-check-") as site:
            try:
                config = load_config(str(config_file), site_dir=site, strict=True)
                handbook = config.plugins.get("handbook")
                if handbook is not None:
                    handbook.config["pdf"] = False  # a check never prints
                dates = config.plugins.get("git-revision-date-localized")
                if dates is not None:  # a date per page from git: no problem can come of it
                    dates.config["enabled"] = False
                config.plugins.on_startup(command="build", dirty=False)
                try:
                    build.build(config)
                finally:
                    config.plugins.on_shutdown()
            except PluginError as error:
                plugin_problems = _plugin_messages(str(error))
            except ConfigurationError as error:
                plugin_problems = [f"mkdocs.yml: {error}"]
            except (Abort, MkDocsException):
                pass  # the warnings that made a strict build stop were collected
    finally:
        logger.removeHandler(collect)
        logger.propagate, _ = saved
        logger.setLevel(saved[1])
    problems = list(plugin_problems)
    for message in collect.messages:
        # MkDocs logs the plugin's abort message (a BuildError) as an error, then stops.
        found = _plugin_messages(message) if message.startswith(_HEAD) else [message]
        problems += [m for m in found if m not in problems]
    return problems


def _plugin_messages(text: str) -> list[str]:
    """The problems in the handbook plugin's abort message, one per line ("  - ...")."""
    lines = text.splitlines()
    if lines and lines[0].startswith(_HEAD):
        return [line.removeprefix("  - ") for line in lines[1:] if line.startswith("  - ")]
    return [text.strip()]
