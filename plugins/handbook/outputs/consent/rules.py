"""Which rules changed between two policy versions: the do's and don'ts in the pages' front
matter, followed commit by commit through the git history.

A rule whose text changed only in commits marked ``[redactioneel]`` counts as unchanged (a
better sentence, the same rule). A rule added or removed always counts, whatever the marker:
the works council must see every rule that comes or goes. A rule that only moved on its page
is not a change.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

import yaml

from ...changelog.entries import summarize
from ...changelog.history import EDITORIAL, Commit, run_git
from ...core.errors import HandbookError
from ...core.frontmatter import front_matter_text

KINDS = ("dos", "donts")

PageRules = dict[str, tuple[list[str], list[str]]]
"""Page (src path in docs/, 'crisis.md') -> its do's and don'ts, as written (placeholders)."""


def rules_from_page(text: str) -> tuple[list[str], list[str]] | None:
    """The do's and don'ts of one page's source; ``None`` when its front matter is unreadable."""
    front = front_matter_text(text)
    if front is None:
        return [], []
    try:
        data = yaml.safe_load(front)
    except yaml.YAMLError:
        return None
    if not isinstance(data, dict):
        return None

    def texts(items: Any) -> list[str]:
        found = []
        for item in items if isinstance(items, list) else []:
            value = item.get("tekst") if isinstance(item, dict) else item
            if value is not None:
                found.append(" ".join(str(value).split()))
        return found

    return texts(data.get("dos")), texts(data.get("donts"))


class GitFiles:
    """Files as they were at a commit (``git cat-file --batch``: one process for many files)."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def list_pages(self, sha: str, docs: str) -> list[str]:
        result = run_git(["ls-tree", "-r", "--name-only", sha, "--", docs], self.root)
        if result.returncode != 0:
            raise HandbookError([f"git kon de pagina's van commit {sha[:8]} niet lezen."])
        prefix = docs.rstrip("/") + "/"
        return [
            line.removeprefix(prefix)
            for line in result.stdout.splitlines()
            if line.startswith(prefix) and line.endswith(".md")
        ]

    def read(self, sha: str, paths: Sequence[str]) -> dict[str, str | None]:
        """``path`` (relative to the project folder) -> its text at ``sha``; ``None`` if absent."""
        if not paths:
            return {}
        specs = "".join(f"{sha}:./{path}\n" for path in paths).encode("utf-8")
        result = subprocess.run(
            ["git", "cat-file", "--batch"],
            cwd=self.root,
            input=specs,
            capture_output=True,
            check=False,
        )
        if result.returncode != 0:
            raise HandbookError([f"git kon de bestanden van commit {sha[:8]} niet lezen."])
        out, texts, position = result.stdout, {}, 0
        for path in paths:
            end = out.index(b"\n", position)
            header = out[position:end].split()
            position = end + 1
            if len(header) == 3 and header[1] == b"blob":
                size = int(header[2])
                texts[path] = out[position : position + size].decode("utf-8", "replace")
                position += size + 1
            else:
                texts[path] = None
        return texts


def rules_at(files: GitFiles, sha: str, docs: str) -> PageRules:
    pages = files.list_pages(sha, docs)
    texts = files.read(sha, [f"{docs}/{page}" for page in pages])
    found: PageRules = {}
    for page in pages:
        text = texts.get(f"{docs}/{page}")
        rules = rules_from_page(text) if text is not None else None
        if rules is not None:
            found[page] = rules
    return found


@dataclass
class _Tracked:
    text: str
    original: str | None  # the text in the old version; None for a rule added since
    changed: bool = False  # changed by a commit that was not editorial


@dataclass(frozen=True)
class RuleChange:
    kind: str  # "dos" or "donts"
    old: str | None  # None: a new rule
    new: str | None  # None: a rule that no longer applies


@dataclass
class _PageTrack:
    items: dict[str, list[_Tracked]]
    removed: dict[str, list[str]] = field(default_factory=lambda: {k: [] for k in KINDS})


def _follow(track: _PageTrack, kind: str, texts: list[str], editorial: bool) -> None:
    items = track.items[kind]
    result: list[_Tracked] = []
    matcher = SequenceMatcher(a=[i.text for i in items], b=texts, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            result += items[i1:i2]
            continue
        paired = min(i2 - i1, j2 - j1) if tag == "replace" else 0
        for k in range(paired):
            item = items[i1 + k]
            result.append(_Tracked(texts[j1 + k], item.original, item.changed or not editorial))
        for item in items[i1 + paired : i2]:
            if item.original is not None:
                track.removed[kind].append(item.original)
        result += [_Tracked(text, None, True) for text in texts[j1 + paired : j2]]
    track.items[kind] = result


def rule_changes(
    files: GitFiles, start: PageRules, commits: Iterable[Commit], docs: str
) -> dict[str, list[RuleChange]]:
    """Per page, the rules added, changed and removed by ``commits`` (oldest first), starting
    from the rules in ``start``. Texts as written in the pages (placeholders not filled)."""
    tracks = {
        page: _PageTrack({k: [_Tracked(t, t) for t in rules[i]] for i, k in enumerate(KINDS)})
        for page, rules in start.items()
    }
    prefix = docs.rstrip("/") + "/"
    for commit in commits:
        pages = [
            f.removeprefix(prefix)
            for f in commit.files
            if f.startswith(prefix) and f.endswith(".md")
        ]
        if not pages:
            continue
        editorial = summarize(commit.message).marker == EDITORIAL
        texts = files.read(commit.sha, [prefix + page for page in pages])
        for page in pages:
            text = texts.get(prefix + page)
            rules = ([], []) if text is None else rules_from_page(text)
            if rules is None:
                continue  # unreadable in this commit: the next readable state counts
            track = tracks.setdefault(page, _PageTrack({k: [] for k in KINDS}))
            for index, kind in enumerate(KINDS):
                _follow(track, kind, rules[index], editorial)
    return {page: _changes(track) for page, track in tracks.items() if _changes(track)}


def _changes(track: _PageTrack) -> list[RuleChange]:
    found: list[RuleChange] = []
    for kind in KINDS:
        removed = list(track.removed[kind])
        added: list[str] = []
        changed: list[RuleChange] = []
        for item in track.items[kind]:
            if item.original is None:
                added.append(item.text)
            elif item.changed and item.text != item.original:
                changed.append(RuleChange(kind, item.original, item.text))
        for text in list(added):  # moved on the page, not new
            if text in removed:
                added.remove(text)
                removed.remove(text)
        found += [RuleChange(kind, None, text) for text in added]
        found += changed
        found += [RuleChange(kind, text, None) for text in removed]
    return found


def all_rules(rules: PageRules) -> dict[str, list[RuleChange]]:
    """Every rule as new: the appendix for a first version."""
    return {
        page: [RuleChange(kind, None, text) for i, kind in enumerate(KINDS) for text in pages[i]]
        for page, pages in rules.items()
        if any(pages)
    }
