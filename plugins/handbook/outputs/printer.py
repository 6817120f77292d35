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
import threading
import weakref
from collections.abc import Sequence
from pathlib import Path

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
        self._job: concurrent.futures.Future[list[tuple[str, Path]] | None] = (
            concurrent.futures.Future()
        )
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

    def print_pages(self, jobs: Sequence[tuple[str, Path]]) -> list[Path]:
        """Print every ``(URL, PDF path)`` at once; the paths, in the order given.

        Raises :class:`PrintFailed` naming the page (or the start) that failed. One job per
        printer: the browser closes after it.
        """
        if not self.started:
            self.start()
        if not self._job.done():
            self._job.set_result(list(jobs))
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
                jobs = await asyncio.wrap_future(self._job)
                if not jobs:
                    return []
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
