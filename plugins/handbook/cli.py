"""The ``handbook`` command: check data and pages, export the JSON Schema.

Everything an editor or CI needs that is not a plain ``mkdocs build``.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from .data import available_sectors, load_brand
from .pages import check_page
from .schema import stale_schemas, write_schemas
from .sectors import load_all_sectors, section_keys, sector_labels
from .variants import plan_variants, run_variants, seconds, write_index
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
    _, sector_messages = load_all_sectors(
        root / "data", root, section_keys(root / "docs"), brand.variables
    )
    messages.extend(sector_messages)
    for message in messages:
        print(f"FOUT  {message}", file=sys.stderr)
    if messages:
        return 1
    print("Gegevens en pagina's zijn in orde.")
    return 0


def cmd_variants(args: argparse.Namespace) -> int:
    """Build a complete strict site for every sector into its own folder, plus an index."""
    root = _root(args)
    data = root / "data"
    known = available_sectors(data)
    chosen = [s.strip() for s in args.only.split(",") if s.strip()] if args.only else list(known)
    unknown = [s for s in chosen if s not in known]
    if unknown or not chosen:
        print(
            f"Onbekende sector(en): {', '.join(unknown) or '(geen gekozen)'}. Kies uit: "
            f"{', '.join(known)}.",
            file=sys.stderr,
        )
        return 2
    out = Path(args.out).resolve() if args.out else root / "variants"
    start = time.monotonic()
    results = run_variants(
        root / "mkdocs.yml", plan_variants(chosen), out, args.jobs or os.cpu_count() or 1
    )
    names, descriptions = sector_labels(data, root)
    failed = [r for r in results if not r.ok]
    write_index(out, plan_variants(known), names, descriptions, [r.job.name for r in failed])
    built = len(results) - len(failed)
    print(
        f"Klaar in {seconds(time.monotonic() - start)}: {built} van {len(results)} variant(en) "
        f"gebouwd in {out}. Overzicht: {out / 'index.html'}"
    )
    for result in failed:
        print(f"Variant '{result.job.name}' is mislukt:\n{result.error}", file=sys.stderr)
    if failed:
        names_failed = ", ".join(r.job.name for r in failed)
        print(
            f"{len(failed)} variant(en) mislukt: {names_failed}. De vorige versie daarvan is "
            "blijven staan.",
            file=sys.stderr,
        )
        return 1
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
    variants = sub.add_parser("variants", help="bouw een volledige site voor elke sector")
    variants.add_argument("--out", help="uitvoermap (standaard: variants/ naast mkdocs.yml)")
    variants.add_argument("--jobs", type=int, help="aantal processen (standaard: aantal cores)")
    variants.add_argument("--only", help="alleen deze sectoren, gescheiden door komma's")
    variants.set_defaults(func=cmd_variants)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
