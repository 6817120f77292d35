"""Read the git history of ``docs/`` and ``data/`` once per build.

Only commits on the first-parent line count; a version starts at the commit that raises
``beleidsversie``. Without git or in a shallow clone the history is unavailable, with a reason."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from ..core.switches import switch

# Markers in the title of a commit or pull request (see CONTRIBUTING.md, "Wat er in het
# logboek komt"). Only a title with RULE or POLICY reaches the changelog: everything else
# (merges, code, tests, English subjects, small edits) stays out, whatever files it touched.
EDITORIAL = "[redactioneel]"

RULE = "[regel]"

POLICY = "[beleid]"

VERSION_FILE = "organisatie.yml"

VERSION_KEY = "beleidsversie"

DATE_KEY = "ingangsdatum"

# Written by `handbook nieuw`: the organisation's own history starts at the commit that sets it.
ADOPTION_KEY = "in_gebruik_sinds"

FIX = (
    "Bouw vanuit een git-kloon met de volledige geschiedenis: zet in GitHub Actions "
    "'fetch-depth: 0' bij actions/checkout, of vul een ondiepe kloon aan met "
    "'git fetch --unshallow'."
)

_FS, _RS = "\x1f", "\x1e"
_LOG_FORMAT = f"{_RS}%H{_FS}%cI{_FS}%B{_FS}"

_MERGE_PR = re.compile(r"^Merge pull request #(\d+) from \S+")

_SQUASH_PR = re.compile(r"\s*\(#(\d+)\)\s*$")

_MARKERS = re.compile(r"\s*(\[redactioneel\]|\[regel\]|\[beleid\])\s*", re.I)


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
    """Commit sha -> the values of beleidsversie/ingangsdatum/in_gebruik_sinds that commit set."""
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
    """Which commit set which ``beleidsversie``/``ingangsdatum``/``in_gebruik_sinds``, from
    ``git log -p --unified=0`` of organisatie.yml. Added lines only; the values are read as
    YAML."""
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
            if (
                sep
                and key.strip() in (VERSION_KEY, DATE_KEY, ADOPTION_KEY)
                and not key.startswith(" ")
            ):
                try:
                    parsed = yaml.safe_load(line[1:])
                except yaml.YAMLError:
                    continue
                if isinstance(parsed, dict):
                    values.update(parsed)
        if values:
            found[lines[0].strip()] = values
    return found
