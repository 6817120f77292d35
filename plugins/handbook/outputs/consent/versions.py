"""Policy versions as the changelog knows them, and the two a consent request compares.

A version is the commit that gives ``beleidsversie`` its new number (see
``changelog.entries.build_changelog``); the versions offered are the changelog's own groups,
so a changelog that starts later (an organisation's own history) offers only its versions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ...changelog.entries import Group
from ...changelog.history import VERSION_KEY, Commit, History
from ...core.errors import HandbookError


@dataclass(frozen=True)
class Version:
    number: str
    commit: Commit
    """The commit that set this number: the version holds everything up to and including it."""
    effective: date | None


def policy_versions(history: History, groups: Sequence[Group]) -> list[Version]:
    """The changelog's versions, oldest first, each with the commit that closed it."""
    effective = {g.version: g.effective for g in groups if g.version is not None}
    found: list[Version] = []
    seen: set[str] = set()
    current: str | None = None
    for commit in reversed(history.commits):  # oldest first, as the changelog walks them
        values = history.versions.get(commit.sha, {})
        if VERSION_KEY not in values:
            continue
        number = str(values[VERSION_KEY])
        if number != current and number in effective and number not in seen:
            found.append(Version(number, commit, effective[number]))
            seen.add(number)
        current = number
    return found


def choose_versions(
    versions: Sequence[Version], old: str | None, new: str | None, current: str
) -> tuple[Version | None, Version]:
    """The versions to compare: ``new`` (default: ``current``) and ``old`` (default: the one
    before it; ``None`` when ``new`` is the first, then every rule counts as new).

    Raises :class:`HandbookError` in Dutch for a version the history does not hold.
    """
    by_number = {v.number: v for v in versions}
    known = ", ".join(v.number for v in versions) or "(nog geen)"
    target = new or current
    if target not in by_number:
        if new is None:
            raise HandbookError(
                [
                    f"De huidige beleidsversie {current} (data/organisatie.yml) staat nog niet in "
                    "de geschiedenis. Leg de wijziging van 'beleidsversie' eerst vast met een "
                    f"commit, of kies een versie met --naar. Bekende versies: {known}."
                ]
            )
        raise HandbookError(
            [
                f"--naar {target}: die versie staat niet in de geschiedenis. "
                f"Bekende versies: {known}."
            ]
        )
    chosen = by_number[target]
    position = versions.index(chosen)
    if old is None:
        return (versions[position - 1] if position > 0 else None), chosen
    if old not in by_number:
        raise HandbookError(
            [f"--van {old}: die versie staat niet in de geschiedenis. Bekende versies: {known}."]
        )
    if versions.index(by_number[old]) >= position:
        raise HandbookError(
            [
                f"--van {old} is niet ouder dan --naar {target}. Kies bij --van een eerdere "
                "versie dan bij --naar."
            ]
        )
    return by_number[old], chosen
