"""The offline build: one zip that works from disk (file://) with search and no network."""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import ROOT, VENV_BIN, copy_project
from handbook.outputs.offline import package_name, slug

ZIP_NAME = "vonkel-socialmediabeleid-2.0-2026-09-01"


@pytest.fixture(scope="module")
def offline_zip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    result = subprocess.run(
        [str(VENV_BIN / "handbook"), "--root", str(ROOT), "offline", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == f"geschreven: {out / ZIP_NAME}.zip"
    return out / f"{ZIP_NAME}.zip"


@pytest.fixture(scope="module")
def offline_site(offline_zip: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("share")
    with zipfile.ZipFile(offline_zip) as archive:
        archive.extractall(folder)
    return folder / ZIP_NAME


def test_zip_name_has_brand_version_and_date() -> None:
    from datetime import date

    assert slug("Social mediabeleid") == "social-mediabeleid"
    assert slug("Socialmediabeleid") == "socialmediabeleid"
    assert slug("Zorggroep Één & Co") == "zorggroep-een-co"
    assert package_name("Vonkel", "Socialmediabeleid", "2.0", date(2026, 9, 1)) == ZIP_NAME


def test_zip_holds_one_folder_with_flat_html_pages(offline_zip: Path) -> None:
    with zipfile.ZipFile(offline_zip) as archive:
        names = archive.namelist()
    assert {n.split("/")[0] for n in names} == {ZIP_NAME}
    assert f"{ZIP_NAME}/index.html" in names
    assert f"{ZIP_NAME}/crisis.html" in names  # use_directory_urls: false
    assert f"{ZIP_NAME}/search/search_index.js" in names  # Material's offline plugin
    assert f"{ZIP_NAME}/LEESMIJ.txt" in names
    assert not any(n.endswith("/crisis/index.html") for n in names)


def test_offline_search_index_carries_the_keywords(offline_zip: Path) -> None:
    # The keywords are added before Material's offline plugin copies the index into JS.
    with zipfile.ZipFile(offline_zip) as archive:
        script = archive.read(f"{ZIP_NAME}/search/search_index.js").decode("utf-8")
    assert '"trefwoorden":{"boost":' in script and '"trefwoorden":["sancties"' in script


def test_offline_pages_reference_nothing_outside(offline_site: Path) -> None:
    for page in offline_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "unpkg.com" not in html, page
        assert 'src="http' not in html, page
        assert 'rel="stylesheet" href="http' not in html, page


def test_a_failing_offline_build_says_why_in_dutch_and_writes_no_zip(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    crisis = project / "docs" / "crisis.md"
    crisis.write_text(
        crisis.read_text(encoding="utf-8") + "\n[Kapot](bestaat-niet.md)\n", encoding="utf-8"
    )
    result = subprocess.run(
        [str(VENV_BIN / "handbook"), "--root", str(project), "offline", "--out", "dist"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 1
    line = crisis.read_text(encoding="utf-8").splitlines().index("[Kapot](bestaat-niet.md)") + 1
    # MkDocs' warning about the link, in Dutch with the line, in the one list of problems.
    assert result.stderr.strip().endswith(
        "ERROR   -  Het handboek kan niet gebouwd worden: 1 probleem.\n"
        f"  - docs/crisis.md, regel {line}: de link 'bestaat-niet.md' wijst naar een pagina die "
        "niet bestaat. Controleer de bestandsnaam (een pagina in docs/, zoals crisis.md) of haal "
        "de link weg.\n"
        "FOUT  De build is gestopt door de fout hierboven."
    )
    assert "Traceback" not in result.stderr
    assert not (project / "dist").exists()


def test_normal_build_is_not_offline(site_dir: Path) -> None:
    assert not (site_dir / "search" / "search_index.js").exists()
    assert (site_dir / "crisis" / "index.html").is_file()
    assert "iframe-worker" not in (site_dir / "index.html").read_text(encoding="utf-8")


@pytest.mark.browser
def test_offline_site_works_from_disk_without_network(browser, offline_site: Path) -> None:
    context = browser.new_context(locale="nl-NL")
    seen: list[str] = []
    context.on("request", lambda request: seen.append(request.url))
    page = context.new_page()
    try:
        page.goto((offline_site / "index.html").as_uri(), wait_until="load")
        assert page.locator("h1").first.inner_text().startswith("Socialmediabeleid van Vonkel")
        # Three pages through the site's own navigation.
        for title, target in [
            ("Wat mag wel en niet", "acceptabele-inhoud.html"),
            ("Crisis", "crisis.html"),
            ("Contact", "contacten.html"),
        ]:
            page.locator(".md-nav--primary a.md-nav__link", has_text=title).first.click()
            page.wait_for_load_state("load")
            assert urlsplit(page.url).scheme == "file"
            assert page.url.endswith("/" + target), page.url
            assert page.locator("article h1").count() == 1
        # Dutch search from disk: the index comes from search_index.js via the worker shim.
        page.locator("input.md-search__input").click()
        page.keyboard.type("wachtberichten")
        first = page.locator(".md-search-result__item a").first
        first.wait_for(timeout=15_000)
        assert urlsplit(first.get_attribute("href") or "").path.endswith("/crisis.html")
        first.click()
        page.wait_for_load_state("load")
        assert urlsplit(page.url).path.endswith("/crisis.html")
    finally:
        context.close()
    schemes = {urlsplit(u).scheme for u in seen}
    assert schemes <= {"file", "data", "blob", "about"}, [
        u for u in seen if urlsplit(u).scheme not in ("file", "data", "blob", "about")
    ]
    assert len(seen) > 10
