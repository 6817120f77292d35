"""Commands for editors and their workflows: review issue, CODEOWNERS, the pull request's
preview summary, the readability figures and the link check of a built site."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..core.brand import load_brand
from ..core.dates import parse_today
from ..core.errors import HandbookError
from ..review.codeowners import CODEOWNERS_PATH, generate_codeowners
from ..review.issue import review_issue_body
from ..review.pages import read_pages
from ..review.readability import format_table, report
from .common import project_root


def _pages_and_brand(root: Path):
    brand = load_brand(root / "data", root)
    pages, messages = read_pages(root, brand.variables["contacten"], variables=brand.variables)
    if messages:
        raise HandbookError(messages)
    return brand, pages


def cmd_review_issue(args: argparse.Namespace) -> int:
    root = project_root(args)
    try:
        today = parse_today(args.vandaag)
        brand, pages = _pages_and_brand(root)
    except ValueError as error:
        print(f"FOUT  {error}", file=sys.stderr)
        return 2
    except HandbookError as error:
        for message in error.messages:
            print(f"FOUT  {message}", file=sys.stderr)
        return 1
    site = args.site_url or brand.variables["organisatie"]["intranet_url"]
    sys.stdout.write(review_issue_body(pages, brand.variables["contacten"], today, site))
    return 0


def cmd_codeowners(args: argparse.Namespace) -> int:
    root = project_root(args)
    try:
        brand, pages = _pages_and_brand(root)
    except HandbookError as error:
        for message in error.messages:
            print(f"FOUT  {message}", file=sys.stderr)
        return 1
    text = generate_codeowners(
        pages, brand.variables["contacten"], brand.variables["organisatie"]["beleidseigenaar"]
    )
    if args.stdout:
        sys.stdout.write(text)
        return 0
    path = root / CODEOWNERS_PATH
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    print(f"geschreven: {CODEOWNERS_PATH}")
    return 0


def cmd_preview(args: argparse.Namespace) -> int:
    from ..review.preview import changed_files, summary_markdown

    try:
        paths = changed_files(project_root(args), args.basis)
    except RuntimeError as error:
        print(f"FOUT  {error}", file=sys.stderr)
        return 1
    sys.stdout.write(summary_markdown(paths, args.artefact, args.artefact_url, args.run_url))
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


def cmd_links(args: argparse.Namespace) -> int:
    from ..review.links import check_links

    site = Path(args.site)
    if not site.is_absolute():
        site = project_root(args) / site
    try:
        result = check_links(site.resolve(), anchors=not args.zonder_ankers)
    except HandbookError as error:
        for message in error.messages:
            print(f"FOUT  {message}", file=sys.stderr)
        return 2
    if result.returncode == 0:
        what = "de pagina's en bestanden" if args.zonder_ankers else "ook de ankers"
        print(f"Alle links in {args.site} werken ({what}).")
        return 0
    sys.stdout.write(result.stdout)
    sys.stderr.write(result.stderr)
    print(
        f"FOUT  linkchecker vond kapotte links in {args.site} (zie hierboven: 'Parent URL' is de "
        "pagina met de link, 'URL' de link zelf). Pas de link in die pagina aan.",
        file=sys.stderr,
    )
    return 1
