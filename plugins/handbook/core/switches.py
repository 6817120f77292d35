"""On/off switches from environment variables (HANDBOOK_PDF, HANDBOOK_CACHE, ...), one reading.

No MkDocs imports: the plugin, the CLI and the plain modules read them alike.
"""

from __future__ import annotations

from collections.abc import Mapping

ON = ("1", "true", "yes", "ja", "aan")

OFF = ("0", "false", "no", "nee", "uit")


def switch(environ: Mapping[str, str], name: str) -> bool | None:
    """``True`` or ``False`` when the variable ``name`` says so; ``None`` when unset or unclear."""
    value = environ.get(name, "").strip().lower()
    if value in ON:
        return True
    if value in OFF:
        return False
    return None
