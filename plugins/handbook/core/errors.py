"""The one exception every part of the handbook raises for an editor's mistake.

``HandbookError`` carries Dutch messages (file, line or key, what to do). The plugin turns it
into MkDocs' clean abort, the command line prints it; neither shows a traceback."""

from __future__ import annotations

from collections.abc import Sequence


class HandbookError(Exception):
    """One or more problems an editor must fix; each message is a Dutch sentence."""

    def __init__(self, messages: Sequence[str]) -> None:
        self.messages = list(messages)
        super().__init__("\n".join(self.messages))


def abort_message(messages: list[str]) -> str:
    """The one Dutch message a stopped build ends with: how many problems, then each one."""
    count = len(messages)
    head = "Het handboek kan niet gebouwd worden: " + (
        "1 probleem." if count == 1 else f"{count} problemen."
    )
    return "\n".join([head, *(f"  - {m}" for m in messages)])
