"""CODEOWNERS from the pages' owners: write it, read it back, and say what is out of date."""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Mapping, Sequence
from typing import Any

from .pages import PageInfo

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
