"""linkchecker over the built site, served over HTTP so anchors are checked too."""

from __future__ import annotations

from pathlib import Path

from conftest import linkcheck


def test_linkchecker_finds_no_broken_link(site_dir: Path, tmp_path: Path) -> None:
    result = linkcheck(site_dir, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 errors found" in result.stdout or "no errors" in result.stdout.lower(), result.stdout
