"""The build cache: work that does not change between builds is kept in ``.cache/``.

Four things are cached, each keyed by everything it depends on, so a stale entry is never used:

- the sheet PDFs: the key is the printed page's HTML, every local file that page loads, and
  the Chromium binary; printing costs a Chromium start (seconds), copying a cached PDF does not;
- the compiled theme templates (Jinja bytecode; Jinja checks each template's source itself);
- the compiled pages of mkdocs-macros (every page is a Jinja template): the key is the page's
  text and every setting of the environment that changes the compiled code;
- validated data (``validated/``, written by ``validation.py``): the key is the data itself and
  the code that validates it.

The folder sits next to ``mkdocs.yml`` (``.cache/plugin/handbook``, like Material's own
plugins), is git-ignored, and may be deleted at any time. No MkDocs imports here.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from types import CodeType
from typing import Any
from urllib.parse import unquote, urlsplit

from .switches import switch

# Raise when the way a PDF is made changes (print options, page setup): old entries then miss.
PDF_FORMAT = "2"  # 2: printed at the site's public address

# Entries kept per kind; the least recently used go first (8 sectors x 2 sheets fit easily).
KEEP = 64

# Compiled pages kept on disk, and in memory during `mkdocs serve` (a few per edited page);
# also the number of validated results kept on disk (see ``validation.py``).
KEEP_PAGES = 4096

# Links to other pages and to the PDFs themselves: not loaded when a page is printed (a PDF next
# to the page exists once it is printed, so it would change the page's key).
_NOT_LOADED = (".html", ".pdf")

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
        try:
            path.mkdir(parents=True, exist_ok=True)
        except OSError:
            return None
        # A read-only checkout: build without the cache (only slower), never stop on it.
        return path if os.access(path, os.W_OK) else None

    # --- sheet PDFs ---

    def pdf_key(
        self,
        site_dir: Path,
        page_url: str,
        chromium: str | None,
        site_url: str = "",
        html: bytes | None = None,
    ) -> str:
        """Hash of what the PDF of ``page_url`` depends on: the built site ``site_dir`` and the
        address it is printed at (its links point there). ``html`` is the page's HTML when it
        is not written yet (read from ``site_dir`` otherwise)."""
        digest = hashlib.sha256(f"pdf {PDF_FORMAT} {site_url}\n".encode())
        if chromium:
            stat = Path(chromium).resolve().stat()
            digest.update(f"chromium {chromium} {stat.st_size} {stat.st_mtime_ns}\n".encode())
        page = page_file(site_dir, page_url)
        html = page.read_bytes() if html is None else html
        digest.update(html)
        for asset in local_assets(site_dir, page, html.decode("utf-8", "replace")):
            name = Path(os.path.relpath(asset, os.path.abspath(site_dir))).as_posix()
            digest.update(b"\0" + name.encode() + b"\0")
            digest.update(asset.read_bytes())
        return digest.hexdigest()

    def has_pdfs(self) -> bool:
        """Whether any printed PDF is cached (``False`` when caching is off)."""
        folder = self.path("pdf")
        return folder is not None and any(folder.glob("*.pdf"))

    def get_pdf(self, key: str, target: Path) -> bool:
        """Copy the cached PDF for ``key`` to ``target``; ``False`` when there is none."""
        folder = self.path("pdf")
        if folder is None:
            return False
        entry = folder / f"{key}.pdf"
        if not entry.is_file():
            return False
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            shutil.copyfile(entry, target)
            os.utime(entry)  # recently used: pruned last
        except OSError:  # pruned by a parallel build (variants) in the meantime: print it
            target.unlink(missing_ok=True)
            return False
        self.hits.append(target)
        return True

    def put_pdf(self, key: str, source: Path) -> None:
        """Keep a copy of a new PDF, written whole (a parallel build sees all of it or none)."""
        folder = self.path("pdf")
        if folder is None:
            return
        try:
            handle, tmp = tempfile.mkstemp(prefix=".nieuw-", suffix=".pdf", dir=folder)
            os.close(handle)
            shutil.copyfile(source, tmp)
            os.replace(tmp, folder / f"{key}.pdf")
        except OSError:  # a full disk: the PDF in the site is fine, only the cache misses it
            return
        prune(folder.glob("*.pdf"), KEEP)

    # --- compiled pages of mkdocs-macros ---

    def compile_pages(self, env: Any, memory: dict[str, CodeType]) -> None:
        """Let ``env`` (macros' environment) reuse compiled pages (see
        :func:`cache_compiled_templates`); in memory only when caching is off."""
        cache_compiled_templates(env, memory, self.path("jinja-pages"))

    def tidy(self) -> None:
        """Keep the folders of compiled pages and validated data from growing without end."""
        for kind in ("jinja-pages", "validated"):
            folder = self.path(kind)
            if folder is None:
                continue
            with os.scandir(folder) as entries:
                count = sum(1 for _ in entries)
            if count > KEEP_PAGES:
                prune(folder.iterdir(), KEEP_PAGES)

    # --- Jinja bytecode of the theme templates ---

    def jinja_bytecode(self):
        """A Jinja ``BytecodeCache`` in the cache folder, or ``None`` when caching is off."""
        folder = self.path("jinja")
        if folder is None:
            return None
        from jinja2 import FileSystemBytecodeCache

        return FileSystemBytecodeCache(str(folder))


def cache_compiled_templates(
    env: Any, memory: dict[str, CodeType], folder: Path | None
) -> Callable[..., Any]:
    """Make ``env.compile`` reuse code compiled earlier for the same text and settings.

    mkdocs-macros compiles every page with ``env.from_string`` in every build, and again on
    every reload of ``mkdocs serve``. The code of a text only depends on the text and the
    environment's settings (delimiters, whitespace options, extensions, and the names of its
    filters and tests), so it is kept in ``memory`` (which outlives one build when the caller
    keeps it) and in ``folder``. Errors are never cached: a broken page is compiled, and
    reported, every time. Returns the original ``compile``.
    """
    # Installed twice on one environment: wrap the real compile, not the earlier wrapper.
    original = getattr(env.compile, "uncached", env.compile)
    settings = "\0".join(
        str(part)
        for part in (
            sys.version,
            getattr(sys.modules.get("jinja2"), "__version__", ""),
            env.block_start_string,
            env.block_end_string,
            env.variable_start_string,
            env.variable_end_string,
            env.comment_start_string,
            env.comment_end_string,
            env.line_statement_prefix,
            env.line_comment_prefix,
            env.trim_blocks,
            env.lstrip_blocks,
            env.newline_sequence,
            env.keep_trailing_newline,
            env.optimized,
            env.autoescape if isinstance(env.autoescape, bool) else id(env.autoescape),
            sorted(env.extensions),
            sorted(env.filters),
            sorted(env.tests),
        )
    )

    def compile(
        source: Any,
        name: str | None = None,
        filename: str | None = None,
        raw: bool = False,
        defer_init: bool = False,
    ) -> Any:
        if raw or not isinstance(source, str):
            return original(source, name, filename, raw, defer_init)
        key = hashlib.sha256(
            f"{settings}\0{name}\0{filename}\0{defer_init}\0{source}".encode()
        ).hexdigest()
        code = memory.get(key)
        if code is None and folder is not None:
            code = _read_code(folder / key)
        if code is None:
            code = original(source, name, filename, raw, defer_init)
            if folder is not None:
                _write_code(folder, key, code)
        if len(memory) >= KEEP_PAGES:
            memory.clear()
        memory[key] = code
        return code

    compile.uncached = original  # type: ignore[attr-defined]
    env.compile = compile
    return original


def _read_code(path: Path) -> CodeType | None:
    try:
        code = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return code if isinstance(code, CodeType) else None


def _write_code(folder: Path, key: str, code: CodeType) -> None:
    write_whole(folder / key, marshal.dumps(code))


def write_whole(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` whole: a parallel build (variants) sees all of it or none.

    A cache that cannot be written (full disk, folder gone) is only slower: no error.
    """
    try:
        handle, tmp = tempfile.mkstemp(prefix=".nieuw-", dir=path.parent)
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(tmp, path)
    except OSError:
        Path(tmp).unlink(missing_ok=True)  # no half-written leftovers


def cache_folder(root: Path, enabled: bool, folder: str, environ: dict[str, str]) -> Path | None:
    """The cache folder for a project at ``root``; ``None`` when off (config or HANDBOOK_CACHE)."""
    if not enabled or switch(environ, "HANDBOOK_CACHE") is False:
        return None
    return root / folder


def page_file(site_dir: Path, page_url: str) -> Path:
    """The HTML file behind a site-relative URL (``a/`` is ``a/index.html``)."""
    path = site_dir / unquote(page_url)
    return path / "index.html" if page_url.endswith("/") or not page_url else path


def local_assets(site_dir: Path, page: Path, html: str) -> list[Path]:
    """Files of ``site_dir`` that ``html`` (the page at ``page``) links or loads, sorted."""
    root = os.path.abspath(site_dir)
    folder = os.path.dirname(os.path.abspath(page))
    found: set[str] = set()
    for ref in set(_ASSET.findall(html)):
        parts = urlsplit(ref)
        if parts.scheme or parts.netloc or not parts.path or parts.path.endswith(_NOT_LOADED):
            continue
        path = unquote(parts.path)
        base = root if path.startswith("/") else folder
        target = os.path.normpath(os.path.join(base, path.lstrip("/")))
        if target.startswith(root + os.sep) and os.path.isfile(target):
            found.add(target)
    return [Path(p) for p in sorted(found)]


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
