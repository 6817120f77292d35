"""Print pages to PDF with headless Chromium (Debian's package, driven by Playwright).

The same engine the tests use. No MkDocs imports: the CLI and the plugin call these alike.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import logging
import os
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

CHROMIUM_CANDIDATES = ("/usr/lib/chromium/chromium", "/usr/bin/chromium")

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
    "--disable-default-apps",
    "--disable-features=Translate,MediaRouter,OptimizationHints",
]


def find_chromium() -> str | None:
    """Path of Debian's Chromium, or ``None`` (``HANDBOOK_CHROMIUM`` overrides)."""
    override = os.environ.get("HANDBOOK_CHROMIUM")
    candidates = (override,) if override else CHROMIUM_CANDIDATES
    for candidate in candidates:
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


log = logging.getLogger(__name__)

MISSING = "Chromium ontbreekt. Installeer Debian's pakket: sudo apt-get install chromium"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    """Serves files and logs nothing (a request line per file is noise on a terminal)."""

    def log_message(self, format: str, *args: object) -> None:
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    """A local file server that never prints a traceback.

    A browser or link checker that closes a connection before the answer is written (it
    navigated on, or was closed) makes ``http.server`` print a full traceback on stderr
    (``BrokenPipeError``, ``ConnectionResetError``). That is not an error here: it is counted
    in ``closed_early`` and nothing is printed. Any other error goes to the debug log.
    """

    daemon_threads = True
    closed_early = 0

    def handle_error(self, request: object, client_address: object) -> None:
        error = sys.exc_info()[1]
        if isinstance(error, ConnectionError | TimeoutError):
            self.closed_early += 1
            return
        log.debug("Lokale webserver: fout bij %s", client_address, exc_info=True)


@contextlib.contextmanager
def http_server(
    folder: Path,
    headers: dict[str, str] | None = None,
    handler_class: type[http.server.SimpleHTTPRequestHandler] | None = None,
) -> Iterator[QuietServer]:
    """A :class:`QuietServer` for ``folder`` on 127.0.0.1 (a free port) while the block runs."""

    class Handler(handler_class or _Quiet):  # type: ignore[misc, valid-type]
        def end_headers(self) -> None:
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            super().end_headers()

    handler = functools.partial(Handler, directory=str(folder))
    server = QuietServer(("127.0.0.1", 0), handler)
    # A short poll interval: shutdown() waits for the next poll (0.5 s by default).
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def serve_directory(
    folder: Path,
    headers: dict[str, str] | None = None,
    handler_class: type[http.server.SimpleHTTPRequestHandler] | None = None,
) -> Iterator[str]:
    """Serve ``folder`` on 127.0.0.1 (a free port) for as long as the block runs; the URL.

    ``headers`` are added to every response; ``handler_class`` replaces the plain file handler.
    Requests and closed connections are never printed (see :class:`QuietServer`).
    """
    with http_server(folder, headers, handler_class) as server:
        yield f"http://127.0.0.1:{server.server_address[1]}/"


@contextlib.contextmanager
def chromium(executable: str | None = None) -> Iterator[object]:
    """A Playwright browser on Debian's Chromium. Raises ``RuntimeError`` when it is missing."""
    from playwright.sync_api import sync_playwright

    path = executable or find_chromium()
    if path is None:
        raise RuntimeError(MISSING)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def print_pdf(
    browser: object,
    url: str,
    out: Path,
    *,
    header_template: str | None = None,
    footer_template: str | None = None,
    context: object | None = None,
) -> Path:
    """Print ``url`` to ``out`` with the page's own @page size (A4 in our print CSS).

    Each page gets a fresh browser context, unless ``context`` is given (quicker when
    printing several pages of one site).
    """
    own = context is None
    if context is None:
        context = browser.new_context(locale="nl-NL")  # type: ignore[attr-defined]
    page = context.new_page()  # type: ignore[attr-defined]
    try:
        # "load": the page's stylesheets and images are in. Not "networkidle", which waits
        # half a second after the theme's search worker fetched its index (not printed).
        page.goto(url, wait_until="load")
        page.evaluate("document.fonts.ready.then(() => true)")
        page.emulate_media(media="print")
        options: dict[str, object] = {"prefer_css_page_size": True, "print_background": True}
        if header_template or footer_template:
            options.update(
                display_header_footer=True,
                header_template=header_template or "<span></span>",
                footer_template=footer_template or "<span></span>",
            )
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = out.with_suffix(".pdf.tmp")
        page.pdf(path=str(tmp), **options)
        tmp.replace(out)
        return out
    finally:
        if own:
            context.close()  # type: ignore[attr-defined]
        else:
            page.close()
