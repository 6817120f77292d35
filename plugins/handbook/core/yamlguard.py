"""What a YAML parser accepts but an editor never means: checks on the raw text and the nodes.

``parse_yaml`` (in ``yamlsrc``) runs these on every data file and every page's front matter:

- :func:`shape_problems`, before anything is built from the text: anchors and aliases
  (``&naam``/``*naam``; a few hundred bytes of nested aliases expand to millions of items),
  nesting deeper than :data:`MAX_DEPTH` and a text larger than :data:`MAX_BYTES`. The event
  stream is read once, in C when libyaml is there; nothing is expanded.
- :func:`comment_problems`, on the node tree: a `` #`` that YAML takes for the start of a comment
  right after a plain text, so that the rest of the line silently drops out ("met #adv").
- :func:`bad_scalar`, when building the data fails: the scalar that cannot be a value, such as
  the impossible date ``2027-02-30``.

Plain functions; messages are Dutch and name the file and line.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import yaml

# A data file larger than this is not a handbook's data: refuse it before parsing.
MAX_BYTES = 1_000_000

# Deeper than this is no data model of ours; it only makes parsers recurse.
MAX_DEPTH = 40

_EVENT_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def size_message(label: str, size: int) -> str:
    return (
        f"{label}: het bestand is {size / 1_000_000:.1f} MB groot; het handboek leest hooguit "
        f"{MAX_BYTES // 1_000_000} MB. Haal tekst weg of verdeel die over meer bestanden."
    )


def shape_problems(text: str, label: str) -> list[str]:
    """Anchors, aliases and too deep nesting, found in the event stream (never expanded)."""
    if len(text) > MAX_BYTES:
        return [size_message(label, len(text.encode("utf-8", "replace")))]
    messages: list[str] = []
    depth = 0
    anchors: list[tuple[int, str, str]] = []  # (line, sign, name)
    try:
        for event in yaml.parse(text, Loader=_EVENT_LOADER):
            if isinstance(event, yaml.AliasEvent):
                anchors.append((event.start_mark.line + 1, "*", str(event.anchor)))
            elif getattr(event, "anchor", None):
                anchors.append((event.start_mark.line + 1, "&", str(event.anchor)))
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    messages.append(
                        f"{label}, regel {event.start_mark.line + 1}: de gegevens zijn meer dan "
                        f"{MAX_DEPTH} niveaus diep genest. Zo diep gaat geen sleutel in het "
                        "handboek; controleer de inspringing en de haken [ ] en { }."
                    )
                    break
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        pass  # a syntax error: the parser after this reports it with a Dutch explanation
    if anchors:
        line, sign, name = anchors[0]
        more = len(anchors) - 1
        also = f" (en nog {more} keer)" if more else ""
        messages.insert(
            0,
            f"{label}, regel {line}: hier staat {'een anker' if sign == '&' else 'een verwijzing'}"
            f" ({sign}{name}){also}. Het handboek gebruikt geen ankers (&) en verwijzingen (*) in "
            "YAML: schrijf de waarde voluit op elke plek waar ze hoort, of zet tekst die met & of "
            '* begint tussen aanhalingstekens ("...").',
        )
    return messages


def _key_text(loc: Sequence[str | int]) -> str:
    text = ""
    for part in loc:
        text += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _values(node: yaml.Node | None, loc: list[str | int]) -> Iterator[tuple[yaml.Node, list]]:
    """Every node in a value or list-item position (not keys), with its key path."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            part: str | int = key.value if isinstance(key, yaml.ScalarNode) else "?"
            yield value, [*loc, part]
            yield from _values(value, [*loc, part])
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            yield item, [*loc, i]
            yield from _values(item, [*loc, i])


def comment_problems(root: yaml.Node | None, text: str, label: str) -> list[str]:
    """A `` #`` comment that cuts off a plain (unquoted) text: its rest would silently vanish.

    Only plain texts count: quoted texts and block texts (``|``, ``>``) keep their ``#``, and a
    ``#`` without a space before it (``https://…/#anker``, ``#WerkenBij``) never starts a
    comment. A comment on a line of its own stays allowed, unless it is indented like the
    continuation of the text just above it. Dates, numbers and true/false lose nothing, so a
    comment after them is fine.
    """
    if root is None or "#" not in text:
        return []
    lines = text.splitlines()
    messages = []
    for node, loc in _values(root, []):
        if not isinstance(node, yaml.ScalarNode) or node.style not in (None, ""):
            continue
        end = node.end_mark
        if end.line >= len(lines):
            continue
        rest = lines[end.line][end.column :]
        stripped = rest.lstrip(" \t")
        cut = None
        if stripped.startswith("#") and rest != stripped:
            is_text = node.tag == "tag:yaml.org,2002:str" and node.value != ""
            hashtag = len(stripped) > 1 and not stripped[1].isspace()
            if is_text or hashtag:
                cut = (end.line, stripped)
        elif not stripped and end.line + 1 < len(lines) and node.tag == "tag:yaml.org,2002:str":
            following = lines[end.line + 1]
            content = following.lstrip(" ")
            start_line = lines[node.start_mark.line]
            indent = len(start_line) - len(start_line.lstrip(" "))
            if content.startswith("#") and len(following) - len(content) > indent:
                cut = (end.line + 1, content)
        if cut is None:
            continue
        line, comment = cut
        lost = comment[:40] + ("…" if len(comment) > 40 else "")
        where = f"{label}, regel {line + 1}"
        if loc:
            where += f", sleutel '{_key_text(loc)}'"
        messages.append(
            f"{where}: YAML leest alles vanaf ' #' als opmerking, dus '{lost}' valt weg uit de "
            'tekst. Zet de hele tekst tussen aanhalingstekens ("..."); is het echt een '
            "opmerking, zet die dan op een eigen regel."
        )
    return messages


def bad_scalar(root: yaml.Node | None, label: str) -> str:
    """The Dutch message for the first value that cannot be built (``2027-02-30``)."""
    loader = yaml.SafeLoader("")
    for node, loc in [(root, [])] if isinstance(root, yaml.ScalarNode) else _values(root, []):
        if not isinstance(node, yaml.ScalarNode):
            continue
        try:
            loader.construct_object(node, deep=True)
        except (ValueError, TypeError, OverflowError, yaml.YAMLError):
            where = f"{label}, regel {node.start_mark.line + 1}"
            if loc:
                where += f", sleutel '{_key_text(loc)}'"
            if node.tag == "tag:yaml.org,2002:timestamp":
                return (
                    f"{where}: '{node.value}' is geen bestaande datum. Controleer de dag en de "
                    "maand; schrijf de datum als JJJJ-MM-DD, zoals 2026-03-01."
                )
            return (
                f"{where}: de waarde '{node.value[:40]}' kan niet gelezen worden. Zet haar tussen "
                'aanhalingstekens ("...") als het tekst is.'
            )
    return f"{label}: een waarde kan niet gelezen worden. Controleer datums en getallen."


def construct(root: yaml.Node, label: str) -> Any:
    """The data of a node tree; a value that cannot be built is a Dutch :class:`HandbookError`."""
    from .errors import HandbookError

    try:
        return yaml.SafeLoader("").construct_document(root)
    except yaml.MarkedYAMLError as error:  # a key that cannot be a key, such as a list
        mark = error.problem_mark or error.context_mark
        line = f", regel {mark.line + 1}" if mark else ""
        raise HandbookError(
            [
                f"{label}{line}: deze sleutel kan niet gelezen worden. Schrijf een sleutel als "
                "gewone tekst, gevolgd door een dubbele punt."
            ]
        ) from None
    except (ValueError, TypeError, OverflowError, yaml.YAMLError):
        raise HandbookError([bad_scalar(root, label)]) from None
