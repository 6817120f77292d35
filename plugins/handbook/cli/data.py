"""Commands for the data: ``handbook schema`` and ``handbook check``."""

from __future__ import annotations

import argparse
import sys

from ..core.dates import parse_today
from ..core.schema import stale_schemas, write_schemas
from ..review.project import check_project
from .common import project_root


def cmd_schema(args: argparse.Namespace) -> int:
    folder = project_root(args) / "schema"
    if args.check:
        stale = stale_schemas(folder)
        if stale:
            print(
                "Het JSON Schema is verouderd: " + ", ".join(stale) + ". Voer 'make schema' uit "
                "en neem de bestanden op in je commit.",
                file=sys.stderr,
            )
            return 1
        print("Het JSON Schema is actueel.")
        return 0
    for path in write_schemas(folder):
        print(f"geschreven: {path.relative_to(project_root(args))}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    root = project_root(args)
    try:
        today = parse_today(args.vandaag)
    except ValueError as error:
        print(f"FOUT  {error}", file=sys.stderr)
        return 2
    report = check_project(root, today, all_sectors=args.alle_sectoren, build=not args.zonder_build)
    for message in report.errors:
        print(f"FOUT  {message}", file=sys.stderr)
    for message in report.warnings:
        print(f"LET OP  {message}", file=sys.stderr)
    if report.errors:
        count = len(report.errors)
        print(
            f"{count} {'fout' if count == 1 else 'fouten'} gevonden; herstel ze en controleer "
            "opnieuw (make check).",
            file=sys.stderr,
        )
        return 1
    # Without the build, links and the menu were not checked: say so, never a plain "in orde".
    scope = " (zonder build: links en menu zijn niet gecontroleerd)" if args.zonder_build else ""
    if report.warnings:
        print(
            f"Gegevens en pagina's zijn in orde{scope}, met {len(report.warnings)} "
            "aandachtspunt(en)."
        )
    else:
        print(f"Gegevens en pagina's zijn in orde{scope}.")
    return 0
