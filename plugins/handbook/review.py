"""Checks an editor runs before a pull request: review dates, owners, CODEOWNERS, placeholders.

Plain functions, no MkDocs imports: ``handbook check``, ``handbook review-issue``,
``handbook codeowners`` and the plugin's overdue notice all use them.
"""

from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml
from jinja2 import Environment, StrictUndefined

from .basics import Datum
from .pages import check_page, front_matter_text
from .placeholders import Recorder, index_paths, placeholder_messages, syntax_message
from .validation import Record

REVIEW_WINDOW_DAYS = 30
TODAY_ENV = "HANDBOOK_VANDAAG"
CODEOWNERS_PATH = ".github/CODEOWNERS"
# A contact with this key owns the technical files; without it the policy owner does.
TECHNICAL_CONTACT = "beheer"
# Files and folders that are not policy pages, and who owns them in CODEOWNERS.
TECHNICAL_PATHS = (
    "/plugins/",
    "/tests/",
    "/schema/",
    "/.github/",
    "/.ci/",
    "/.vscode/",
    "/docs/overrides/",
    "/docs/stylesheets/",
    "/mkdocs.yml",
    "/pyproject.toml",
    "/Makefile",
    "/package.json",
    "/package-lock.json",
)
# Names mkdocs-macros offers every page besides our data and macros.
MACROS_BUILTINS = (
    "page",
    "config",
    "environment",
    "plugin",
    "git",
    "files",
    "navigation",
    "extra",
    "macros_info",
    "now",
    "fix_url",
    "context",
    "render_file",
    "pretty",
)


# ---------------------------------------------------------------------------------------------
# Dates


def parse_today(value: str | None) -> date:
    """``--vandaag`` or ``$HANDBOOK_VANDAAG`` (JJJJ-MM-DD), else the real date."""
    value = value or os.environ.get(TODAY_ENV) or ""
    if not value:
        return date.today()
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(
            f"'{value}' is geen geldige datum voor vandaag. Schrijf hem als JJJJ-MM-DD, "
            "zoals 2026-03-01."
        ) from None


def days_text(count: int) -> str:
    return "1 dag" if count == 1 else f"{count} dagen"


def nl_date(value: date) -> str:
    return str(Datum(value.year, value.month, value.day))


def review_status(due: date, today: date, window: int = REVIEW_WINDOW_DAYS) -> str | None:
    """``"verlopen"`` when ``due`` has passed, ``"binnenkort"`` within ``window`` days."""
    if due < today:
        return "verlopen"
    if due <= today + timedelta(days=window):
        return "binnenkort"
    return None


def overdue_notice(due: date, owner_role: str, owner_email: str | None) -> str:
    """The admonition readers see on a page whose review date has passed (Markdown)."""
    ask = f"{owner_role} ({owner_email})" if owner_email else owner_role
    return (
        '!!! warning "Deze pagina is niet op tijd opnieuw beoordeeld"\n'
        f"    Deze pagina had vóór {nl_date(due)} opnieuw beoordeeld moeten worden. De regels "
        "gelden nog, maar kunnen verouderd zijn. Twijfel je of iets nog klopt? Neem contact op "
        f"met {ask}.\n"
    )


def insert_after_title(markdown: str, block: str) -> str:
    """Put ``block`` right after the page's first ``# `` heading (the title stays the title)."""
    lines = markdown.split("\n")
    for number, line in enumerate(lines):
        if line.startswith("# "):
            return "\n".join([*lines[: number + 1], "", block, *lines[number + 1 :]])
    return block + "\n" + markdown


# ---------------------------------------------------------------------------------------------
# Pages


@dataclass(frozen=True)
class PageInfo:
    """A policy page as the checks see it."""

    path: str  # "docs/crisis.md", relative to the project root
    url: str  # "crisis/"
    title: str
    meta: Record | None  # validated as models.PageMeta
    raw: str

    @property
    def eigenaar(self) -> str | None:
        return self.meta.eigenaar if self.meta else None


def page_url(src_uri: str) -> str:
    """The URL MkDocs gives a page (directory URLs): ``crisis.md`` -> ``crisis/``."""
    stem = src_uri.removesuffix(".md")
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def body_start(raw: str) -> int:
    """Index of the first line after the front matter (0 when there is none)."""
    lines = raw.splitlines()
    if not lines or lines[0].strip() != "---":
        return 0
    for end, line in enumerate(lines[1:], start=1):
        if line.strip() in ("---", "..."):
            return end + 1
    return 0


def page_title(raw: str, fallback: str) -> str:
    for line in raw.splitlines()[body_start(raw) :]:
        if line.startswith("# "):
            return line[2:].strip()
    return fallback


def is_page(rel: Path, docs: str) -> bool:
    parts = rel.relative_to(docs).parts
    return rel.suffix == ".md" and parts[0] not in ("overrides", "stylesheets")


def fill_title(title: str, variables: Mapping[str, Any] | None) -> str:
    """A title such as "Beleid van {{ organisatie.naam }}" filled in; unchanged on any error."""
    if not variables or "{" not in title:
        return title
    try:
        return Environment(undefined=StrictUndefined).from_string(title).render(**variables)
    except Exception:
        return title


def read_pages(
    root: Path,
    contacts: Iterable[str],
    docs: str = "docs",
    variables: Mapping[str, Any] | None = None,
) -> tuple[list[PageInfo], list[str]]:
    """Every page in ``docs/`` with its validated front matter, and the problems found."""
    contacts = list(contacts)
    pages: list[PageInfo] = []
    messages: list[str] = []
    for path in sorted((root / docs).rglob("*.md")):
        rel = path.relative_to(root)
        if not is_page(rel, docs):
            continue
        raw = path.read_text(encoding="utf-8")
        meta, problems = check_page(rel.as_posix(), raw, contacts)
        messages.extend(problems)
        src_uri = rel.relative_to(docs).as_posix()
        pages.append(
            PageInfo(
                rel.as_posix(),
                page_url(src_uri),
                fill_title(page_title(raw, src_uri), variables),
                meta,
                raw,
            )
        )
    return pages, messages


@dataclass(frozen=True)
class Due:
    page: PageInfo
    status: str  # "verlopen" or "binnenkort"

    @property
    def date(self) -> date:
        assert self.page.meta is not None
        return self.page.meta.herzien_voor


def due_pages(
    pages: Iterable[PageInfo], today: date, window: int = REVIEW_WINDOW_DAYS
) -> list[Due]:
    """Pages whose review date has passed or falls within ``window`` days, earliest first."""
    found = []
    for page in pages:
        if page.meta is None:
            continue
        status = review_status(page.meta.herzien_voor, today, window)
        if status:
            found.append(Due(page, status))
    return sorted(found, key=lambda d: (d.date, d.page.path))


def review_warnings(due: Iterable[Due], contacts: Mapping[str, Any], today: date) -> list[str]:
    messages = []
    for item in due:
        owner = _role(contacts, item.page.eigenaar)
        when = nl_date(item.date)
        if item.status == "verlopen":
            days = (today - item.date).days
            messages.append(
                f"{item.page.path}: de beoordeling is verlopen; de pagina had vóór {when} "
                f"opnieuw beoordeeld moeten worden ({days_text(days)} geleden). Eigenaar: {owner}. "
                "Lees de pagina na en zet nieuwe datums bij laatst_beoordeeld en herzien_voor."
            )
        else:
            days = (item.date - today).days
            messages.append(
                f"{item.page.path}: deze pagina moet binnen {REVIEW_WINDOW_DAYS} dagen opnieuw "
                f"beoordeeld worden, vóór {when} (nog {days_text(days)}). Eigenaar: {owner}."
            )
    return messages


def _role(contacts: Mapping[str, Any], key: str | None) -> str:
    contact = contacts.get(key or "")
    return f"{contact['rol']} ({key})" if contact else str(key)


def review_issue_body(
    pages: Sequence[PageInfo],
    contacts: Mapping[str, Any],
    today: date,
    site_url: str | None = None,
    window: int = REVIEW_WINDOW_DAYS,
) -> str:
    """Markdown body of the one review issue the scheduled job opens or updates."""
    due = due_pages(pages, today, window)
    lines = [
        f"<!-- handbook-review: {len(due)} -->",
        f"Stand op {nl_date(today)}: pagina's van het handboek waarvan de beoordelingsdatum "
        f"(`herzien_voor`) verstreken is of binnen {window} dagen verstrijkt.",
        "",
    ]
    if not due:
        lines.append(f"Er zijn geen pagina's die binnen {window} dagen beoordeeld moeten worden.")
        return "\n".join(lines) + "\n"
    lines += [
        "| Pagina | Bestand | Beoordelen vóór | Status | Eigenaar | GitHub |",
        "|---|---|---|---|---|---|",
    ]
    for item in due:
        page = item.page
        contact = contacts.get(page.eigenaar or "") or {}
        link = f"[{_cell(page.title)}]({site_url.rstrip('/')}/{page.url})" if site_url else None
        left = (item.date - today).days
        if item.status == "verlopen":
            status = f"verlopen ({days_text(-left)} geleden)"
        else:
            status = f"binnenkort (nog {days_text(left)})" if left else "vandaag"
        lines.append(
            "| "
            + " | ".join(
                [
                    link or _cell(page.title),
                    f"`{page.path}`",
                    nl_date(item.date),
                    status,
                    f"{_cell(contact.get('rol', page.eigenaar or '?'))} (`{page.eigenaar}`)",
                    contact.get("github") or "–",
                ]
            )
            + " |"
        )
    lines += [
        "",
        "**Zo werk je een beoordeling af.** Lees de pagina na. Pas de tekst aan als dat nodig "
        "is. Zet daarna in de front matter `laatst_beoordeeld` op de datum van vandaag en "
        "`herzien_voor` op de volgende beoordelingsdatum, en open een pull request. Verandert "
        "er alleen een datum, zet dan `[redactioneel]` in de titel van de pull request.",
        "",
        "_Dit issue wordt automatisch bijgewerkt door de geplande taak 'Beoordelingen'._",
    ]
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


# ---------------------------------------------------------------------------------------------
# CODEOWNERS


def _github(contacts: Mapping[str, Any], key: str | None) -> str | None:
    contact = contacts.get(key or "")
    return contact.get("github") if contact else None


def generate_codeowners(
    pages: Sequence[PageInfo], contacts: Mapping[str, Any], policy_owner: str
) -> str:
    """CODEOWNERS from page owners (front matter) and ``github`` in data/contacten.yml."""
    default = _github(contacts, policy_owner)
    technical_key = TECHNICAL_CONTACT if _github(contacts, TECHNICAL_CONTACT) else policy_owner
    technical = _github(contacts, technical_key)
    lines = [
        "# Gemaakt door 'handbook codeowners' (make codeowners). Wijzig dit bestand niet met de",
        "# hand: pas 'eigenaar' in de front matter van een pagina of 'github' in",
        "# data/contacten.yml aan en voer 'make codeowners' uit. De laatste regel die past, telt.",
        "",
        f"# Alles wat hieronder niet genoemd wordt: de beleidseigenaar ({policy_owner}).",
        f"* {default}" if default else f"# (geen github voor '{policy_owner}')",
        "",
        f"# Gegevens van het merk: de beleidseigenaar ({policy_owner}).",
        f"/data/ {default}" if default else "# /data/: geen github",
        "",
        f"# Techniek: plugin, tests, thema en workflows ({technical_key}).",
    ]
    width = max(len(p) for p in TECHNICAL_PATHS)
    for path in TECHNICAL_PATHS:
        if technical:
            lines.append(f"{path.ljust(width)} {technical}")
    lines.append("")
    lines.append("# Beleidspagina's: 'eigenaar' uit de front matter, per contact.")
    width = max((len(p.path) + 1 for p in pages), default=0)
    for key in contacts:
        team = _github(contacts, key)
        owned = [p for p in pages if p.eigenaar == key]
        if not team or not owned:
            continue
        lines += ["", f"# {key}: {contacts[key].get('rol', key)}"]
        lines += [f"{('/' + p.path).ljust(width)} {team}" for p in owned]
    return "\n".join(lines) + "\n"


def parse_codeowners(text: str) -> list[tuple[str, tuple[str, ...]]]:
    """(pattern, owners) per rule, in file order; comments and blank lines skipped."""
    rules = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip() if not line.lstrip().startswith("#") else ""
        if not line:
            continue
        pattern, *owners = line.split()
        rules.append((pattern, tuple(owners)))
    return rules


def _matches(pattern: str, path: str) -> bool:
    """GitHub CODEOWNERS matching (gitignore style), enough for the patterns we write."""
    anchored = pattern.startswith("/") or "/" in pattern.rstrip("/")
    pat = pattern.lstrip("/")
    if pat in ("*", "**"):
        return True
    if pat.endswith("/"):
        prefix = pat
        return path.startswith(prefix) if anchored else f"/{prefix}" in f"/{path}"
    if anchored:
        regex = re.escape(pat).replace(r"\*\*", ".*").replace(r"\*", "[^/]*")
        return re.fullmatch(regex + "(/.*)?", path) is not None
    return any(fnmatch.fnmatchcase(part, pat) for part in path.split("/")) or fnmatch.fnmatchcase(
        path, pat
    )


def owners_of(rules: Sequence[tuple[str, tuple[str, ...]]], path: str) -> tuple[str, ...] | None:
    """Owners of ``path``: the last matching rule wins, like on GitHub."""
    found = None
    for pattern, owners in rules:
        if _matches(pattern, path):
            found = owners
    return found


def codeowners_messages(
    pages: Sequence[PageInfo], contacts: Mapping[str, Any], text: str
) -> list[str]:
    """Pages whose owner and CODEOWNERS disagree, and unowned data/plugins/mkdocs.yml."""
    rules = parse_codeowners(text)
    fix = "Voer 'make codeowners' uit en neem .github/CODEOWNERS op in je commit."
    messages = []
    for page in pages:
        if page.eigenaar is None:
            continue
        team = _github(contacts, page.eigenaar)
        if team is None:
            messages.append(
                f"{page.path}: de eigenaar '{page.eigenaar}' heeft geen 'github' in "
                "data/contacten.yml, dus CODEOWNERS kan niemand om een review vragen. Voeg "
                'github: "@organisatie/team" toe aan dat contact.'
            )
            continue
        owners = owners_of(rules, page.path)
        if not owners or team not in owners:
            found = " ".join(owners) if owners else "niemand"
            messages.append(
                f"{page.path}: de eigenaar is '{page.eigenaar}' ({team}), maar volgens "
                f"{CODEOWNERS_PATH} beoordeelt {found} deze pagina. {fix}"
            )
    for path in ("data/organisatie.yml", "plugins/handbook/plugin.py", "mkdocs.yml"):
        if not owners_of(rules, path):
            messages.append(f"{CODEOWNERS_PATH}: '{path}' heeft geen eigenaar. {fix}")
    return messages


# ---------------------------------------------------------------------------------------------
# Placeholders, checked without a build


class _Anything:
    """Stands in for what mkdocs-macros offers (page, config, ...): any use is fine."""

    def __getattr__(self, name: str) -> _Anything:
        return self

    def __getitem__(self, key: Any) -> _Anything:
        return self

    def __call__(self, *args: Any, **kwargs: Any) -> _Anything:
        return self

    def __iter__(self):
        return iter(())

    def __str__(self) -> str:
        return ""


def _strings(value: Any) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)


def page_placeholder_messages(
    page: PageInfo,
    variables: Mapping[str, Any],
    macros: Mapping[str, Callable[..., str]],
    extra: Mapping[str, Any] | None = None,
) -> list[str]:
    """Unknown ``{{ placeholders }}`` and macro errors in one page, as the build reports them."""
    raw = page.raw
    fm = front_matter_text(raw)
    meta: dict[str, Any] = {}
    offset = body_start(raw)
    body = "\n".join(raw.splitlines()[offset:])
    if fm is not None:
        try:
            loaded = yaml.safe_load(fm)
            meta = loaded if isinstance(loaded, dict) else {}
        except yaml.YAMLError:
            meta = {}
    if meta.get("render_macros") is False:
        return []
    recorder = Recorder(paths=index_paths(variables))
    env = Environment(undefined=recorder.undefined_class(), autoescape=False)
    problem = syntax_message(env, page.path, body, offset)
    if problem:
        return [problem]
    context: dict[str, Any] = {name: _Anything() for name in MACROS_BUILTINS}
    context.update(extra or {})
    context.update(meta)
    context.update(variables)
    context.update(macros)
    messages = []
    for text in [body, *_strings(meta)]:
        if "{" not in text:
            continue
        try:
            env.from_string(text).render(**context)
        except Exception as error:  # a macro's own error, as the plugin reports it
            detail = (
                str(error) if isinstance(error, ValueError) else f"{type(error).__name__}: {error}"
            )
            messages.append(
                f"{page.path}: een macro op deze pagina gaf een fout: {detail}. Controleer de "
                "naam van de macro en de waarden tussen de haakjes."
            )
    messages.extend(placeholder_messages(page.path, recorder.take(), raw))
    return messages


def mkdocs_extra(root: Path) -> dict[str, Any]:
    """The ``extra:`` block of mkdocs.yml (macros offers it to pages), tags ignored."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    try:
        config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    except (OSError, yaml.YAMLError):
        return {}
    extra = config.get("extra") if isinstance(config, dict) else None
    return dict(extra) if isinstance(extra, dict) else {}


# ---------------------------------------------------------------------------------------------
# The whole check


@dataclass
class Report:
    errors: list[str]
    warnings: list[str]


def check_project(root: Path, today: date, docs: str = "docs") -> Report:
    """Everything ``handbook check`` looks at, without building the site."""
    from .data import load_brand  # local: data imports pydantic models, keep start-up small
    from .macros import make_macros
    from .sectors import load_all_sectors, make_sector_macros, section_keys, status_warnings
    from .yamlsrc import HandbookError

    try:
        brand = load_brand(root / "data", root)
    except HandbookError as error:
        return Report(list(error.messages), [])
    contacts = brand.variables["contacten"]
    pages, errors = read_pages(root, contacts, docs, brand.variables)
    sections = section_keys(root / docs)
    sectors, sector_messages = load_all_sectors(root / "data", root, sections, brand.variables)
    errors.extend(sector_messages)
    chosen = sectors.get(brand.models["organisatie"].sector)
    variables = dict(brand.variables)
    macros = dict(make_macros(brand))
    if chosen is not None:
        # The same names the plugin gives pages: the sector's data and its macro.
        variables["sector"] = chosen.variables
        macros.update(make_sector_macros(chosen, sections))
    extra = mkdocs_extra(root)
    for page in pages:
        errors.extend(page_placeholder_messages(page, variables, macros, extra))
    quiz_file = root / "data" / "quiz.yml"
    if quiz_file.is_file():
        from .quiz import load_quiz

        try:
            load_quiz(quiz_file, root / docs, brand.variables, "data/quiz.yml")
        except HandbookError as error:
            errors.extend(error.messages)
    codeowners = root / CODEOWNERS_PATH
    if codeowners.is_file():
        errors.extend(codeowners_messages(pages, contacts, codeowners.read_text(encoding="utf-8")))
    warnings = review_warnings(due_pages(pages, today), contacts, today)
    for loaded in sectors.values():
        warnings.extend(status_warnings(loaded))
    return Report(errors, warnings)
