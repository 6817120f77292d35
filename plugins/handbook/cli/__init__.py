"""The ``handbook`` command: everything an editor or CI needs that is not a plain build.

This module only builds the parser; the commands live beside it, one module per group:
``data`` (check, schema), ``editors`` (review issue, CODEOWNERS, preview, readability) and
``outputs`` (offline zip, policy PDF, variants, sheet PDFs).
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from .data import cmd_check, cmd_schema
from .editors import cmd_codeowners, cmd_leesbaarheid, cmd_preview, cmd_review_issue
from .outputs import cmd_beleid_pdf, cmd_offline, cmd_pdf, cmd_variants


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
