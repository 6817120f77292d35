"""linkchecker over the built site, served over HTTP so anchors are checked too."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import linkcheck
from handbook.cli import main


def test_linkchecker_finds_no_broken_link(site_dir: Path, tmp_path: Path) -> None:
    result = linkcheck(site_dir, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 errors found" in result.stdout or "no errors" in result.stdout.lower(), result.stdout


def _site(folder: Path, link: str) -> Path:
    folder.mkdir()
    (folder / "index.html").write_text(
        f'<!doctype html><html lang="nl"><body><a href="{link}">verder</a></body></html>',
        encoding="utf-8",
    )
    (folder / "er.html").write_text(
        '<!doctype html><html lang="nl"><body><h2 id="hier">Hier</h2></body></html>',
        encoding="utf-8",
    )
    folder.chmod(0o755)
    return folder


@pytest.mark.parametrize("anchors", [True, False], ids=["met-ankers", "zonder-ankers"])
def test_handbook_links_passes_a_sound_site(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], anchors: bool
) -> None:
    site = _site(tmp_path / "site", "er.html#hier")
    args = ["--root", str(tmp_path), "links", "--site", "site"]
    assert main([*args, *([] if anchors else ["--zonder-ankers"])]) == 0
    assert "Alle links in site werken" in capsys.readouterr().out
    assert site.is_dir()


def test_handbook_links_names_a_broken_link(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _site(tmp_path / "site", "weg.html")
    assert main(["--root", str(tmp_path), "links", "--zonder-ankers", "--site", "site"]) == 1
    captured = capsys.readouterr()
    assert "weg.html" in captured.out
    assert "FOUT  linkchecker vond kapotte links in site" in captured.err


def test_handbook_links_without_a_site_says_what_to_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--root", str(tmp_path), "links", "--site", "site"]) == 2
    assert "hier staat geen gebouwde site (geen index.html). Bouw eerst" in capsys.readouterr().err


def test_handbook_links_checks_anchors_unless_told_not_to(tmp_path: Path) -> None:
    _site(tmp_path / "site", "er.html#nergens")
    args = ["--root", str(tmp_path), "links", "--site", "site"]
    assert main(args) == 1
    assert main([*args, "--zonder-ankers"]) == 0
