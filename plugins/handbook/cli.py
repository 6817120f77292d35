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

from . import review
from .data import available_sectors, load_brand
from .readability import format_table, report
from .schema import stale_schemas, write_schemas
from .sectors import sector_labels
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


def cmd_check(args: argparse.Namespace) -> int:
    root = _root(args)
    try:
        today = review.parse_today(args.vandaag)
    except ValueError as error:
        print(f"FOUT  {error}", file=sys.stderr)
        return 2
    report = review.check_project(root, today)
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
    if report.warnings:
        print(f"Gegevens en pagina's zijn in orde, met {len(report.warnings)} aandachtspunt(en).")
    else:
        print("Gegevens en pagina's zijn in orde.")
    return 0


def _pages_and_brand(root: Path):
    brand = load_brand(root / "data", root)
    pages, messages = review.read_pages(
        root, brand.variables["contacten"], variables=brand.variables
    )
    if messages:
        raise HandbookError(messages)
    return brand, pages


def cmd_review_issue(args: argparse.Namespace) -> int:
    root = _root(args)
    try:
        today = review.parse_today(args.vandaag)
        brand, pages = _pages_and_brand(root)
    except ValueError as error:
        print(f"FOUT  {error}", file=sys.stderr)
        return 2
    except HandbookError as error:
        for message in error.messages:
            print(f"FOUT  {message}", file=sys.stderr)
        return 1
    site = args.site_url or brand.variables["organisatie"]["intranet_url"]
    sys.stdout.write(review.review_issue_body(pages, brand.variables["contacten"], today, site))
    return 0


def cmd_codeowners(args: argparse.Namespace) -> int:
    root = _root(args)
    try:
        brand, pages = _pages_and_brand(root)
    except HandbookError as error:
        for message in error.messages:
            print(f"FOUT  {message}", file=sys.stderr)
        return 1
    text = review.generate_codeowners(
        pages, brand.variables["contacten"], brand.variables["organisatie"]["beleidseigenaar"]
    )
    if args.stdout:
        sys.stdout.write(text)
        return 0
    path = root / review.CODEOWNERS_PATH
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    print(f"geschreven: {review.CODEOWNERS_PATH}")
    return 0


def cmd_preview(args: argparse.Namespace) -> int:
    from .preview import changed_files, summary_markdown

    try:
        paths = changed_files(_root(args), args.basis)
    except RuntimeError as error:
        print(f"FOUT  {error}", file=sys.stderr)
        return 1
    sys.stdout.write(summary_markdown(paths, args.artefact, args.artefact_url, args.run_url))
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
        prog="handbook", description="Hulpmiddelen voor het socialmediabeleid-handboek."
    )
    parser.add_argument("--root", default=".", help="map met mkdocs.yml (standaard: hier)")
    sub = parser.add_subparsers(dest="command", required=True)
    schema = sub.add_parser("schema", help="schrijf het JSON Schema van de gegevens naar schema/")
    schema.add_argument("--check", action="store_true", help="controleer alleen of het actueel is")
    schema.set_defaults(func=cmd_schema)
    check = sub.add_parser("check", help="controleer gegevens en pagina's zonder te bouwen")
    check.add_argument("--vandaag", help="doe alsof het deze datum is (JJJJ-MM-DD), voor tests")
    check.set_defaults(func=cmd_check)
    issue = sub.add_parser("review-issue", help="tekst van het issue met te beoordelen pagina's")
    issue.add_argument("--vandaag", help="doe alsof het deze datum is (JJJJ-MM-DD)")
    issue.add_argument("--site-url", help="adres van de site (standaard: organisatie.intranet_url)")
    issue.set_defaults(func=cmd_review_issue)
    owners = sub.add_parser("codeowners", help="schrijf .github/CODEOWNERS uit de eigenaars")
    owners.add_argument("--stdout", action="store_true", help="toon het resultaat, schrijf niets")
    owners.set_defaults(func=cmd_codeowners)
    preview = sub.add_parser("voorbeeld", help="samenvatting voor het voorbeeld van een PR")
    preview.add_argument("--basis", default="origin/main", help="vergelijk met deze tak")
    preview.add_argument("--artefact", default="voorbeeld-site", help="naam van het artefact")
    preview.add_argument("--artefact-url", help="link naar het artefact")
    preview.add_argument("--run-url", help="link naar de run")
    preview.set_defaults(func=cmd_preview)
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
    leesbaarheid = sub.add_parser(
        "leesbaarheid", help="meet zinslengte, aanspreekvorm en lijdende vorm van de gebouwde site"
    )
    leesbaarheid.add_argument("--site", default="site", help="map met de gebouwde site")
    leesbaarheid.set_defaults(func=cmd_leesbaarheid)
    variants = sub.add_parser("variants", help="bouw een volledige site voor elke sector")
    variants.add_argument("--out", help="uitvoermap (standaard: variants/ naast mkdocs.yml)")
    variants.add_argument("--jobs", type=int, help="aantal processen (standaard: aantal cores)")
    variants.add_argument("--only", help="alleen deze sectoren, gescheiden door komma's")
    variants.set_defaults(func=cmd_variants)
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
