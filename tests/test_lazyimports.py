"""mkdocs-macros' `import requests` is deferred until used (handbook/lazyimports.py)."""

from __future__ import annotations

import subprocess
import sys

CHECK = """
import sys
import handbook.plugin
import mkdocs_macros.plugin
import mkdocs_macros.util as util
assert "urllib3" not in sys.modules, "requests was loaded at start-up"
assert issubclass(util.requests.exceptions.RequestException, Exception)
assert "urllib3" in sys.modules
import requests
import requests.adapters
assert requests is sys.modules["requests"] and requests.adapters.HTTPAdapter
assert util.requests.get is requests.get
print("ok")
"""


def test_requests_loads_on_first_use_only() -> None:
    result = subprocess.run(
        [sys.executable, "-c", CHECK], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_a_submodule_imported_first_loads_the_package() -> None:
    check = (
        "import handbook.lazyimports as l, sys; l.defer(); import requests.adapters; "
        "assert type(sys.modules['requests']).__name__ == 'module'; print('ok')"
    )
    result = subprocess.run(
        [sys.executable, "-c", check], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
