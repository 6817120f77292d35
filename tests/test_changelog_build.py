"""Real builds of a git repository made by the test: the changelog, page dates, no history."""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import VENV_BIN, build, copy_project, mkdocs
from handbook.changelog.entries import data_used_by

pytestmark = pytest.mark.slow

GIT = shutil.which("git") or "git"
REPO_URL = "https://github.com/vonkel-example/social-mediabeleid"
ACK_URL = "https://hr.vonkel.example/beleid-bevestigen"


def git(repo: Path, *args: str, when: str | None = None) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Redactie",
        "GIT_AUTHOR_EMAIL": "redactie@vonkel.example",
        "GIT_COMMITTER_NAME": "Redactie",
        "GIT_COMMITTER_EMAIL": "redactie@vonkel.example",
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    if when:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = f"{when}T12:00:00+00:00"
    result = subprocess.run(
        [GIT, "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", *args],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def commit(repo: Path, when: str, *message: str) -> None:
    git(repo, "add", "-A")
    args = [part for m in message for part in ("-m", m)]
    git(repo, "commit", "-q", *args, when=when)


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A handbook with a short history: version 1.0, five changes, version 1.1, one more."""
    project = copy_project(tmp_path_factory.mktemp("changelog") / "handboek")
    org = project / "data" / "organisatie.yml"
    edit(org, 'beleidsversie: "2.0"', 'beleidsversie: "1.0"')
    edit(org, "ingangsdatum: 2026-09-01", "ingangsdatum: 2026-02-01")
    git(project, "init", "-q")
    commit(project, "2026-01-05", "Eerste versie van het beleid [beleid]")
    # A page.
    edit(project / "docs" / "crisis.md", "Zet ingeplande", "Zet meteen alle ingeplande")
    commit(project, "2026-03-02", "Ingeplande berichten meteen pauzeren [regel]")
    # Data that two pages use (crisis.md and reageren.md use slas).
    edit(project / "data" / "slas.yml", "kantoortijden:", "kantoortijden:")  # keep key
    slas = project / "data" / "slas.yml"
    slas.write_text(slas.read_text(encoding="utf-8") + "# Herzien in maart.\n", encoding="utf-8")
    commit(project, "2026-03-10", "Reactietermijnen herzien [regel]")
    # An editorial change.
    edit(project / "docs" / "reageren.md", "Kantoortijd is", "Kantoortijd is:")
    commit(project, "2026-03-12", "[redactioneel] Tikfout verbeterd")
    # Not for readers: a developer's English commit that touched a page and the code, and
    # one that touched a page only.
    edit(project / "docs" / "reageren.md", "Kantoortijd is:", "Kantoortijd is")
    (project / "plugins" / "handbook" / "NOTES.txt").write_text("notes\n", encoding="utf-8")
    commit(project, "2026-03-13", "Refactor the page checks and their tests")
    edit(project / "docs" / "begrippen.md", "\n# ", "\n<!-- begrippen -->\n\n# ")
    commit(project, "2026-03-14", "Policy text: shorter sentences on the glossary page")
    # A pull request, merged with a merge commit.
    git(project, "checkout", "-q", "-b", "ai-beelden")
    edit(project / "docs" / "acceptabele-inhoud.md", "\n# ", "\n<!-- AI -->\n\n# ")
    commit(project, "2026-03-18", "Eerste opzet")
    # A branch merged without a pull request (as developers do): never in the changelog.
    git(project, "checkout", "-q", "-b", "tekstwerk", "main")
    edit(project / "docs" / "privacy.md", "\n# ", "\n<!-- tekst -->\n\n# ")
    commit(project, "2026-03-19", "Privacy wording")
    git(project, "checkout", "-q", "main")
    git(
        project,
        "merge",
        "-q",
        "--no-ff",
        "tekstwerk",
        "-m",
        "Merge branch 'tekstwerk'",
        when="2026-03-19",
    )
    git(
        project,
        "merge",
        "-q",
        "--no-ff",
        "ai-beelden",
        "-m",
        "Merge pull request #12 from vonkel-example/ai-beelden",
        "-m",
        "Nieuwe regel over AI-beelden [regel]",
        when="2026-03-20",
    )
    # The version bump, with the acknowledgement form.
    edit(org, 'beleidsversie: "1.0"', 'beleidsversie: "1.1"')
    edit(org, "ingangsdatum: 2026-02-01", "ingangsdatum: 2026-05-01")
    org.write_text(org.read_text(encoding="utf-8") + f"bevestiging_url: {ACK_URL}\n", "utf-8")
    commit(project, "2026-04-01", "Versie 1.1 vastgesteld [beleid]")
    # After the version: a squash merge of a pull request.
    edit(project / "docs" / "contacten.md", "Vraag het liever", "Vraag het gerust")
    commit(project, "2026-04-15", "Contactpagina duidelijker [beleid] (#14)", "* opzet\n* tikfout")
    return project


@pytest.fixture(scope="module")
def built(repo: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, list[str]]:
    """The strict build of ``repo``, with every git command it ran (through a logging shim)."""
    shim = tmp_path_factory.mktemp("shim")
    calls = shim / "calls.log"
    script = shim / "git"
    script.write_text(f'#!/bin/sh\necho "$*" >> "{calls}"\nexec {GIT} "$@"\n', encoding="utf-8")
    script.chmod(0o755)
    out = tmp_path_factory.mktemp("site")
    env = {
        **os.environ,
        "PATH": f"{shim}{os.pathsep}{os.environ['PATH']}",
        "NO_MKDOCS_2_WARNING": "1",
        "HANDBOOK_REQUIRE_HISTORY": "true",
    }
    result = subprocess.run(
        [str(VENV_BIN / "mkdocs"), "build", "--strict", "--site-dir", str(out)],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return out, result.stdout + result.stderr, calls.read_text(encoding="utf-8").split("\n")


def _article(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    return text[text.find("<article") : text.find("</article>")]


def _text(fragment: str) -> str:
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())
    return re.sub(r"\( ", "(", re.sub(r" ([.,:;)?])", r"\1", text))


def _sections(article: str) -> dict[str, tuple[str, list[str], list[list[str]]]]:
    """h2/h3 id -> (intro text, list items as text, hrefs per list item)."""
    found = {}
    for match in re.finditer(r'<h[23] id="([^"]+)">(.*?)(?=<h[23] id=|$)', article, re.S):
        body = match[2]
        rows = re.findall(r"<tr>(.*?)</tr>", body.split("<tbody>", 1)[-1], re.S)
        intro = body.split("</h2>", 1)[-1].split("</h3>", 1)[-1].split("<table>", 1)[0]
        found[match[1]] = (
            _text(intro),
            [" | ".join(_text(c) for c in re.findall(r"<td>(.*?)</td>", r, re.S)) for r in rows],
            [re.findall(r'href="([^"]+)"', r) for r in rows],
        )
    return found


def _users(site: Path, repo: Path, key: str) -> tuple[str, list[str]]:
    """Titles (joined) and links of the pages that show data ``key``, in changelog order.

    Which pages use which data is unit-tested (test_changelog.py); here the policy text may
    change, so the expected pages are derived from the pages themselves."""
    article = _article(site / "wijzigingen" / "index.html")
    order = re.findall(r'<h3 id="pagina-([^"]+)">(.*?)<a class="headerlink"', article, re.S)
    sources = {p.name: p.read_text(encoding="utf-8") for p in (repo / "docs").glob("*.md")}
    used = data_used_by(sources)[key]
    pages = [(slug, html.unescape(title).strip()) for slug, title in order if f"{slug}.md" in used]
    assert len(pages) == len(used) >= 2
    links = ["../" if slug == "index" else f"../{slug}/" for slug, _ in pages]
    return ", ".join(title for _, title in pages), links


def test_changelog_entries_groups_order_and_links(built, repo: Path) -> None:
    site, _, _ = built
    org_titles, org_links = _users(site, repo, "organisatie")
    slas_titles, slas_links = _users(site, repo, "slas")
    sections = _sections(_article(site / "wijzigingen" / "index.html"))
    assert list(sections)[:4] == ["na-versie-1-1", "versie-1-1", "versie-1-0", "per-pagina"]
    intro, items, links = sections["na-versie-1-1"]
    assert intro == "Deze wijzigingen staan al in het handboek, maar nog in geen nieuwe versie."
    assert items == ["15 april 2026 | Contactpagina duidelijker. Pull request #14. | Contact"]
    assert links == [[f"{REPO_URL}/pull/14", "../contacten/"]]
    intro, items, links = sections["versie-1-1"]
    assert intro == "Deze versie geldt vanaf 1 mei 2026."
    assert items == [
        f"1 april 2026 | Versie 1.1 vastgesteld. | {org_titles}. Gegevens: organisatie.yml",
        "20 maart 2026 | Nieuwe regel over AI-beelden. Regelwijziging. Pull request #12. | "
        "Wat mag wel en niet",
        f"10 maart 2026 | Reactietermijnen herzien. Regelwijziging. | {slas_titles}. "
        "Gegevens: slas.yml",
        "2 maart 2026 | Ingeplande berichten meteen pauzeren. Regelwijziging. | Crisis",
    ]
    assert links == [
        org_links,
        [f"{REPO_URL}/pull/12", "../acceptabele-inhoud/"],
        slas_links,
        ["../crisis/"],
    ]
    intro, items, _ = sections["versie-1-0"]
    assert intro == "Deze versie geldt vanaf 1 februari 2026."
    assert len(items) == 1 and items[0].startswith(
        "5 januari 2026 | Eerste versie van het beleid. | "
    )
    # The editorial commit and the commit inside the pull request are left out.
    page = _text(_article(site / "wijzigingen" / "index.html"))
    assert "Tikfout" not in page and "redactioneel" not in page and "Eerste opzet" not in page
    # English and merge commits that touched pages never appear, nor anything about them.
    for subject in ("Refactor", "Policy text", "Merge branch", "tekstwerk", "Privacy wording"):
        assert subject not in page, subject
    assert "beleid]" not in page and "[beleid" not in page
    # Each page's own history.
    assert sections["pagina-crisis"][1] == [
        "1 april 2026 | Versie 1.1 | Versie 1.1 vastgesteld",
        "10 maart 2026 | Versie 1.1 | Reactietermijnen herzien Regelwijziging.",
        "2 maart 2026 | Versie 1.1 | Ingeplande berichten meteen pauzeren Regelwijziging.",
        "5 januari 2026 | Versie 1.0 | Eerste versie van het beleid",
    ]


def test_pages_show_their_last_change_in_dutch_and_link_to_their_history(built) -> None:
    site, _, _ = built
    # The page file's own last commit (from git-revision-date-localized), after every data change.
    contact = _text(_article(site / "contacten" / "index.html"))
    assert (
        "Laatst gewijzigd op 15 april 2026. Bekijk wat er op deze pagina is veranderd." in contact
    )
    # A later change of data the page shows counts too (organisatie.yml, version 1.1).
    crisis = _article(site / "crisis" / "index.html")
    assert "Laatst gewijzigd op 1 april 2026." in _text(crisis)
    assert 'href="../wijzigingen/#pagina-crisis"' in crisis
    home = _article(site / "index.html")
    assert 'href="wijzigingen/#pagina-index"' in home
    assert "Laatst gewijzigd op 1 april 2026." in _text(home)


def test_home_page_lists_the_rule_changes_of_the_current_version(built, repo: Path) -> None:
    site, _, _ = built
    slas_titles, _ = _users(site, repo, "slas")
    home = _article(site / "index.html")
    block = home[home.find('<div class="admonition info">') :]
    block = block[: block.find("</div>")]
    assert _text(block) == (
        "Wat is er veranderd in versie 1.1? Deze regels zijn nieuw of anders in versie 1.1. "
        "Ze gelden vanaf 1 mei 2026. Nieuwe regel over AI-beelden (Wat mag wel en niet) "
        f"Reactietermijnen herzien ({slas_titles}) Ingeplande berichten meteen "
        "pauzeren (Crisis) Alle wijzigingen staan op de pagina Wijzigingen. Bevestig dat je "
        "versie 1.1 van het beleid hebt gelezen"
    )
    assert f'href="{ACK_URL}"' in block


def test_history_is_read_once_per_build(built) -> None:
    _, output, calls = built
    ours = [c for c in calls if "--name-only" in c and "--first-parent" in c]
    assert len(ours) == 1, calls
    assert sum("--is-shallow-repository --show-prefix" in c for c in calls) == 1
    assert sum("organisatie.yml" in c and "--unified=0" in c for c in calls) == 1
    assert "geschiedenis uit git is niet beschikbaar" not in output


def _history_lines(output: str) -> list[str]:
    """Lines about the history: ours, and none from the revision-date plugin."""
    assert "git-revision-date-localized" not in output
    assert "Unable" not in output and "git log" not in output
    return [line for line in output.splitlines() if "geschiedenis" in line]


def test_build_without_git_says_so_once(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "tarball")
    result = build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert _history_lines(output) == [
        "INFO    -  handbook: Wijzigingen: de geschiedenis uit git is niet beschikbaar, omdat "
        "deze map geen git-repository is (bijvoorbeeld een kopie zonder de map .git). De pagina "
        "'Wijzigingen' en de datums 'laatst gewijzigd' ontbreken daarom. Bouw vanuit een "
        "git-kloon met de volledige geschiedenis: zet in GitHub Actions 'fetch-depth: 0' bij "
        "actions/checkout, of vul een ondiepe kloon aan met 'git fetch --unshallow'."
    ]
    page = _text(_article(tmp_path / "site" / "wijzigingen" / "index.html"))
    assert "De geschiedenis van dit handboek is in deze versie niet beschikbaar" in page
    crisis = _text(_article(tmp_path / "site" / "crisis" / "index.html"))
    assert "Laatst gewijzigd" not in crisis
    home = _text(_article(tmp_path / "site" / "index.html"))
    assert "Welke regels in versie 2.0 zijn veranderd, kun je in deze versie" in home


def test_shallow_clone_builds_and_says_so(repo: Path, tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repo}", str(clone))
    result = build(clone, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    lines = _history_lines(output)
    assert len(lines) == 1, output
    assert "omdat dit een ondiepe kloon is (shallow clone) zonder de hele geschiedenis" in lines[0]
    assert "'fetch-depth: 0'" in lines[0]
    page = _text(_article(tmp_path / "site" / "wijzigingen" / "index.html"))
    assert "niet beschikbaar, omdat dit een ondiepe kloon is" in page


def test_required_history_stops_a_shallow_build(repo: Path, tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repo}", str(clone))
    env_before = os.environ.get("HANDBOOK_REQUIRE_HISTORY")
    os.environ["HANDBOOK_REQUIRE_HISTORY"] = "true"
    try:
        result = mkdocs("build", "--strict", "--site-dir", str(tmp_path / "site"), cwd=clone)
    finally:
        if env_before is None:
            del os.environ["HANDBOOK_REQUIRE_HISTORY"]
        else:
            os.environ["HANDBOOK_REQUIRE_HISTORY"] = env_before
    assert result.returncode == 1
    assert (
        "ERROR   -  Het handboek kan niet gebouwd worden: 1 probleem.\n"
        "  - Wijzigingen: de geschiedenis uit git is niet beschikbaar, omdat dit een ondiepe "
        "kloon is (shallow clone) zonder de hele geschiedenis."
    ) in result.stderr
    assert "(changelog_require_history staat aan.)" in result.stderr
    assert "Traceback" not in result.stderr
