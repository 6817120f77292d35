"""The ``handbook`` command: everything an editor or CI needs that is not a plain build.

This module only builds the parser; the commands live beside it, one module per group:
``adopt`` (nieuw), ``data`` (check, schema), ``editors`` (review issue, CODEOWNERS, preview,
readability, links), ``outputs`` (offline zip, policy PDF and Word file, variants, sheet PDFs) and
``consent`` (the works council's consent request).
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from .adopt import cmd_nieuw
from .consent import cmd_instemming
from .data import cmd_check, cmd_schema
from .editors import (
    cmd_codeowners,
    cmd_leesbaarheid,
    cmd_links,
    cmd_preview,
    cmd_review_issue,
)
from .outputs import (
    cmd_beleid_pdf,
    cmd_docx,
    cmd_offline,
    cmd_pdf,
    cmd_variants,
    cmd_word_huisstijl,
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="handbook", description="Hulpmiddelen voor het socialmediabeleid-handboek."
    )
    parser.add_argument("--root", default=".", help="map met mkdocs.yml (standaard: hier)")
    sub = parser.add_subparsers(dest="command", required=True)
    nieuw = sub.add_parser(
        "nieuw", help="maak het handboek van je eigen organisatie (vragen in de terminal)"
    )
    nieuw.add_argument(
        "--antwoorden", help="lees de antwoorden uit dit YAML-bestand in plaats van te vragen"
    )
    nieuw.add_argument(
        "--repository", help="adres van jullie repository, zoals https://github.com/org/beleid"
    )
    nieuw.add_argument(
        "--overschrijven",
        action="store_true",
        help="overschrijf ook een handboek dat al eigen gemaakt is of niet-vastgelegde wijzigingen",
    )
    nieuw.add_argument("--vandaag", help="doe alsof het deze datum is (JJJJ-MM-DD), voor tests")
    nieuw.set_defaults(func=cmd_nieuw)
    schema = sub.add_parser("schema", help="schrijf het JSON Schema van de gegevens naar schema/")
    schema.add_argument("--check", action="store_true", help="controleer alleen of het actueel is")
    schema.set_defaults(func=cmd_schema)
    check = sub.add_parser(
        "check",
        help="controleer gegevens, pagina's, links en menu (met een strikte build zonder PDF)",
    )
    check.add_argument("--vandaag", help="doe alsof het deze datum is (JJJJ-MM-DD), voor tests")
    check.add_argument(
        "--alle-sectoren",
        action="store_true",
        help="controleer ook de sectorbestanden die de organisatie niet gebruikt",
    )
    check.add_argument(
        "--zonder-build",
        action="store_true",
        help="sla de strikte build over (als je daarna zelf strikt bouwt, zoals make controle)",
    )
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
    docx = sub.add_parser("docx", help="het hele beleid als Word-bestand (.docx) in dist/")
    docx.add_argument("--out", default="dist", help="map voor het bestand (standaard: dist)")
    docx.add_argument(
        "--huisstijl",
        help="Word-document met de stijlen (standaard: huisstijl/word-referentie.docx)",
    )
    docx.set_defaults(func=cmd_docx)
    huisstijl = sub.add_parser(
        "word-huisstijl",
        help="schrijf de standaardhuisstijl voor Word (huisstijl/word-referentie.docx)",
    )
    huisstijl.add_argument("--out", help="waar (standaard: huisstijl/word-referentie.docx)")
    huisstijl.add_argument(
        "--overschrijven", action="store_true", help="vervang een bestaand bestand"
    )
    huisstijl.set_defaults(func=cmd_word_huisstijl)
    instemming = sub.add_parser(
        "instemming", help="verzoek om instemming aan de ondernemingsraad (.docx en .pdf)"
    )
    instemming.add_argument("--van", help="oude versie (standaard: de versie vóór --naar)")
    instemming.add_argument("--naar", help="nieuwe versie (standaard: de huidige beleidsversie)")
    instemming.add_argument("--out", default="dist", help="map voor de bestanden (standaard: dist)")
    instemming.add_argument("--datum", help="datum van de brief, JJJJ-MM-DD (standaard: vandaag)")
    instemming.add_argument(
        "--huisstijl",
        help="Word-document met de stijlen (standaard: huisstijl/word-referentie.docx)",
    )
    instemming.set_defaults(func=cmd_instemming)
    leesbaarheid = sub.add_parser(
        "leesbaarheid", help="meet zinslengte, aanspreekvorm en lijdende vorm van de gebouwde site"
    )
    leesbaarheid.add_argument("--site", default="site", help="map met de gebouwde site")
    leesbaarheid.set_defaults(func=cmd_leesbaarheid)
    links = sub.add_parser("links", help="controleer alle links en ankers van de gebouwde site")
    links.add_argument("--site", default="site", help="map met de gebouwde site")
    links.add_argument(
        "--zonder-ankers",
        action="store_true",
        help="sla de ankers (#...) over: vele malen sneller; de strikte build controleert de "
        "ankers in Markdown-links al",
    )
    links.set_defaults(func=cmd_links)
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
