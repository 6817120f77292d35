"""linkchecker over the built site, served over HTTP so anchors are checked too."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from conftest import VENV_BIN


def test_linkchecker_finds_no_broken_link(site_url: str, tmp_path: Path) -> None:
    config = tmp_path / "linkcheckerrc"
    config.write_text(
        "[filtering]\nignore=\n  ^mailto:\n  ^tel:\n\n[AnchorCheck]\n\n[output]\nstatus=0\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [str(VENV_BIN / "linkchecker"), "--config", str(config), "--no-warnings", site_url],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "HOME": str(tmp_path)},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 errors found" in result.stdout or "no errors" in result.stdout.lower(), result.stdout
