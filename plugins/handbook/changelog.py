"""The changelog: read the git history of ``docs/`` and ``data/`` once, group it per policy version.

Plain functions without MkDocs imports. The plugin calls :func:`read_history` once per build,
then :func:`build_changelog`, :func:`render_changelog` and :func:`render_whats_new`.

Choices (documented for editors in CONTRIBUTING.md and README.md):

- Only commits on the first-parent line of the current branch count: a merged pull request is
  one entry (its title), not every commit inside it.
- A policy version is the set of changes up to and including the commit that gives
  ``beleidsversie`` in ``organisatie.yml`` a new value. Changes after the newest version number
  are listed as "after version X" until the next number is set.
- ``[redactioneel]`` in a commit message or pull request title leaves the change out;
  ``[regel]`` marks a change of a rule (it then appears in the "Wat is er veranderd" block).
"""

from __future__ import annotations

import html
import re
import subprocess
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from jinja2 import Environment, TemplateError

from .basics import Datum
from .placeholders import render_text
from .switches import switch

EDITORIAL = "[redactioneel]"
"""Marker for an editorial change (typo, layout): it stays out of the changelog."""

RULE = "[regel]"
"""Marker for a change of a rule: listed in the "Wat is er veranderd" block on the home page."""

VERSION_FILE = "organisatie.yml"
VERSION_KEY = "beleidsversie"
DATE_KEY = "ingangsdatum"

# Macros that show data of more (or other) files than their name says; a macro named
# ``<file>_...`` (like ``contacten_tabel``) is linked to ``<file>.yml`` by its name alone.
MACRO_DATA: dict[str, tuple[str, ...]] = {
    "contacten_tabel": ("contacten",),
    "reactietermijnen_tabel": ("slas",),
    "escalatie_tabel": ("slas", "contacten"),
    "kanalen_tabel": ("kanalen", "contacten"),
    "goedkeuring_tabel": ("goedkeuring", "contacten"),
    "crisisniveaus_tabel": ("crisis", "contacten"),
}
# Data folders whose files pages reach under another name (data/sectoren/x.yml -> sector...).
DATA_ALIASES: dict[str, tuple[str, ...]] = {"sectoren": ("sector",)}

FIX = (
    "Bouw vanuit een git-kloon met de volledige geschiedenis: zet in GitHub Actions "
    "'fetch-depth: 0' bij actions/checkout, of vul een ondiepe kloon aan met "
    "'git fetch --unshallow'."
)

# Field and record separators that never occur in commit messages or file names.
_FS, _RS = "\x1f", "\x1e"
_LOG_FORMAT = f"{_RS}%H{_FS}%cI{_FS}%B{_FS}"
_MERGE_PR = re.compile(r"^Merge pull request #(\d+) from \S+")
_SQUASH_PR = re.compile(r"\s*\(#(\d+)\)\s*$")
_MARKERS = re.compile(r"\s*(\[redactioneel\]|\[regel\])\s*", re.I)
_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
_H1 = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.M)


# --- reading git ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Commit:
    """One commit on the first-parent line that touched docs/ or data/."""

    sha: str
    date: date
    message: str
    files: tuple[str, ...]
    """Paths relative to the project folder (the folder of mkdocs.yml)."""


@dataclass
class History:
    """The history of a project, or why it is not available."""

    commits: list[Commit] = field(default_factory=list)
    """Newest first."""
    versions: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Commit sha -> the values of beleidsversie/ingangsdatum that commit set."""
    reason: str | None = None
    """Why the history is not available (Dutch), or None when it is."""

    @property
    def available(self) -> bool:
        return self.reason is None

    def message(self) -> str:
        """The one message a build logs when the history is not available."""
        return (
            f"Wijzigingen: de geschiedenis uit git is niet beschikbaar, omdat {self.reason}. "
            "De pagina 'Wijzigingen' en de datums 'laatst gewijzigd' ontbreken daarom. " + FIX
        )


def history_required(option: bool, environ: Mapping[str, str]) -> bool:
    """The ``changelog_require_history`` option, or ``HANDBOOK_REQUIRE_HISTORY=true`` (CI)."""
    return option or switch(environ, "HANDBOOK_REQUIRE_HISTORY") is True


Runner = Callable[[Sequence[str], Path], subprocess.CompletedProcess[str]]


def run_git(args: Sequence[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run ``git`` with settings that make its output stable to parse."""
    return subprocess.run(
        ["git", "-c", "core.quotepath=off", "-c", "log.showSignature=false", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        check=False,
    )


def read_history(
    root: Path, docs_dir: str = "docs", data_dir: str = "data", git: Runner = run_git
) -> History:
    """Read the history of ``docs_dir`` and ``data_dir`` (relative to ``root``) from git.

    Three git commands in all, however many pages there are. Never raises for a missing git,
    a folder that is no repository or a shallow clone: the result then says why.
    """
    try:
        info = git(["rev-parse", "--is-shallow-repository", "--show-prefix"], root)
    except OSError:
        return History(reason="het programma git niet gevonden is")
    if info.returncode != 0:
        if "not a git repository" in info.stderr:
            return History(
                reason="deze map geen git-repository is (bijvoorbeeld een kopie zonder de map .git)"
            )
        if "dubious ownership" in info.stderr:
            return History(
                reason="git deze map niet vertrouwt, omdat een andere gebruiker de eigenaar is "
                "(los dit op met 'git config --global --add safe.directory <map>')"
            )
        return History(reason=f"git een fout gaf: {_first_line(info.stderr)}")
    lines = info.stdout.splitlines()
    if lines and lines[0].strip() == "true":
        return History(
            reason="dit een ondiepe kloon is (shallow clone) zonder de hele geschiedenis"
        )
    prefix = lines[1].strip() if len(lines) > 1 else ""
    version_path = f"{data_dir.rstrip('/')}/{VERSION_FILE}"
    common = ["--first-parent", "--diff-merges=first-parent", "--no-color"]
    log = git(
        ["log", *common, "--name-only", "-z", f"--format={_LOG_FORMAT}", "--", docs_dir, data_dir],
        root,
    )
    if log.returncode != 0:
        if "does not have any commits" in log.stderr:
            return History()
        return History(reason=f"git een fout gaf: {_first_line(log.stderr)}")
    patch = git(
        ["log", *common, "-p", "--unified=0", f"--format={_RS}%H", "--", version_path], root
    )
    return History(
        commits=parse_log(log.stdout, prefix),
        versions=parse_version_patch(patch.stdout if patch.returncode == 0 else ""),
    )


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "onbekende fout")


def parse_log(text: str, prefix: str = "") -> list[Commit]:
    """Commits from ``git log --name-only -z`` with :data:`_LOG_FORMAT`, file paths made relative
    to the project folder (``prefix`` is what ``git rev-parse --show-prefix`` printed)."""
    commits = []
    for record in text.split(_RS):
        if not record.strip("\0\n"):
            continue
        sha, when, rest = record.split(_FS, 2)
        message, _, names = rest.rpartition(_FS)
        files = tuple(
            name.removeprefix(prefix)
            for name in (n.strip("\n") for n in names.split("\0"))
            if name and name.startswith(prefix)
        )
        commits.append(Commit(sha, date.fromisoformat(when[:10]), message.strip(), files))
    return commits


def parse_version_patch(text: str) -> dict[str, dict[str, Any]]:
    """Which commit set which ``beleidsversie``/``ingangsdatum``, from ``git log -p --unified=0``
    of organisatie.yml. Added lines only; the values are read as YAML."""
    found: dict[str, dict[str, Any]] = {}
    for record in text.split(_RS):
        lines = record.strip("\n").splitlines()
        if not lines:
            continue
        values: dict[str, Any] = {}
        for line in lines[1:]:
            if not line.startswith("+") or line.startswith("+++"):
                continue
            key, sep, _ = line[1:].partition(":")
            if sep and key.strip() in (VERSION_KEY, DATE_KEY) and not key.startswith(" "):
                try:
                    parsed = yaml.safe_load(line[1:])
                except yaml.YAMLError:
                    continue
                if isinstance(parsed, dict):
                    values.update(parsed)
        if values:
            found[lines[0].strip()] = values
    return found


# --- from commits to entries ---------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """One line of the changelog."""

    sha: str
    date: date
    summary: str
    pr: int | None
    rule: bool
    pages: tuple[str, ...]
    """Pages (src paths inside docs/, like 'crisis.md') the change touched or whose data changed."""
    data: tuple[str, ...]
    """Data files (inside data/, like 'contacten.yml') the change touched."""


@dataclass
class Group:
    """The entries of one policy version (``version`` None: not yet in a version)."""

    version: str | None
    effective: date | None
    entries: list[Entry] = field(default_factory=list)
    after: str | None = None
    """For the open group: the newest version it comes after."""


def summarize(message: str) -> tuple[str, int | None, bool, bool]:
    """(summary, pull request number, editorial, rule) of a commit message.

    A merge of a pull request is summarized by the pull request's title (GitHub puts it on the
    third line), a squash merge by its subject without "(#12)". For a pull request only its title
    is searched for markers (the commit messages inside it do not count); for a plain commit the
    whole message is.
    """
    lines = [line.strip() for line in message.strip().splitlines()]
    subject = lines[0] if lines else ""
    body = [line for line in lines[1:] if line]
    pr: int | None = None
    marked = message
    merge = _MERGE_PR.match(subject)
    squash = _SQUASH_PR.search(subject)
    if merge:
        pr = int(merge[1])
        summary = body[0] if body else subject
        marked = summary
    elif squash:
        pr = int(squash[1])
        summary = subject[: squash.start()]
        marked = summary
    elif subject.startswith("Merge ") and body:
        summary = body[0]
    else:
        summary = subject
    lowered = marked.lower()
    summary = " ".join(_MARKERS.sub(" ", summary).split())
    return summary, pr, EDITORIAL in lowered, RULE in lowered


def data_key(path: str) -> str:
    """The name pages use for a data file: 'contacten.yml' -> 'contacten',
    'sectoren/zorg.yml' -> 'sectoren'."""
    return path.split("/", 1)[0].rsplit(".", 1)[0] if "/" in path else path.rsplit(".", 1)[0]


def data_used_by(sources: Mapping[str, str]) -> dict[str, set[str]]:
    """Data name -> pages whose source (placeholders, macros, front matter) uses it.

    Only text inside ``{{ }}`` and ``{% %}`` counts, so a link to ``contacten.md`` is no use of
    ``contacten``. A name counts when followed by ``.`` or ``[``, or as a macro (``MACRO_DATA``,
    or a macro whose name starts with the data name and ``_``).
    """
    used: dict[str, set[str]] = {}
    for page, text in sources.items():
        code = " ".join(_JINJA.findall(text))
        for name in set(re.findall(r"(?<![\w.])([a-z][a-z0-9_]*)\s*[.\[]", code)):
            used.setdefault(name, set()).add(page)
        for macro in set(re.findall(r"(?<![\w.])([a-z][a-z0-9_]*)\s*\(", code)):
            names = MACRO_DATA.get(macro) or ((macro.split("_", 1)[0],) if "_" in macro else ())
            for name in names:
                used.setdefault(name, set()).add(page)
    return used


def pages_for_data(path: str, used: Mapping[str, set[str]]) -> set[str]:
    key = data_key(path)
    pages = set(used.get(key, ()))
    for alias in DATA_ALIASES.get(key, ()):
        pages |= used.get(alias, set())
    return pages


def build_changelog(
    history: History,
    docs_dir: str,
    data_dir: str,
    sources: Mapping[str, str],
) -> list[Group]:
    """Entries grouped per policy version, newest version and newest entry first.

    ``sources`` maps every page in docs/ (src path) to its Markdown source.
    """
    docs = docs_dir.rstrip("/") + "/"
    data = data_dir.rstrip("/") + "/"
    used = data_used_by(sources)
    groups: list[Group] = []
    current = Group(version=None, effective=None)
    version: str | None = None
    effective: date | None = None
    for commit in reversed(history.commits):  # oldest first
        summary, pr, editorial, rule = summarize(commit.message)
        changed = history.versions.get(commit.sha, {})
        pages = {
            f.removeprefix(docs) for f in commit.files if f.startswith(docs) and f.endswith(".md")
        }
        data_files = sorted(
            f.removeprefix(data)
            for f in commit.files
            if f.startswith(data) and f.endswith((".yml", ".yaml"))
        )
        for path in data_files:
            pages |= pages_for_data(path, used)
        if not editorial and (pages or data_files):
            current.entries.append(
                Entry(
                    sha=commit.sha,
                    date=commit.date,
                    summary=summary,
                    pr=pr,
                    rule=rule,
                    pages=tuple(sorted(pages, key=_page_order(sources))),
                    data=tuple(data_files),
                )
            )
        effective = _as_date(changed.get(DATE_KEY)) or effective
        new_version = str(changed[VERSION_KEY]) if VERSION_KEY in changed else version
        if new_version != version and new_version is not None:
            # The commit that sets a new number closes that version.
            current.version, current.effective = new_version, effective
            groups.append(current)
            current = Group(version=None, effective=None)
            version = new_version
        elif DATE_KEY in changed and groups and groups[-1].version == version:
            # A later correction of the date of the current version.
            groups[-1].effective = effective
    if current.entries:
        current.after = version
        groups.append(current)
    for group in groups:
        group.entries.reverse()
    groups.reverse()
    return [g for g in groups if g.entries or g.version]


def _as_date(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)) if value is not None else None
    except ValueError:
        return None


def _page_order(sources: Mapping[str, str]) -> Callable[[str], tuple[int, str]]:
    order = {page: i for i, page in enumerate(sources)}
    return lambda page: (order.get(page, len(order)), page)


def last_changed(file_date: str | None, groups: Iterable[Group], page: str) -> Datum | None:
    """When a page last changed: its file's last commit (``file_date``, ISO, from
    git-revision-date-localized) or a later change of data it shows, whichever is newer."""
    dates = [e.date for g in groups for e in g.entries if page in e.pages]
    if file_date:
        dates.append(date.fromisoformat(file_date))
    return Datum.fromordinal(max(dates).toordinal()) if dates else None


def rule_changes(groups: Iterable[Group], version: str) -> list[Entry]:
    """The entries marked as rule changes in the group of ``version``."""
    for group in groups:
        if group.version == version:
            return [e for e in group.entries if e.rule]
    return []


# --- Markdown for the pages ----------------------------------------------------------------


def page_anchor(src_uri: str) -> str:
    """The anchor of a page's own history on the changelog page: 'crisis.md' -> 'pagina-crisis'."""
    return "pagina-" + _slug(src_uri.removesuffix(".md"))


def version_anchor(version: str | None, after: str | None = None) -> str:
    if version is None:
        return "na-versie-" + _slug(after) if after else "nog-geen-versie"
    return "versie-" + _slug(version)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


def escape(text: str) -> str:
    """Text from git, safe inside Markdown: no HTML, no emphasis or links by accident."""
    text = re.sub(r"([\\`*_\[\]#|!])", r"\\\1", html.escape(text, quote=False))
    # No "{{", "{%" or "{#" for the template syntax check that runs on every page.
    return text.replace("{", "&#123;").replace("}", "&#125;")


def page_titles(
    sources: Mapping[str, str], nav: Any, variables: Mapping[str, Any] | None = None
) -> dict[str, str]:
    """Titles for page links: the nav title, else the page's first heading (placeholders
    filled), else the file name."""
    titles = nav_titles(nav)
    env = Environment(autoescape=False)
    result = {}
    for page, text in sources.items():
        title = titles.get(page)
        if title is None:
            match = _H1.search(_strip_front_matter(text))
            if match:
                try:
                    title = render_text(env, match[1], variables or {})
                except TemplateError:
                    title = None
        result[page] = (title or page.removesuffix(".md")).strip()
    return result


def nav_titles(nav: Any) -> dict[str, str]:
    """src path -> title from the ``nav`` setting of mkdocs.yml."""
    found: dict[str, str] = {}
    if isinstance(nav, list):
        for item in nav:
            found.update(nav_titles(item))
    elif isinstance(nav, dict):
        for title, value in nav.items():
            if isinstance(value, str):
                found.setdefault(value, str(title))
            else:
                found.update(nav_titles(value))
    return found


def _strip_front_matter(text: str) -> str:
    if text.startswith("---"):
        end = text.find("\n---", 3)
        if end != -1:
            return text[end + 4 :]
    return text


def _link(page: str, titles: Mapping[str, str], base: str) -> str:
    if page in titles:
        return f"[{escape(titles[page])}]({base}{page})"
    return f"{escape(page)} (bestaat niet meer)"


def _pr_text(pr: int | None, repository_url: str | None) -> str:
    if pr is None:
        return ""
    if repository_url:
        return f" Pull request [#{pr}]({repository_url.rstrip('/')}/pull/{pr})."
    return f" Pull request #{pr}."


ENTRY_HEADER = "| Datum | Wijziging | Pagina's |\n|---|---|---|"
PAGE_HEADER = "| Datum | Versie | Wijziging |\n|---|---|---|"


def entry_markdown(
    entry: Entry, titles: Mapping[str, str], repository_url: str | None, base: str = ""
) -> str:
    """One table row: date | summary, rule label, pull request | pages and data files.

    A table, because a changelog is data: readers scan the dates, and the readability check
    (readability.py) measures the prose around it, not commit subjects."""
    change = escape(entry.summary)
    if not change.endswith((".", "!", "?")):
        change += "."
    if entry.rule:
        change += " *Regelwijziging.*"
    change += _pr_text(entry.pr, repository_url)
    pages = ", ".join(_link(p, titles, base) for p in entry.pages)
    if entry.data:
        pages += (". " if pages else "") + "Gegevens: " + ", ".join(f"`{d}`" for d in entry.data)
    day = Datum.fromordinal(entry.date.toordinal())
    return f"| {day} | {change} | {pages or '–'} |"


def group_title(group: Group) -> str:
    if group.version is not None:
        return f"Versie {group.version}"
    return f"Na versie {group.after}" if group.after else "Wijzigingen zonder versienummer"


def render_changelog(
    history: History,
    groups: Sequence[Group],
    titles: Mapping[str, str],
    repository_url: str | None = None,
) -> str:
    """The Markdown of the page ``wijzigingen/`` (it is not rendered by macros)."""
    lines = [
        "---",
        "render_macros: false",
        "---",
        "",
        "# Wijzigingen",
        "",
    ]
    if not history.available:
        lines += [
            "De geschiedenis van dit handboek is in deze versie niet beschikbaar, omdat "
            f"{escape(history.reason or '')}. Daarom staat hier geen lijst met wijzigingen.",
            "",
            "Beheer je het handboek? " + escape(FIX),
            "",
        ]
        return "\n".join(lines)
    lines += [
        "Hier zie je wat er in dit beleid is veranderd. De nieuwste wijziging staat bovenaan. "
        "De lijst komt vanzelf uit de geschiedenis van het handboek. Niemand hoeft hem met de "
        "hand bij te houden. Kleine redactionele wijzigingen staan er niet in. Denk aan een "
        "tikfout of een andere opmaak.",
        "",
        "De wijzigingen staan per versie van het beleid. Een versie bevat alle wijzigingen tot "
        "het versienummer omhoog ging. Wat daarna veranderde, staat onder 'Na versie …'. Dat "
        "hoort bij de volgende versie. Een *regelwijziging* verandert wat je moet of mag doen. "
        "Onderaan zie je per pagina wat er veranderde.",
        "",
    ]
    if not groups:
        lines += ["Er zijn nog geen wijzigingen vastgelegd.", ""]
    seen: dict[str, int] = {}
    for group in groups:
        anchor = version_anchor(group.version, group.after)
        seen[anchor] = seen.get(anchor, 0) + 1
        if seen[anchor] > 1:
            anchor += f"-{seen[anchor]}"
        lines += [f"## {escape(group_title(group))} {{ #{anchor} }}", ""]
        if group.version is None:
            lines += [
                "Deze wijzigingen staan al in het handboek, maar nog in geen nieuwe versie.",
                "",
            ]
        elif group.effective:
            lines += [
                f"Deze versie geldt vanaf {Datum.fromordinal(group.effective.toordinal())}.",
                "",
            ]
        if group.entries:
            lines.append(ENTRY_HEADER)
            lines += [entry_markdown(e, titles, repository_url) for e in group.entries]
        else:
            lines.append("In deze versie zijn geen wijzigingen vastgelegd.")
        lines.append("")
    lines += ["## Per pagina { #per-pagina }", ""]
    for page, title in titles.items():
        lines += [f"### {escape(title)} {{ #{page_anchor(page)} }}", ""]
        items = [
            (group, entry) for group in groups for entry in group.entries if page in entry.pages
        ]
        if not items:
            lines += ["Nog geen wijzigingen vastgelegd.", ""]
            continue
        lines.append(PAGE_HEADER)
        for group, entry in items:
            day = Datum.fromordinal(entry.date.toordinal())
            rule = " *Regelwijziging.*" if entry.rule else ""
            lines.append(
                f"| {day} | {escape(group_title(group))} | {escape(entry.summary)}{rule} |"
            )
        lines.append("")
    return "\n".join(lines)


def render_whats_new(
    history: History,
    groups: Sequence[Group],
    organisatie: Mapping[str, Any],
    titles: Mapping[str, str],
    base: str = "",
) -> str:
    """The "Wat is er veranderd" block for the home page (Markdown, an admonition).

    Lists the rule changes of the current policy version with the date it takes effect, and
    links to the acknowledgement form when ``organisatie.bevestiging_url`` is set.
    """
    version = str(organisatie["beleidsversie"])
    body: list[str] = []
    if not history.available:
        body.append(
            f"Welke regels in versie {version} zijn veranderd, kun je in deze versie van het "
            "handboek niet zien."
        )
    else:
        changes = rule_changes(groups, version)
        if changes:
            body.append(
                f"Deze regels zijn nieuw of anders in versie {version}. Ze gelden vanaf "
                f"{organisatie['ingangsdatum']}."
            )
            body.append("")
            for entry in changes:
                pages = ", ".join(_link(p, titles, base) for p in entry.pages)
                body.append(f"- {escape(entry.summary)}" + (f" ({pages})" if pages else ""))
        else:
            body.append(f"Voor versie {version} staan er geen regelwijzigingen in het logboek.")
        body += ["", f"Alle wijzigingen staan op de pagina [Wijzigingen]({base}wijzigingen.md)."]
    url = organisatie.get("bevestiging_url")
    if url:
        body += ["", f"[Bevestig dat je versie {version} van het beleid hebt gelezen]({url})"]
    lines = [f'!!! info "Wat is er veranderd in versie {version}?"', ""]
    lines += [f"    {line}" if line else "" for line in body]
    return "\n".join(lines) + "\n"
