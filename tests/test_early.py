"""Printing the sheets while the other pages are built (sheets/early.py), without a browser:
the build order, the order put back for the sitemap, and the moment the sheets are handed over."""

from __future__ import annotations

from pathlib import Path

from handbook.core.cache import BuildCache
from handbook.sheets.early import EarlyPrint
from mkdocs.structure.files import File, Files

SHEETS = {"snelle-referentie.md": "snelle-referentie.pdf", "crisiskaart.md": "crisiskaart.pdf"}
BASE = "https://intranet.voorbeeld.example/beleid/"


class FakePrinter:
    """Records what a build hands over (the real one is tested in test_printer.py)."""

    def __init__(self) -> None:
        self.jobs: list[tuple[Path, str, list, dict]] = []

    def submit(self, site_dir, base, jobs, html=None) -> None:
        self.jobs.append((site_dir, base, list(jobs), dict(html or {})))


def _files(names: list[str], directory_urls: bool = True) -> Files:
    files = [File(name, "docs", "site", directory_urls) for name in [*names, "stylesheets/a.css"]]
    return Files(files)


def _early(site: Path, printer: FakePrinter) -> EarlyPrint:
    return EarlyPrint(printer, dict(SHEETS), site, BASE, None)  # type: ignore[arg-type]


def test_the_sheets_are_built_first_and_the_sitemap_keeps_the_order(tmp_path: Path) -> None:
    names = ["index.md", "a.md", "crisiskaart.md", "b.md", "snelle-referentie.md"]
    files = _files(names)
    early = _early(tmp_path, FakePrinter())
    before = list(files.documentation_pages())
    early.build_sheets_first(files)
    built = [f.src_uri for f in files.documentation_pages()]
    assert built == ["crisiskaart.md", "snelle-referentie.md", "index.md", "a.md", "b.md"]
    assert early.order == ["./", "a/", "crisiskaart/", "b/", "snelle-referentie/"]
    assert early.in_order(files.documentation_pages()) == before
    assert "stylesheets/a.css" in files  # other files stay


def test_the_sheets_are_handed_over_once_both_are_rendered(tmp_path: Path) -> None:
    files = _files(["index.md", "snelle-referentie.md", "crisiskaart.md"], directory_urls=False)
    printer = FakePrinter()
    early = _early(tmp_path, printer)
    early.build_sheets_first(files)
    early.rendered("snelle-referentie.md", "snelle-referentie.html", "<p>blad</p>")
    early.rendered("index.md", "index.html", "<p>home</p>")
    assert printer.jobs == [] and early.job is None
    early.rendered("crisiskaart.md", "crisiskaart.html", "<p>kaart</p>")
    [(site, base, jobs, html)] = printer.jobs
    assert (site, base) == (tmp_path, BASE)
    assert jobs == [
        (BASE + "snelle-referentie.html", tmp_path / "snelle-referentie.pdf"),
        (BASE + "crisiskaart.html", tmp_path / "crisiskaart.pdf"),
    ]
    assert html == {
        BASE + "snelle-referentie.html": "<p>blad</p>",
        BASE + "crisiskaart.html": "<p>kaart</p>",
    }
    # The key of what was handed over is the key of that page once it is written.
    assert early.job is not None
    (tmp_path / "crisiskaart.html").write_text("<p>kaart</p>", "utf-8")
    key = BuildCache(None).pdf_key(tmp_path, "crisiskaart.html", None, BASE)
    assert early.job.keys["crisiskaart.html"] == key
    early.rendered("crisiskaart.md", "crisiskaart.html", "<p>kaart</p>")
    assert len(printer.jobs) == 1  # one job per build


def test_without_both_sheets_nothing_is_handed_over_early(tmp_path: Path) -> None:
    files = _files(["index.md", "snelle-referentie.md", "a.md"])
    printer = FakePrinter()
    early = _early(tmp_path, printer)
    early.build_sheets_first(files)
    assert [f.src_uri for f in files.documentation_pages()] == [
        "index.md",
        "snelle-referentie.md",
        "a.md",
    ]
    early.rendered("snelle-referentie.md", "snelle-referentie/", "<p>blad</p>")
    assert printer.jobs == [] and early.job is None
