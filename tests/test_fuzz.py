"""Fuzzing with hypothesis: whatever an editor types into data/ or front matter, the handbook
answers with a Dutch message naming the file (or builds), never with another exception.

Each example changes one data file or one page's front matter: a value replaced by another
type, unicode, a very long text, a date (possible or not), a key removed or added, or the raw
text broken (a ` #`, anchors and aliases, tabs, colons, quotes, bytes that are not UTF-8,
deep nesting). Most examples go straight to the loading and validation functions; a few go
through the real ``handbook check``, which builds the site too.

The examples are derandomized: the same ones every run, so the suite does not flake. Set
``HANDBOOK_FUZZ_RANDOM=1`` for fresh ones when hunting.
"""

from __future__ import annotations

import datetime
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ROOT, VENV_BIN, copy_project
from handbook.core.brand import load_brand
from handbook.core.errors import HandbookError
from handbook.core.frontmatter import front_matter_text, read_page_source
from handbook.quiz.load import load_quiz
from handbook.review.pages import body_start
from handbook.sectors.load import load_sector, section_keys
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

FRESH = os.environ.get("HANDBOOK_FUZZ_RANDOM") == "1"

FAST = settings(
    max_examples=250,
    deadline=None,
    derandomize=not FRESH,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

DATA_FILES = sorted(
    p.relative_to(ROOT).as_posix() for p in (ROOT / "data").rglob("*.yml") if p.is_file()
)
PAGES = sorted(
    p.relative_to(ROOT).as_posix()
    for p in (ROOT / "docs").glob("*.md")
    if front_matter_text(p.read_text(encoding="utf-8")) is not None
)

# Texts an editor may well type; each is a known trap somewhere.
TRICKY_TEXT = [
    "Meld het met #adv, #spon",
    "Teams-kanaal #socialmedia",
    "<script>alert(1)</script>",
    "Let op: dit",
    "{{ organisatie.naam }}",
    "{{ bestaat.niet }}",
    "{% if %}",
    "2027-02-30",
    "2026-13-01",
    "ja",
    "nee",
    "~",
    "*anker",
    "&anker",
    "'",
    '"',
    "- lijst",
    "a\tb",
    "é" * 3,
    "🙂 emoji",
    "\u202e omgekeerd",
    "x" * 5000,
    "1" * 5000,
]

texts = st.one_of(
    st.sampled_from(TRICKY_TEXT),
    st.text(max_size=60),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=100, max_size=2000),
)
scalars = st.one_of(
    texts,
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.none(),
    st.dates(min_value=datetime.date(1, 1, 1)),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=8,
)

# Raw text put into a line of the YAML (after the parser would have been happy).
RAW_INSERTS = [
    " #adv, #spon",
    " # opmerking",
    ": extra",
    "\t",
    '"',
    "'",
    " &a",
    " *a",
    "\n  - ",
    "\nnieuw: [",
    "\n" + "  " * 60 + "diep: 1",
    " [" * 80 + "]" * 80,
    " 2027-02-30",
    " !!python/object:os.system",
    " !!binary aGFsbG8=",
    " ? ",
    "\n---\n",
    "\n...\n",
    " {{ x",
]

ALIAS_BOMB = (
    "a: &a [x, x, x, x, x, x, x, x, x]\n"
    "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
    "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
    "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
    "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
    "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
    "g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]\n"
)


def _paths(value: Any, prefix: tuple = ()) -> list[tuple]:
    """Every key path in ``value`` (dict keys and list indexes), the root included."""
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found += _paths(item, (*prefix, i))
    return found


def _set(value: Any, path: tuple, new: Any) -> Any:
    if not path:
        return new
    head, rest = path[0], path[1:]
    if isinstance(value, dict):
        return {**value, head: _set(value[head], rest, new) if rest else new}
    copy = list(value)
    copy[head] = _set(copy[head], rest, new)
    return copy


def _drop(value: Any, path: tuple) -> Any:
    if not path:
        return value
    if len(path) == 1:
        if isinstance(value, dict):
            return {k: v for k, v in value.items() if k != path[0]}
        return [v for i, v in enumerate(value) if i != path[0]]
    head = path[0]
    if isinstance(value, dict):
        return {**value, head: _drop(value[head], path[1:])}
    copy = list(value)
    copy[head] = _drop(copy[head], path[1:])
    return copy


@st.composite
def mutated_yaml(draw: st.DrawFn, text: str) -> bytes:
    """``text`` (a YAML document) with one or two editor's mistakes in it."""
    data = yaml.safe_load(text)
    kind = draw(st.sampled_from(["replace", "drop", "add", "raw", "raw", "bytes", "bomb", "huge"]))
    if kind in ("replace", "drop", "add"):
        path = draw(st.sampled_from(_paths(data)))
        if kind == "replace":
            data = _set(data, path, draw(values))
        elif kind == "drop":
            data = _drop(data, path)
        else:
            target = data
            for part in path:
                target = target[part]
            if isinstance(target, dict):
                data = _set(data, (*path, draw(st.text(min_size=1, max_size=12))), draw(values))
            elif isinstance(target, list):
                data = _set(data, path, [*target, draw(values)])
        out = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
        return out.encode("utf-8")
    if kind == "bomb":
        return (ALIAS_BOMB + text).encode("utf-8")
    if kind == "huge":
        return (text + "# " + "x" * 1_100_000 + "\n").encode("utf-8")
    lines = text.split("\n")
    line = draw(st.integers(min_value=0, max_value=max(0, len(lines) - 1)))
    if kind == "bytes":
        raw = [s.encode("utf-8") for s in lines]
        raw[line] += draw(st.sampled_from([b"\xff", b"\xe9", b"\xc3", b"\x80\x80", b"\x00"]))
        return b"\n".join(raw)
    insert = draw(st.sampled_from(RAW_INSERTS))
    column = draw(st.integers(min_value=0, max_value=len(lines[line])))
    lines[line] = lines[line][:column] + insert + lines[line][column:]
    return "\n".join(lines).encode("utf-8")


def _assert_dutch(error: HandbookError, allowed_prefixes: tuple[str, ...]) -> None:
    assert error.messages, "a HandbookError without a message"
    for message in error.messages:
        assert message.startswith(allowed_prefixes), message
        assert "Traceback" not in message


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("fuzz"))


@FAST
@given(data=st.data())
def test_fuzz_data_files_load_or_say_why(project: Path, data: st.DataObject) -> None:
    rel = data.draw(st.sampled_from(DATA_FILES), label="file")
    path = project / rel
    original = (ROOT / rel).read_text(encoding="utf-8")
    path.write_bytes(data.draw(mutated_yaml(original), label="content"))
    sections = section_keys(project / "docs")
    try:
        brand = load_brand(project / "data", project)
        if rel.startswith("data/sectoren/"):
            load_sector(project / "data", Path(rel).stem, project, sections, brand.variables)
        if rel == "data/quiz.yml":
            load_quiz(path, project / "docs", brand.variables, rel)
    except HandbookError as error:
        _assert_dutch(error, ("data/",))
    finally:
        path.write_text(original, encoding="utf-8")


@FAST
@given(data=st.data())
def test_fuzz_front_matter_reads_or_says_why(data: st.DataObject) -> None:
    rel = data.draw(st.sampled_from(PAGES), label="page")
    raw = (ROOT / rel).read_text(encoding="utf-8")
    fm = front_matter_text(raw)
    assert fm is not None
    body = "\n".join(raw.splitlines()[body_start(raw) :])
    new = data.draw(mutated_yaml(fm.lstrip("\n")), label="front matter")
    page = b"---\n" + new + b"\n---\n" + body.encode("utf-8")
    contacts = yaml.safe_load((ROOT / "data" / "contacten.yml").read_text(encoding="utf-8"))
    checked = read_page_source(rel, page, contacts)
    for message in checked.messages:
        assert message.startswith(rel), message
    if not checked.messages:
        assert checked.meta is not None
    # What the build reads from the page is text again (valid UTF-8).
    checked.text.encode("utf-8")


@settings(
    max_examples=6,
    deadline=None,
    derandomize=not FRESH,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
@pytest.mark.slow
def test_fuzz_through_check_and_the_build(tmp_path: Path, data: st.DataObject) -> None:
    """The real ``handbook check`` (which runs the strict build): exit 0 or 1, Dutch, quiet."""
    project = tmp_path / "p"
    if project.exists():
        shutil.rmtree(project)
    copy_project(project)
    rel = data.draw(st.sampled_from([*DATA_FILES[:8], *PAGES[:4]]), label="file")
    original = (ROOT / rel).read_text(encoding="utf-8")
    if rel.startswith("docs/"):
        fm = front_matter_text(original) or ""
        body = "\n".join(original.splitlines()[body_start(original) :])
        new = b"---\n" + data.draw(mutated_yaml(fm.lstrip("\n"))) + b"\n---\n" + body.encode()
    else:
        new = data.draw(mutated_yaml(original), label="content")
    (project / rel).write_bytes(new)
    result = subprocess.run(
        [str(VENV_BIN / "handbook"), "--root", str(project), "check", "--vandaag", "2026-09-02"],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode in (0, 1), result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    for line in result.stderr.splitlines():
        assert line.startswith(("FOUT  ", "LET OP  ")) or "fout" in line, line
    # The sources are untouched: the check wrote nothing into docs/ or data/.
    assert (project / rel).read_bytes() == new
