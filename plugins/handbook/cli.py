"""The ``handbook`` command: check data and pages, export the JSON Schema.

Everything an editor or CI needs that is not a plain ``mkdocs build``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .data import load_brand
from .pages import check_page
from .readability import format_table, report
from .schema import stale_schemas, write_schemas
from .yamlsrc import HandbookError


def _root(args: argparse.Namespace) -> Path:
    return Path(args.root).resolve()


def cmd_schema(args: argparse.Namespace) -> int:
    folder = _root(args) / "schema"
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
        print(f"geschreven: {path.relative_to(_root(args))}")
    return 0


def check_pages(root: Path, docs: str, contacts: Sequence[str]) -> list[str]:
    messages = []
    for path in sorted((root / docs).rglob("*.md")):
        rel = path.relative_to(root)
        if "overrides" in rel.parts:
            continue
        _, problems = check_page(rel.as_posix(), path.read_text(encoding="utf-8"), contacts)
        messages.extend(problems)
    return messages


def cmd_check(args: argparse.Namespace) -> int:
    root = _root(args)
    try:
        brand = load_brand(root / "data", root)
    except HandbookError as error:
        for message in error.messages:
            print(f"FOUT  {message}", file=sys.stderr)
        return 1
    messages = check_pages(root, "docs", list(brand.variables["contacten"]))
    for message in messages:
        print(f"FOUT  {message}", file=sys.stderr)
    if messages:
        return 1
    print("Gegevens en pagina's zijn in orde.")
    return 0


def cmd_leesbaarheid(args: argparse.Namespace) -> int:
    site = Path(args.site).resolve()
    if not (site / "index.html").is_file():
        print(
            f"FOUT  In '{args.site}' staat geen gebouwde site (index.html ontbreekt). Bouw de site "
            "eerst met 'make build', of geef de map op met --site.",
            file=sys.stderr,
        )
        return 1
    per_page, total = report(site)
    print(format_table(per_page, total))
    problems = [p for f in [*per_page, total] for p in f.problems()]
    for problem in problems:
        print(f"FOUT  {problem}", file=sys.stderr)
    if problems:
        return 1
    print("De teksten halen taalniveau B1.")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="handbook", description="Hulpmiddelen voor het social mediabeleid-handboek."
    )
    parser.add_argument("--root", default=".", help="map met mkdocs.yml (standaard: hier)")
    sub = parser.add_subparsers(dest="command", required=True)
    schema = sub.add_parser("schema", help="schrijf het JSON Schema van de gegevens naar schema/")
    schema.add_argument("--check", action="store_true", help="controleer alleen of het actueel is")
    schema.set_defaults(func=cmd_schema)
    check = sub.add_parser("check", help="controleer gegevens en pagina's zonder te bouwen")
    check.set_defaults(func=cmd_check)
    leesbaarheid = sub.add_parser(
        "leesbaarheid", help="meet zinslengte, aanspreekvorm en lijdende vorm van de gebouwde site"
    )
    leesbaarheid.add_argument("--site", default="site", help="map met de gebouwde site")
    leesbaarheid.set_defaults(func=cmd_leesbaarheid)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
