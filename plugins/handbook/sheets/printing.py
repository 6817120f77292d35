"""Print both sheets of a built site to PDF (``handbook pdf`` and the plugin's post-build step)."""

from __future__ import annotations

import posixpath
from collections.abc import Sequence
from pathlib import Path

from ..core.cache import BuildCache


def print_sheets(
    site_dir: Path, targets: Sequence[tuple[str, str]], cache: BuildCache | None = None
) -> list[Path]:
    """Print ``(page URL, PDF name)`` pages of a built site to PDF next to each page.

    With a ``cache``, a page whose HTML and assets did not change since it was last printed gets
    its earlier PDF back, and Chromium is not started at all when every page was cached.
    Raises ``RuntimeError`` with a Dutch message when Chromium is missing or printing fails.
    """
    from ..outputs import chromium as pdf

    cache = cache or BuildCache(None)
    chromium = pdf.find_chromium()
    written: list[Path] = []
    todo: list[tuple[str, Path, str | None]] = []
    for url, name in targets:
        # The page links to the PDF by name, so it goes in the page's own folder:
        # "snelle-referentie/" or, without directory URLs, next to "snelle-referentie.html".
        folder = url if url.endswith("/") or not url else posixpath.dirname(url)
        out = site_dir / folder / name
        key = cache.pdf_key(site_dir, url, chromium) if cache.enabled else None
        if key is not None and cache.get_pdf(key, out):
            written.append(out)
        else:
            todo.append((url, out, key))
    if not todo:
        return written
    url = "de site"
    try:
        with pdf.serve_directory(site_dir) as base, pdf.chromium(chromium) as browser:
            context = browser.new_context(locale="nl-NL")  # type: ignore[attr-defined]
            for url, out, key in todo:
                written.append(pdf.print_pdf(browser, base + url, out, context=context))
                if key is not None:
                    cache.put_pdf(key, out)
    except RuntimeError:
        raise
    except Exception as error:  # Playwright has its own error types; report them once, in Dutch
        raise RuntimeError(
            f"De PDF van {url} kon niet gemaakt worden met Chromium: {error}."
        ) from None
    return written
