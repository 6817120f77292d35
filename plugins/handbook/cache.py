"""The build cache: work that does not change between builds is kept in ``.cache/``.

Two things are cached, both keyed by everything they depend on, so a stale entry is never used:

- the sheet PDFs: the key is the printed page's HTML, every local file that page loads, and
  the Chromium binary; printing costs a Chromium start (seconds), copying a cached PDF does not;
- the compiled theme templates (Jinja bytecode; Jinja checks each template's source itself).

The folder sits next to ``mkdocs.yml`` (``.cache/plugin/handbook``, like Material's own
plugins), is git-ignored, and may be deleted at any time. No MkDocs imports here.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import unquote, urlsplit

# Raise when the way a PDF is made changes (print options, page setup): old entries then miss.
PDF_FORMAT = "1"
# Entries kept per kind; the least recently used go first (8 sectors x 2 sheets fit easily).
KEEP = 64

_ASSET = re.compile(r"""(?:href|src)=["']?([^"'\s>]+)""")


class BuildCache:
    """A folder of cached build outputs. ``folder=None`` is a cache that never hits."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.hits: list[Path] = []  # outputs that came from the cache, for the build log

    @property
    def enabled(self) -> bool:
        return self.folder is not None

    def path(self, kind: str) -> Path | None:
        """The sub-folder for one kind of entry (created), or ``None`` when caching is off."""
        if self.folder is None:
            return None
        path = self.folder / kind
        path.mkdir(parents=True, exist_ok=True)
        return path

    # --- sheet PDFs ---

    def pdf_key(self, site_dir: Path, page_url: str, chromium: str | None) -> str:
        """Hash of what the PDF of ``page_url`` depends on in the built site ``site_dir``."""
        digest = hashlib.sha256(f"pdf {PDF_FORMAT}\n".encode())
        if chromium:
            stat = Path(chromium).resolve().stat()
            digest.update(f"chromium {chromium} {stat.st_size} {stat.st_mtime_ns}\n".encode())
        page = page_file(site_dir, page_url)
        html = page.read_bytes()
        digest.update(html)
        for asset in local_assets(site_dir, page, html.decode("utf-8", "replace")):
            digest.update(b"\0" + asset.relative_to(site_dir).as_posix().encode() + b"\0")
            digest.update(asset.read_bytes())
        return digest.hexdigest()

    def get_pdf(self, key: str, target: Path) -> bool:
        """Copy the cached PDF for ``key`` to ``target``; ``False`` when there is none."""
        folder = self.path("pdf")
        if folder is None:
            return False
        entry = folder / f"{key}.pdf"
        if not entry.is_file():
            return False
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(entry, target)
        os.utime(entry)  # recently used: pruned last
        self.hits.append(target)
        return True

    def put_pdf(self, key: str, source: Path) -> None:
        """Keep a copy of a new PDF, written whole (a parallel build sees all of it or none)."""
        folder = self.path("pdf")
        if folder is None:
            return
        handle, tmp = tempfile.mkstemp(prefix=".nieuw-", suffix=".pdf", dir=folder)
        os.close(handle)
        shutil.copyfile(source, tmp)
        os.replace(tmp, folder / f"{key}.pdf")
        prune(folder.glob("*.pdf"), KEEP)

    # --- Jinja bytecode of the theme templates ---

    def jinja_bytecode(self):
        """A Jinja ``BytecodeCache`` in the cache folder, or ``None`` when caching is off."""
        folder = self.path("jinja")
        if folder is None:
            return None
        from jinja2 import FileSystemBytecodeCache

        return FileSystemBytecodeCache(str(folder))


def cache_folder(root: Path, enabled: bool, folder: str, environ: dict[str, str]) -> Path | None:
    """The cache folder for a project at ``root``; ``None`` when off (config or HANDBOOK_CACHE)."""
    off = environ.get("HANDBOOK_CACHE", "").strip().lower() in ("0", "false", "nee", "uit")
    return None if not enabled or off else root / folder


def page_file(site_dir: Path, page_url: str) -> Path:
    """The HTML file behind a site-relative URL (``a/`` is ``a/index.html``)."""
    path = site_dir / unquote(page_url)
    return path / "index.html" if page_url.endswith("/") or not page_url else path


def local_assets(site_dir: Path, page: Path, html: str) -> list[Path]:
    """Files of ``site_dir`` that ``html`` (the page at ``page``) links or loads, sorted."""
    root = site_dir.resolve()
    found: set[Path] = set()
    for ref in _ASSET.findall(html):
        parts = urlsplit(ref)
        if parts.scheme or parts.netloc or not parts.path:
            continue
        path = unquote(parts.path)
        base = root if path.startswith("/") else page.parent
        target = (base / path.lstrip("/")).resolve()
        if target.is_file() and target.is_relative_to(root) and target.suffix != ".html":
            found.add(target)
    return sorted(found)


def prune(entries: Iterable[Path], keep: int) -> None:
    """Delete all but the ``keep`` most recently used entries."""
    dated = []
    for entry in entries:
        try:
            dated.append((entry.stat().st_mtime_ns, entry))
        except FileNotFoundError:  # removed by a parallel build
            continue
    dated.sort(reverse=True)
    for _, entry in dated[keep:]:
        entry.unlink(missing_ok=True)
