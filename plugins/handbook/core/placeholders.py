"""Find every unknown placeholder, not only the first one Jinja trips over.

mkdocs-macros renders pages with one Jinja environment. We give that environment an
``Undefined`` class that records what was missing and renders as an empty string; after
each page the plugin turns the records into Dutch messages and the build stops. No page can
ship with ``{{ typo }}`` left in it or with an error block instead of text.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from jinja2 import ChainableUndefined, Environment, TemplateSyntaxError, Undefined

from .dates import Datum

# A placeholder that is only a dotted name, such as {{ contacten.pers.email }}.
_SIMPLE = re.compile(r"\{\{\s*([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)\s*\}\}")


def render_text(env: Environment, text: str, variables: Mapping[str, Any]) -> str:
    """``env.from_string(text).render(**variables)``, without compiling plain placeholders.

    Data texts and front matter hold hundreds of short texts with ``{{ a.b }}`` in them;
    compiling each into a template costs more than the rest of the build's work on them.
    The quick path gives exactly what Jinja would (see :func:`quick_fill`); anything else, and
    every unknown name, goes through Jinja, which reports it.
    """
    quick = quick_fill(env, text, variables)
    return quick if quick is not None else env.from_string(text).render(**variables)


def quick_fill(env: Environment, text: str, variables: Mapping[str, Any]) -> str | None:
    """``text`` with its dotted-name placeholders filled, or ``None`` when Jinja must do it.

    ``None`` for anything but plain ``{{ name.attr }}`` placeholders (filters, calls, blocks,
    comments, whitespace control), an unknown name, a text Jinja would change otherwise
    (carriage returns) or an environment with other delimiters or escaping. Like Jinja, it
    drops one newline at the end (YAML's ``>`` and ``|`` texts end with one).
    """
    if "{" not in text:
        return text
    if (
        env.variable_start_string != "{{"
        or env.block_start_string != "{%"
        or env.comment_start_string != "{#"
        or env.autoescape
        or env.finalize is not None
        or "\r" in text
        or "{{-" in text
        or "-}}" in text
    ):
        return None
    if text.endswith("\n") and not env.keep_trailing_newline:
        text = text[:-1]
    rest = _SIMPLE.sub("", text)
    if "{{" in rest or "{%" in rest or "{#" in rest or "}}" in rest:
        return None
    missing = False

    def value(match: re.Match[str]) -> str:
        nonlocal missing
        head, *attrs = match.group(1).split(".")
        if head not in variables:
            missing = True
            return ""
        obj = variables[head]
        for attr in attrs:
            obj = env.getattr(obj, attr)  # Jinja's own lookup: attribute, then item
            if isinstance(obj, Undefined):
                missing = True
                return ""
        if isinstance(obj, Undefined):
            missing = True
            return ""
        return str(obj)

    filled = _SIMPLE.sub(value, text)
    return None if missing else filled


def index_paths(variables: Mapping[str, Any]) -> dict[int, str]:
    """Map ``id()`` of every dict/list in the data to its dotted path, for messages."""
    paths: dict[int, str] = {}

    def walk(value: Any, path: str) -> None:
        if isinstance(value, dict):
            paths[id(value)] = path
            for key, child in value.items():
                walk(child, f"{path}.{key}")
        elif isinstance(value, list):
            paths[id(value)] = path
            for i, child in enumerate(value):
                walk(child, f"{path}[{i}]")

    for name, value in variables.items():
        walk(value, name)
    return paths


@dataclass
class Recorder:
    """Collects the placeholders that were not found while one page is rendered."""

    paths: dict[int, str] = field(default_factory=dict)
    missing: list[tuple[str, str]] = field(default_factory=list)  # (placeholder, hint)

    def record(self, undefined: ChainableUndefined) -> None:
        name = undefined._undefined_name
        owner = undefined._undefined_obj
        hint = ""
        if owner is not None and not isinstance(owner, ChainableUndefined):
            parent = self.paths.get(id(owner))
            placeholder = f"{parent}.{name}" if parent else str(name)
            if isinstance(owner, dict):
                hint = f"bekende sleutels: {', '.join(map(str, owner))}"
        else:
            placeholder = str(name) if name is not None else (undefined._undefined_hint or "?")
        entry = (placeholder, hint)
        if entry not in self.missing:
            self.missing.append(entry)

    def take(self) -> list[tuple[str, str]]:
        missing, self.missing = self.missing, []
        return missing

    def undefined_class(self) -> type[ChainableUndefined]:
        recorder = self

        class RecordingUndefined(ChainableUndefined):
            """Renders as nothing, but remembers that it was used."""

            __slots__ = ()

            def __str__(self) -> str:
                recorder.record(self)
                return ""

            def __iter__(self):
                recorder.record(self)
                return iter(())

            def __bool__(self) -> bool:
                recorder.record(self)
                return False

            def __len__(self) -> int:
                recorder.record(self)
                return 0

            def _fail_with_undefined_error(self, *args: Any, **kwargs: Any) -> Any:
                recorder.record(self)
                return ""

            __call__ = _fail_with_undefined_error

        return RecordingUndefined


def line_of(text: str, needle: str, offset: int = 0) -> int | None:
    """1-based line (plus ``offset``) of the first line mentioning ``needle``."""
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return number + offset
    return None


def placeholder_messages(
    label: str, missing: list[tuple[str, str]], source: str, offset: int = 0
) -> list[str]:
    """Dutch messages for unknown placeholders in one page, with the line where each stands."""
    messages = []
    for placeholder, hint in missing:
        first = placeholder.split("[")[0].split(".")[-1]
        line = line_of(source, placeholder, offset) or line_of(source, first, offset)
        where = f"{label}, regel {line}" if line else label
        extra = f" ({hint})" if hint else ""
        messages.append(
            f"{where}: de placeholder '{{{{ {placeholder} }}}}' bestaat niet{extra}. "
            "Controleer de spelling; alle gegevens staan in data/."
        )
    return messages


def syntax_message(env: Environment, label: str, source: str, offset: int = 0) -> str | None:
    """A Dutch message for a Jinja syntax error in ``source``, or ``None`` if it parses."""
    try:
        env.parse(source)
    except TemplateSyntaxError as error:
        return (
            f"{label}, regel {(error.lineno or 0) + offset}: een placeholder of opdracht tussen "
            f"{{{{ }}}} of {{% %}} is niet goed afgesloten ({error.message}). Controleer de "
            "haakjes en aanhalingstekens."
        )
    return None


# mkdocs-macros replaces a page that fails to parse or render with a block like these.
_MACRO_SYNTAX_ERROR = "# _Macro Syntax Error_"
_MACRO_ERROR = re.compile(r"^# _Macro Rendering Error_.*?^_(?!File_)(\w+)_: (.*?)$", re.S | re.M)


def drop_macro_error_blocks(record: logging.LogRecord) -> bool:
    """mkdocs-macros logs a failed page with a Python traceback; we report it in Dutch instead."""
    return "_Macro Rendering Error_" not in str(record.msg) and "_Macro Syntax Error_" not in str(
        record.msg
    )


def has_macro_error(rendered: str) -> bool:
    """Whether mkdocs-macros put one of its error blocks in the page's Markdown."""
    return _MACRO_SYNTAX_ERROR in rendered or _MACRO_ERROR.search(rendered) is not None


def macro_error_messages(
    env: Environment, label: str, rendered: str, source: str, raw: str
) -> list[str]:
    """Dutch messages for the error block mkdocs-macros put in place of a page, if any.

    ``rendered`` is the page's Markdown after macros, ``source`` what macros was given and
    ``raw`` the file as the editor wrote it (for line numbers).
    """
    messages = []
    if _MACRO_SYNTAX_ERROR in rendered:
        offset = raw[: raw.find(source)].count("\n") if source and source in raw else 0
        problem = syntax_message(env, label, source, offset)
        if problem:
            messages.append(problem)
    match = _MACRO_ERROR.search(rendered)
    if match:
        kind, text = match.group(1), match.group(2).strip()
        detail = text if kind == "ValueError" else f"{kind}: {text}"
        messages.append(
            f"{label}: een macro op deze pagina gaf een fout: {detail}. Controleer de naam "
            "van de macro en de waarden tussen de haakjes."
        )
    return messages


def render_value(env: Environment, variables: dict[str, Any], value: Any) -> Any:
    """Fill placeholders in front matter values (strings, and strings inside lists/dicts)."""
    if isinstance(value, date) and not isinstance(value, Datum):
        return Datum(value.year, value.month, value.day)
    if isinstance(value, str) and "{" in value:
        return render_text(env, value, variables)
    if isinstance(value, list):
        return [render_value(env, variables, v) for v in value]
    if isinstance(value, dict):
        return {k: render_value(env, variables, v) for k, v in value.items()}
    return value
