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


def cmd_pdf(args: argparse.Namespace) -> int:
    from .crisiskaart import PDF_NAME as CARD_PDF
    from .onepager import PDF_NAME as SHEET_PDF
    from .onepager import print_sheets

    site = (_root(args) / args.site).resolve()
    targets = [("snelle-referentie/", SHEET_PDF), ("crisiskaart/", CARD_PDF)]
    missing = [url for url, _ in targets if not (site / url / "index.html").is_file()]
    if missing:
        print(
            f"FOUT  {site} bevat geen gebouwde pagina {', '.join(missing)}. Bouw eerst de site "
            "met 'make build' (of mkdocs build --site-dir ...).",
            file=sys.stderr,
        )
        return 1
    try:
        written = print_sheets(site, targets)
    except RuntimeError as error:
        print(f"FOUT  {error}", file=sys.stderr)
        return 1
    for path in written:
        print(f"geschreven: {path}")
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
    pdf = sub.add_parser(
        "pdf", help="print de snelle referentie en de crisiskaart van een gebouwde site naar PDF"
    )
    pdf.add_argument("--site", default="site", help="map met de gebouwde site (standaard: site)")
    pdf.set_defaults(func=cmd_pdf)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
