"""Sector files: every one validates, broken ones get exact Dutch messages, and the renderers."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml
from conftest import ROOT
from handbook.core.brand import available_sectors, load_brand
from handbook.core.errors import HandbookError
from handbook.core.schema import schemas
from handbook.outputs.variants import Job, plan_variants
from handbook.sectors.load import MIN_RULES, load_all_sectors, load_sector, section_keys
from handbook.sectors.page import (
    make_sector_macros,
    normalize_url,
    onepager_items,
    section_block,
    sector_page,
)

SECTORS = (
    "technologie",
    "zorg",
    "financiele-dienstverlening",
    "overheid",
    "onderwijs",
    "retail-e-commerce",
    "horeca-food-drinks",
    "energie-industrie",
)


@pytest.fixture(scope="module")
def variables() -> dict:
    return load_brand(ROOT / "data").variables


@pytest.fixture
def data(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    return tmp_path / "data"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(needle)


def errors(data: Path, key: str, variables: dict | None = None) -> list[str]:
    with pytest.raises(HandbookError) as info:
        load_sector(data, key, data.parent, section_keys(ROOT / "docs"), variables)
    return info.value.messages


def test_every_sector_file_validates(variables: dict) -> None:
    assert set(SECTORS) <= set(available_sectors(ROOT / "data"))
    loaded, messages = load_all_sectors(ROOT / "data", ROOT, section_keys(ROOT / "docs"), variables)
    assert messages == []
    for key, sector in loaded.items():
        model = sector.model
        assert len(model.regelgeving) >= 3, key
        assert sum(len(i) for i in model.aanvullingen.values()) >= MIN_RULES, key
        assert model.crisisscenarios, key
        # Placeholders are filled from the brand; none is left for a page to show.
        assert "{{" not in repr(sector.variables), key


def test_sector_files_point_at_their_schema() -> None:
    assert "sector.schema.json" in schemas()
    for path in sorted((ROOT / "data" / "sectoren").glob("*.yml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../../schema/sector.schema.json", path


def test_bills_are_phrased_so_they_stay_true() -> None:
    """A bill's status is a dated status line, never a timeless sentence in the meaning."""
    bills = 0
    for path in sorted((ROOT / "data" / "sectoren").glob("*.yml")):
        for item in yaml.safe_load(path.read_text(encoding="utf-8"))["regelgeving"]:
            meaning = " ".join(item["betekenis"].split())
            assert not re.search(r"\b[Ss]tand\b|verwacht", meaning), (path.name, meaning)
            status = item.get("status")
            if "wetsvoorstel" in item["naam"] or (status and "wetsvoorstel" in status["tekst"]):
                bills += 1
                assert status and isinstance(status["datum"], date), (path.name, item["naam"])
    assert bills == 3  # the Cbw twice (technology, energy) and the new Archiefwet


def test_missing_key_names_file_line_and_key(data: Path) -> None:
    path = data / "sectoren" / "zorg.yml"
    edit(path, "    bron: https://wetten.overheid.nl/jci1.3:c:BWBR0006251&artikel=88\n", "")
    line = line_of(path, "  - naam: Wet op de beroepen")
    assert errors(data, "zorg") == [
        f"data/sectoren/zorg.yml, regel {line}, sleutel 'regelgeving[2].bron': ontbreekt. "
        "Voeg deze sleutel toe."
    ]


def test_bad_kind_and_url(data: Path) -> None:
    path = data / "sectoren" / "zorg.yml"
    edit(
        path, "      soort: dont\n      grondslag: WGBO", "      soort: niet\n      grondslag: WGBO"
    )
    edit(
        path, "bron: https://studylibnl.com/doc/1133181/artsen-en-social-media", "bron: www.knmg.nl"
    )
    soort = line_of(path, "soort: niet")
    bron = line_of(path, "bron: www.knmg.nl")
    messages = errors(data, "zorg")
    assert (
        f"data/sectoren/zorg.yml, regel {bron}, sleutel 'regelgeving[5].bron': 'www.knmg.nl' is "
        "geen geldige webadres. Schrijf het volledig, met https:// ervoor." in messages
    )
    assert any(
        m.startswith(
            f"data/sectoren/zorg.yml, regel {soort}, sleutel "
            "'aanvullingen.vertrouwelijke-informatie[1].soort': "
        )
        for m in messages
    ), messages


def test_unknown_section_lists_valid_keys(data: Path) -> None:
    path = data / "sectoren" / "zorg.yml"
    edit(path, "  privacy:\n", "  privcy:\n")
    (message,) = errors(data, "zorg")
    line = line_of(path, "  privcy:")
    assert message.startswith(
        f"data/sectoren/zorg.yml, regel {line}, sleutel 'aanvullingen.privcy': 'privcy' is geen "
        "bekende beleidssectie. Kies de naam van een pagina: "
    )
    assert "acceptabele-inhoud" in message and "privacy" in message


def test_too_few_rules_and_unknown_basis(data: Path) -> None:
    path = data / "sectoren" / "technologie.yml"
    text = path.read_text(encoding="utf-8")
    for first, after in (
        ("  privacy:\n", "  reageren:\n"),
        ("  acceptabele-inhoud:\n", "  crisis:\n"),
    ):
        start, end = text.index(first), text.index(after)
        text = text[:start] + text[end:]
    path.write_text(text, encoding="utf-8")
    edit(path, "grondslag: Cbw", "grondslag: NIS2")
    messages = errors(data, "technologie")
    assert (
        f"data/sectoren/technologie.yml, regel {line_of(path, 'aanvullingen:')}, sleutel "
        "'aanvullingen': er staan 5 regels voor de sector; er zijn er minstens 6 nodig. Voeg "
        "regels toe onder een beleidssectie." in messages
    )
    assert (
        f"data/sectoren/technologie.yml, regel {line_of(path, 'grondslag: NIS2')}, sleutel "
        "'aanvullingen.crisis[1].grondslag': 'NIS2' staat niet onder 'regelgeving'. Kies een "
        "afkorting uit: CVD, AVG, CRA, Cbw." in messages
    )


def test_bad_placeholder_in_sector_text(data: Path, variables: dict) -> None:
    path = data / "sectoren" / "zorg.yml"
    edit(path, "{{ contacten.privacy.in_zin }}", "{{ contacten.privacyy.in_zin }}")
    (message,) = errors(data, "zorg", variables)
    assert message.startswith(
        f"data/sectoren/zorg.yml, regel {line_of(path, 'privacyy')}, sleutel "
        "'crisisscenarios[1].eerste_stappen[3]': de placeholder klopt niet ("
    )


def test_malformed_sector_yaml(data: Path) -> None:
    path = data / "sectoren" / "onderwijs.yml"
    edit(path, "naam: Onderwijs", "naam: [Onderwijs")
    (message,) = errors(data, "onderwijs")
    assert message.startswith("data/sectoren/onderwijs.yml, regel 4, kolom ")


def test_unknown_sector_lists_the_files(data: Path) -> None:
    edit(data / "organisatie.yml", "sector: technologie", "sector: ruimtevaart")
    with pytest.raises(HandbookError) as info:
        load_brand(data)
    (message,) = info.value.messages
    assert message == (
        "data/organisatie.yml, regel 6, sleutel 'organisatie.sector': 'ruimtevaart' is geen "
        "bekende sector. Kies uit: " + ", ".join(sorted(SECTORS)) + "."
    )


def test_section_block_and_macro(variables: dict) -> None:
    sections = section_keys(ROOT / "docs")
    zorg = load_sector(ROOT / "data", "zorg", ROOT, sections, variables)
    block = section_block(zorg, "acceptabele-inhoud")
    assert block.startswith('\n!!! info handbook-sector "Extra voor de sector Zorg"\n')
    assert "    - Maak op social media geen reclame voor geneesmiddelen" in block
    # A section without additions renders nothing at all: no empty heading.
    assert section_block(zorg, "crisis") == ""
    macro = make_sector_macros(zorg, sections)["sector_regels"]
    assert macro("crisis") == ""
    with pytest.raises(ValueError, match="sector_regels kent de sectie 'crsis' niet; kies de"):
        macro("crsis")


def test_onepager_items(variables: dict) -> None:
    sector = load_sector(ROOT / "data", "zorg", ROOT, None, variables)
    items = onepager_items(sector)
    assert items[0] == {
        "tekst": "Deel niets waaraan een patiënt te herkennen is.",
        "soort": "dont",
        "sectie": "vertrouwelijke-informatie",
    }
    assert all(set(i) == {"tekst", "soort", "sectie"} for i in items)
    assert len(onepager_items(sector, only_core=False)) == 6 > len(items)


def test_sector_page_markdown(variables: dict) -> None:
    sector = load_sector(ROOT / "data", "overheid", ROOT, None, variables)
    page = sector_page(sector, ["index", "reageren"])
    assert "# Regels voor de sector Overheid" in page
    assert "[Wet open overheid](https://wetten.overheid.nl/BWBR0045754/) (Woo)" in page
    assert "### [Reageren](reageren.md)" in page  # a page that exists gets a link
    assert "### Archivering" in page  # one that does not (yet) gets none
    assert "render_macros: false" in page


def test_plan_variants_keeps_a_second_axis_open() -> None:
    assert plan_variants(["zorg", "overheid"]) == [Job("zorg"), Job("overheid")]
    jobs = plan_variants(["zorg"], brands=["merken/a", "merken/b"])
    assert [j.name for j in jobs] == ["merken/a/zorg", "merken/b/zorg"]


def test_normalize_url() -> None:
    assert (
        normalize_url("https://example.org/edit/main/docs/../data/sectoren/zorg.yml")
        == "https://example.org/edit/main/data/sectoren/zorg.yml"
    )
