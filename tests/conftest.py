"""Shared fixtures: a real build of the site, a local HTTP server and Debian's Chromium."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from handbook.outputs.chromium import CHROMIUM_ARGS, find_chromium, serve_directory
from handbook.review.links import check_links

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
PROJECT_PARTS = ("mkdocs.yml", "docs", "data", "plugins")


def mkdocs(
    *args: str,
    cwd: Path,
    check: bool = False,
    pdf: bool = True,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run the real ``mkdocs`` command of this environment (``env`` adds variables).

    ``pdf=False`` skips printing the two sheets to PDF (HANDBOOK_PDF=0): tests that do not look
    at those PDFs save a Chromium start per build.
    """
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    if not pdf:
        env["HANDBOOK_PDF"] = "0"
    result = subprocess.run(
        [str(VENV_BIN / "mkdocs"), *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if check and result.returncode != 0:
        raise AssertionError(f"mkdocs {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result


def copy_project(dest: Path) -> Path:
    """A copy of the handbook sources (not .git) that a test may break on purpose."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / part)
    return dest


def build(project: Path, out: Path, *, pdf: bool = False) -> subprocess.CompletedProcess[str]:
    """A strict build; without the sheet PDFs unless ``pdf`` (see :func:`mkdocs`)."""
    return mkdocs("build", "--strict", "--site-dir", str(out), cwd=project, pdf=pdf)


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's own site, built strictly once per test session."""
    out = tmp_path_factory.mktemp("site")
    result = build(ROOT, out, pdf=True)  # the shipped PDFs are tested too
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture(scope="session")
def site_url(site_dir: Path) -> Iterator[str]:
    """The built site over HTTP on 127.0.0.1 (a free port)."""
    with serve_directory(site_dir) as url:
        yield url


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = find_chromium()
    if path is None:
        message = "Debian's Chromium is missing (apt-get install chromium); browser tests need it."
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def browser(chromium_path: str):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=chromium_path, args=CHROMIUM_ARGS, headless=True
        )
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="nl-NL")
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    path = ROOT / "node_modules" / "axe-core" / "axe.min.js"
    if not path.is_file():
        message = "axe-core is missing: run 'make test' (it runs 'npm ci') first."
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path.read_text(encoding="utf-8")


def html_pages(site: Path) -> list[Path]:
    """Every content page of a built site (not the 404 page or theme partials)."""
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")


def page_urls(site: Path, base: str) -> list[str]:
    return [
        base + p.relative_to(site).as_posix().removesuffix("index.html") for p in html_pages(site)
    ]


def linkcheck(
    site: Path, tmp_path: Path, *, anchors: bool = True, verbose: bool = False
) -> subprocess.CompletedProcess[str]:
    """linkchecker over ``site`` served on 127.0.0.1 (``handbook links`` does the same)."""
    return check_links(site, tmp_path, anchors=anchors, verbose=verbose)
