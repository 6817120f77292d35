"""MkDocs' own warnings about links, the menu and anchors, in Dutch and with a line number.

MkDocs checks every link while it renders a page, the menu (``nav:``) while it builds the
navigation, and anchors at the very end. Its warnings are English and name no line. A
:class:`LinkWarnings` filter on MkDocs' loggers rewrites them into the handbook's Dutch
sentences. In a strict build it also keeps them, so the plugin can stop the build once with
every problem of every kind in one list (see ``plugin.on_env``); otherwise they stay warnings.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable

LOGGERS = ("mkdocs.structure.pages", "mkdocs.structure.nav")

_SUGGEST = r"(?: Did you mean '(?P<suggest>[^']*)'\?)?"

_PATTERNS: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (
        re.compile(
            r"Doc file '(?P<src>[^']+)' contains a link '(?P<url>[^']*)', but the target"
            r"(?: '[^']*')? is not found among documentation files\." + _SUGGEST
        ),
        lambda m: (
            f"de link '{m['url']}' wijst naar een pagina die niet bestaat. Controleer de "
            "bestandsnaam (een pagina in docs/, zoals crisis.md)"
            + (f"; bedoel je '{m['suggest']}'?" if m["suggest"] else " of haal de link weg.")
        ),
    ),
    (
        re.compile(
            r"Doc file '(?P<src>[^']+)' contains a link '(?P<url>[^']*)', but the doc "
            r"'(?P<target>[^']+)' does not contain an anchor '#(?P<anchor>[^']*)'\."
        ),
        lambda m: (
            f"de link '{m['url']}' wijst naar het kopje '#{m['anchor']}', maar dat staat niet "
            f"op docs/{m['target']}. Kies een kopje dat bestaat, of laat '#{m['anchor']}' weg."
        ),
    ),
    (
        re.compile(
            r"Doc file '(?P<src>[^']+)' contains a link '(?P<url>[^']*)', but there is no such "
            r"anchor on this page\."
        ),
        lambda m: (
            f"de link '{m['url']}' wijst naar een kopje dat niet op deze pagina staat. Kies een "
            "kopje dat bestaat, of haal de link weg."
        ),
    ),
    (
        re.compile(
            r"Doc file '(?P<src>[^']+)' contains an unrecognized relative link '(?P<url>[^']*)',"
            r" it was left as is\." + _SUGGEST
        ),
        lambda m: (
            f"de link '{m['url']}' wijst niet naar een pagina. Een link naar een andere pagina "
            "eindigt op .md, zoals crisis.md"
            + (f"; bedoel je '{m['suggest']}'?" if m["suggest"] else ".")
        ),
    ),
    (
        re.compile(
            r"Doc file '(?P<src>[^']+)' contains an absolute link '(?P<url>[^']*)', it was left "
            r"as is\." + _SUGGEST
        ),
        lambda m: (
            f"de link '{m['url']}' begint met '/'. Schrijf een link naar een pagina als "
            "bestandsnaam, zoals crisis.md"
            + (f"; bedoel je '{m['suggest']}'?" if m["suggest"] else ".")
        ),
    ),
    (
        re.compile(
            r"A reference to '(?P<url>[^']*)' is included in the 'nav' configuration, which is "
            r"not found in the documentation files\."
        ),
        lambda m: (
            f"de pagina '{m['url']}' staat in het menu, maar bestaat niet in docs/. Herstel de "
            "bestandsnaam onder 'nav:' of haal de regel weg."
        ),
    ),
]


def dutch(
    message: str, docs: str = "docs", source: Callable[[str], str | None] | None = None
) -> str | None:
    """``message`` (one of MkDocs' link warnings) in Dutch with file and line, or ``None``.

    ``source`` gives the Markdown of a page by its path in ``docs/``, to find the line.
    """
    for pattern, explain in _PATTERNS:
        match = pattern.fullmatch(message.strip())
        if match is None:
            continue
        groups = match.groupdict()
        if "src" not in groups:
            return f"mkdocs.yml, 'nav': {explain(match)}"
        where = f"{docs}/{groups['src']}"
        text = source(groups["src"]) if source else None
        line = _line_of(text, groups["url"]) if text else None
        return f"{where}{f', regel {line}' if line else ''}: {explain(match)}"
    return None


def _line_of(text: str, url: str) -> int | None:
    for needle in (f"({url}", url):
        for number, row in enumerate(text.splitlines(), start=1):
            if needle in row:
                return number
    return None


class LinkWarnings(logging.Filter):
    """Rewrites MkDocs' link warnings into Dutch; with ``keep`` it holds them back instead."""

    def __init__(
        self, docs: str, source: Callable[[str], str | None], covered: Iterable[str] = ()
    ) -> None:
        """``covered``: generated pages whose links are checked where they come from (the
        quiz names the line in data/quiz.yml); MkDocs' warning about them would repeat it."""
        super().__init__()
        self.docs = docs
        self.source = source
        self.covered = tuple(f"Doc file '{uri}' " for uri in covered)
        self.keep = False
        self.kept: list[str] = []

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.WARNING:
            return True
        text = record.getMessage()
        if text.startswith(self.covered):
            return False
        message = dutch(text, self.docs, self.source)
        if message is None:
            return True
        if self.keep:
            if message not in self.kept:
                self.kept.append(message)
            return False
        record.msg, record.args = message, ()
        return True

    def attach(self) -> None:
        for name in LOGGERS:
            logger = logging.getLogger(name)
            if self not in logger.filters:
                logger.addFilter(self)

    def detach(self) -> None:
        for name in LOGGERS:
            logging.getLogger(name).removeFilter(self)
