"""handbook check, review-issue, codeowners and voorbeeld: exact Dutch messages and exit codes."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml
from conftest import ROOT
from handbook.cli import main
from handbook.core.dates import TODAY_ENV
from handbook.review.codeowners import generate_codeowners, owners_of, parse_codeowners
from handbook.review.dates import review_status
from handbook.review.issue import review_issue_body
from handbook.review.pages import PageInfo, read_pages
from handbook.review.preview import classify, summary_markdown

GOLDEN = Path(__file__).parent / "golden"
FIX = "Voer 'make codeowners' uit en neem .github/CODEOWNERS op in je commit."


def project(tmp_path: Path) -> Path:
    """A copy of the parts `handbook check` reads, to break on purpose.

    In the copy every sector's status lines were checked at its last review, so the only
    warnings are those a test provokes (the real example's are in test_check_on_the_example).
    """
    for part in ("data", "docs"):
        shutil.copytree(ROOT / part, tmp_path / part)
    shutil.copy2(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    (tmp_path / ".github").mkdir()
    shutil.copy2(ROOT / ".github" / "CODEOWNERS", tmp_path / ".github" / "CODEOWNERS")
    (tmp_path / "plugins").mkdir()  # mkdocs.yml watches it; check builds the site too
    for path in (tmp_path / "data" / "sectoren").glob("*.yml"):
        text = path.read_text(encoding="utf-8")
        reviewed = yaml.safe_load(text)["laatst_beoordeeld"].isoformat()
        path.write_text(
            re.sub(r"(?m)^(\s+datum: )\d{4}-\d{2}-\d{2}$", rf"\g<1>{reviewed}", text),
            encoding="utf-8",
        )
    return tmp_path


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n"), path
    return yaml.safe_load(text.split("\n---\n", 1)[0].removeprefix("---\n"))


def set_due(path: Path, due: date) -> None:
    """Give a page a new review date (``herzien_voor``), whatever it is now."""
    text = path.read_text(encoding="utf-8")
    new, count = re.subn(r"(?m)^herzien_voor: .*$", f"herzien_voor: {due.isoformat()}", text)
    assert count == 1, path
    path.write_text(new, encoding="utf-8")


def pages(root: Path) -> list[str]:
    """Every page of the handbook as check names it (docs/x.md), in path order."""
    found = (p.relative_to(root) for p in (root / "docs").rglob("*.md"))
    return sorted(p.as_posix() for p in found if p.parts[1] not in ("overrides", "stylesheets"))


MAANDEN = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]


def nl(day: date) -> str:
    return f"{day.day} {MAANDEN[day.month - 1]} {day.year}"


def due_within_30_days(root: Path, today: date) -> list[str]:
    """The pages check warns about on ``today``: earliest review date first, then by path."""
    dates = {page: front_matter(root / page)["herzien_voor"] for page in pages(root)}
    return sorted(
        (page for page, due in dates.items() if due <= today + timedelta(days=30)),
        key=lambda page: (dates[page], page),
    )


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_check_on_the_example(capsys: pytest.CaptureFixture[str]) -> None:
    # A date on which no page of the example is due: exit 0. The only warnings are the status
    # lines of bills whose newest source predates the sector file's review: the organisation's
    # own sector, or with --alle-sectoren every sector file.
    code, out, err = run(capsys, "--root", str(ROOT), "check", "--vandaag", "2026-09-02")
    assert (code, out) == (0, "Gegevens en pagina's zijn in orde, met 1 aandachtspunt(en).\n")
    assert [line.split(",")[0] for line in err.splitlines()] == [
        "LET OP  data/sectoren/technologie.yml",
    ]
    assert "status.datum': de stand van Cbw is van 4 november 2025" in err
    code, out, err = run(
        capsys, "--root", str(ROOT), "check", "--alle-sectoren", "--vandaag", "2026-09-02"
    )
    assert (code, out) == (0, "Gegevens en pagina's zijn in orde, met 3 aandachtspunt(en).\n")
    assert [line.split(",")[0] for line in err.splitlines()] == [
        "LET OP  data/sectoren/energie-industrie.yml",
        "LET OP  data/sectoren/overheid.yml",
        "LET OP  data/sectoren/technologie.yml",
    ]


def test_check_on_a_freshly_reviewed_copy(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path)
    code, out, err = run(capsys, "--root", str(root), "check", "--vandaag", "2026-09-02")
    assert (code, out, err) == (0, "Gegevens en pagina's zijn in orde.\n", "")


def test_check_overdue_and_soon_due_are_warnings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path)
    set_due(root / "docs" / "crisis.md", date(2027, 3, 1))
    set_due(root / "docs" / "reageren.md", date(2027, 3, 20))
    today = date(2027, 3, 5)
    # Other pages of the real handbook may be due as well; check names every one of them.
    due = due_within_30_days(root, today)
    assert {"docs/crisis.md", "docs/reageren.md"} <= set(due)
    code, out, err = run(capsys, "--root", str(root), "check", "--vandaag", today.isoformat())
    assert code == 0
    assert out == f"Gegevens en pagina's zijn in orde, met {len(due)} aandachtspunt(en).\n"
    warnings = err.splitlines()
    assert [w.split(":")[0] for w in warnings] == [f"LET OP  {page}" for page in due]
    assert (
        "LET OP  docs/crisis.md: de beoordeling is verlopen; de pagina had vóór 1 maart 2027 "
        "opnieuw beoordeeld moeten worden (4 dagen geleden). Eigenaar: Crisisteam (crisisteam). "
        "Lees de pagina na en zet nieuwe datums bij laatst_beoordeeld en herzien_voor." in warnings
    )
    assert (
        "LET OP  docs/reageren.md: deze pagina moet binnen 30 dagen opnieuw beoordeeld worden, "
        "vóór 20 maart 2027 (nog 15 dagen). Eigenaar: Socialmediateam (social_media_team)."
        in warnings
    )


def test_check_date_from_environment(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    due = front_matter(ROOT / "docs" / "crisis.md")["herzien_voor"]
    today = due + timedelta(days=1)
    monkeypatch.setenv(TODAY_ENV, today.isoformat())
    code, out, err = run(capsys, "--root", str(ROOT), "check")
    assert code == 0
    assert (
        f"LET OP  docs/crisis.md: de beoordeling is verlopen; de pagina had vóór {nl(due)} "
        "opnieuw beoordeeld moeten worden (1 dag geleden). Eigenaar: Crisisteam (crisisteam). "
        "Lees de pagina na en zet nieuwe datums bij laatst_beoordeeld en herzien_voor."
        in err.splitlines()
    )
    # The same as naming the date on the command line.
    monkeypatch.delenv(TODAY_ENV)
    assert run(capsys, "--root", str(ROOT), "check", "--vandaag", today.isoformat()) == (
        code,
        out,
        err,
    )


def test_check_bad_date(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--root", str(ROOT), "check", "--vandaag", "1-3-2027")
    assert code == 2
    assert err == (
        "FOUT  '1-3-2027' is geen geldige datum voor vandaag. Schrijf hem als JJJJ-MM-DD, "
        "zoals 2026-03-01.\n"
    )


def test_check_owner_disagrees_with_codeowners(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path)
    edit(root / "docs" / "reageren.md", "eigenaar: social_media_team", "eigenaar: juridisch")
    code, out, err = run(capsys, "--root", str(root), "check", "--vandaag", "2026-09-02")
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        "FOUT  docs/reageren.md: de eigenaar is 'juridisch' (@vonkel/legal), maar volgens "
        f".github/CODEOWNERS beoordeelt @vonkel/social-media-team deze pagina. {FIX}",
        "1 fout gevonden; herstel ze en controleer opnieuw (make check).",
    ]
    # Regenerating CODEOWNERS is the fix.
    assert run(capsys, "--root", str(root), "codeowners")[0] == 0
    rules = parse_codeowners((root / ".github" / "CODEOWNERS").read_text(encoding="utf-8"))
    assert owners_of(rules, "docs/reageren.md") == ("@vonkel/legal",)
    assert run(capsys, "--root", str(root), "check", "--vandaag", "2026-09-02")[0] == 0


def test_check_new_page_not_in_codeowners(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path)
    new = root / "docs" / "werving.md"
    assert not new.exists()
    text = (root / "docs" / "reageren.md").read_text(encoding="utf-8")
    # A copy of a page, with keywords of its own (the same keyword on two pages is noted).
    text = re.sub(r"\ntrefwoorden: .*\n", "\ntrefwoorden: [proefwoord, ander proefwoord]\n", text)
    new.write_text(
        text.replace("eigenaar: social_media_team", "eigenaar: privacy"), encoding="utf-8"
    )
    code, _, err = run(capsys, "--root", str(root), "check", "--vandaag", "2026-09-02")
    assert code == 1
    # The strict build (part of check) finds that the new page is not in the menu yet.
    assert err.splitlines() == [
        "FOUT  docs/werving.md: de eigenaar is 'privacy' (@vonkel/privacy), maar volgens "
        f".github/CODEOWNERS beoordeelt @vonkel/communicatie deze pagina. {FIX}",
        "FOUT  docs/werving.md: deze pagina staat niet in het menu. Zet haar onder 'nav:' in "
        "mkdocs.yml, in de sectie waar ze hoort, met een regel als '- Titel van de pagina: "
        "werving.md'.",
        "2 fouten gevonden; herstel ze en controleer opnieuw (make check).",
    ]


def test_check_missing_owner(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = project(tmp_path)
    edit(root / "docs" / "crisis.md", "eigenaar: crisisteam\n", "")
    code, out, err = run(capsys, "--root", str(root), "check", "--vandaag", "2026-09-02")
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        "FOUT  docs/crisis.md, regel 2, sleutel 'eigenaar': ontbreekt. Voeg deze sleutel toe.",
        "1 fout gevonden; herstel ze en controleer opnieuw (make check).",
    ]


def test_check_owner_without_github(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = project(tmp_path)
    edit(root / "data" / "contacten.yml", '  github: "@vonkel/security"\n', "")
    edit(root / "docs" / "crisis.md", "eigenaar: crisisteam", "eigenaar: it_security")
    # Every page it_security owns is reported, the changed one and those it owned already.
    owned = [p for p in pages(root) if front_matter(root / p)["eigenaar"] == "it_security"]
    assert "docs/crisis.md" in owned
    code, _, err = run(capsys, "--root", str(root), "check", "--vandaag", "2026-09-02")
    assert code == 1
    assert err.splitlines() == [
        *(
            f"FOUT  {page}: de eigenaar 'it_security' heeft geen 'github' in "
            "data/contacten.yml, dus CODEOWNERS kan niemand om een review vragen. Voeg "
            'github: "@organisatie/team" toe aan dat contact.'
            for page in owned
        ),
        f"{len(owned)} fout{'en' if len(owned) > 1 else ''} gevonden; herstel ze en controleer "
        "opnieuw (make check).",
    ]


def test_check_unknown_placeholders_without_a_build(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path)
    page = root / "docs" / "contacten.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    lines.append("Bel {{ contacten.crisisteam.telefoonnummer }} of mail {{ organistie.naam }}.")
    lines.append("Dit mag: {{ page.title }} en {{ eigenaar }}.")
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    line = len(lines) - 1
    code, _, err = run(capsys, "--root", str(root), "check", "--vandaag", "2026-09-02")
    assert code == 1
    assert err.splitlines()[:2] == [
        f"FOUT  docs/contacten.md, regel {line}: de placeholder "
        "'{{ contacten.crisisteam.telefoonnummer }}' bestaat niet (bekende sleutels: rol, "
        "in_zin, naam, email, telefoon, kanaal, bereikbaarheid, wanneer, github). Controleer de "
        "spelling; "
        "alle gegevens staan in data/.",
        f"FOUT  docs/contacten.md, regel {line}: de placeholder '{{{{ organistie }}}}' bestaat "
        "niet. Controleer de spelling; alle gegevens staan in data/.",
    ]


def test_check_syntax_error_and_bad_macro_argument(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path)
    edit(root / "docs" / "reageren.md", "# Reageren en termijnen", "# Reageren {{ slas.x")
    edit(root / "docs" / "contacten.md", "{{ contacten_tabel() }}", "{{ contacten_tabel('cfo') }}")
    # The roles in data/contacten.yml, in file order; Jinja stumbles on the next word, 'Op'.
    roles = ", ".join(yaml.safe_load((ROOT / "data" / "contacten.yml").read_text("utf-8")))
    rows = (root / "docs" / "reageren.md").read_text(encoding="utf-8").splitlines()
    start = rows.index("# Reageren {{ slas.x")
    line = next(n for n, row in enumerate(rows[start + 1 :], start + 2) if row.strip())
    assert rows[line - 1].startswith("Op ")
    code, _, err = run(capsys, "--root", str(root), "check", "--vandaag", "2026-09-02")
    assert code == 1
    messages = err.splitlines()
    assert (
        "FOUT  docs/contacten.md: een macro op deze pagina gaf een fout: contacten_tabel kent "
        f"de rol(len) cfo niet; kies uit {roles}. Controleer de naam van de macro en "
        "de waarden tussen de haakjes." in messages
    )
    assert (
        f"FOUT  docs/reageren.md, regel {line}: een placeholder of opdracht tussen {{{{ }}}} of "
        "{% %} is niet goed afgesloten (expected token 'end of print statement', got 'Op'). "
        "Controleer de haakjes en aanhalingstekens." in messages
    )


def test_codeowners_is_current() -> None:
    brand_pages, _ = read_pages(ROOT, _contacts())
    expected = generate_codeowners(brand_pages, _contacts(), "communicatie")
    assert (ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8") == expected


def _contacts() -> dict:
    from handbook.core.brand import load_brand

    return load_brand(ROOT / "data", ROOT).variables["contacten"]


def test_codeowners_matching_follows_github() -> None:
    rules = parse_codeowners(
        "# comment\n* @a\n/data/ @b\ndocs/*.md @c\n/docs/crisis.md @d @e\n*.yml @f\n"
    )
    assert owners_of(rules, "README.md") == ("@a",)
    assert owners_of(rules, "data/slas.yml") == ("@f",)
    assert owners_of(rules, "data/sub/x.txt") == ("@b",)
    assert owners_of(rules, "docs/reageren.md") == ("@c",)
    assert owners_of(rules, "docs/crisis.md") == ("@d", "@e")
    assert owners_of(parse_codeowners("/docs/ @x\n"), "mkdocs.yml") is None


def _golden_pages(tmp_path: Path) -> list[PageInfo]:
    docs = tmp_path / "docs"
    docs.mkdir()
    pages = {
        "index.md": ("communicatie", "2026-01-10", "Social mediabeleid van {{ organisatie.naam }}"),
        "crisis.md": ("crisisteam", "2026-02-01", "Crisis"),
        "privacy.md": ("privacy", "2026-02-28", "Privacy | persoonsgegevens"),
        "reageren.md": ("social_media_team", "2026-03-01", "Reageren"),
        "sub/index.md": ("juridisch", "2026-12-31", "Wet en regelgeving"),
    }
    for name, (owner, due, title) in pages.items():
        (docs / name).parent.mkdir(exist_ok=True)
        (docs / name).write_text(
            f"---\neigenaar: {owner}\nlaatst_beoordeeld: 2025-01-01\nherzien_voor: {due}\n"
            f"dos: [a]\ndonts: [b]\n---\n\n# {title}\n",
            encoding="utf-8",
        )
    found, messages = read_pages(
        tmp_path, _contacts(), variables={"organisatie": {"naam": "Vonkel"}}
    )
    assert messages == []
    return found


def test_review_issue_golden(tmp_path: Path) -> None:
    pages = _golden_pages(tmp_path)
    body = review_issue_body(
        pages, _contacts(), date(2026, 2, 1), "https://intranet.example/beleid/"
    )
    assert body == (GOLDEN / "review-issue.md").read_text(encoding="utf-8")


def test_review_issue_nothing_due(tmp_path: Path) -> None:
    pages = _golden_pages(tmp_path)
    assert review_issue_body(pages, _contacts(), date(2025, 6, 1)) == (
        "<!-- handbook-review: 0 -->\n"
        "Stand op 1 juni 2025: pagina's van het handboek waarvan de beoordelingsdatum "
        "(`herzien_voor`) verstreken is of binnen 30 dagen verstrijkt.\n\n"
        "Er zijn geen pagina's die binnen 30 dagen beoordeeld moeten worden.\n"
    )


def test_review_issue_command(capsys: pytest.CaptureFixture[str]) -> None:
    due = front_matter(ROOT / "docs" / "crisis.md")["herzien_voor"]
    today = due + timedelta(days=1)
    listed = due_within_30_days(ROOT, today)
    code, out, _ = run(capsys, "--root", str(ROOT), "review-issue", "--vandaag", today.isoformat())
    assert code == 0
    assert out.startswith(f"<!-- handbook-review: {len(listed)} -->\nStand op {nl(today)}:")
    assert [row.split(" | ")[1] for row in out.splitlines() if row.startswith("| [")] == [
        f"`{page}`" for page in listed
    ]
    assert (
        "| [Crisis](https://intranet.vonkel.example/socialmediabeleid/crisis/) | "
        f"`docs/crisis.md` | {nl(due)} | verlopen (1 dag geleden) | Crisisteam (`crisisteam`) | "
        "@vonkel/communicatie |" in out
    )


def test_review_status_window() -> None:
    today = date(2026, 5, 1)
    assert review_status(date(2026, 4, 30), today) == "verlopen"
    assert review_status(date(2026, 5, 1), today) == "binnenkort"
    assert review_status(date(2026, 5, 31), today) == "binnenkort"
    assert review_status(date(2026, 6, 1), today) is None


def test_preview_summary_lists_changed_pages() -> None:
    paths = ["docs/crisis.md", "docs/sub/index.md", "data/slas.yml", "docs/stylesheets/x.css"]
    assert classify(paths) == (
        [("docs/crisis.md", "crisis.html"), ("docs/sub/index.md", "sub/index.html")],
        ["data/slas.yml", "docs/stylesheets/x.css"],
    )
    text = summary_markdown(paths, "voorbeeld-site", "https://example/a/1", "https://example/r")
    assert "- `docs/crisis.md` → open `crisis.html` in het voorbeeld" in text
    assert "[voorbeeld-site](https://example/a/1)" in text
    assert "### Gewijzigde gegevens\n" in text and "- `data/slas.yml`" in text


def test_preview_command_reads_git(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "crisis.md").write_text("a\n", encoding="utf-8")
    git("init", "-q", "-b", "main")
    git(
        "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "a", "--allow-empty"
    )
    git("add", ".")
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "b")
    git("checkout", "-q", "-b", "pr", "HEAD~1")
    (tmp_path / "docs").mkdir(exist_ok=True)
    (tmp_path / "docs" / "ai.md").write_text("b\n", encoding="utf-8")
    git("add", ".")
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "c")
    code, out, _ = run(capsys, "--root", str(tmp_path), "voorbeeld", "--basis", "main")
    assert code == 0
    assert "- `docs/ai.md` → open `ai.html` in het voorbeeld" in out
    assert "crisis" not in out
    code, _, err = run(capsys, "--root", str(tmp_path), "voorbeeld", "--basis", "nergens")
    assert code == 1 and err.startswith("FOUT  git kon de wijzigingen ten opzichte van 'nergens'")
