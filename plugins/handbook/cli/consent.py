"""``handbook instemming``: the works council's consent request (letter and appendix)."""

from __future__ import annotations

import argparse
import sys

from ..core.dates import nl_date, parse_today
from ..core.errors import HandbookError
from .common import project_root, shown


def cmd_instemming(args: argparse.Namespace) -> int:
    from ..outputs.consent.build import build_consent

    root = project_root(args)
    try:
        day = parse_today(args.datum)
        written, request = build_consent(
            root, (root / args.out).resolve(), args.van, args.naar, day, args.huisstijl
        )
    except ValueError as error:
        print(f"FOUT  --datum: {error}", file=sys.stderr)
        return 2
    except HandbookError as error:
        for message in error.messages:
            print(f"FOUT  {message}", file=sys.stderr)
        return 1
    letter = request.letter
    for path in written:
        print(f"geschreven: {shown(path, root)}")
    compared = (
        f"versie {letter.old_version} met {letter.new_version}"
        if letter.old_version
        else (f"alle regels van versie {letter.new_version}")
    )
    print(f"Het verzoek vergelijkt {compared}; antwoord gevraagd vóór {nl_date(letter.reply_by)}.")
    if letter.effective and letter.effective < letter.reply_by:
        print(
            f"LET OP  De ingangsdatum van versie {letter.new_version} ({nl_date(letter.effective)})"
            f" ligt vóór de uiterste antwoorddatum ({nl_date(letter.reply_by)}). Pas zo nodig "
            "'ingangsdatum' in data/organisatie.yml aan, of spreek een kortere termijn af.",
            file=sys.stderr,
        )
    if request.pending:
        print(
            f"LET OP  Na versie {letter.new_version} zijn nog {request.pending} wijziging(en) "
            "vastgelegd die in geen versie staan; ze staan niet in dit verzoek. Verhoog "
            "'beleidsversie' in data/organisatie.yml om ze voor te leggen.",
            file=sys.stderr,
        )
    print(
        "LET OP  De brief citeert artikel 27 lid 1 onder k en l WOR naar de tekst van januari "
        "2015. Vergelijk die met de actuele tekst op wetten.overheid.nl voordat je hem verstuurt.",
        file=sys.stderr,
    )
    return 0
