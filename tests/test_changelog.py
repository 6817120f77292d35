"""The changelog's plain functions: parsing git output, grouping per version, Markdown."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest
from handbook.changelog.entries import (
    Entry,
    Group,
    build_changelog,
    data_used_by,
    last_changed,
    pages_for_data,
    rule_changes,
    summarize,
)
from handbook.changelog.history import (
    Commit,
    History,
    history_required,
    parse_log,
    parse_version_patch,
    read_history,
)
from handbook.changelog.render import (
    entry_markdown,
    group_title,
    page_anchor,
    page_titles,
    render_changelog,
    render_whats_new,
)

FS, RS = "\x1f", "\x1e"


def _record(sha: str, when: str, message: str, *files: str) -> str:
    return f"{RS}{sha}{FS}{when}{FS}{message}\n{FS}\0\n" + "".join(f + "\0" for f in files)


# --- summarize -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("Crisislijn eerst bellen [regel]", ("Crisislijn eerst bellen", None, "[regel]")),
        ("[Beleid] Uitleg over reviews", ("Uitleg over reviews", None, "[beleid]")),
        ("[Redactioneel] Tikfout", ("Tikfout", None, "[redactioneel]")),
        # Only the title counts: a marker in the body does not.
        ("Tikfout\n\nAlleen opmaak. [regel]", ("Tikfout", None, None)),
        ("Crisislijn eerst bellen", ("Crisislijn eerst bellen", None, None)),
        (
            "Merge pull request #12 from vonkel/ai\n\nNieuwe regel over AI-beelden [regel]",
            ("Nieuwe regel over AI-beelden", 12, "[regel]"),
        ),
        (
            "Merge pull request #7 from vonkel/x",
            ("Merge pull request #7 from vonkel/x", 7, None),
        ),
        ("Nieuwe termijnen [beleid] (#14)", ("Nieuwe termijnen", 14, "[beleid]")),
        # In a squash merge only the title counts, not the commit list GitHub adds below it.
        (
            "Nieuwe termijnen (#14)\n\n* tikfout [regel]",
            ("Nieuwe termijnen", 14, None),
        ),
        # A merge of a branch is not a pull request: its body is no title.
        ("Merge branch 'ai'\n\nAI-regels samengevoegd [regel]", ("Merge branch 'ai'", None, None)),
        # [redactioneel] wins: whoever wrote it wanted the change left out.
        ("Tikfout [regel] [redactioneel]", ("Tikfout", None, "[redactioneel]")),
        ("Termijnen [beleid] [regel]", ("Termijnen", None, "[regel]")),
    ],
)
def test_summarize(message: str, expected: tuple) -> None:
    title = summarize(message)
    assert (title.summary, title.pr, title.marker) == expected
    assert title.for_readers == (expected[2] in ("[regel]", "[beleid]"))
    assert title.rule == (expected[2] == "[regel]")


# Subjects from this project's own history and from developers' habits: none is a Dutch
# policy change marked for readers, so none may reach the changelog.
NOT_FOR_READERS = [
    "Merge issue 5: changelog and 'Wat is er veranderd'; sector quiz questions",
    "Merge branch 'main' into features",
    "Merge remote-tracking branch 'upstream/main'",
    "Merge pull request #31 from vonkel/bump-material",
    "Policy text: fix articles before role names, list with optional item",
    "Update crisis.md",
    "Tests: every component on its page, every page in the nav",
    "fix: typo in data/slas.yml",
    "Bump mkdocs-material to 9.8.1 (#40)",
    "Crisislijn eerst bellen",
    "Tikfout verbeterd [redactioneel]",
]


@pytest.mark.parametrize("message", NOT_FOR_READERS)
def test_unmarked_titles_never_reach_readers(message: str) -> None:
    assert not summarize(message).for_readers


# --- parsing git output --------------------------------------------------------------------


def test_parse_log_reads_records_and_strips_the_prefix() -> None:
    text = _record("a" * 40, "2026-03-02T12:00:00+01:00", "Eerste\n\nmet body", "hb/docs/a.md")
    text += _record(
        "b" * 40, "2026-03-01T23:30:00-05:00", "Tweede", "hb/data/x.yml", "hb/docs/b c.md"
    )
    text += _record("c" * 40, "2026-02-01T10:00:00+00:00", "Buiten", "other/file.md")
    commits = parse_log(text, prefix="hb/")
    assert commits == [
        Commit("a" * 40, date(2026, 3, 2), "Eerste\n\nmet body", ("docs/a.md",)),
        Commit("b" * 40, date(2026, 3, 1), "Tweede", ("data/x.yml", "docs/b c.md")),
        Commit("c" * 40, date(2026, 2, 1), "Buiten", ()),
    ]


def test_parse_version_patch_reads_added_top_level_values() -> None:
    text = (
        f"{RS}{'b' * 40}\n\ndiff --git a/data/organisatie.yml b/data/organisatie.yml\n"
        "--- a/data/organisatie.yml\n+++ b/data/organisatie.yml\n@@ -9,2 +9,2 @@\n"
        '-beleidsversie: "1.0"\n+beleidsversie: "1.1"\n-ingangsdatum: 2026-02-01\n'
        "+ingangsdatum: 2026-05-01\n"
        f"{RS}{'a' * 40}\n\ndiff --git a/data/organisatie.yml b/data/organisatie.yml\n"
        "+naam: Vonkel\n+beleidsversie: '1.0'\n+  beleidsversie: genest\n"
    )
    assert parse_version_patch(text) == {
        "b" * 40: {"beleidsversie": "1.1", "ingangsdatum": date(2026, 5, 1)},
        "a" * 40: {"beleidsversie": "1.0"},
    }


class FakeGit:
    def __init__(self, *answers: tuple[int, str, str] | Exception) -> None:
        self.answers = list(answers)
        self.calls: list[list[str]] = []

    def __call__(self, args, cwd):
        self.calls.append(list(args))
        answer = self.answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        code, out, err = answer
        return subprocess.CompletedProcess(args, code, out, err)


def test_read_history_without_git_program() -> None:
    history = read_history(Path("."), git=FakeGit(FileNotFoundError("git")))
    assert history.reason == "het programma git niet gevonden is"
    assert not history.available


def test_read_history_outside_a_repository() -> None:
    fatal = "fatal: not a git repository (or any of the parent directories): .git\n"
    history = read_history(Path("."), git=FakeGit((128, "", fatal)))
    assert history.reason == (
        "deze map geen git-repository is (bijvoorbeeld een kopie zonder de map .git)"
    )
    assert history.message() == (
        "Wijzigingen: de geschiedenis uit git is niet beschikbaar, omdat deze map geen "
        "git-repository is (bijvoorbeeld een kopie zonder de map .git). De pagina 'Wijzigingen' "
        "en de datums 'laatst gewijzigd' ontbreken daarom. Bouw vanuit een git-kloon met de "
        "volledige geschiedenis: zet in GitHub Actions 'fetch-depth: 0' bij actions/checkout, "
        "of vul een ondiepe kloon aan met 'git fetch --unshallow'."
    )


def test_read_history_of_a_repository_owned_by_someone_else() -> None:
    fatal = "fatal: detected dubious ownership in repository at '/__w/h/h'\n"
    history = read_history(Path("."), git=FakeGit((128, "", fatal)))
    assert history.reason == (
        "git deze map niet vertrouwt, omdat een andere gebruiker de eigenaar is (los dit op met "
        "'git config --global --add safe.directory <map>')"
    )


def test_read_history_of_a_shallow_clone_reads_no_log() -> None:
    git = FakeGit((0, "true\n\n", ""))
    history = read_history(Path("."), git=git)
    assert history.reason == "dit een ondiepe kloon is (shallow clone) zonder de hele geschiedenis"
    assert len(git.calls) == 1


def test_read_history_runs_three_git_commands() -> None:
    log = _record("a" * 40, "2026-03-02T12:00:00+00:00", "Eerste", "sub/docs/a.md")
    patch = f"{RS}{'a' * 40}\n\n+beleidsversie: '1.0'\n"
    git = FakeGit((0, "false\nsub/\n", ""), (0, log, ""), (0, patch, ""))
    history = read_history(Path("."), "docs", "data", git=git)
    assert history.available
    assert history.commits == [Commit("a" * 40, date(2026, 3, 2), "Eerste", ("docs/a.md",))]
    assert history.versions == {"a" * 40: {"beleidsversie": "1.0"}}
    assert [c[0] for c in git.calls] == ["rev-parse", "log", "log"]
    assert git.calls[1][-3:] == ["--", "docs", "data"]
    assert git.calls[2][-2:] == ["--", "data/organisatie.yml"]


def test_read_history_of_a_repository_without_commits() -> None:
    empty = "fatal: your current branch 'main' does not have any commits yet\n"
    git = FakeGit((0, "false\n\n", ""), (128, "", empty))
    history = read_history(Path("."), git=git)
    assert history.available and history.commits == []


# --- which pages use which data ------------------------------------------------------------


def test_data_used_by_looks_only_inside_placeholders() -> None:
    sources = {
        "index.md": "Zie [Contact](contacten.md). {{ organisatie.naam }}",
        "crisis.md": "---\ndos:\n  - Bel {{ contacten.crisisteam.telefoon }}\n---\n"
        "{% for stap in crisis.eerste_stappen %}{{ stap }}{% endfor %}",
        "reageren.md": "{{ reactietermijnen_tabel() }} {{ escalatie_tabel() }}",
        "contacten.md": "{{ kanalen_tabel() }} {{ contacten[organisatie.beleidseigenaar].naam }}",
    }
    used = data_used_by(sources)
    assert used["contacten"] == {"crisis.md", "reageren.md", "contacten.md"}
    assert used["organisatie"] == {"index.md", "contacten.md"}
    assert used["slas"] == {"reageren.md"}
    assert used["crisis"] == {"crisis.md"}
    assert used["kanalen"] == {"contacten.md"}
    assert pages_for_data("slas.yml", used) == {"reageren.md"}
    assert pages_for_data("sectoren/zorg.yml", {"sector": {"a.md"}}) == {"a.md"}
    assert pages_for_data("quiz.yml", used) == set()


# --- grouping ------------------------------------------------------------------------------

SOURCES = {
    "index.md": "{{ organisatie.naam }}",
    "crisis.md": "{{ slas.eerste_reactie_crisis }}",
    "reageren.md": "{{ reactietermijnen_tabel() }}",
}


def _history() -> History:
    def c(n: int, day: str, message: str, *files: str) -> Commit:
        return Commit(str(n) * 40, date.fromisoformat(day), message, files)

    commits = [
        c(1, "2026-01-05", "Eerste versie [beleid]", "docs/index.md", "data/organisatie.yml"),
        c(2, "2026-03-02", "Crisislijn [regel]", "docs/crisis.md"),
        c(3, "2026-03-10", "Termijnen [beleid] (#9)", "data/slas.yml"),
        c(4, "2026-03-12", "Tikfout [redactioneel]", "docs/crisis.md"),
        c(5, "2026-03-14", "Alleen opmaak [beleid]", "docs/stylesheets/handbook.css"),
        c(6, "2026-04-01", "Versie 1.1 [beleid]", "data/organisatie.yml"),
        c(7, "2026-04-02", "Datum gecorrigeerd [beleid]", "data/organisatie.yml"),
        c(8, "2026-04-15", "Na de versie [beleid]", "docs/oud.md"),
        c(9, "2026-04-16", "Refactor the changelog and its tests", "docs/index.md"),
        c(10, "2026-04-17", "Merge branch 'main' into tekst", "docs/crisis.md", "data/slas.yml"),
    ]
    versions = {
        "1" * 40: {"beleidsversie": "1.0", "ingangsdatum": date(2026, 2, 1)},
        "6" * 40: {"beleidsversie": "1.1", "ingangsdatum": date(2026, 5, 1)},
        "7" * 40: {"ingangsdatum": date(2026, 5, 15)},
    }
    return History(commits=list(reversed(commits)), versions=versions)


def test_build_changelog_groups_per_version_newest_first() -> None:
    groups = build_changelog(_history(), "docs", "data", SOURCES)
    assert [(g.version, g.after, g.effective) for g in groups] == [
        (None, "1.1", None),
        ("1.1", None, date(2026, 5, 15)),
        ("1.0", None, date(2026, 2, 1)),
    ]
    assert [e.summary for e in groups[0].entries] == ["Na de versie", "Datum gecorrigeerd"]
    assert [(e.summary, e.pr, e.rule, e.pages, e.data) for e in groups[1].entries] == [
        ("Versie 1.1", None, False, ("index.md",), ("organisatie.yml",)),
        ("Termijnen", 9, False, ("crisis.md", "reageren.md"), ("slas.yml",)),
        ("Crisislijn", None, True, ("crisis.md",), ()),
    ]
    assert [e.summary for e in groups[2].entries] == ["Eerste versie"]
    assert [e.summary for e in rule_changes(groups, "1.1")] == ["Crisislijn"]
    assert rule_changes(groups, "9.9") == []


def test_build_changelog_without_any_version_number() -> None:
    history = History(
        commits=[Commit("a" * 40, date(2026, 1, 1), "Tekst [beleid]", ("docs/index.md",))]
    )
    groups = build_changelog(history, "docs", "data", SOURCES)
    assert len(groups) == 1 and groups[0].version is None and groups[0].after is None
    assert group_title(groups[0]) == "Wijzigingen zonder versienummer"


# --- Markdown ------------------------------------------------------------------------------

TITLES = {"index.md": "Over dit beleid", "crisis.md": "Crisis"}


def test_entry_markdown() -> None:
    entry = Entry(
        "a" * 40,
        date(2026, 3, 2),
        "Bel *eerst* de {{ lijn | x",
        12,
        True,
        ("crisis.md", "oud.md"),
        ("slas.yml",),
    )
    assert entry_markdown(entry, TITLES, "https://github.com/o/r/") == (
        "| 2 maart 2026 | Bel \\*eerst\\* de &#123;&#123; lijn \\| x. *Regelwijziging.* Pull "
        "request [#12](https://github.com/o/r/pull/12). | [Crisis](crisis.md), oud.md (bestaat "
        "niet meer). Gegevens: `slas.yml` |"
    )
    plain = Entry("b" * 40, date(2026, 1, 5), "Eerste versie", 3, False, ("index.md",), ())
    assert entry_markdown(plain, TITLES, None) == (
        "| 5 januari 2026 | Eerste versie. Pull request #3. | [Over dit beleid](index.md) |"
    )
    data_only = Entry("c" * 40, date(2026, 1, 6), "Quiz", None, False, (), ("quiz.yml",))
    assert entry_markdown(data_only, TITLES, None) == (
        "| 6 januari 2026 | Quiz. | Gegevens: `quiz.yml` |"
    )


def test_render_changelog_without_history_explains_why() -> None:
    text = render_changelog(History(reason="dit een ondiepe kloon is"), [], TITLES)
    assert "niet beschikbaar, omdat dit een ondiepe kloon is." in text
    assert "fetch-depth: 0" in text
    assert "pagina-crisis" not in text


def test_render_changelog_has_an_anchor_per_page_and_version() -> None:
    groups = build_changelog(_history(), "docs", "data", SOURCES)
    text = render_changelog(_history(), groups, TITLES)
    assert text.startswith("---\nrender_macros: false\n---\n\n# Wijzigingen\n")
    for anchor in ("na-versie-1-1", "versie-1-1", "versie-1-0", "per-pagina", "pagina-crisis"):
        assert f"{{ #{anchor} }}" in text
    assert "Deze versie geldt vanaf 15 mei 2026." in text
    assert "| 2 maart 2026 | Versie 1.1 | Crisislijn *Regelwijziging.* |" in text


def test_whats_new_lists_rule_changes_and_the_acknowledgement_link() -> None:
    groups = build_changelog(_history(), "docs", "data", SOURCES)
    organisatie = {"beleidsversie": "1.1", "ingangsdatum": "1 mei 2026"}
    block = render_whats_new(_history(), groups, organisatie, TITLES)
    assert block == (
        '!!! info "Wat is er veranderd in versie 1.1?"\n\n'
        "    Deze regels zijn nieuw of anders in versie 1.1. Ze gelden vanaf 1 mei 2026.\n\n"
        "    - Crisislijn ([Crisis](crisis.md))\n\n"
        "    Alle wijzigingen staan op de pagina [Wijzigingen](wijzigingen.md).\n"
    )
    organisatie["bevestiging_url"] = "https://hr.example/bevestig"
    block = render_whats_new(_history(), groups, organisatie, TITLES)
    assert block.endswith(
        "    [Bevestig dat je versie 1.1 van het beleid hebt gelezen](https://hr.example/bevestig)\n"
    )


def test_whats_new_without_history_or_rule_changes() -> None:
    organisatie = {"beleidsversie": "2.0", "ingangsdatum": "1 september 2026"}
    block = render_whats_new(History(reason="x"), [], organisatie, TITLES)
    assert "kun je in deze versie van het handboek niet zien" in block
    assert "Bevestig" not in block
    block = render_whats_new(History(), [Group("2.0", None)], organisatie, TITLES)
    assert "Voor versie 2.0 staan er geen regelwijzigingen in het logboek." in block


def test_page_titles_from_nav_then_heading() -> None:
    sources = {
        "index.md": "# Welkom",
        "crisis.md": "---\na: 1\n---\n# Crisis bij {{ organisatie.naam }}\n",
        "x.md": "geen kop",
    }
    nav = [{"Over dit beleid": "index.md"}, {"Meer": [{"Iets": "ander.md"}]}]
    titles = page_titles(sources, nav, {"organisatie": {"naam": "Vonkel"}})
    assert titles == {"index.md": "Over dit beleid", "crisis.md": "Crisis bij Vonkel", "x.md": "x"}
    assert page_anchor("sub/pagina.md") == "pagina-sub-pagina"


def test_last_changed_takes_the_newer_of_file_and_data_changes() -> None:
    groups = build_changelog(_history(), "docs", "data", SOURCES)
    # crisis.md: its own file last changed 2026-03-12 (editorial), its data (slas) 2026-03-10.
    assert str(last_changed("2026-03-12", groups, "crisis.md")) == "12 maart 2026"
    assert str(last_changed("2026-01-05", groups, "crisis.md")) == "10 maart 2026"
    assert str(last_changed(None, groups, "index.md")) == "2 april 2026"
    assert last_changed(None, [], "x.md") is None


def test_plugin_options_load() -> None:
    from handbook.plugin import HandbookPlugin

    plugin = HandbookPlugin()
    errors, warnings = plugin.load_config(
        {"repository_url": "https://github.com/o/r", "changelog_require_history": True}
    )
    assert errors == [] and warnings == []
    assert plugin.config.changelog_require_history is True
    assert HandbookPlugin().load_config({}) == ([], [])


def test_history_required_by_option_or_environment() -> None:
    assert history_required(True, {})
    assert history_required(False, {"HANDBOOK_REQUIRE_HISTORY": "true"})
    assert history_required(False, {"HANDBOOK_REQUIRE_HISTORY": "1"})
    assert not history_required(False, {"HANDBOOK_REQUIRE_HISTORY": "false"})
    assert not history_required(False, {})
