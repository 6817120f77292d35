"""Libraries another plugin imports at start-up but a build never uses: loaded on first use.

mkdocs-macros imports ``requests`` (with urllib3, charset_normalizer, ssl and email) when it
loads, for one thing only: asking PyPI about a ``modules:`` entry it cannot import, which this
handbook's configuration never has. That import costs about 0.14 s of every build and every
reload. :func:`defer` puts a stand-in in its place before mkdocs-macros loads (MkDocs loads the
plugins in the order of ``plugins:``, and handbook comes first): ``import requests`` then costs
nothing, and the first use of any name in it loads the real library, as before.

(``importlib.util.LazyLoader`` does not help here: on Python 3.11 an ``import`` of a module that
is already in ``sys.modules`` reads its ``__spec__``, which loads a lazy module at once.)
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import threading
import types
from collections.abc import Iterable
from typing import Any

DEFERRED = ("requests",)

_lock = threading.Lock()


class Deferred(types.ModuleType):
    """Stands in for a module until a name in it is used; then it is that module."""

    def __getattr__(self, attr: str) -> Any:  # only for names the stand-in does not have
        return getattr(load(self), attr)


def load(stand_in: Deferred) -> types.ModuleType:
    """Import the real module behind ``stand_in``; the stand-in gets all its names."""
    name = stand_in.__name__
    with _lock:
        if sys.modules.get(name) is stand_in:
            del sys.modules[name]
            try:
                module = importlib.import_module(name)
            except BaseException:
                sys.modules[name] = stand_in
                raise
            stand_in.__dict__.update(module.__dict__)
        return sys.modules[name]


def defer(names: Iterable[str] = DEFERRED) -> None:
    """Make ``import name`` cost nothing until a name in it is used (missing ones: skipped)."""
    for name in names:
        if name in sys.modules:
            continue
        try:
            spec = importlib.util.find_spec(name)
        except (ImportError, ValueError):
            continue
        if spec is None:
            continue
        stand_in = Deferred(name)
        # What `import name` reads of a module in sys.modules; anything else (a submodule's
        # import reads __path__) loads the real module.
        stand_in.__spec__ = spec
        sys.modules[name] = stand_in
