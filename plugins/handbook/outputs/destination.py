"""Where an output may be written: never in docs/ or data/, and only in a folder that takes it.

Checked before any work starts, so a wrong ``--out`` costs a second, not a whole build."""

from __future__ import annotations

import errno
import tempfile
from pathlib import Path

from ..core.errors import HandbookError

GUARDED = ("docs", "data")

_REASONS = {
    errno.EACCES: "je mag daar niet schrijven",
    errno.EPERM: "je mag daar niet schrijven",
    errno.EROFS: "die schijf is alleen-lezen",
    errno.ENOSPC: "de schijf is vol",
    errno.ENOTDIR: "een deel van dat pad is een bestand, geen map",
    errno.EEXIST: "er staat een bestand met die naam",
}


def output_folder(root: Path, out: Path) -> Path:
    """``out`` made and checked; raises :class:`HandbookError` in Dutch when it cannot be used."""
    out = out.resolve()
    shown = str(out.relative_to(root)) if out.is_relative_to(root) else str(out)
    for name in GUARDED:
        guarded = (root / name).resolve()
        if out == guarded or out.is_relative_to(guarded):
            raise HandbookError(
                [
                    f"De uitvoermap '{shown}' ligt in {name}/. Het handboek schrijft nooit in "
                    "docs/ of data/: kies een andere map met --out, zoals dist."
                ]
            )
    try:
        out.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=out, prefix=".handbook-"):
            pass
    except OSError as error:
        reason = _REASONS.get(error.errno or 0, error.strerror or str(error))
        raise HandbookError(
            [
                f"De uitvoermap '{shown}' kan niet geschreven worden: {reason}. Kies een andere "
                "map met --out, of zorg dat je in deze map mag schrijven."
            ]
        ) from None
    return out
