"""Commands that make outputs: the offline zip, the policy PDF and Word file, the sector
variants and the sheets' PDFs. The works council's consent request is in ``consent``."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from ..core.brand import available_sectors
from ..core.errors import HandbookError
from ..outputs.variants import plan_variants, run_variants, seconds, write_index
from ..sectors.load import sector_labels
from .common import project_root, shown


def cmd_offline(args: argparse.Namespace) -> int:
    from ..outputs.offline import build_offline

    root = project_root(args)
    try:
        target = build_offline(root, (root / args.out).resolve())
    except HandbookError as error:
        for message in error.messages:
            print(f"FOUT  {message}", file=sys.stderr)
        return 1
    print(f"geschreven: {shown(target, root)}")
    return 0


def cmd_beleid_pdf(args: argparse.Namespace) -> int:
    from ..outputs.policy_pdf.build import build_policy_pdf

    root = project_root(args)
    site_dir = (root / args.site_dir).resolve()
    try:
        target = build_policy_pdf(root, site_dir, (root / args.out).resolve())
    except HandbookError as error:
        for message in error.messages:
            print(f"FOUT  {message}", file=sys.stderr)
        return 1
    print(f"geschreven: {shown(target, root)}")
    print(f"site met de PDF en een link op de startpagina: {shown(site_dir, root)}")
    return 0


def _fail(error: HandbookError) -> int:
    for message in error.messages:
        print(f"FOUT  {message}", file=sys.stderr)
    return 1


def cmd_docx(args: argparse.Namespace) -> int:
    from ..outputs.word.policy import build_policy_docx

    root = project_root(args)
    try:
        target = build_policy_docx(root, (root / args.out).resolve(), args.huisstijl)
    except HandbookError as error:
        return _fail(error)
    print(f"geschreven: {shown(target, root)}")
    return 0


def cmd_word_huisstijl(args: argparse.Namespace) -> int:
    from ..outputs.word.reference import REFERENCE, write_default_reference

    root = project_root(args)
    target = (root / (args.out or REFERENCE)).resolve()
    if target.exists() and not args.overschrijven:
        print(
            f"FOUT  {shown(target, root)} bestaat al. Wil je hem vervangen door de standaard, "
            "voeg dan --overschrijven toe.",
            file=sys.stderr,
        )
        return 1
    try:
        write_default_reference(target)
    except OSError as error:
        print(f"FOUT  {shown(target, root)} kan niet geschreven worden: {error}", file=sys.stderr)
        return 1
    print(f"geschreven: {shown(target, root)}")
    return 0


def cmd_variants(args: argparse.Namespace) -> int:
    """Build a complete strict site for every sector into its own folder, plus an index."""
    root = project_root(args)
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
    from ..core.brand import load_brand
    from ..core.errors import HandbookError
    from ..sheets.crisiskaart import PDF_NAME as CARD_PDF
    from ..sheets.onepager import PDF_NAME as SHEET_PDF
    from ..sheets.printing import print_sheets, public_base

    root = project_root(args)
    site = (root / args.site).resolve()
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
        # The links in the PDFs point to the site's address on the intranet.
        intranet = load_brand(root / "data", root).variables["organisatie"]["intranet_url"]
    except HandbookError as error:
        for message in error.messages:
            print(f"FOUT  {message}", file=sys.stderr)
        return 1
    try:
        written = print_sheets(site, targets, site_url=public_base(intranet))
    except RuntimeError as error:
        print(f"FOUT  {error}", file=sys.stderr)
        return 1
    for path in written:
        print(f"geschreven: {path}")
    return 0
