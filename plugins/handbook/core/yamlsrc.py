"""Read YAML while keeping track of where every key stands, for Dutch error messages.

Plain functions, no MkDocs imports: used by the data loader, the page checks and the CLI.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import HandbookError
from .yamlguard import MAX_BYTES, comment_problems, construct, shape_problems, size_message


@dataclass(frozen=True)
class Source:
    """A parsed YAML document with its node tree, so key paths map back to lines."""

    path: Path
    label: str  # path as the editor knows it, e.g. "data/contacten.yml"
    data: Any
    root: yaml.Node | None

    def line_of(self, loc: Sequence[str | int]) -> int | None:
        """The 1-based line of the deepest node that exists along ``loc``."""
        node = self.root
        line = node.start_mark.line + 1 if node is not None else None
        for part in loc:
            child = child_source(node, part)
            if child is None:
                break
            node = child
            line = node.start_mark.line + 1
        return line


def child_source(node: yaml.Node | None, part: str | int) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == str(part):
                return value
    elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
        return node.value[part]
    return None


_YAML_PROBLEMS = {
    "mapping values are not allowed here": (
        "hier staat een dubbele punt die YAML niet verwacht; zet tekst met een dubbele punt "
        'tussen aanhalingstekens ("...")'
    ),
    "could not find expected ':'": "er ontbreekt een dubbele punt na een sleutel",
    "found character '\\t' that cannot start any token": (
        "er staat een tab; gebruik spaties om in te springen"
    ),
    "found undefined alias": "er staat een onbekende verwijzing (*naam)",
    "found unexpected end of stream": "het bestand houdt midden in een waarde op",
    "did not find expected key": "de inspringing klopt niet, of er ontbreekt een aanhalingsteken",
    "did not find expected '-' indicator": "de inspringing van een lijst klopt niet",
    "expected <block end>, but found '-'": "de inspringing van een lijst klopt niet",
    "expected ',' or ']'": "er ontbreekt een sluithaak ] of een komma in een lijst",
    "expected ',' or '}'": "er ontbreekt een sluithaak } of een komma in een blok",
    "found unknown escape character": (
        "er staat een ongeldige backslash (\\) tussen aanhalingstekens"
    ),
}


def _explain(problem: str | None) -> str:
    problem = (problem or "").strip()
    for english, dutch in _YAML_PROBLEMS.items():
        if problem.startswith(english):
            return dutch
    return f"de YAML-opmaak klopt niet (inspringing, dubbele punt of aanhalingstekens; {problem})"


def parse_yaml(text: str, path: Path, label: str) -> Source:
    """Parse ``text``; raise :class:`HandbookError` with file, line and a Dutch explanation.

    Refused with a Dutch message too (see ``yamlguard``): anchors and aliases, nesting deeper
    than any data model, more than ``MAX_BYTES``, a `` #`` comment that cuts a text short,
    duplicate keys, and values that cannot exist (``2027-02-30``).
    """
    # Before any node is built: an alias bomb is refused here, never expanded.
    shape = shape_problems(text, label)
    if shape:
        raise HandbookError(shape)
    try:
        # Parsed once, with libyaml when present (the build reads YAML for every page); the
        # data is built from the same nodes. On an error the pure-Python parser reads it again,
        # because its wording is the one the Dutch explanations below know.
        root = yaml.compose(text, Loader=_FAST_LOADER)
    except yaml.YAMLError:
        root = None
    if root is None and text.strip():  # an error, or a file with only comments
        root = _parse_slow(text, label)
    problems = [*_duplicate_keys(root, label), *comment_problems(root, text, label)]
    if problems:
        raise HandbookError(problems)
    data = construct(root, label) if root is not None else None
    return Source(path=path, label=label, data=data, root=root)


_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _parse_slow(text: str, label: str) -> yaml.Node | None:
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f"{label}, regel {mark.line + 1}, kolom {mark.column + 1}" if mark else label
        raise HandbookError(
            [f"{where}: {_explain(error.problem)}. Herstel de opmaak en bouw opnieuw."]
        ) from None
    except yaml.YAMLError as error:  # pragma: no cover - unmarked errors are rare
        raise HandbookError([f"{label}: de YAML kan niet gelezen worden ({error})."]) from None


def _duplicate_keys(node: yaml.Node | None, label: str):
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                line = key.start_mark.line + 1
                if key.value in seen:
                    yield (
                        f"{label}, regel {line}: de sleutel '{key.value}' staat er twee keer "
                        f"(eerder op regel {seen[key.value]}). Houd er één over."
                    )
                seen[key.value] = line
            yield from _duplicate_keys(value, label)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _duplicate_keys(item, label)


def read_yaml(path: Path, label: str | None = None) -> Source:
    """Read and parse a YAML file; a missing file is a Dutch error too."""
    label = label or path.as_posix()
    try:
        if path.stat().st_size > MAX_BYTES:
            raise HandbookError([size_message(label, path.stat().st_size)])
        raw = path.read_bytes()
    except FileNotFoundError:
        raise HandbookError(
            [
                f"{label}: het bestand ontbreekt. Maak het aan (zie CONTRIBUTING.md) of herstel "
                "de naam."
            ]
        ) from None
    except IsADirectoryError:
        raise HandbookError([f"{label}: dit is een map, geen bestand. Herstel de naam."]) from None
    return parse_yaml(decode_text(raw, label), path, label)


def decode_text(raw: bytes, label: str) -> str:
    """``raw`` as UTF-8 text (a BOM is fine); otherwise a Dutch error naming the line."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise HandbookError([encoding_message(label, line)]) from None


def encoding_message(label: str, line: int) -> str:
    return (
        f"{label}, regel {line}: het bestand is niet opgeslagen als UTF-8 (hier staat een teken "
        "dat geen UTF-8 is). Sla het opnieuw op als UTF-8; in VS Code kies je rechtsonder de "
        "codering en dan 'Save with Encoding' > 'UTF-8'."
    )
