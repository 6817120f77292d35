"""Turn commits into changelog entries, grouped per policy version, with the pages they touched
(a change in ``data/`` counts for every page that uses that data)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..core.dates import Datum
from .history import (
    _MARKERS,
    _MERGE_PR,
    _SQUASH_PR,
    ADOPTION_KEY,
    DATE_KEY,
    EDITORIAL,
    POLICY,
    RULE,
    VERSION_KEY,
    History,
)

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

_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)


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
    first: bool = False
    """The version the organisation adopted the handbook with (``handbook nieuw``)."""


@dataclass(frozen=True)
class Title:
    """What a commit tells readers: its title without markers, the pull request, the marker."""

    summary: str
    pr: int | None
    marker: str | None
    """RULE, POLICY or EDITORIAL (from history.py), or None when the title has none."""

    @property
    def for_readers(self) -> bool:
        """Only a title marked ``[regel]`` or ``[beleid]`` reaches the changelog.

        A rule editors can follow: they mark what readers must see. Merges, code and tests,
        English subjects and small edits carry no such marker, so they never appear.
        """
        return self.marker in (RULE, POLICY)

    @property
    def rule(self) -> bool:
        return self.marker == RULE


def summarize(message: str) -> Title:
    """The title of a commit message, its pull request number and its marker.

    The title is the first line; for a merge of a pull request it is the pull request's title
    (GitHub puts it on the third line), for a squash merge the first line without "(#12)".
    Only the title is searched for markers, never the rest of the message: the commits listed
    in a squash merge or an English body do not count. With more than one marker, ``[regel]``
    wins over ``[beleid]`` and ``[redactioneel]`` over both (it says: leave this out).
    """
    lines = [line.strip() for line in message.strip().splitlines()]
    subject = lines[0] if lines else ""
    body = [line for line in lines[1:] if line]
    pr: int | None = None
    merge = _MERGE_PR.match(subject)
    squash = _SQUASH_PR.search(subject)
    if merge:
        pr = int(merge[1])
        title = body[0] if body else subject
    elif squash:
        pr = int(squash[1])
        title = subject[: squash.start()]
    else:
        title = subject
    found = {m.lower() for m in _MARKERS.findall(title)}
    marker = next((m for m in (EDITORIAL, RULE, POLICY) if m in found), None)
    summary = " ".join(_MARKERS.sub(" ", title).split())
    return Title(summary, pr, marker)


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


def adoption_start(history: History, adopted: bool) -> int:
    """Index (oldest first) of the commit where the organisation's own history starts.

    ``adopted``: the handbook was made the organisation's own (``in_gebruik_sinds`` is set in
    the working tree). The start is then the newest commit that set ``in_gebruik_sinds``; when no
    commit did yet (adopted, not committed), every commit is from before: nothing shows.
    Without adoption the whole history counts (0).
    """
    if not adopted:
        return 0
    oldest_first = list(reversed(history.commits))
    marks = [
        i for i, c in enumerate(oldest_first) if ADOPTION_KEY in history.versions.get(c.sha, {})
    ]
    return marks[-1] if marks else len(oldest_first)


def build_changelog(
    history: History,
    docs_dir: str,
    data_dir: str,
    sources: Mapping[str, str],
    adopted: bool = False,
    leave_out: Iterable[str] = (),
) -> list[Group]:
    """Entries grouped per policy version, newest version and newest entry first.

    ``sources`` maps every page in docs/ (src path) to its Markdown source. ``adopted``: start
    at the adoption (see :func:`adoption_start`); the adoption commit itself opens the first
    version and is no entry. ``leave_out``: pages (src paths) that are switched off.
    """
    docs = docs_dir.rstrip("/") + "/"
    data = data_dir.rstrip("/") + "/"
    used = data_used_by(sources)
    hidden = set(leave_out)
    groups: list[Group] = []
    current = Group(version=None, effective=None)
    version: str | None = None
    effective: date | None = None
    start = adoption_start(history, adopted)
    for index, commit in enumerate(reversed(history.commits)):  # oldest first
        if index < start:
            continue  # the example's history, from before the adoption
        title = summarize(commit.message)
        changed = history.versions.get(commit.sha, {})
        # The adoption itself opens the first version and is no entry.
        for_readers = title.for_readers and not (adopted and index == start)
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
        pages -= hidden  # switched-off pages; a change to only those is no entry
        if for_readers and (pages or data_files):
            current.entries.append(
                Entry(
                    sha=commit.sha,
                    date=commit.date,
                    summary=title.summary,
                    pr=title.pr,
                    rule=title.rule,
                    pages=tuple(sorted(pages, key=_page_order(sources))),
                    data=tuple(data_files),
                )
            )
        effective = _as_date(changed.get(DATE_KEY)) or effective
        new_version = str(changed[VERSION_KEY]) if VERSION_KEY in changed else version
        if new_version != version and new_version is not None:
            # The commit that sets a new number closes that version.
            current.version, current.effective = new_version, effective
            current.first = adopted and index == start
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
