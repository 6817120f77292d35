"""``handbook nieuw`` as a person uses it: the questions typed in a pseudo-terminal (pexpect),
refusing to overwrite, open markers, and later improvements of the base text taken with git."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pexpect
import pytest
import yaml
from conftest import ROOT, VENV_BIN, build, copy_project, mkdocs
from handbook.adopt.answers import used_contacts
from handbook.adopt.defaults import ROLES, contact_keys
from handbook.core.keys import BRAND_STEMS
from test_adopt import ADOPTED, adopt, example_repository, git, handbook

# The answers typed below, as an answers file: both must write the same files.
TYPED = {
    "organisatie": {
        "naam": "Fietsenmakerij Spaak",
        "juridische_naam": "Spaak Fietsen B.V.",
        "sector": "retail-e-commerce",
        "website": "https://www.spaak.example",
        "intranet_url": "https://intranet.spaak.example/beleid/",
        "herzieningscyclus": "12 maanden",
        "beursgenoteerd": False,
        "ondernemingsraad": False,
        "verkoopt_online": True,
    },
    "onderwerpen_uit": ["ai"],
    "kanalen": [
        {
            "platform": "Instagram",
            "handle": "@spaak",
            "url": "https://www.instagram.com/spaak.example",
            "doel": "Nieuwe fietsen en reparatietips",
        }
    ],
}

TIMEOUT = 60


def _project(dest: Path) -> Path:
    project = copy_project(dest)
    shutil.copytree(ROOT / ".github", project / ".github")
    git("init", "-q", cwd=project)
    git("add", "-A", cwd=project)
    git("commit", "-qm", "Basis", cwd=project)
    return project


def _answer(child: pexpect.spawn, question: str, text: str) -> None:
    child.expect_exact(question, timeout=TIMEOUT)
    child.sendline(text)


def _confirm(child: pexpect.spawn, question: str, key: str) -> None:
    """A yes/no question takes one key, without Enter (an Enter would answer the next one)."""
    child.expect_exact(question, timeout=TIMEOUT)
    child.send(key)


def test_questions_in_a_terminal_write_what_the_answers_file_writes(tmp_path: Path) -> None:
    typed = _project(tmp_path / "getypt")
    child = pexpect.spawn(
        str(VENV_BIN / "handbook"),
        ["--root", str(typed), "nieuw", "--vandaag", ADOPTED],
        env={**os.environ, "TERM": "xterm", "NO_MKDOCS_2_WARNING": "1"},
        encoding="utf-8",
        dimensions=(40, 200),
        timeout=TIMEOUT,
    )
    child.logfile_read = sys.stdout
    org = TYPED["organisatie"]
    _answer(child, "Naam van de organisatie:", org["naam"])
    # The suggestion is the name typed before; replace it (Ctrl-U clears the line).
    _answer(child, "Naam in het Handelsregister:", "\x15" + org["juridische_naam"])
    _answer(child, "Sector (of meer", "retail-e-commerce")
    _answer(child, "Website (met https://):", org["website"])
    _answer(child, "Adres van dit handboek op het intranet", org["intranet_url"])
    _answer(child, "Hoe vaak herzien", "")  # the suggestion: 12 maanden
    _confirm(child, "op een beurs?", "n")
    _confirm(child, "een ondernemingsraad?", "n")
    _confirm(child, "online aan consumenten?", "y")
    _answer(child, "gelden niet voor jullie", "ai")
    # Contacts: the first e-mail address is wrong; the build's Dutch message refuses it.
    _answer(child, "Naam van de persoon of het team (Communicatie):", "")
    _answer(child, "E-mailadres (Communicatie):", "communicatie-at-spaak")
    child.expect_exact("is geen geldig e-mailadres. Schrijf het als naam@voorbeeld.nl")
    child.sendline("\x15")  # clear it: left open ("NOG INVULLEN")
    child.expect_exact("Telefoonnummer (Communicatie")
    child.sendline("")
    for key in contact_keys(used_contacts(typed))[1:]:  # every other contact: left open
        rol = ROLES.get(key, (key, ""))[0]
        for question in (f"Naam van de persoon of het team ({rol}):", f"E-mailadres ({rol}):"):
            _answer(child, question, "")
        _answer(child, f"Telefoonnummer ({rol}", "")
    channel = TYPED["kanalen"][0]
    _answer(child, "Platform, zoals Instagram:", channel["platform"])
    _answer(child, "Naam van het account op Instagram:", channel["handle"])
    _answer(child, "Webadres van het account op Instagram:", channel["url"])
    _answer(child, "Waarvoor gebruiken jullie het?", channel["doel"])
    _answer(child, "Platform, zoals Instagram:", "")
    _answer(child, "GitHub-organisatie", "")
    _answer(child, "Adres van jullie repository", "")
    child.expect_exact("Samenvatting")
    child.expect_exact("Fietsenmakerij Spaak (Spaak Fietsen B.V.)")
    _confirm(child, "Klopt dit?", "y")
    child.expect_exact("Nog te doen:")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0

    from_file = _project(tmp_path / "bestand")
    answers = tmp_path / "antwoorden.yml"
    answers.write_text(yaml.safe_dump(TYPED, allow_unicode=True), encoding="utf-8")
    result = adopt(from_file, answers)
    assert result.returncode == 0, result.stdout + result.stderr
    for stem in BRAND_STEMS:
        a = (typed / "data" / f"{stem}.yml").read_text(encoding="utf-8")
        b = (from_file / "data" / f"{stem}.yml").read_text(encoding="utf-8")
        assert a == b, stem
    for name in ["mkdocs.yml", *(f"docs/{p.name}" for p in (typed / "docs").glob("*.md"))]:
        assert (typed / name).read_text("utf-8") == (from_file / name).read_text("utf-8"), name
    contacts = (typed / "data" / "contacten.yml").read_text(encoding="utf-8")
    assert "NOG INVULLEN: e-mailadres (Communicatie)" in contacts


def test_without_a_terminal_it_says_to_use_an_answers_file(tmp_path: Path) -> None:
    project = _project(tmp_path / "p")
    result = handbook("nieuw", root=project)
    assert result.returncode == 1
    assert "--antwoorden" in result.stderr and "Traceback" not in result.stderr


def test_adopting_twice_refuses_without_overschrijven(tmp_path: Path) -> None:
    project = _project(tmp_path / "p")
    assert adopt(project, ROOT / "antwoorden.voorbeeld.yml").returncode == 0
    before = {p: p.read_bytes() for p in (project / "data").glob("*.yml")}
    again = adopt(project, ROOT / "tests" / "adoption" / "gemeente.yml")
    assert again.returncode == 1
    assert "al eigen gemaakt op 10 december 2026" in again.stderr
    assert "--overschrijven" in again.stderr and "Traceback" not in again.stderr
    assert {p: p.read_bytes() for p in (project / "data").glob("*.yml")} == before
    forced = handbook(
        "nieuw",
        "--antwoorden",
        str(ROOT / "tests" / "adoption" / "gemeente.yml"),
        "--overschrijven",
        "--vandaag",
        ADOPTED,
        root=project,
    )
    assert forced.returncode == 0, forced.stderr
    assert "Gemeente Zuiderveen" in (project / "data" / "organisatie.yml").read_text("utf-8")


def test_bad_answers_are_named_in_dutch_and_nothing_is_written(tmp_path: Path) -> None:
    project = _project(tmp_path / "p")
    answers = tmp_path / "fout.yml"
    answers.write_text(
        "organisatie:\n  naam: X\n  sector: bakkerij\n"
        "contacten:\n  hr:\n    email: geen-adres\n"
        "onderwerpen_uit: [crisis, bestaat-niet]\n",
        encoding="utf-8",
    )
    before = git("status", "--porcelain", cwd=project)
    result = adopt(project, answers)
    assert result.returncode == 1
    err = result.stderr
    assert "Traceback" not in err
    assert "sleutel 'contacten.hr.email': 'geen-adres' is geen geldig e-mailadres" in err
    answers.write_text(
        "organisatie:\n  naam: X\n  sector: bakkerij\nonderwerpen_uit: [crisis, bestaat-niet]\n",
        encoding="utf-8",
    )
    result = adopt(project, answers)
    assert "'bakkerij' is geen bekende sector" in result.stderr
    answers.write_text(
        "organisatie:\n  naam: X\n  sector: zorg\nonderwerpen_uit: [crisis, bestaat-niet]\n",
        encoding="utf-8",
    )
    result = adopt(project, answers)
    assert "de pagina 'crisis' kan niet uit" in result.stderr
    assert "'bestaat-niet' is geen pagina van het handboek" in result.stderr
    assert git("status", "--porcelain", cwd=project) == before


def test_open_markers_stop_a_strict_build_with_one_message(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    contacts = project / "data" / "contacten.yml"
    text = contacts.read_text(encoding="utf-8")
    text = text.replace("hr@vonkel.example", '"NOG INVULLEN: e-mailadres van HR"')
    text = text.replace("+31 30 799 12 60", '"NOG INVULLEN: telefoon van IT-security"')
    contacts.write_text(text, encoding="utf-8")
    strict = build(project, tmp_path / "site")
    assert strict.returncode == 1
    out = strict.stdout + strict.stderr
    assert "Er staan nog 2 waarden op 'NOG INVULLEN'" in out
    assert "sleutel 'contacten.hr.email': NOG INVULLEN: e-mailadres van HR" in out
    assert "sleutel 'contacten.it_security.telefoon'" in out
    assert out.count("NOG INVULLEN'") == 1 and "Traceback" not in out
    check = handbook("check", root=project)
    assert check.returncode == 1
    assert check.stderr.count("NOG INVULLEN:") == 2
    preview = mkdocs("build", "--site-dir", str(tmp_path / "preview"), cwd=project, pdf=False)
    assert preview.returncode == 0, preview.stderr
    page = (tmp_path / "preview" / "contacten" / "index.html").read_text(encoding="utf-8")
    assert "NOG INVULLEN: e-mailadres van HR" in page


@pytest.mark.slow
def test_base_improvements_arrive_with_git_and_the_adoption_stays(tmp_path: Path) -> None:
    base = example_repository(tmp_path / "basis")
    fork = tmp_path / "eigen"
    git("clone", "-q", str(base), str(fork), cwd=tmp_path)
    git("config", "merge.ours.driver", "true", cwd=fork)  # README: once per clone
    assert adopt(fork, ROOT / "antwoorden.voorbeeld.yml").returncode == 0
    git("add", "-A", cwd=fork)
    git("commit", "-qm", "Handboek van Bakkerij De Graaf", cwd=fork)
    adopted = {p.name: p.read_bytes() for p in (fork / "data").glob("*.yml")}
    privacy_before = (fork / "docs" / "privacy.md").read_text(encoding="utf-8")

    new_text = "Een nieuwe zin uit het basishandboek over foto's van collega's."
    privacy = base / "docs" / "privacy.md"
    privacy.write_text(privacy.read_text(encoding="utf-8") + f"\n{new_text}\n", "utf-8")
    git("commit", "-qam", "Privacy: zin over foto's van collega's", cwd=base)
    contacts = base / "data" / "contacten.yml"
    contacts.write_text(
        contacts.read_text(encoding="utf-8").replace("Sanne de Wit", "Sanne de Wit-Jansen"),
        "utf-8",
    )
    git("commit", "-qam", "Voorbeeld: nieuwe naam bij Communicatie", cwd=base)

    git("fetch", "-q", "origin", cwd=fork)
    # Marked for readers, so it reaches the changelog (a plain merge never does).
    message = "Verbeteringen van het basishandboek overgenomen"
    git("merge", "--no-edit", "-m", f"{message} [beleid]", "origin/main", cwd=fork)

    assert {p.name: p.read_bytes() for p in (fork / "data").glob("*.yml")} == adopted
    privacy_after = (fork / "docs" / "privacy.md").read_text(encoding="utf-8")
    assert new_text in privacy_after
    assert privacy_after.split("\n---", 1)[0] == privacy_before.split("\n---", 1)[0]
    result = build(fork, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    changelog = (tmp_path / "site" / "wijzigingen" / "index.html").read_text(encoding="utf-8")
    assert message in changelog and "[beleid]" not in changelog
    assert "Voorbeeld: nieuwe naam" not in changelog and "Vonkel" not in changelog
    site = " ".join(p.read_text("utf-8") for p in (tmp_path / "site").rglob("*.html"))
    assert "Sanne de Wit" not in site and new_text in site
