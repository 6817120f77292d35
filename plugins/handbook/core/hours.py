"""Opening hours written in plain Dutch, read as a week of minutes.

Editors write hours the way people read them: ``werkdagen 8.30–17.30 uur``,
``maandag tot en met vrijdag 8.00–20.00 uur, weekend 10.00–16.00 uur``, ``24/7``. A remark in
parentheses is for readers only: ``24/7 (voor de pers)``. This module reads such a text into a
:class:`Week` (which minutes of a week someone is there) or says in Dutch where it gets stuck.
Public holidays are not counted: a ``werkdag`` is Monday to Friday.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import accumulate
from math import gcd

MINUTES_PER_DAY = 24 * 60
WEEK = 7 * MINUTES_PER_DAY

DAY_NAMES = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
_SHORT = ("ma", "di", "wo", "do", "vr", "za", "zo")
_DAY = r"(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|ma|di|wo|do|vr|za|zo)"
_GROUPS = {
    "werkdagen": range(5),
    "weekend": (5, 6),
    "in het weekend": (5, 6),
    "elke dag": range(7),
    "dagelijks": range(7),
    "alle dagen": range(7),
}
_GROUP = "|".join(sorted((re.escape(g) for g in _GROUPS), key=len, reverse=True))
_DAYS = (
    rf"(?P<group>{_GROUP})"
    rf"|(?P<first>{_DAY})\s*(?:tot en met|t/m|–|-)\s*(?P<last>{_DAY})"
    rf"|(?P<list>{_DAY}(?:\s*,\s*{_DAY})*\s+en\s+{_DAY})"
    rf"|(?P<one>{_DAY})"
)
_PART = re.compile(
    rf"(?:(?P<always>24/7|dag en nacht|altijd)"
    rf"|(?:{_DAYS})\s+(?:van\s+)?(?P<h1>\d{{1,2}})(?:[.:](?P<m1>\d{{2}}))?(?:\s*uur)?"
    rf"\s*(?:–|-|tot)\s*(?P<h2>\d{{1,2}})(?:[.:](?P<m2>\d{{2}}))?(?:\s*uur)?)",
    re.IGNORECASE,
)
_SEPARATOR = re.compile(r"\s*(?:,|;|\ben\b)\s*", re.IGNORECASE)
_FLIP = bytes([1, 0]) + bytes(range(2, 256))
_REMARK = re.compile(r"\s*\([^()]*\)\s*$")

# A term such as '30 minuten' or '2 werkdagen' (the data model's Duur).
_DURATION = re.compile(
    r"^(\d+) (minuut|minuten|uur|werkdag|werkdagen|dag|dagen|week|weken"
    r"|maand|maanden|jaar)$"
)

_UNIT_MINUTES = {
    "minuut": 1,
    "minuten": 1,
    "uur": 60,
    "dag": 24 * 60,
    "dagen": 24 * 60,
    "werkdag": 8 * 60,
    "werkdagen": 8 * 60,
    "week": 7 * 24 * 60,
    "weken": 7 * 24 * 60,
    "maand": 30 * 24 * 60,
    "maanden": 30 * 24 * 60,
    "jaar": 365 * 24 * 60,
}


def duration_minutes(value: str) -> int:
    """Minutes in a Dutch duration such as ``"4 uur"`` (a working day counts as 8 hours)."""
    match = _DURATION.match(value)
    if not match:
        raise ValueError(value)
    return int(match[1]) * _UNIT_MINUTES[match[2]]


EXAMPLES = (
    "Schrijf dagen en tijden, zoals 'werkdagen 8.30–17.30 uur', 'maandag tot en met vrijdag "
    "8.00–20.00 uur, weekend 10.00–16.00 uur' of '24/7'. Een toelichting zet je tussen haakjes "
    "erachter: '24/7 (voor de pers)'"
)


@dataclass(frozen=True)
class Week:
    """For every minute of a week (Monday 0.00 = 0): is someone there?"""

    minutes: bytes

    @property
    def always(self) -> bool:
        return all(self.minutes)

    @property
    def never(self) -> bool:
        return not any(self.minutes)

    def __contains__(self, minute: int) -> bool:
        return bool(self.minutes[minute % WEEK])

    def changes(self) -> set[int]:
        """The minutes at which someone arrives or leaves."""
        found = set()
        there = self.minutes[-1]  # Sunday 23.59, just before the week starts
        position = 0
        while position < WEEK:
            position = self.minutes.find(0 if there else 1, position)
            if position < 0:
                break
            found.add(position)
            there = not there
        return found

    def __and__(self, other: Week) -> Week:
        both = int.from_bytes(self.minutes, "big") & int.from_bytes(other.minutes, "big")
        return Week(both.to_bytes(WEEK, "big"))

    def __or__(self, other: Week) -> Week:
        either = int.from_bytes(self.minutes, "big") | int.from_bytes(other.minutes, "big")
        return Week(either.to_bytes(WEEK, "big"))

    def __invert__(self) -> Week:
        return Week(self.minutes.translate(_FLIP))

    def first(self) -> int | None:
        """The first minute of the week at which someone is there."""
        found = self.minutes.find(1)
        return None if found < 0 else found

    def waits(self, step: int = 1) -> list[int]:
        """Minutes from every ``step``-th minute of the week until someone is there (0: now).

        ``step`` must divide every minute at which someone arrives (see :func:`grid`); the
        result then is exact. Nobody ever there waits longer than any term: ``2 * WEEK``.
        """
        slots = WEEK // step
        if self.never:
            return [2 * WEEK] * slots
        wait = [0] * slots
        next_open = None
        for slot in range(2 * slots - 1, -1, -1):  # twice round, so Sunday sees Monday
            if self.minutes[(slot % slots) * step]:
                next_open = slot
            if slot < slots:
                wait[slot] = (next_open - slot) * step  # type: ignore[operator]
        return wait


def grid(weeks: Iterable[Week]) -> int:
    """The largest step (in minutes) at which all these weeks change: 30 for half hours."""
    step = MINUTES_PER_DAY
    for week in weeks:
        for minute in week.changes():
            step = gcd(step, minute)
    return step or 1


def _day(name: str) -> int:
    name = name.lower()
    return DAY_NAMES.index(name) if name in DAY_NAMES else _SHORT.index(name)


def _days(match: re.Match[str]) -> list[int]:
    if match["group"]:
        return list(_GROUPS[match["group"].lower()])
    if match["first"]:
        first, last = _day(match["first"]), _day(match["last"])
        return [(first + i) % 7 for i in range((last - first) % 7 + 1)]
    if match["list"]:
        return [_day(d) for d in re.findall(_DAY, match["list"], re.IGNORECASE)]
    return [_day(match["one"])]


def _minute(hours: str, minutes: str | None) -> int | None:
    h, m = int(hours), int(minutes or 0)
    if h > 24 or m > 59 or (h == 24 and m):
        return None
    return h * 60 + m


def parse_hours(text: str) -> Week:
    """The week described by ``text``; raises ValueError with a Dutch reason."""
    body = _REMARK.sub("", text).strip()
    minutes = bytearray(WEEK)
    position = 0
    while True:
        match = _PART.match(body, position)
        if match is None:
            rest = body[position:].strip() or text
            raise ValueError(f"'{text}' kan de controle niet lezen (bij '{rest}'). {EXAMPLES}")
        if match["always"]:
            minutes[:] = b"\1" * WEEK
        else:
            start = _minute(match["h1"], match["m1"])
            end = _minute(match["h2"], match["m2"])
            if start is None or end is None or start == end:
                raise ValueError(
                    f"'{text}': '{match[0]}' is geen tijd van een dag. Schrijf bijvoorbeeld "
                    "'8.30–17.30 uur'."
                )
            length = (end - start) % MINUTES_PER_DAY  # past midnight: into the next day
            for day in _days(match):
                first = day * MINUTES_PER_DAY + start
                last = min(first + length, WEEK)
                minutes[first:last] = b"\1" * (last - first)
                minutes[: first + length - last] = b"\1" * (first + length - last)
        position = match.end()
        if position == len(body):
            return Week(bytes(minutes))
        separator = _SEPARATOR.match(body, position)
        if separator is None or separator.end() == len(body):
            raise ValueError(
                f"'{text}' kan de controle niet lezen (bij '{body[position:].strip()}'). {EXAMPLES}"
            )
        position = separator.end()


def check_hours(text: str) -> str:
    """For the data model: the text itself, once it reads as hours."""
    parse_hours(text)
    return text


def moment(minute: int) -> str:
    """A minute of the week in Dutch: 'vrijdag 20.00 uur'."""
    minute %= WEEK
    day, rest = divmod(minute, MINUTES_PER_DAY)
    return f"{DAY_NAMES[day]} {rest // 60}.{rest % 60:02d} uur"


def duration(minutes: int) -> str:
    """A number of minutes in Dutch: '14 uur', '1 uur en 30 minuten', '45 minuten'."""
    hours, rest = divmod(minutes, 60)
    parts = []
    if hours:
        parts.append(f"{hours} uur")
    if rest or not hours:
        parts.append(f"{rest} minuten" if rest != 1 else "1 minuut")
    return " en ".join(parts)


class Clock:
    """Deadlines measured against office hours: a term in working days counts office time only.

    ``office`` is the week of office hours (``slas.kantoortijden``); a working day is one
    average office day of it.
    """

    def __init__(self, office: Week) -> None:
        self.office = office
        # Office minutes before each minute, from Monday 0.00 of week 0, over three weeks.
        self.passed = [0, *accumulate(office.minutes * 3)]
        days = sum(1 for d in range(7) if any(office.minutes[d * 1440 : (d + 1) * 1440]))
        self.day_minutes = sum(office.minutes) // days if days else MINUTES_PER_DAY

    def allowed(self, start: int, term_minutes: int, working_days: bool) -> int:
        """Minutes from ``start`` (a minute of the week) until the term ends."""
        if not working_days or self.office.never:
            return term_minutes
        needed = self.passed[start] + (term_minutes // (8 * 60)) * self.day_minutes
        end = bisect_left(self.passed, needed, lo=start)
        return min(end, 3 * WEEK) - start
