"""Print both sheets of a built site to PDF (``handbook pdf`` and the plugin's post-build step)."""

from __future__ import annotations

import contextlib
import posixpath
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.plugins import get_plugin_logger

from ..core.cache import BuildCache

if TYPE_CHECKING:
    from ..outputs.printer import Printer, PrintFailed
    from .early import EarlyJob


def start_printer(executable: str | None) -> Printer | None:
    """A :class:`Printer` starting now in the background (``None`` without Chromium)."""
    from ..outputs.printer import Printer

    return Printer(executable).start() if executable else None


log = get_plugin_logger(__name__)

# The address a sheet is printed at when the site's own is not known: reserved (RFC 2606), so
# a link in the PDF leads nowhere rather than to somebody else's site.
UNKNOWN_SITE = "https://handboek.invalid/"


def public_base(url: object) -> str:
    """The site's public address as a base for its pages: ``organisatie.intranet_url`` with a
    closing slash; :data:`UNKNOWN_SITE` when it is not an http(s) address (not yet filled in)."""
    text = str(url or "").strip()
    if not text.startswith(("https://", "http://")):
        return UNKNOWN_SITE
    return text if text.endswith("/") else text + "/"


def print_sheets(
    site_dir: Path,
    targets: Sequence[tuple[str, str]],
    cache: BuildCache | None = None,
    printer: Printer | None = None,
    site_url: str = UNKNOWN_SITE,
    early: EarlyJob | None = None,
) -> list[Path]:
    """Print ``(page URL, PDF name)`` pages of a built site to PDF next to each page.

    The pages are printed as if at ``site_url`` (see :func:`public_base`), the address where
    the site is published, so the links in the PDF work for its readers.

    With a ``cache``, a page whose HTML and assets did not change since it was last printed gets
    its earlier PDF back, and Chromium is not started at all when every page was cached.
    ``printer`` is a browser started earlier in the build (:func:`start_printer`); it is
    released here in every case (after printing it closes while the build goes on). Without
    one, a browser is started now. The pages are printed at once.
    ``early`` is the job handed to ``printer`` while the pages were still being built
    (``early.py``): its PDFs are used when the pages and what they load are still what was
    printed; otherwise the pages are printed again.
    Raises ``RuntimeError`` with a Dutch message when Chromium is missing or printing fails.
    """
    from ..outputs import chromium as pdf

    try:
        cache = cache or BuildCache(None)
        chromium = pdf.find_chromium()
        if early is not None:
            done = _early_pdfs(site_dir, targets, cache, early, chromium, site_url)
            if done is not None:
                return done
            if printer is early.printer:
                printer = None  # released by _early_pdfs; the pages are printed again below
        written: list[Path] = []
        todo: list[tuple[str, Path, str | None]] = []
        for url, name in targets:
            # The page links to the PDF by name, so it goes in the page's own folder:
            # "snelle-referentie/" or, without directory URLs, next to "snelle-referentie.html".
            folder = url if url.endswith("/") or not url else posixpath.dirname(url)
            out = site_dir / folder / name
            key = cache.pdf_key(site_dir, url, chromium, site_url) if cache.enabled else None
            if key is not None and cache.get_pdf(key, out):
                written.append(out)
            else:
                todo.append((url, out, key))
        if not todo:
            return written
        if chromium is None:
            raise RuntimeError(pdf.MISSING)
        from ..outputs.printer import Printer, PrintFailed  # asyncio and Playwright: only now

        printer = printer or Printer(chromium, pages=len(todo))
        try:
            jobs = [(site_url + url, out) for url, out, _ in todo]
            written.extend(printer.print_pages(site_dir, site_url, jobs))
        except PrintFailed as failed:
            raise _in_dutch(failed, site_url) from None
        for _, out, key in todo:
            if key is not None:
                cache.put_pdf(key, out)
        return written
    finally:
        if printer is not None:
            printer.release()


def _in_dutch(failed: PrintFailed, site_url: str) -> RuntimeError:
    """Playwright has its own error types; they are reported once, in Dutch."""
    where = failed.url.removeprefix(site_url) if failed.url else "de site"
    return RuntimeError(f"De PDF van {where} kon niet gemaakt worden met Chromium: {failed}.")


def _early_pdfs(
    site_dir: Path,
    targets: Sequence[tuple[str, str]],
    cache: BuildCache,
    early: EarlyJob,
    chromium: str | None,
    site_url: str,
) -> list[Path] | None:
    """The PDFs of ``early`` in the order of ``targets``, kept in ``cache``; ``None`` when a
    page or something it loads changed after it was handed over (its printer is released)."""
    from ..outputs.printer import PrintFailed

    keys = {url: cache.pdf_key(site_dir, url, chromium, site_url) for url, _ in targets}
    if keys != early.keys:
        changed = ", ".join(url for url, _ in targets if keys[url] != early.keys.get(url))
        log.debug(
            f"De PDF's worden opnieuw gedrukt: {changed} of wat de pagina laadt is veranderd "
            "nadat de pagina gebouwd was."
        )
        with contextlib.suppress(PrintFailed):  # waited for: it must not write after the new
            early.printer.collect()
        early.printer.release()
        return None
    try:
        written = early.printer.collect()
    except PrintFailed as failed:
        raise _in_dutch(failed, site_url) from None
    by_name = {path.name: path for path in written}
    ordered = [by_name[name] for _, name in targets]
    if cache.enabled:
        for (url, _), path in zip(targets, ordered, strict=True):
            cache.put_pdf(keys[url], path)
    early.used = True
    return ordered
