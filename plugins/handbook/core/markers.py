"""Open markers: values that ``handbook nieuw`` could not fill ("NOG INVULLEN: ...").

A marker is a text that starts with ``NOG INVULLEN``. It may stand where the model expects an
e-mail address, a phone number or a term: validation then uses a stand-in of the right kind, so
every other mistake is still reported, and the marker itself is shown on the pages (a preview
with ``mkdocs serve`` works). ``handbook check`` lists every open marker; a strict build stops
with one message that names them all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from .messages import key_text
from .validation import Invalid
from .yamlsrc import Source

MARKER = "NOG INVULLEN"


def marker(what: str) -> str:
    """The text written for a value nobody gave yet: ``NOG INVULLEN: e-mailadres van HR``."""
    return f"{MARKER}: {what}"


def is_open(value: Any) -> bool:
    return isinstance(value, str) and value.strip().upper().startswith(MARKER)


@dataclass(frozen=True)
class OpenValue:
    """One marker in a data file: where it stands and what it asks for."""

    label: str
    line: int | None
    key: str
    text: str

    def message(self) -> str:
        where = f"{self.label}, regel {self.line}" if self.line else self.label
        return f"{where}, sleutel '{self.key}': {self.text}"


def find_open(value: Any, loc: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    """The key path of every marker inside ``value``."""
    if is_open(value):
        yield loc
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from find_open(item, (*loc, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from find_open(item, (*loc, i))


def _stand_in(error: dict[str, Any]) -> Any:
    """A valid value of the kind the model wanted where a marker stands (None: no stand-in)."""
    kind = error["type"]
    reason = str((error.get("ctx") or {}).get("error", error.get("msg", "")))
    if kind == "value_error":
        for word, value in (
            ("mail", "nog.invullen@voorbeeld.nl"),
            ("telefoon", "+31 00 000 00 00"),
            ("webadres", "https://nog-invullen.invalid/"),
            ("termijn", "1 uur"),
            ("controle niet lezen", "24/7"),  # hours (bereikbaarheid, kantoortijden)
        ):
            if word in reason:
                return value
        return None
    if kind.startswith("date"):
        return date(2000, 1, 1)
    if kind.startswith("bool"):
        return False
    if kind.startswith("int"):
        return 1
    return None


def _set(data: Any, loc: Sequence[str | int], value: Any) -> None:
    for part in loc[:-1]:
        data = data[part]
    data[loc[-1]] = value


def _copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy(v) for v in value]
    return value


def _error_loc(error: dict[str, Any]) -> tuple[str | int, ...]:
    return tuple(p for p in error["loc"] if not (isinstance(p, str) and p.startswith("function-")))


def validate_open(
    data: Any, validate: Callable[[Any], Any]
) -> tuple[Any, list[tuple[str | int, ...]]]:
    """Validate ``data`` with markers in it; returns the result and the markers' key paths.

    Where the model rejects a marker, a stand-in of the right kind is validated instead. Any
    other problem raises :class:`Invalid` with only the errors that are not about a marker.
    """
    paths = list(find_open(data))
    if not paths:
        return validate(data), []
    work = _copy(data)
    open_paths = set(paths)
    for _ in range(3):  # one round fixes every marker; the loop only guards odd models
        try:
            return validate(work), paths
        except Invalid as error:
            rest = []
            changed = False
            for item in error.errors:
                loc = _error_loc(item)
                value = _stand_in(item) if loc in open_paths else None
                if value is None:
                    rest.append(item)
                else:
                    _set(work, loc, value)
                    changed = True
            if rest or not changed:
                raise Invalid(rest or error.errors) from None
    return validate(work), paths


def restore(plain: Any, data: Any, paths: Sequence[tuple[str | int, ...]]) -> Any:
    """Put the markers' own texts back into the plain data pages show (not the stand-ins)."""
    for loc in paths:
        value = data
        for part in loc:
            value = value[part]
        try:
            _set(plain, loc, value)
        except (KeyError, IndexError, TypeError):
            continue
    return plain


def open_values(
    source: Source, paths: Sequence[tuple[str | int, ...]], prefix: Sequence[str | int]
) -> list[OpenValue]:
    found = []
    for loc in paths:
        value = source.data
        for part in loc:
            value = value[part]
        found.append(
            OpenValue(source.label, source.line_of(loc), key_text([*prefix, *loc]), str(value))
        )
    return found


def open_message(values: Sequence[OpenValue]) -> str:
    """The one message a strict build stops with: every open marker, one per line."""
    count = len(values)
    head = (
        f"Er {'staat' if count == 1 else 'staan'} nog {count} "
        f"{'waarde' if count == 1 else 'waarden'} op '{MARKER}'. Vul ze in (of voer "
        "'make nieuw' opnieuw uit) en bouw opnieuw:"
    )
    return "\n".join([head, *(f"      {v.message()}" for v in values)])
