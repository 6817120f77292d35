"""Hours in plain Dutch and data that contradicts itself: each check fails a contradicting data
set with its exact Dutch message; the hours format is tested against random weeks."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, build, copy_project
from handbook.cli import main
from handbook.core.brand import load_brand
from handbook.core.consistency import contradictions
from handbook.core.errors import HandbookError
from handbook.core.hours import (
    DAY_NAMES,
    MINUTES_PER_DAY,
    WEEK,
    Clock,
    duration,
    moment,
    parse_hours,
)
from hypothesis import given, settings
from hypothesis import strategies as st

# --- the hours format ---------------------------------------------------------------------------


def _minutes(*spans: tuple[int, int, int]) -> set[int]:
    """Minutes of the week for (day, from, to) spans in minutes of the day."""
    out = set()
    for day, start, end in spans:
        out |= {day * MINUTES_PER_DAY + m for m in range(start, end)}
    return out


def _there(text: str) -> set[int]:
    week = parse_hours(text)
    return {m for m in range(WEEK) if week.minutes[m]}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("werkdagen 8.30–17.30 uur", _minutes(*((d, 510, 1050) for d in range(5)))),
        (
            "maandag tot en met vrijdag 8.00–20.00 uur, weekend 10.00–16.00 uur",
            _minutes(*((d, 480, 1200) for d in range(5)), (5, 600, 960), (6, 600, 960)),
        ),
        (
            "maandag tot en met vrijdag van 8.30 tot 17.30 uur",
            _minutes(*((d, 510, 1050) for d in range(5))),
        ),
        ("ma, wo en vr 9:00-12:00", _minutes((0, 540, 720), (2, 540, 720), (4, 540, 720))),
        ("zaterdag en zondag 10-16 uur", _minutes((5, 600, 960), (6, 600, 960))),
        (
            "werkdagen 9–17 uur en zaterdag 10–14 uur",
            _minutes(*((d, 540, 1020) for d in range(5)), (5, 600, 840)),
        ),
        # Past midnight: Sunday night runs into Monday morning.
        ("zondag 22.00–6.00 uur", _minutes((6, 1320, 1440), (0, 0, 360))),
        ("24/7 (voor de pers)", set(range(WEEK))),
        (
            "werkdagen 8.30–17.30 uur (datalekken 24/7 via de crisislijn)",
            _minutes(*((d, 510, 1050) for d in range(5))),
        ),
    ],
)
def test_hours_read_as_written(text: str, expected: set[int]) -> None:
    assert _there(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "24/7 voor de pers",
            "'24/7 voor de pers' kan de controle niet lezen (bij 'voor de pers'). Schrijf dagen "
            "en tijden, zoals 'werkdagen 8.30–17.30 uur', 'maandag tot en met vrijdag 8.00–20.00 "
            "uur, weekend 10.00–16.00 uur' of '24/7'. Een toelichting zet je tussen haakjes "
            "erachter: '24/7 (voor de pers)'",
        ),
        (
            "kantoortijd",
            "'kantoortijd' kan de controle niet lezen (bij 'kantoortijd'). Schrijf dagen en "
            "tijden, zoals 'werkdagen 8.30–17.30 uur', 'maandag tot en met vrijdag 8.00–20.00 "
            "uur, weekend 10.00–16.00 uur' of '24/7'. Een toelichting zet je tussen haakjes "
            "erachter: '24/7 (voor de pers)'",
        ),
        (
            "werkdagen 8.30–25.00 uur",
            "'werkdagen 8.30–25.00 uur': 'werkdagen 8.30–25.00 uur' is geen tijd van een dag. "
            "Schrijf bijvoorbeeld '8.30–17.30 uur'.",
        ),
    ],
)
def test_hours_that_cannot_be_read_get_a_dutch_reason(text: str, message: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_hours(text)
    assert str(caught.value) == message


def _time(minute: int) -> str:
    return f"{minute // 60}.{minute % 60:02d}"


# No time limit per example: on a busy machine an example may take long; that is no failure.
@settings(deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(0, 6),
            st.integers(0, 6),
            st.integers(0, 47).map(lambda h: h * 30),
            st.integers(1, 47).map(lambda h: h * 30),
        ),
        min_size=1,
        max_size=4,
    )
)
def test_any_week_written_in_dutch_reads_back_as_the_same_minutes(spans) -> None:
    parts, expected = [], set()
    for first, span, start, length in spans:
        last = (first + span) % 7
        days = [(first + i) % 7 for i in range(span + 1)]
        end = (start + length) % MINUTES_PER_DAY
        if first == last:
            parts.append(f"{DAY_NAMES[first]} {_time(start)}–{_time(end)} uur")
        else:
            parts.append(
                f"{DAY_NAMES[first]} tot en met {DAY_NAMES[last]} van {_time(start)} tot "
                f"{_time(end)} uur"
            )
        for day in days:
            expected |= {(day * MINUTES_PER_DAY + start + m) % WEEK for m in range(length)}
    assert _there(", ".join(parts)) == expected


WEEK_OF_WORK = parse_hours("werkdagen 8.30–17.30 uur, zaterdag 10.00–12.00 uur")
WAITS = WEEK_OF_WORK.waits()
WAITS_ON_GRID = WEEK_OF_WORK.waits(30)


@settings(deadline=None)
@given(st.integers(0, WEEK - 1))
def test_waits_agree_with_walking_minute_by_minute(start: int) -> None:
    walked = 0
    while not WEEK_OF_WORK.minutes[(start + walked) % WEEK]:
        walked += 1
    assert WAITS[start] == walked
    if start % 30 == 0:
        assert WAITS_ON_GRID[start // 30] == walked


def test_a_working_day_counts_office_time_only() -> None:
    clock = Clock(parse_hours("werkdagen 8.30–17.30 uur"))
    friday_evening = 4 * MINUTES_PER_DAY + 20 * 60
    # 1 werkdag from Friday 20.00: Monday 17.30.
    allowed = clock.allowed(friday_evening, 8 * 60, working_days=True)
    assert moment(friday_evening + allowed) == "maandag 17.30 uur"
    assert clock.allowed(friday_evening, 120, working_days=False) == 120
    assert duration(14 * 60) == "14 uur" and duration(90) == "1 uur en 30 minuten"


# --- the checks, each with a contradicting data set ----------------------------------------


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(ROOT / "data", folder)
    return folder


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _line(name: str, needle: str) -> int:
    """The line of the example's data file ``name`` where ``needle`` first appears."""
    lines = (ROOT / "data" / name).read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if needle in line)


def _found(data: Path) -> list[str]:
    brand = load_brand(data, data.parent)
    return contradictions(brand.models, brand.sources, brand.variables)


def test_the_example_agrees_with_itself() -> None:
    brand = load_brand(ROOT / "data", ROOT)
    assert contradictions(brand.models, brand.sources, brand.variables) == []


def test_a_response_time_outside_the_hours_of_everyone_who_answers(data: Path) -> None:
    _edit(
        data / "contacten.yml",
        "maandag tot en met vrijdag 8.00–20.00 uur, weekend 10.00–16.00 uur",
        "werkdagen 8.30–17.30 uur",
    )
    found = _found(data)
    assert found[0] == (
        f"data/slas.yml, regel {_line('slas.yml', 'urgent: { kantoortijd: 1 uur')}, sleutel "
        "'slas.reactietermijnen[1].urgent.buiten_kantoortijd': "
        "4 uur buiten kantoortijd kan niemand halen: wie berichten beantwoordt "
        "(Socialmediateam (werkdagen 8.30–17.30 uur)) is buiten kantoortijd (maandag tot en met "
        "vrijdag van 8.30 tot 17.30 uur) nooit bereikbaar. Zet bij 'beantwoord_door' iemand die "
        "dan wel bereikbaar is, of schrijf de termijn in werkdagen, zoals '1 werkdag'."
    )
    # Terms in working days count office time: only the urgent ones in hours or minutes are wrong.
    slas = (ROOT / "data" / "slas.yml").read_text(encoding="utf-8")
    in_hours = re.findall(r"urgent: \{[^}]*buiten_kantoortijd: \d+ (?:uur|minuten)", slas)
    assert len(in_hours) >= 2
    assert len([m for m in found if "kan niemand halen" in m]) == len(in_hours)


def test_an_open_value_is_listed_by_check_and_does_not_stop_the_checks(data: Path) -> None:
    _edit(data / "contacten.yml", "24/7 (voor de pers)", "'NOG INVULLEN: bereikbaarheid'")
    brand = load_brand(data, data.parent)
    assert [v.key for v in brand.open] == ["contacten.woordvoerder.bereikbaarheid"]
    assert contradictions(brand.models, brand.sources, brand.variables) == []


def test_a_crisis_level_slower_than_a_lighter_one(data: Path) -> None:
    _edit(data / "crisis.yml", "    eerste_reactie: 30 minuten", "    eerste_reactie: 3 uur")
    assert _found(data) == [
        f"data/crisis.yml, regel {_line('crisis.yml', 'eerste_reactie: 30 minuten')}, sleutel "
        "'crisis.niveaus[3].eerste_reactie': niveau 3 "
        "(Crisis) krijgt 3 uur voor een eerste reactie, langer dan het lichtere niveau 2 "
        "(Verhoogd, 1 uur). Geef een ernstiger niveau evenveel of minder tijd.",
        f"data/slas.yml, regel {_line('slas.yml', 'eerste_reactie_crisis:')}, sleutel "
        "'slas.eerste_reactie_crisis': de eerste reactie bij "
        "een crisis is 30 minuten, maar het snelste crisisniveau (niveau 2, Verhoogd) heeft "
        "1 uur (data/crisis.yml). Maak ze gelijk; pagina's noemen allebei.",
    ]


def test_escalation_steps_that_do_not_add_up(data: Path) -> None:
    _edit(data / "slas.yml", "  - na: 2 uur\n", "  - na: 15 minuten\n")
    assert _found(data) == [
        f"data/slas.yml, regel {_line('slas.yml', '- na: 2 uur')}, sleutel "
        "'slas.escalatie[3].na': deze stap komt na 15 "
        "minuten, niet later dan de stap ervoor (na 1 uur, naar Woordvoerder). De stappen tellen "
        "vanaf het bericht: geef elke stap een langere tijd dan de vorige, of zet ze in een "
        "andere volgorde."
    ]


def test_a_step_assigned_to_someone_not_reachable_then(data: Path) -> None:
    _edit(data / "slas.yml", "    naar: woordvoerder\n", "    naar: juridisch\n")
    _edit(data / "crisis.yml", "    beslist: woordvoerder\n", "    beslist: hr\n")
    _edit(
        data / "goedkeuring.yml",
        "  goedkeurder: woordvoerder\n  termijn: 2 werkdagen\n",
        "  goedkeurder: juridisch\n  termijn: 15 minuten\n",
    )
    assert _found(data) == [
        f"data/slas.yml, regel {_line('slas.yml', 'naar: woordvoerder')}, sleutel "
        "'slas.escalatie[2].naar': Juridische zaken "
        "(werkdagen 9.00–17.00 uur) is niet altijd bereikbaar als deze stap aan de beurt is. De "
        "stappen lopen als er berichten beantwoord worden (Socialmediateam (maandag tot en met "
        "vrijdag 8.00–20.00 uur, weekend 10.00–16.00 uur)), bijvoorbeeld op maandag 8.00 uur. "
        "Kies iemand die dan bereikbaar is.",
        f"data/crisis.yml, regel {_line('crisis.yml', 'beslist: woordvoerder')}, sleutel "
        "'crisis.niveaus[2].beslist': HR (werkdagen "
        "8.30–17.00 uur) beslist bij niveau 2, maar is niet altijd binnen 1 uur bereikbaar. "
        "Begint het op vrijdag 17.00 uur, dan duurt het 63 uur en 30 minuten. Kies iemand die "
        "dan bereikbaar is, of geef het niveau meer tijd.",
        f"data/goedkeuring.yml, regel {_line('goedkeuring.yml', 'goedkeurder: woordvoerder')}, "
        "sleutel 'goedkeuring[2].goedkeurder': Juridische "
        "zaken (werkdagen 9.00–17.00 uur) keurt dit goed, maar is niet altijd binnen 15 "
        "minuten bereikbaar. Dien je het in op vrijdag 17.00 uur, dan duurt het 64 uur. Kies "
        "iemand die dan bereikbaar is, of maak de termijn langer.",
    ]


def test_check_fails_with_the_dutch_message_and_the_build_stops(tmp_path: Path, capsys) -> None:
    project = copy_project(tmp_path / "project")
    _edit(project / "data" / "slas.yml", "  - na: 2 uur\n", "  - na: 15 minuten\n")
    assert main(["--root", str(project), "check"]) == 1
    err = capsys.readouterr().err
    where = (
        f"data/slas.yml, regel {_line('slas.yml', '- na: 2 uur')}, sleutel 'slas.escalatie[3].na'"
    )
    assert f"FOUT  {where}: deze stap komt na" in err
    result = build(project, tmp_path / "site")
    assert result.returncode == 1
    assert f"WARNING -  handbook: {where}" in result.stderr
    assert "Traceback" not in result.stderr


def test_hours_that_cannot_be_read_stop_check_with_file_and_key(data: Path) -> None:
    _edit(
        data / "contacten.yml",
        "  bereikbaarheid: 24/7 (voor de pers)",
        "  bereikbaarheid: altijd wel",
    )
    with pytest.raises(HandbookError) as caught:
        load_brand(data, data.parent)
    assert caught.value.messages == [
        f"data/contacten.yml, regel {_line('contacten.yml', '24/7 (voor de pers)')}, sleutel "
        "'contacten.woordvoerder.bereikbaarheid': "
        "'altijd wel' kan de controle niet lezen (bij 'wel'). Schrijf dagen en tijden, zoals "
        "'werkdagen 8.30–17.30 uur', 'maandag tot en met vrijdag 8.00–20.00 uur, weekend "
        "10.00–16.00 uur' of '24/7'. Een toelichting zet je tussen haakjes erachter: '24/7 "
        "(voor de pers)'."
    ]
