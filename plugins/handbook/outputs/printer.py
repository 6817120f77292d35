"""A Chromium that starts in a thread of its own and prints several pages at once.

Starting Playwright and Chromium takes seconds, most of it waiting for processes to come up.
A build that knows early it will print (``sheets/site.py``) starts a :class:`Printer` then, so
the start overlaps MkDocs rendering pages; at the end it hands over the URLs and every page is
printed in parallel, each in a page that is already open. The pages are printed as
:func:`chromium.print_pdf` prints them (same steps, same options), with one difference: the
sheets are static HTML and CSS, so the theme's JavaScript does not run. It would only start the
search worker, which fetches and indexes the whole search index before the page counts as
loaded; without it a sheet loads about three times faster (0.13-0.17 s instead of 0.32-0.52 s
measured on two cores) and its PDF is byte for byte the same apart from the creation date.

The pages are loaded at the site's public address (the intranet), not at a local server:
every request the page makes is answered from the built site's folder by Playwright's routing
(:func:`_serve_from`), and anything else is refused. So the links printed in a PDF point where
readers can follow them (``https://intranet…/mag-ik-dit-posten/``, not a port on the build
machine that is gone once the build ends), and printing never asks another host for anything.

Playwright objects belong to the thread that made them: everything Playwright does happens in
the printer's own thread, on its own event loop (Playwright's async API). The build's thread
only passes the job in and waits for the answer. The browser is always closed: after the job,
by :meth:`Printer.close` (a build error, a build that needed no printing), and at the latest
when the interpreter exits (Ctrl-C). No MkDocs imports.
"""

from __future__ import annotations

import asyncio
import atexit
import concurrent.futures
import mimetypes
import os
import threading
import weakref
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .chromium import CHROMIUM_ARGS

# What the build waits for at most: Playwright's own timeouts (30 s for a start, a page load,
# a print) end a stuck step long before this; it only guards against a hang.
WAIT_SECONDS = 300.0

# How long closing may take before the build goes on (the driver ends Chromium when we exit).
CLOSE_SECONDS = 30.0

_LIVE: weakref.WeakSet[Printer] = weakref.WeakSet()


class PrintFailed(Exception):
    """Starting Chromium or printing a page failed; ``url`` is ``None`` for the start."""

    def __init__(self, url: str | None, error: BaseException) -> None:
        super().__init__(str(error))
        self.url = url
        self.error = error


class Printer:
    """Playwright and Chromium in a background thread, ready with ``pages`` open pages."""

    def __init__(self, executable: str, pages: int = 2) -> None:
        self.executable = executable
        self.pages = pages
        self._job: concurrent.futures.Future[_Job | None] = concurrent.futures.Future()
        self._done: concurrent.futures.Future[list[Path]] = concurrent.futures.Future()
        # A daemon thread: an interrupted build must never wait for it. _close_all (atexit)
        # still closes the browser before the interpreter goes.
        self._thread = threading.Thread(target=self._run, name="handbook-chromium", daemon=True)

    def start(self) -> Printer:
        _LIVE.add(self)
        self._thread.start()
        return self

    @property
    def started(self) -> bool:
        return self._thread.ident is not None

    def print_pages(
        self, site_dir: Path, base: str, jobs: Sequence[tuple[str, Path]]
    ) -> list[Path]:
        """Print every ``(URL, PDF path)`` at once; the paths, in the order given.

        The URLs start with ``base``, the site's public address; what the pages ask for under
        ``base`` comes from ``site_dir``. Raises :class:`PrintFailed` naming the page (or the
        start) that failed. One job per printer: the browser closes after it.
        """
        if not self.started:
            self.start()
        if not self._job.done():
            self._job.set_result(_Job(site_dir, base, list(jobs)))
        try:
            return self._done.result(timeout=WAIT_SECONDS)
        except concurrent.futures.TimeoutError:
            raise PrintFailed(None, TimeoutError(f"geen antwoord na {WAIT_SECONDS:g} s")) from None
        finally:
            self.close()

    def close(self) -> None:
        """Close the browser (unused, if no job came) and wait for the thread to end."""
        if not self._job.done():
            self._job.set_result(None)
        if self.started and self._thread is not threading.current_thread():
            self._thread.join(CLOSE_SECONDS)
        _LIVE.discard(self)

    def _run(self) -> None:
        try:
            result = asyncio.run(self._main())
        except PrintFailed as failed:
            self._done.set_exception(failed)
        except BaseException as error:  # anything Playwright raises: reported by the build
            self._done.set_exception(PrintFailed(None, error))
        else:
            self._done.set_result(result)

    async def _main(self) -> list[Path]:
        from playwright.async_api import async_playwright

        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(
                executable_path=self.executable, args=CHROMIUM_ARGS
            )
            try:
                context = await browser.new_context(locale="nl-NL", java_script_enabled=False)
                open_pages = [await context.new_page() for _ in range(self.pages)]
                job = await asyncio.wrap_future(self._job)
                if not job or not job.pages:
                    return []
                jobs = job.pages
                await context.route("**/*", _serve_from(job.site_dir, job.base))
                while len(open_pages) < len(jobs):
                    open_pages.append(await context.new_page())
                results = await asyncio.gather(
                    *(
                        _print(page, url, out)
                        for page, (url, out) in zip(open_pages, jobs, strict=False)
                    ),
                    return_exceptions=True,
                )
                for (url, _), result in zip(jobs, results, strict=True):
                    if isinstance(result, BaseException):
                        raise PrintFailed(url, result)
                return [out for _, out in jobs]
            finally:
                await browser.close()


class _Job:
    """What to print: ``pages`` as ``(URL, PDF path)``, served from ``site_dir`` at ``base``."""

    def __init__(self, site_dir: Path, base: str, pages: list[tuple[str, Path]]) -> None:
        self.site_dir = site_dir
        self.base = base
        self.pages = pages


def _serve_from(site_dir: Path, base: str):
    """A route handler: a URL under ``base`` gets its file from ``site_dir`` (a folder's
    ``index.html``; 404 when there is none); a request for any other address is refused."""
    root = os.path.realpath(site_dir)
    prefix = urlsplit(base).path

    async def handle(route) -> None:
        url = route.request.url
        if not url.startswith(base):
            await route.abort()
            return
        relative = unquote(urlsplit(url).path).removeprefix(prefix)
        if relative == "" or relative.endswith("/"):
            relative += "index.html"
        target = os.path.realpath(os.path.join(root, relative))
        if os.path.commonpath([root, target]) != root or not os.path.isfile(target):
            await route.fulfill(status=404, body="")
            return
        kind = mimetypes.guess_type(target)[0] or "application/octet-stream"
        await route.fulfill(path=target, content_type=kind)

    return handle


async def _print(page: object, url: str, out: Path) -> Path:
    """:func:`chromium.print_pdf`, step for step, on Playwright's async API."""
    # "load": the page's stylesheets and images are in (see chromium.print_pdf).
    await page.goto(url, wait_until="load")  # type: ignore[attr-defined]
    await page.evaluate("document.fonts.ready.then(() => true)")  # type: ignore[attr-defined]
    await page.emulate_media(media="print")  # type: ignore[attr-defined]
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".pdf.tmp")
    await page.pdf(  # type: ignore[attr-defined]
        path=str(tmp), prefer_css_page_size=True, print_background=True
    )
    tmp.replace(out)
    return out


@atexit.register
def _close_all() -> None:
    """An interrupted build (Ctrl-C) never reaches its own close: close what is left."""
    for printer in list(_LIVE):
        printer.close()
