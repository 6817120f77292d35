"""The figures a run can measure, the run's options, and the exception for a figure that
cannot be measured here."""

from __future__ import annotations

import argparse
from pathlib import Path

FIGURES = (
    "plugin_overhead",
    "scaling",
    "variants",
    "live_reload",
    "page_weight",
    "lighthouse",
    "one_pager",
    "editor_feedback",
)


class NotMeasured(Exception):
    """The figure cannot be measured here; the message says why."""


class Options(argparse.Namespace):
    runs: int
    quick: bool
    only: list[str]
    json: Path
    jobs: int
