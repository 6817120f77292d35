"""Data that contradicts itself: times nobody can meet, and people who are not there.

How the checks count (CONTRIBUTING.md, "Tijden die elkaar tegenspreken", says the same):

- Everything starts with the people who answer messages on the official accounts
  (``slas.beantwoord_door``, by default the social media team). A message, an escalation or a
  crisis can begin at any moment they are at work.
- A response time counts from the moment one of them is there (a message at night waits for
  the morning), so a term only contradicts the hours when nobody who answers is ever there in
  its part of the week (``kantoortijd`` or ``buiten_kantoortijd``).
- A more serious crisis level never gets more time for its first response than a lighter one,
  and ``slas.eerste_reactie_crisis`` is the first response of the most serious level.
- Escalation is a ladder: each step comes later than the one before, counted from the message.
- Whoever a step goes to is there when it is due: an escalation contact whenever the people
  who answer are at work; a crisis level's decider within that level's first response; an
  approver within the approval term (a term in working days counts office hours).

Plain functions, no MkDocs imports: the plugin (warnings a strict build stops on) and
``handbook check`` (errors) call :func:`contradictions`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from itertools import pairwise
from typing import Any

from .hours import WEEK, Clock, Week, duration, duration_minutes, grid, moment, parse_hours
from .messages import key_text
from .yamlsrc import Source


def _where(source: Source, stem: str, loc: Sequence[str | int]) -> str:
    line = source.line_of(list(loc))
    where = f"{source.label}, regel {line}" if line else source.label
    return f"{where}, sleutel '{key_text([stem, *loc])}'"


def _names(contacts: Mapping[str, Any], keys: Iterable[str]) -> str:
    return ", ".join(f"{contacts[k]['rol']} ({contacts[k]['bereikbaarheid']})" for k in keys)


def _union(weeks: Iterable[Week]) -> Week:
    result = Week(bytes(WEEK))
    for week in weeks:
        result = result | week
    return result


def _meet(a: Week, b: Week) -> bool:
    """Is there a minute in the week when both are there?"""
    return not (a & b).never


def _first_gap(needed: Week, there: Week) -> int | None:
    """The first minute at which ``needed`` is there and ``there`` is not."""
    return (needed & ~there).first()


def _term(text: str) -> tuple[int, bool]:
    """(minutes, counted in working days) of a term such as '4 uur' or '2 werkdagen'."""
    return duration_minutes(text), "werkdag" in text


def _too_late(starts: Week, who: Week, term: str, clock: Clock) -> tuple[int, int, int] | None:
    """The start (minute of the week) at which ``who`` is furthest beyond ``term``, with the
    wait and the time allowed; None when ``who`` is there in time from every start.

    Only the minutes at which any of the weeks changes can be worst, so the starts are taken
    on that grid (every 30 minutes for hours like 8.30–17.30): exact, and quick enough for
    every build.
    """
    minutes, working_days = _term(term)
    step = grid((starts, who, clock.office))
    waits = who.waits(step)
    worst = None
    for slot, start in enumerate(range(0, WEEK, step)):
        if not starts.minutes[start]:
            continue
        allowed = clock.allowed(start, minutes, working_days)
        over = waits[slot] - allowed
        if over > 0 and (worst is None or over > worst[1] - worst[2]):
            worst = (start, waits[slot], allowed)
    return worst


def contradictions(
    models: Mapping[str, Any], sources: Mapping[str, Source], variables: Mapping[str, Any]
) -> list[str]:
    """Dutch messages for brand data whose times contradict each other (file, line, key)."""
    contacts = variables["contacten"]
    slas = models["slas"]
    # From the models: a value `handbook nieuw` left open ("NOG INVULLEN") is a stand-in there,
    # and `handbook check` lists it on its own.
    hours = {key: parse_hours(c.bereikbaarheid) for key, c in models["contacten"].items()}
    office = parse_hours(slas.kantoortijden)
    clock = Clock(office)
    answering = _union(hours[k] for k in slas.beantwoord_door)
    who_answers = _names(contacts, slas.beantwoord_door)
    messages: list[str] = []
    s_slas, s_crisis = sources["slas"], sources["crisis"]

    # 1. A response time in a part of the week in which nobody who answers is ever there.
    outside = ~office
    for i, rule in enumerate(slas.reactietermijnen):
        for priority in ("normaal", "urgent"):
            for part, window, name in (
                ("kantoortijd", office, "binnen kantoortijd"),
                ("buiten_kantoortijd", outside, "buiten kantoortijd"),
            ):
                term = getattr(getattr(rule, priority), part)
                # A term in working days counts office time: someone is there for it.
                if window.never or _meet(answering, window) or _term(term)[1]:
                    continue
                messages.append(
                    f"{_where(s_slas, 'slas', ['reactietermijnen', i, priority, part])}: "
                    f"{term} {name} kan niemand halen: wie berichten beantwoordt ({who_answers}) "
                    f"is {name} ({slas.kantoortijden}) nooit bereikbaar. Zet bij "
                    "'beantwoord_door' iemand die dan wel bereikbaar is, of schrijf de termijn in "
                    "werkdagen, zoals '1 werkdag'."
                )

    # 2. Crisis levels: a more serious level never waits longer than a lighter one.
    levels = list(slas_levels(models))
    for (_, lower), (j, higher) in pairwise(levels):
        if duration_minutes(higher.eerste_reactie) > duration_minutes(lower.eerste_reactie):
            messages.append(
                f"{_where(s_crisis, 'crisis', ['niveaus', j, 'eerste_reactie'])}: niveau "
                f"{higher.niveau} ({higher.naam}) krijgt {higher.eerste_reactie} voor een eerste "
                f"reactie, langer dan het lichtere niveau {lower.niveau} ({lower.naam}, "
                f"{lower.eerste_reactie}). Geef een ernstiger niveau evenveel of minder tijd."
            )
    if levels:
        fastest = min(
            (lvl for _, lvl in levels), key=lambda lvl: duration_minutes(lvl.eerste_reactie)
        )
        if duration_minutes(slas.eerste_reactie_crisis) != duration_minutes(fastest.eerste_reactie):
            messages.append(
                f"{_where(s_slas, 'slas', ['eerste_reactie_crisis'])}: de eerste reactie bij een "
                f"crisis is {slas.eerste_reactie_crisis}, maar het snelste crisisniveau "
                f"(niveau {fastest.niveau}, {fastest.naam}) heeft {fastest.eerste_reactie} "
                "(data/crisis.yml). Maak ze gelijk; pagina's noemen allebei."
            )

    # 3. Escalation: a ladder, each step later than the one before.
    steps = list(enumerate(slas.escalatie))
    for (_, before), (j, step) in pairwise(steps):
        if duration_minutes(step.na) <= duration_minutes(before.na):
            messages.append(
                f"{_where(s_slas, 'slas', ['escalatie', j, 'na'])}: deze stap komt na {step.na}, "
                f"niet later dan de stap ervoor (na {before.na}, naar "
                f"{contacts[before.naar]['rol']}). De stappen tellen vanaf het bericht: geef elke "
                "stap een langere tijd dan de vorige, of zet ze in een andere volgorde."
            )

    # 4. Whoever a step goes to is there when it is due.
    for i, step in steps:
        missing = _first_gap(answering, hours[step.naar])
        if missing is not None:
            messages.append(
                f"{_where(s_slas, 'slas', ['escalatie', i, 'naar'])}: "
                f"{contacts[step.naar]['rol']} ({contacts[step.naar]['bereikbaarheid']}) is niet "
                "altijd bereikbaar als deze stap aan de beurt is. De stappen lopen als er "
                f"berichten beantwoord worden ({who_answers}), bijvoorbeeld op "
                f"{moment(missing)}. Kies iemand die dan bereikbaar is."
            )
    for i, level in levels:
        late = _too_late(answering, hours[level.beslist], level.eerste_reactie, clock)
        if late is not None:
            start, wait, _ = late
            messages.append(
                f"{_where(s_crisis, 'crisis', ['niveaus', i, 'beslist'])}: "
                f"{contacts[level.beslist]['rol']} ({contacts[level.beslist]['bereikbaarheid']}) "
                f"beslist bij niveau {level.niveau}, maar is niet altijd binnen "
                f"{level.eerste_reactie} bereikbaar. Begint het op {moment(start)}, dan duurt "
                f"het {duration(wait)}. Kies iemand die dan bereikbaar is, of geef het niveau "
                "meer tijd."
            )
    for i, rule in enumerate(models["goedkeuring"]):
        late = _too_late(answering, hours[rule.goedkeurder], rule.termijn, clock)
        if late is not None:
            start, wait, _ = late
            messages.append(
                f"{_where(sources['goedkeuring'], 'goedkeuring', [i, 'goedkeurder'])}: "
                f"{contacts[rule.goedkeurder]['rol']} "
                f"({contacts[rule.goedkeurder]['bereikbaarheid']}) keurt dit goed, maar is niet "
                f"altijd binnen {rule.termijn} bereikbaar. Dien je het in op {moment(start)}, "
                f"dan duurt het {duration(wait)}. Kies iemand die dan bereikbaar is, of maak "
                "de termijn langer."
            )
    return messages


def slas_levels(models: Mapping[str, Any]) -> Iterable[tuple[int, Any]]:
    """The crisis levels with their index in the file, lightest first."""
    return sorted(enumerate(models["crisis"].niveaus), key=lambda item: item[1].niveau)
