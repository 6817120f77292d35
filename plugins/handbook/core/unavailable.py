"""A stand-in for data that could not be loaded, so the calls that depend on it stay quiet.

When ``data/kanalen.yml`` is broken, its own Dutch messages say so once. Every placeholder,
table or text that uses it then gets an :class:`Unavailable` instead of the data: any key,
attribute, index or call on it gives another stand-in, and it shows as nothing. No page
reports "de placeholder bestaat niet" for data that exists but is broken.
"""

from __future__ import annotations

from typing import Any

from jinja2 import Environment


class Unavailable:
    """Data from a file that did not load (``name``): every use is quiet and empty."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __getattr__(self, attr: str) -> Unavailable:
        if attr.startswith("__"):
            raise AttributeError(attr)
        return self

    def __getitem__(self, key: Any) -> Unavailable:
        return self

    def __contains__(self, key: Any) -> bool:
        return True  # nothing can be missing from data that did not load

    def __call__(self, *args: Any, **kwargs: Any) -> Unavailable:
        return self

    def get(self, key: Any, default: Any = None) -> Unavailable:
        return self

    def __iter__(self):
        return iter(())

    def __len__(self) -> int:
        return 0

    def __bool__(self) -> bool:
        return False

    def __str__(self) -> str:
        return ""

    def __repr__(self) -> str:
        return f"Unavailable({self.name!r})"


def is_unavailable(value: Any) -> bool:
    return isinstance(value, Unavailable)


def tolerate(env: Environment) -> Environment:
    """Let ``env`` look up keys made from unavailable data quietly.

    ``{{ contacten[slas.datalek.melden_bij].rol }}`` with a broken ``slas.yml`` looks up
    ``contacten[Unavailable]``: that gives another stand-in instead of "bestaat niet"."""
    getitem = env.getitem

    def quiet_getitem(obj: Any, argument: Any) -> Any:
        if isinstance(argument, Unavailable):
            return argument
        return getitem(obj, argument)

    env.getitem = quiet_getitem  # type: ignore[method-assign]
    return env
