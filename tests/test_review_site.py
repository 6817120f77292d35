"""Readers see when a page is overdue for review: built for a fixed "today", checked with axe."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import build, copy_project
from handbook.outputs.chromium import serve_directory

NOTICE = "Deze pagina had vóór 1 juni 2027 opnieuw beoordeeld moeten worden."


@pytest.fixture(scope="module")
def overdue_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site as it looks on 5 June 2027: crisis.md (herzien_voor 2027-06-01) is overdue."""
    project = copy_project(tmp_path_factory.mktemp("overdue"))
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  - handbook:\n" in text
    config.write_text(
        text.replace("  - handbook:\n", '  - handbook:\n      vandaag: "2027-06-05"\n', 1),
        encoding="utf-8",
    )
    out = project / "site"
    result = build(project, out)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def test_overdue_page_shows_a_notice_after_its_title(overdue_site: Path) -> None:
    html = (overdue_site / "crisis" / "index.html").read_text(encoding="utf-8")
    assert NOTICE in html
    assert "Neem contact op met Crisisteam (crisis@vonkel.example)." in html
    assert html.index("<h1") < html.index('class="admonition warning"') < html.index(NOTICE)
    assert "<title>Crisis - " in html


def test_pages_on_time_show_no_notice(overdue_site: Path) -> None:
    for page in ("index.html", "reageren/index.html", "contacten/index.html"):
        html = (overdue_site / page).read_text(encoding="utf-8")
        assert "opnieuw beoordeeld moeten worden" not in html, page


def test_today_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HANDBOOK_VANDAAG", "2027-12-02")
    project = copy_project(tmp_path / "p")
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site" / "reageren" / "index.html").read_text(encoding="utf-8")
    assert "Deze pagina had vóór 1 december 2027 opnieuw beoordeeld moeten worden." in html


def test_bad_today_stops_the_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HANDBOOK_VANDAAG", "morgen")
    project = copy_project(tmp_path / "p")
    result = build(project, tmp_path / "site")
    assert result.returncode == 1
    assert (
        "HANDBOOK_VANDAAG: 'morgen' is geen geldige datum voor vandaag. "
        "Schrijf hem als JJJJ-MM-DD, zoals 2026-03-01." in result.stderr
    )
    assert "Traceback" not in result.stderr


@pytest.mark.browser
def test_overdue_notice_is_accessible(page, overdue_site: Path, axe_source: str) -> None:
    with serve_directory(overdue_site) as url:
        page.goto(url + "crisis/", wait_until="networkidle")
        assert page.get_by_text(NOTICE).is_visible()
        page.add_script_tag(content=axe_source)
        result = page.evaluate("async () => await axe.run(document)")
    assert [v["id"] for v in result["violations"]] == []
