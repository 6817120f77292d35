"""``handbook instemming``: the works council's consent request as Word and PDF.

Reads the data (``data/``), the menu (``mkdocs.yml``) and the git history; builds no site.
The rules' texts are filled in with the data of their own version, so an old text shows the
old phone number. Word comes from pandoc with the house style, PDF from the project's
Chromium; both from the same HTML.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from jinja2 import Environment, StrictUndefined, TemplateError

from ...changelog.entries import Group, build_changelog
from ...changelog.history import FIX, History, read_history
from ...changelog.render import nav_titles, page_titles
from ...core.brand import Brand, load_brand
from ...core.dates import Datum
from ...core.errors import HandbookError
from ...core.keys import BRAND_STEMS
from ...core.placeholders import render_text
from ..destination import output_folder
from ..offline import slug
from ..word.convert import WordFacts, html_to_docx
from ..word.reference import reference_path
from .letter import Letter, Logged, PageChanges, Row, consent_html, consent_title
from .rules import GitFiles, RuleChange, all_rules, rule_changes, rules_at
from .versions import Version, choose_versions, policy_versions

REPLY_DAYS = 28  # four weeks to answer

PRINT_CSS = """
@page { size: A4 portrait; margin: 22mm 20mm 20mm; }
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 10pt; line-height: 1.45; }
h1 { font-size: 15pt; margin: 8mm 0 4mm; }
h2 { font-size: 12pt; margin: 6mm 0 2mm; break-after: avoid; }
.afzender { font-weight: 700; font-size: 12pt; margin-bottom: 6mm; }
.nieuwe-pagina { break-after: page; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm; }
th, td { border: 1px solid #777; padding: 1.5mm 2mm; vertical-align: top; text-align: left; }
th { background: #eee; }
td:first-child { width: 24mm; }
tr { break-inside: avoid; }
a { color: #000; }
"""


def no_works_council(brand_name: str) -> str:
    return (
        f"Volgens data/organisatie.yml heeft {brand_name} geen ondernemingsraad "
        "(ondernemingsraad: false). Een verzoek om instemming aan de ondernemingsraad is dan "
        "niet aan de orde, dus er is geen brief gemaakt. Heeft de organisatie wel een "
        "ondernemingsraad, zet dan 'ondernemingsraad: true' in data/organisatie.yml."
    )


def _mkdocs_settings(root: Path) -> tuple[str, Any, str]:
    from mkdocs.utils.yaml import yaml_load

    try:
        with open(root / "mkdocs.yml", encoding="utf-8") as file:
            config = yaml_load(file) or {}
    except (OSError, yaml.YAMLError) as error:
        raise HandbookError([f"mkdocs.yml kan niet gelezen worden: {error}"]) from None
    return config.get("docs_dir", "docs"), config.get("nav"), config.get("site_name", "Beleid")


def _sources(root: Path, docs: str, nav: Any) -> dict[str, str]:
    """Every page in docs/ (src path -> text), in menu order."""
    folder = root / docs
    order = {page: i for i, page in enumerate(nav_titles(nav))}
    pages = sorted(
        (p.relative_to(folder).as_posix() for p in folder.rglob("*.md")),
        key=lambda page: (order.get(page, len(order)), page),
    )
    return {page: (folder / page).read_text(encoding="utf-8") for page in pages}


def _dutch_dates(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _dutch_dates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_dutch_dates(v) for v in value]
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return Datum(value.year, value.month, value.day)
    return value


def data_at(files: GitFiles, sha: str, data: str) -> dict[str, Any]:
    """The brand data as it was at ``sha`` (plain YAML; a file that does not read is left out)."""
    paths = [f"{data}/{stem}.yml" for stem in BRAND_STEMS]
    found: dict[str, Any] = {}
    for stem, path in zip(BRAND_STEMS, paths, strict=True):
        text = files.read(sha, [path]).get(path)
        if text is None:
            continue
        try:
            found[stem] = _dutch_dates(yaml.safe_load(text))
        except yaml.YAMLError:
            continue
    return found


def fill(text: str | None, variables: Mapping[str, Any]) -> str | None:
    """A rule's text with its placeholders filled in; as written when that is not possible."""
    if text is None or "{" not in text:
        return text
    env = Environment(undefined=StrictUndefined, autoescape=False)
    try:
        filled = render_text(env, text, variables)
        if "{{" in filled:  # a data value that itself holds a placeholder
            filled = render_text(env, filled, variables)
    except TemplateError:
        return text
    return filled


def _logged(groups: list[Group], numbers: set[str]) -> list[tuple[Logged, tuple[str, ...]]]:
    found = []
    for group in reversed(groups):  # oldest version first
        if group.version not in numbers:
            continue
        for entry in reversed(group.entries):
            if entry.rule:
                found.append((Logged(entry.date, entry.summary), entry.pages))
    return found


def _history(root: Path, docs: str) -> History:
    history = read_history(root, docs, "data")
    if not history.available:
        raise HandbookError(
            [
                "Het verzoek om instemming heeft de geschiedenis uit git nodig, maar die is niet "
                f"beschikbaar, omdat {history.reason}. {FIX}"
            ]
        )
    return history


@dataclass
class Request:
    letter: Letter
    pages: list[PageChanges]
    other: list[Logged]
    """Rule changes in the changelog that no page shows (data no page uses)."""
    pending: int
    """Changes recorded after the new version, in no version yet (not in this request)."""


def consent_request(
    root: Path, old: str | None, new: str | None, day: dt.date, brand: Brand
) -> Request:
    """The letter's facts and the appendix, from data/, mkdocs.yml and the git history."""
    docs, nav, site_name = _mkdocs_settings(root)
    sources = _sources(root, docs, nav)
    history = _history(root, docs)
    groups = build_changelog(history, docs, "data", sources)
    versions = policy_versions(history, groups)
    organisation = brand.variables["organisatie"]
    if not versions:
        raise HandbookError(
            [
                "Er staat nog geen beleidsversie in de geschiedenis. Leg 'beleidsversie' in "
                "data/organisatie.yml vast met een commit en probeer het opnieuw."
            ]
        )
    before, chosen = choose_versions(versions, old, new, str(organisation["beleidsversie"]))
    files = GitFiles(root)
    new_rules = rules_at(files, chosen.commit.sha, docs)
    if before is None:
        changes = all_rules(new_rules)
    else:
        oldest_first = list(reversed(history.commits))
        start = oldest_first.index(before.commit) + 1
        end = oldest_first.index(chosen.commit) + 1
        changes = rule_changes(
            files, rules_at(files, before.commit.sha, docs), oldest_first[start:end], docs
        )
    pages = _appendix(files, docs, sources, nav, brand, before, chosen, changes)
    numbers = _between(versions, before, chosen)
    other: list[Logged] = []
    by_page = {page.title: page for page in pages}
    titles = page_titles(sources, nav, brand.variables)
    for logged, touched in _logged(groups, numbers):
        if not touched:
            other.append(logged)
        for page in touched:
            title = titles.get(page, page)
            if title not in by_page:
                by_page[title] = PageChanges(title)
                pages.append(by_page[title])
            by_page[title].logged.append(logged)
    order = {title: i for i, title in enumerate(titles.values())}
    pages.sort(key=lambda p: order.get(p.title, len(order)))
    owner = brand.variables["contacten"][organisation["beleidseigenaar"]]
    letter = Letter(
        organisation=organisation["juridische_naam"],
        brand=organisation["naam"],
        policy=site_name,
        owner_role=owner["rol"],
        owner_name=owner["naam"],
        owner_email=owner["email"],
        day=day,
        reply_by=day + dt.timedelta(days=REPLY_DAYS),
        old_version=before.number if before else None,
        new_version=chosen.number,
        effective=chosen.effective,
        intranet=str(organisation["intranet_url"]),
    )
    pending = sum(len(g.entries) for g in groups if g.version is None and g.after == chosen.number)
    return Request(letter, pages, other, pending)


def _between(versions: list[Version], before: Version | None, chosen: Version) -> set[str]:
    start = versions.index(before) + 1 if before else 0
    return {v.number for v in versions[start : versions.index(chosen) + 1]}


def _appendix(
    files: GitFiles,
    docs: str,
    sources: Mapping[str, str],
    nav: Any,
    brand: Brand,
    before: Version | None,
    chosen: Version,
    changes: dict[str, list[RuleChange]],
) -> list[PageChanges]:
    new_data = data_at(files, chosen.commit.sha, "data") or brand.variables
    old_data = data_at(files, before.commit.sha, "data") if before else {}
    titles = page_titles(sources, nav, brand.variables)
    pages = []
    for page, rows in changes.items():
        filled = [Row(r.kind, fill(r.old, old_data), fill(r.new, new_data)) for r in rows]
        filled = [r for r in filled if r.old != r.new]
        if filled:
            pages.append(PageChanges(titles.get(page, page.removesuffix(".md")), filled))
    return pages


def build_consent(
    root: Path,
    out_dir: Path,
    old: str | None = None,
    new: str | None = None,
    day: dt.date | None = None,
    reference: str | None = None,
) -> tuple[list[Path], Request]:
    """Write the consent request as ``.docx`` and ``.pdf`` into ``out_dir``."""
    brand = load_brand(root / "data", root)
    if not brand.models["organisatie"].ondernemingsraad:
        raise HandbookError([no_works_council(brand.variables["organisatie"]["naam"])])
    style = reference_path(root, reference)
    request = consent_request(root, old, new, day or dt.date.today(), brand)
    folder = output_folder(root, out_dir)  # made only once there is something to write
    letter, pages, other = request.letter, request.pages, request.other
    versions = "-".join(v for v in (letter.old_version, letter.new_version) if v)
    name = f"{slug(letter.brand)}-instemming-{slug(letter.policy)}-{versions}"
    title = consent_title(letter)
    facts = WordFacts(
        title=title,
        subject="Verzoek om instemming aan de ondernemingsraad",
        author=f"{letter.owner_role} ({letter.owner_name})",
        footer=title,
    )
    docx = html_to_docx(
        consent_html(letter, pages, other), style, folder / f"{name}.docx", facts, contents=False
    )
    pdf = print_consent(
        consent_html(letter, pages, other, PRINT_CSS), title, folder / f"{name}.pdf"
    )
    return [docx, pdf], request


def print_consent(document: str, title: str, target: Path) -> Path:
    """Print the HTML with the project's Chromium (nothing is fetched: the page is whole)."""
    import html

    from ..chromium import chromium, print_pdf, serve_directory

    footer = (
        '<div style="font-size:8px;width:100%;padding:0 20mm;color:#444;text-align:right;'
        f'font-family:sans-serif">{html.escape(title)} · pagina <span class="pageNumber">'
        '</span> van <span class="totalPages"></span></div>'
    )
    with tempfile.TemporaryDirectory(prefix="handbook-instemming-") as tmp:
        (Path(tmp) / "index.html").write_text(document, encoding="utf-8")
        try:
            with serve_directory(Path(tmp)) as base, chromium() as browser:
                print_pdf(browser, base, target, footer_template=footer)
        except RuntimeError as error:  # Chromium missing
            raise HandbookError(
                [f"{error}. Het Word-bestand is wel gemaakt; de PDF niet."]
            ) from None
    return target
