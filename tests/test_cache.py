"""The build cache (sheet PDFs, theme bytecode) and the quick placeholder fill."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from handbook.core.cache import (
    BuildCache,
    cache_folder,
    local_assets,
    page_file,
    prune,
    write_whole,
)
from handbook.core.placeholders import quick_fill, render_text
from jinja2 import Environment, StrictUndefined, UndefinedError


def _site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    (site / "snelle-referentie").mkdir(parents=True)
    (site / "assets").mkdir()
    (site / "assets" / "main.css").write_text("body{color:black}", "utf-8")
    (site / "stylesheets").mkdir()
    (site / "stylesheets" / "print.css").write_text("@page{size:A4}", "utf-8")
    (site / "other.css").write_text("not linked", "utf-8")
    (site / "snelle-referentie" / "index.html").write_text(
        '<link href="../assets/main.css" rel="stylesheet">'
        '<link rel="stylesheet" href="/stylesheets/print.css">'
        '<script src="https://example.org/x.js"></script>'
        '<a href="../index.html">home</a><img src="../missing.png">',
        "utf-8",
    )
    return site


def test_assets_are_the_local_files_the_page_loads(tmp_path: Path) -> None:
    site = _site(tmp_path)
    page = page_file(site, "snelle-referentie/")
    assert page == site / "snelle-referentie" / "index.html"
    found = local_assets(site, page, page.read_text("utf-8"))
    assert [Path(os.path.relpath(p, site)).as_posix() for p in found] == [
        "assets/main.css",
        "stylesheets/print.css",
    ]


def test_pdf_key_changes_with_the_page_and_its_css_only(tmp_path: Path) -> None:
    site = _site(tmp_path)
    cache = BuildCache(tmp_path / "cache")
    key = cache.pdf_key(site, "snelle-referentie/", None)
    assert cache.pdf_key(site, "snelle-referentie/", None) == key
    (site / "other.css").write_text("changed, but not on the page", "utf-8")
    assert cache.pdf_key(site, "snelle-referentie/", None) == key
    (site / "assets" / "main.css").write_text("body{color:red}", "utf-8")
    changed_css = cache.pdf_key(site, "snelle-referentie/", None)
    assert changed_css != key
    page = site / "snelle-referentie" / "index.html"
    page.write_text(page.read_text("utf-8") + "<p>nieuwe regel</p>", "utf-8")
    assert cache.pdf_key(site, "snelle-referentie/", None) != changed_css


def test_pdf_round_trip_and_a_miss(tmp_path: Path) -> None:
    cache = BuildCache(tmp_path / "cache")
    printed = tmp_path / "printed.pdf"
    printed.write_bytes(b"%PDF-1.7 test")
    target = tmp_path / "site" / "a" / "sheet.pdf"
    assert not cache.get_pdf("abc", target)
    cache.put_pdf("abc", printed)
    assert cache.get_pdf("abc", target)
    assert target.read_bytes() == b"%PDF-1.7 test"
    assert not cache.get_pdf("other", target.with_name("x.pdf"))
    assert [p.name for p in (tmp_path / "cache" / "pdf").iterdir()] == ["abc.pdf"]


def test_a_cache_that_is_off_never_hits_nor_writes(tmp_path: Path) -> None:
    cache = BuildCache(None)
    printed = tmp_path / "printed.pdf"
    printed.write_bytes(b"%PDF")
    cache.put_pdf("abc", printed)
    assert not cache.get_pdf("abc", tmp_path / "out.pdf")
    assert cache.jinja_bytecode() is None
    assert list(tmp_path.iterdir()) == [printed]


def test_a_cache_folder_that_cannot_be_made_means_no_cache_not_a_crash(tmp_path: Path) -> None:
    blocked = tmp_path / "geen-map"
    blocked.write_text("een bestand waar de cache had moeten staan", "utf-8")
    cache = BuildCache(blocked)
    printed = tmp_path / "printed.pdf"
    printed.write_bytes(b"%PDF")
    cache.put_pdf("abc", printed)
    assert not cache.get_pdf("abc", tmp_path / "out.pdf")
    assert cache.jinja_bytecode() is None
    cache.tidy()


def test_switches_read_dutch_and_english() -> None:
    from handbook.core.switches import switch

    assert switch({"X": "uit"}, "X") is False
    assert switch({"X": " 0 "}, "X") is False
    assert switch({"X": "Ja"}, "X") is True
    assert switch({"X": "true"}, "X") is True
    assert switch({"X": "misschien"}, "X") is None
    assert switch({}, "X") is None


def test_cache_folder_follows_config_and_environment(tmp_path: Path) -> None:
    assert cache_folder(tmp_path, True, ".cache/x", {}) == tmp_path / ".cache/x"
    assert cache_folder(tmp_path, False, ".cache/x", {}) is None
    assert cache_folder(tmp_path, True, ".cache/x", {"HANDBOOK_CACHE": "0"}) is None
    assert cache_folder(tmp_path, True, ".cache/x", {"HANDBOOK_CACHE": "nee"}) is None
    assert cache_folder(tmp_path, True, ".cache/x", {"HANDBOOK_CACHE": "1"}) is not None


def test_prune_keeps_the_most_recently_used(tmp_path: Path) -> None:
    for i in range(5):
        entry = tmp_path / f"{i}.pdf"
        entry.write_bytes(b"x")
        os.utime(entry, ns=(i * 10**9, i * 10**9))
    prune(tmp_path.glob("*.pdf"), 2)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["3.pdf", "4.pdf"]


def test_theme_bytecode_is_reused_and_checks_the_source(tmp_path: Path) -> None:
    from jinja2 import FileSystemLoader

    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "page.html").write_text("Hallo {{ naam }}", "utf-8")
    cache = BuildCache(tmp_path / "cache")

    def render() -> str:
        env = Environment(loader=FileSystemLoader(str(templates)))
        env.bytecode_cache = cache.jinja_bytecode()
        return env.get_template("page.html").render(naam="Vonkel")

    assert render() == "Hallo Vonkel"
    assert len(list((tmp_path / "cache" / "jinja").iterdir())) == 1
    assert render() == "Hallo Vonkel"
    (templates / "page.html").write_text("Dag {{ naam }}", "utf-8")
    assert render() == "Dag Vonkel"  # a changed template is compiled anew


# --- quick fill: the same text Jinja would give, or None ---

VARIABLES = {
    "organisatie": {"naam": "Vonkel", "items": ["a"]},
    "contacten": {"pers": {"email": "pers@vonkel.example", "leeg": None}},
    "getal": 3,
}
ENV = Environment(undefined=StrictUndefined, autoescape=False)


@pytest.mark.parametrize(
    "text",
    [
        "geen placeholders",
        "Mail {{ contacten.pers.email }} of bel.",
        "{{organisatie.naam}} en {{ organisatie.naam }}: {{ getal }}",
        "Leeg: {{ contacten.pers.leeg }}",
        "{ enkele accolade }",
        "Methode: {{ organisatie.items }}",
        "Een YAML-tekst met > eindigt op een newline: {{ organisatie.naam }}\n",
        "Twee newlines aan het eind {{ getal }}\n\n",
        "Regels\n{{ organisatie.naam }}\nen meer\n",
    ],
)
def test_quick_fill_gives_what_jinja_gives(text: str) -> None:
    quick = quick_fill(ENV, text, VARIABLES)
    assert quick is not None
    assert quick == ENV.from_string(text).render(**VARIABLES)


@pytest.mark.parametrize(
    "text",
    [
        "{{ organisatie.naam | upper }}",
        "{{ organisatie['naam'] }}",
        "{% if getal %}ja{% endif %}",
        "{# opmerking #} tekst",
        "{{- organisatie.naam }}",
        "{{ onbekend.naam }}",
        "{{ organisatie.onbekend }}",
        "regel met een carriage return {{ getal }}\r\n",
        "{{ organisatie.naam }",
    ],
)
def test_quick_fill_leaves_everything_else_to_jinja(text: str) -> None:
    assert quick_fill(ENV, text, VARIABLES) is None


def test_render_text_still_reports_unknown_names_through_jinja() -> None:
    assert render_text(ENV, "{{ organisatie.naam | upper }}", VARIABLES) == "VONKEL"
    with pytest.raises(UndefinedError):
        render_text(ENV, "Hallo {{ organisatie.onbekend }}", VARIABLES)


def test_quick_fill_respects_other_delimiters_and_escaping() -> None:
    escaping = Environment(autoescape=True)
    assert quick_fill(escaping, "{{ getal }}", VARIABLES) is None
    other = Environment(variable_start_string="[[", variable_end_string="]]")
    assert quick_fill(other, "{{ getal }}", VARIABLES) is None


# --- compiled pages of mkdocs-macros ---


def _counting_env() -> tuple[Environment, list[str]]:
    env = Environment(undefined=StrictUndefined)
    calls: list[str] = []
    original = env.compile

    def counted(source, *args, **kwargs):
        calls.append(source)
        return original(source, *args, **kwargs)

    env.compile = counted
    return env, calls


def test_pages_are_compiled_once_in_memory_and_on_disk(tmp_path: Path) -> None:
    from handbook.core.cache import cache_compiled_templates

    env, calls = _counting_env()
    memory: dict = {}
    cache_compiled_templates(env, memory, tmp_path)
    page = "# {{ organisatie.naam }}\n\nBel {{ contacten.pers.email }}."
    assert env.from_string(page).render(**VARIABLES) == "# Vonkel\n\nBel pers@vonkel.example."
    assert env.from_string(page).render(**VARIABLES) == "# Vonkel\n\nBel pers@vonkel.example."
    assert calls == [page]  # the second time came from memory
    assert len(list(tmp_path.iterdir())) == 1

    fresh, fresh_calls = _counting_env()  # a new build: new environment, empty memory
    cache_compiled_templates(fresh, {}, tmp_path)
    assert fresh.from_string(page).render(**VARIABLES) == "# Vonkel\n\nBel pers@vonkel.example."
    assert fresh_calls == []  # read from disk

    fresh.filters["nieuw"] = str.upper  # other filters: other compiled code
    cache_compiled_templates(fresh, {}, tmp_path)
    assert fresh.from_string(page).render(**VARIABLES).startswith("# Vonkel")
    assert fresh_calls == [page]


def test_a_broken_page_is_reported_every_time(tmp_path: Path) -> None:
    from handbook.core.cache import cache_compiled_templates
    from jinja2 import TemplateSyntaxError

    env, calls = _counting_env()
    cache_compiled_templates(env, {}, tmp_path)
    for _ in range(2):
        with pytest.raises(TemplateSyntaxError):
            env.from_string("{{ organisatie.naam }")
    assert len(calls) == 2
    assert list(tmp_path.iterdir()) == []


# --- mkdocs serve: quicker polling ---


def test_serve_polls_quicker_for_folders_watched_before_and_after(tmp_path: Path) -> None:
    from handbook.serve import SERVE_POLL_SECONDS, quicker_polling
    from mkdocs.livereload import LiveReloadServer

    (tmp_path / "docs").mkdir()
    (tmp_path / "data").mkdir()
    server = LiveReloadServer(
        builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path / "site")
    )
    try:
        server.watch(str(tmp_path / "docs"))  # MkDocs watches docs/ before on_serve
        assert quicker_polling(server, SERVE_POLL_SECONDS)
        server.watch(str(tmp_path / "data"))  # `watch:` folders come after on_serve
        timeouts = {emitter.timeout for emitter in server.observer.emitters}
        assert timeouts == {SERVE_POLL_SECONDS}
        assert len(server.observer.emitters) == 2
    finally:
        server.server_close()
    assert not quicker_polling(object(), SERVE_POLL_SECONDS)  # unknown server: left alone


def test_write_whole_leaves_nothing_half_written(tmp_path: Path, monkeypatch) -> None:
    from handbook.core import cache as cache_module

    target = tmp_path / "entry"
    write_whole(target, b"eerste")
    assert target.read_bytes() == b"eerste"
    write_whole(tmp_path / "weg" / "entry", b"x")  # folder gone: no error, nothing written
    assert not (tmp_path / "weg").exists()

    def full_disk(src: str, dst: Path) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(cache_module.os, "replace", full_disk)
    write_whole(target, b"tweede")
    assert target.read_bytes() == b"eerste"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["entry"]


def test_a_page_check_is_remembered_only_when_the_page_is_fine(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from handbook.core import frontmatter, validation

    raw = (Path(__file__).parent.parent / "docs" / "crisis.md").read_bytes()
    owner = re.search(rb"^eigenaar: *(\S+)", raw, re.M).group(1).decode()
    checks = []
    real = frontmatter._read_page_source
    monkeypatch.setattr(frontmatter, "_read_page_source", lambda *a: checks.append(a) or real(*a))
    validation.use_folder(tmp_path)
    try:
        validation.forget()
        first = frontmatter.read_page_source("docs/crisis.md", raw, [owner])
        validation.forget()  # a new build: from disk
        again = frontmatter.read_page_source("docs/crisis.md", raw, [owner])
        assert len(checks) == 1
        assert again.meta == first.meta and again.text == first.text and not again.messages
        # Problems are never remembered: reported each time, by the current code.
        for _ in range(2):
            wrong = frontmatter.read_page_source("docs/crisis.md", raw, ["iemand-anders"])
            assert wrong.meta is None and wrong.messages
        assert len(checks) == 3
    finally:
        validation.use_folder(None)
        validation.forget()


def test_a_pdf_the_page_links_to_is_no_part_of_its_key(tmp_path: Path) -> None:
    # The sheet links to its own PDF; printing writes that PDF, which must not change the key.
    site = _site(tmp_path)
    page = site / "snelle-referentie" / "index.html"
    page.write_text(page.read_text("utf-8") + '<a href="blad.pdf">PDF</a>', "utf-8")
    cache = BuildCache(None)
    key = cache.pdf_key(site, "snelle-referentie/", None)
    (site / "snelle-referentie" / "blad.pdf").write_bytes(b"%PDF-1.7 gedrukt")
    assert cache.pdf_key(site, "snelle-referentie/", None) == key


def test_the_pdf_key_of_html_not_yet_written_is_that_of_the_written_page(tmp_path: Path) -> None:
    site = _site(tmp_path)
    cache = BuildCache(None)
    page = site / "snelle-referentie" / "index.html"
    html = page.read_bytes()
    key = cache.pdf_key(site, "snelle-referentie/", None, "https://x.example/")
    page.unlink()
    assert cache.pdf_key(site, "snelle-referentie/", None, "https://x.example/", html=html) == key
    assert cache.pdf_key(site, "snelle-referentie/", None, "https://x.example/", html=b"") != key
