"""Check every link of a built site with linkchecker, served on 127.0.0.1 (``handbook links``).

Served over HTTP rather than read from disk, so that anchors are checked too. linkchecker waits
between requests to one host unless the server answers with a ``LinkChecker`` header; our own
server does, so the check runs at full speed. The tests and CI's quick job use this one function.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from ..core.errors import HandbookError
from ..outputs.chromium import serve_directory

CONFIG = (
    "[checking]\nmaxrequestspersecond=100\n\n"
    "[filtering]\nignore=\n  ^mailto:\n  ^tel:\n\n"
    "{anchors}"
    "[output]\nstatus=0\n"
)


def linkchecker_path() -> str:
    """The linkchecker next to this Python (the project's ``.venv``), else on the PATH."""
    beside = Path(sys.executable).parent / "linkchecker"
    found = str(beside) if beside.is_file() else shutil.which("linkchecker")
    if not found:
        raise HandbookError(
            [
                "linkchecker ontbreekt. Installeer de testhulpmiddelen met 'make test' of "
                "'make controle' (die maken .venv aan met alles wat nodig is)."
            ]
        )
    return found


def check_links(
    site: Path, workdir: Path | None = None, *, anchors: bool = True, verbose: bool = False
) -> subprocess.CompletedProcess[str]:
    """Run linkchecker over ``site``; the result carries ``url``, the address that was checked."""
    if not (site / "index.html").is_file():
        raise HandbookError(
            [f"{site}: hier staat geen gebouwde site (geen index.html). Bouw eerst: make build."]
        )
    program = linkchecker_path()
    with tempfile.TemporaryDirectory(prefix="linkchecker-") as own:
        home = Path(workdir or own)
        config = home / "linkcheckerrc"
        config.write_text(
            CONFIG.format(anchors="[AnchorCheck]\n\n" if anchors else ""), encoding="utf-8"
        )
        with serve_directory(site, headers={"LinkChecker": "handbook"}) as url:
            args = [program, "--config", str(config), *(["-v"] if verbose else [])]
            result = subprocess.run(
                [*args, url],
                capture_output=True,
                text=True,
                timeout=600,
                env={**os.environ, "HOME": str(home)},
            )
    result.url = url  # type: ignore[attr-defined]
    return result
