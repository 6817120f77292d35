"""Validated data is remembered: an unchanged handbook builds without importing pydantic."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import build, copy_project
from handbook.core import validation
from handbook.core.dates import Datum
from handbook.core.frontmatter import page_meta
from handbook.core.validation import Invalid, Record, as_dicts, plain, replace, validated

ORGANISATIE = {
    "naam": "Testmerk",
    "juridische_naam": "Testmerk B.V.",
    "sector": "zorg",
    "website": "https://www.testmerk.example",
    "intranet_url": "https://intranet.testmerk.example/beleid",
    "beleidsversie": "1.0",
    "ingangsdatum": "2026-03-01",
    "herzieningscyclus": "12 maanden",
    "beleidseigenaar": "social_media_team",
}

# Builds the handbook in this process, then reports which libraries it imported.
_BUILD_AND_REPORT = """
import sys
from mkdocs.__main__ import cli
try:
    cli(["build", "--strict", "-q", "--site-dir", sys.argv[1]])
except SystemExit as end:
    if end.code:
        raise
print("pydantic" if "pydantic" in sys.modules else "zonder pydantic")
print("email_validator" if "email_validator" in sys.modules else "zonder email_validator")
"""


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Path]:
    """A fresh disk folder and empty memory; restored afterwards."""
    folder = tmp_path / "validated"
    folder.mkdir()
    validation.forget()
    validation.use_folder(folder)
    yield folder
    validation.use_folder(None)
    validation.forget()


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Records every real validation (a cache miss)."""
    seen: list[str] = []
    real = validation._validate

    def counting(kind: str, data: object) -> object:
        seen.append(kind)
        return real(kind, data)

    monkeypatch.setattr(validation, "_validate", counting)
    return seen


def test_a_result_is_remembered_in_memory_and_on_disk(store: Path, calls: list[str]) -> None:
    first = validated("organisatie", ORGANISATIE)
    assert calls == ["organisatie"]
    assert validated("organisatie", dict(ORGANISATIE)) is first  # memory
    validation.forget()
    from_disk = validated("organisatie", dict(ORGANISATIE))
    assert calls == ["organisatie"]  # not validated again
    assert from_disk == first
    assert len(list(store.glob("*.pickle"))) == 1
    assert isinstance(from_disk.ingangsdatum, Datum)
    assert str(from_disk.ingangsdatum) == "1 maart 2026"


def test_changed_data_is_validated_again(store: Path, calls: list[str]) -> None:
    validated("organisatie", ORGANISATIE)
    changed = validated("organisatie", {**ORGANISATIE, "naam": "Ander merk"})
    assert changed.naam == "Ander merk"
    assert calls == ["organisatie", "organisatie"]
    # The same values with another type are other data (1 is not "1").
    with pytest.raises(Invalid):
        validated("organisatie", {**ORGANISATIE, "beleidsversie": 1.0})


def test_invalid_data_is_never_remembered(store: Path, calls: list[str]) -> None:
    wrong = {**ORGANISATIE, "website": "geen adres"}
    for _ in range(2):
        with pytest.raises(Invalid) as error:
            validated("organisatie", wrong)
        assert error.value.errors[0]["loc"] == ("website",)
    assert calls == ["organisatie", "organisatie"]
    assert list(store.iterdir()) == []


def test_other_code_misses(store: Path, calls: list[str], monkeypatch) -> None:
    validated("organisatie", ORGANISATIE)
    validation.forget()
    monkeypatch.setattr(validation, "_fingerprint", "andere code")
    validated("organisatie", ORGANISATIE)
    assert calls == ["organisatie", "organisatie"]


def test_the_fingerprint_covers_the_code_and_the_libraries() -> None:
    assert validation.fingerprint() == validation.fingerprint()
    assert "version.py" in validation._library_version("pydantic")
    assert validation._library_version("geen_bestaande_bibliotheek") == (
        "geen_bestaande_bibliotheek -"
    )


def test_a_broken_entry_is_validated_again(store: Path, calls: list[str]) -> None:
    validated("organisatie", ORGANISATIE)
    (entry,) = store.glob("*.pickle")
    entry.write_bytes(b"half geschreven")
    validation.forget()
    assert validated("organisatie", ORGANISATIE).naam == "Testmerk"
    assert calls == ["organisatie", "organisatie"]
    with entry.open("rb") as handle:  # written anew, whole
        assert pickle.load(handle).naam == "Testmerk"


@pytest.mark.parametrize(
    "garbage",
    [
        b"",
        b"\x80\x05\x95\xff\xff\xff\xff\xff\xff\xff\x7f",  # a frame longer than memory
        b"\x80\x05\x8e\xff\xff\xff\xff\xff\xff\xff\x7f",  # bytes longer than memory
        b"\x80\x04cnergens\nRecord\n.",  # a class from code that no longer exists
        bytes(range(256)),
    ],
)
def test_any_garbage_in_an_entry_means_validate_again(
    store: Path, calls: list[str], garbage: bytes
) -> None:
    validated("organisatie", ORGANISATIE)
    (entry,) = store.glob("*.pickle")
    entry.write_bytes(garbage)
    validation.forget()
    assert validated("organisatie", ORGANISATIE).naam == "Testmerk"
    assert calls == ["organisatie", "organisatie"]


def test_without_a_folder_only_memory(calls: list[str], tmp_path: Path) -> None:
    validation.forget()
    validation.use_folder(None)
    validated("organisatie", ORGANISATIE)
    validated("organisatie", ORGANISATIE)
    assert calls == ["organisatie"]
    validation.forget()


def test_data_that_cannot_be_pickled_is_validated_each_time(calls: list[str]) -> None:
    data = {**ORGANISATIE, "naam": "Testmerk", "extra": lambda: None}
    for _ in range(2):
        with pytest.raises(Invalid):
            validated("organisatie", data)
    assert calls == ["organisatie", "organisatie"]


def test_records_keep_the_models_fields_and_extras() -> None:
    meta = page_meta(
        {
            "title": "Privacy",
            "eigenaar": "privacy",
            "laatst_beoordeeld": "2026-01-05",
            "herzien_voor": "2026-12-31",
            "dos": ["Vraag toestemming", {"tekst": "Meld een lek", "kern": False}],
            "donts": ["Deel geen klantgegevens"],
        }
    )
    assert isinstance(meta, Record)
    assert list(vars(meta)) == [
        "eigenaar",
        "laatst_beoordeeld",
        "herzien_voor",
        "dos",
        "donts",
        "trefwoorden",
        "title",
    ]
    assert [(i.tekst, i.kern) for i in meta.dos] == [
        ("Vraag toestemming", True),
        ("Meld een lek", False),
    ]
    assert isinstance(meta.herzien_voor, Datum)
    assert as_dicts(meta)["donts"] == [
        {"tekst": "Deel geen klantgegevens", "kern": True, "als": None}
    ]
    assert replace(meta, eigenaar="hr").eigenaar == "hr"
    assert meta.eigenaar == "privacy"
    assert plain(("a", [1])) == ("a", [1])


def _build_in_process(project: Path, out: Path) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-c", _BUILD_AND_REPORT, str(out)],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "HANDBOOK_PDF": "0"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout.split()


def test_an_unchanged_handbook_builds_without_pydantic(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    # The first build validates (and fills .cache/plugin/handbook/validated/).
    assert _build_in_process(project, tmp_path / "site1") == ["pydantic", "email_validator"]
    assert list((project / ".cache/plugin/handbook/validated").glob("*.pickle"))
    # Nothing changed: every result comes from the cache.
    assert _build_in_process(project, tmp_path / "site2") == [
        "zonder",
        "pydantic",
        "zonder",
        "email_validator",
    ]
    # Same site either way.
    for page in ("index.html", "privacy/index.html", "quiz/index.html", "sector/index.html"):
        first = (tmp_path / "site1" / page).read_text("utf-8")
        assert (tmp_path / "site2" / page).read_text("utf-8") == first, page
    # One page's front matter changes: only that is validated again, with pydantic.
    page = project / "docs" / "privacy.md"
    page.write_text(
        page.read_text("utf-8").replace("dos:\n", "dos:\n  - Een nieuwe regel\n", 1), "utf-8"
    )
    assert _build_in_process(project, tmp_path / "site3")[0] == "pydantic"
    assert "Een nieuwe regel" in (tmp_path / "site3" / "privacy/index.html").read_text("utf-8")


def test_an_error_after_a_good_build_is_still_reported(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    assert build(project, tmp_path / "site").returncode == 0
    path = project / "data" / "organisatie.yml"
    path.write_text(
        path.read_text("utf-8").replace("beleidsversie:", "beleidsversie: x\noud:", 1), "utf-8"
    )
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "data/organisatie.yml, regel" in result.stderr
    assert "sleutel 'organisatie.oud'" in result.stderr
