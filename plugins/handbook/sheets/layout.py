"""The A4 budget: how many lines the sheets' content takes, and the Dutch message when it
no longer fits. The quick reference and the crisis card share one layout."""

from __future__ import annotations

import html
import math
import re
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .items import SheetItem
from .markdown import strip_cells


@dataclass(frozen=True)
class Layout:
    """What fits on one A4 in the print CSS (``docs/stylesheets/onepager.css``), in lines.

    Measured in Chromium with Liberation Sans/Arial at 10 pt in two columns of 88 mm; the
    widths here are on the safe side so real text at the limit still fits (proven by a test).
    """

    column_lines: int = 50
    """Body lines in one column when the contacts strip takes its minimum of 3 lines."""
    columns: int = 2
    chars_per_line: int = 50
    """Characters per column line for the word wrap estimate (real lines hold about 56)."""
    strip_chars_per_line: int = 46
    """Characters per line in one of the four cells of the contacts strip (real: about 54)."""
    strip_min_lines: int = 3
    heading_lines: float = 2.0
    """A column heading ("Doen", "Niet doen") with its margins."""
    item_gap: float = 0.25
    """Space between two items, as part of a line."""
    slack_lines: int = 4
    """Lost at the bottom of the first column when an item or heading moves on whole."""
    wide_chars_per_line: int = 100
    """Characters per line across the whole page at 9 pt (real: about 115), for the line that
    points to the decision aid."""

    def capacity(self, strip_lines: int, wide_lines: int = 0) -> int:
        extra = max(0, strip_lines - self.strip_min_lines) + wide_lines
        # The strip (and the line to the decision aid) spans both columns: every line of it
        # costs a line in each column.
        return self.columns * (self.column_lines - extra) - self.slack_lines


LAYOUT = Layout()


def plain(markdown: str) -> str:
    """Text as printed: Markdown links, emphasis and HTML tags removed, entities as one
    character (data values are escaped: ``&amp;`` prints as ``&``)."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"<[^>]+>", "", text)
    text = html.unescape(re.sub(r"[*_`]", "", text))
    return " ".join(text.split())


def wrapped_lines(text: str, width: int) -> int:
    """Printed lines of ``text`` in a box ``width`` characters wide (words are not split)."""
    return max(1, len(textwrap.wrap(plain(text), width=width, break_long_words=True)))


@dataclass(frozen=True)
class Usage:
    lines: int
    maximum: int
    items: int

    @property
    def fits(self) -> bool:
        return self.lines <= self.maximum


def strip_lines(variables: Mapping[str, Any], layout: Layout = LAYOUT) -> int:
    """Height of the strip in body lines: two rows of two cells, each row as tall as its
    tallest cell, plus padding and margins (``strip_min_lines`` when every cell takes one line).
    """
    cells = [
        wrapped_lines(f"{label}: {text}", layout.strip_chars_per_line)
        for label, text in strip_cells(variables)
    ]
    rows = [max(cells[i : i + 2]) for i in range(0, len(cells), 2)]
    return layout.strip_min_lines + sum(rows) - len(rows)


def item_width(layout: Layout) -> int:
    """Characters per line next to the ✓/✗ marker (it takes about two characters)."""
    return layout.chars_per_line - 2


def usage(
    items: Sequence[SheetItem],
    variables: Mapping[str, Any],
    layout: Layout = LAYOUT,
    wide_text: str | None = None,
) -> Usage:
    """How many column lines the items take and how many fit next to this brand's strip
    (and next to ``wide_text``, a line across the page such as the pointer to the aid)."""
    headings = sum(1 for soort in ("do", "dont") if any(i.soort == soort for i in items))
    height = headings * layout.heading_lines
    height += sum(wrapped_lines(i.tekst, item_width(layout)) for i in items)
    height += max(0, len(items) - headings) * layout.item_gap
    return Usage(
        lines=math.ceil(height),
        maximum=layout.capacity(
            strip_lines(variables, layout),
            wrapped_lines(wide_text, layout.wide_chars_per_line) if wide_text else 0,
        ),
        items=len(items),
    )


def budget_message(used: Usage) -> str | None:
    """The Dutch message when the sheet no longer fits on one A4, else ``None``."""
    if used.fits:
        return None
    return (
        f"De snelle referentie past niet meer op één A4: {used.lines} regels, maximaal "
        f"{used.maximum}; kort regels in of markeer minder regels als kern (kern: false) in "
        "de front matter van de pagina's."
    )
