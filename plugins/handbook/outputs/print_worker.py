"""The process that prints for :class:`printer.Printer`: Playwright and Chromium, nothing else.

Run as ``python -m handbook.outputs.print_worker EXECUTABLE PAGES`` by the build. It starts
Playwright and Chromium at once and opens ``PAGES`` pages, so they are ready when the build is.
Then it reads one job from standard input, one line of JSON::

    {"site_dir": "/…/site", "base": "https://intranet…/", "pages": [["https://…/a/", "/…/a.pdf"]],
     "html": {"https://…/a/": "<!doctype html>…"}}

``html`` (optional) holds pages that are not in ``site_dir`` yet: the build hands over a sheet
as soon as MkDocs has rendered it, and prints it while the other pages are still being built.

prints every page at once, answers with one line of JSON on standard output (``{"written":
[…]}`` or ``{"failed": {"url": … or null, "error": "…"}}``), then closes the browser and ends;
the build need not wait for that. An empty standard input (the build needed no PDF, stopped,
or is gone) closes the browser too.

Why a process and not a thread of the build: importing Playwright and talking to its driver is
Python work, and in a thread it takes turns with the build under the GIL. As a process it runs
on the other core: on two cores the first build of the example went from 2.69 to 2.47 s for
that alone (measured in one build process, 2026-12-02).

The pages are printed as :func:`chromium.print_pdf` prints them (same steps, same options), with
one difference: the sheets are static HTML and CSS, so the theme's JavaScript does not run. It
would only start the search worker, which fetches and indexes the whole search index before the
page counts as loaded; without it a sheet loads about three times faster (0.13-0.17 s instead of
0.32-0.52 s measured on two cores) and its PDF is byte for byte the same apart from the
creation date.

The pages are loaded at the site's public address (the intranet), not at a local server: every
request a page makes is answered from the built site's folder by Playwright's routing
(:func:`_serve_from`), and anything else is refused. So the links printed in a PDF point where
readers can follow them, and printing never asks another host for anything. No MkDocs imports.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import mimetypes
import os
import signal
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .chromium import CHROMIUM_ARGS
from .printer import CLOSE_SECONDS


class _Failed(Exception):
    def __init__(self, url: str | None, error: BaseException) -> None:
        super().__init__(str(error))
        self.url = url


async def _read_job() -> dict | None:
    """The job from standard input; ``None`` when it ends without one."""
    line = await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline)
    return json.loads(line) if line.strip() else None


async def _main(executable: str, pages: int) -> None:
    from playwright.async_api import async_playwright

    job_read = asyncio.ensure_future(_read_job())
    try:
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(
                executable_path=executable, args=CHROMIUM_ARGS
            )
            try:
                context = await browser.new_context(locale="nl-NL", java_script_enabled=False)
                open_pages = list(await asyncio.gather(*(context.new_page() for _ in range(pages))))
                job = await job_read
                if not job or not job["pages"]:
                    _answer({"written": []})
                    return
                jobs = [(url, Path(out)) for url, out in job["pages"]]
                serve = _serve_from(Path(job["site_dir"]), job["base"], job.get("html") or {})
                await context.route("**/*", serve)
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
                        raise _Failed(url, result)
                # Said before the browser closes: the build goes on while it does.
                _answer({"written": [str(out) for _, out in jobs]})
            finally:
                # The build has gone on (and may have ended): nobody is left to stop a close
                # that hangs, so it has a limit of its own. Running out of it does not replace
                # the answer or the error already on its way; the worker then stops Playwright.
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(browser.close(), CLOSE_SECONDS)
    except _Failed as failed:
        _answer({"failed": {"url": failed.url, "error": str(failed)}})
    except Exception as error:  # starting Playwright or Chromium: reported by the build
        _answer({"failed": {"url": None, "error": str(error)}})


def _answer(answer: dict) -> None:
    """Tell the build, in one line of JSON on standard output."""
    try:
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()
    except BrokenPipeError:  # the build is gone; nobody to tell
        pass


def _serve_from(site_dir: Path, base: str, html: dict[str, str] | None = None):
    """A route handler: a URL under ``base`` gets its file from ``site_dir`` (a folder's
    ``index.html``; 404 when there is none) or, for a URL in ``html``, that HTML; a request for
    any other address is refused."""
    root = os.path.realpath(site_dir)
    prefix = urlsplit(base).path
    given = {url: text.encode("utf-8", "xmlcharrefreplace") for url, text in (html or {}).items()}

    async def handle(route) -> None:
        url = route.request.url
        if not url.startswith(base):
            await route.abort()
            return
        if url in given:
            await route.fulfill(body=given[url], content_type="text/html; charset=utf-8")
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


def main(argv: list[str]) -> int:
    # The build ends this process by closing its standard input, also after Ctrl-C: a signal
    # from the terminal must not stop it halfway, with a browser still running.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    executable, pages = argv[0], int(argv[1])
    asyncio.run(_main(executable, pages))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
