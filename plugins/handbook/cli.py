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


def cmd_offline(args: argparse.Namespace) -> int:
    from .offline import build_offline

    root = _root(args)
    try:
        target = build_offline(root, (root / args.out).resolve())
    except HandbookError as error:
        for message in error.messages:
            print(f"FOUT  {message}", file=sys.stderr)
        return 1
    print(f"geschreven: {_shown(target, root)}")
    return 0


def cmd_beleid_pdf(args: argparse.Namespace) -> int:
    from .beleidpdf import build_policy_pdf

    root = _root(args)
    site_dir = (root / args.site_dir).resolve()
    try:
        target = build_policy_pdf(root, site_dir, (root / args.out).resolve())
    except HandbookError as error:
        for message in error.messages:
            print(f"FOUT  {message}", file=sys.stderr)
        return 1
    print(f"geschreven: {_shown(target, root)}")
    print(f"site met de PDF en een link op de startpagina: {_shown(site_dir, root)}")
    return 0


def _shown(path: Path, root: Path) -> str:
    return str(path.relative_to(root)) if path.is_relative_to(root) else str(path)


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
    offline = sub.add_parser(
        "offline", help="bouw de site om vanaf schijf te openen, als zip in dist/"
    )
    offline.add_argument("--out", default="dist", help="map voor de zip (standaard: dist)")
    offline.set_defaults(func=cmd_offline)
    beleid_pdf = sub.add_parser(
        "beleid-pdf", help="het hele beleid als PDF in dist/, en de site met die PDF in site/"
    )
    beleid_pdf.add_argument("--out", default="dist", help="map voor de PDF (standaard: dist)")
    beleid_pdf.add_argument(
        "--site-dir", default="site", help="map voor de site met de PDF (standaard: site)"
    )
    beleid_pdf.set_defaults(func=cmd_beleid_pdf)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
