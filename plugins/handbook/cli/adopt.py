"""``handbook nieuw``: questions in the terminal (or ``--antwoorden FILE``), then the
organisation's own handbook written in place, and a short list of what is left to do."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..core.dates import nl_date, parse_today
from ..core.errors import HandbookError
from .common import project_root, shown


def _fail(messages: list[str]) -> int:
    for message in messages:
        print(f"FOUT  {message}", file=sys.stderr)
    return 1


def cmd_nieuw(args: argparse.Namespace) -> int:
    from ..adopt.plan import adopted_on, apply, make_plan, todo, uncommitted

    root = project_root(args)
    try:
        today = parse_today(args.vandaag)
    except ValueError as error:
        return _fail([str(error)])
    earlier = adopted_on(root)
    changed = uncommitted(root)
    warning = None
    if earlier is not None:
        warning = f"Dit handboek is al eigen gemaakt op {nl_date(earlier)}."
    if changed:
        warning = (warning + " " if warning else "") + (
            "Deze bestanden hebben wijzigingen die nog niet in git staan: "
            + ", ".join(changed[:8])
            + (" en meer" if len(changed) > 8 else "")
            + "."
        )
    try:
        if args.antwoorden:
            from ..adopt.answers import read_answers

            path = Path(args.antwoorden).resolve()
            source = read_answers(path, shown(path, Path.cwd().resolve()))
            answers = dict(source.data)
            if args.repository:
                answers["repository"] = args.repository
            plan = make_plan(root, answers, today, source, source.label)
            if warning and not args.overschrijven:
                return _fail(
                    [
                        f"{warning} 'handbook nieuw' overschrijft dan niets. Leg je wijzigingen "
                        "eerst vast (git commit), of geef --overschrijven mee als je ze echt wilt "
                        "vervangen."
                    ]
                )
        else:
            if not sys.stdin.isatty():
                return _fail(
                    [
                        "'handbook nieuw' stelt vragen in een terminal, maar hier is geen "
                        "terminal. Geef je antwoorden in een bestand: handbook nieuw --antwoorden "
                        "antwoorden.yml (zie antwoorden.voorbeeld.yml)."
                    ]
                )
            from ..adopt.questions import ask

            plan = ask(root, today, warning, args.repository)
            if plan is None:
                print("Er is niets geschreven.")
                return 1
    except HandbookError as error:
        return _fail(error.messages)
    written = apply(plan)
    print(f"Het handboek is nu van {plan.organisatie['naam']}. Geschreven:")
    for path in written:
        print(f"  {shown(path, root)}")
    print("\nNog te doen:")
    for number, item in enumerate(todo(plan), 1):
        print(f"  {number}. {item}")
    return 0
