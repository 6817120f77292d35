"""Dutch messages for data that does not fit the models: file, line and key path."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .validation import Invalid
from .yamlsrc import Source

_TYPE_MESSAGES = {
    "missing": "ontbreekt. Voeg deze sleutel toe",
    "extra_forbidden": "is een onbekende sleutel. Controleer de spelling of haal hem weg",
    "string_type": "moet tekst zijn; zet de waarde tussen aanhalingstekens",
    "int_type": "moet een heel getal zijn",
    "int_parsing": "moet een heel getal zijn",
    "int_from_float": "moet een heel getal zijn",
    "bool_type": "moet true of false zijn",
    "bool_parsing": "moet true of false zijn",
    "date_type": "moet een datum zijn in de vorm JJJJ-MM-DD, zoals 2026-03-01",
    "date_parsing": "moet een datum zijn in de vorm JJJJ-MM-DD, zoals 2026-03-01",
    "date_from_datetime_parsing": "moet een datum zijn in de vorm JJJJ-MM-DD, zoals 2026-03-01",
    "date_from_datetime_inexact": "moet een datum zijn zonder tijd, zoals 2026-03-01",
    "list_type": "moet een lijst zijn (regels die beginnen met '- ')",
    "dict_type": "moet een blok met sleutels zijn",
    "model_type": "moet een blok met sleutels zijn",
    "model_attributes_type": "moet een blok met sleutels zijn",
    "string_pattern_mismatch": "heeft niet de verwachte vorm",
    "greater_than_equal": "is te klein",
    "less_than_equal": "is te groot",
}


def key_text(loc: Sequence[str | int]) -> str:
    text = ""
    for part in loc:
        text += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _dutch(error: dict[str, Any]) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    value = error.get("input")
    if kind == "value_error":
        reason = str(ctx.get("error", error["msg"]))
        if reason.startswith("value is not a valid email address") or "@" in str(value):
            return f"'{value}' is geen geldig e-mailadres. Schrijf het als naam@voorbeeld.nl"
        return reason
    if kind == "literal_error":
        expected = str(ctx.get("expected", "")).replace(" or ", " of ")
        return f"'{value}' kan hier niet. Kies uit: {expected}"
    if kind == "string_pattern_mismatch":
        return f"'{value}' heeft niet de verwachte vorm (patroon {ctx.get('pattern')})"
    if kind == "too_short":
        return f"moet minstens {ctx.get('min_length')} item(s) hebben"
    if kind == "too_long":
        return f"mag hoogstens {ctx.get('max_length')} item(s) hebben"
    if kind in ("greater_than_equal", "less_than_equal"):
        limit = ctx.get("ge", ctx.get("le"))
        return f"{_TYPE_MESSAGES[kind]} ({value}); grens: {limit}"
    return _TYPE_MESSAGES.get(kind, f"is ongeldig ({error['msg']})")


def validation_messages(
    source: Source, error: Invalid, prefix: Sequence[str | int] = ()
) -> list[str]:
    """Dutch messages for invalid data: file, line, dotted key path and what to do."""
    messages = []
    for item in error.errors:
        loc = [p for p in item["loc"] if not (isinstance(p, str) and p.startswith("function-"))]
        line = source.line_of(loc)
        where = f"{source.label}, regel {line}" if line else source.label
        key = key_text([*prefix, *loc])
        messages.append(f"{where}, sleutel '{key}': {_dutch(item)}.")
    return messages
