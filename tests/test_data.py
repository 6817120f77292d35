"""Loading and validating brand data: every bad input gets its exact Dutch message."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest
import yaml
from handbook.core.brand import load_brand
from handbook.core.dates import Datum
from handbook.core.errors import HandbookError
from handbook.core.frontmatter import check_page, front_matter_text
from handbook.core.models.fields import duration_minutes

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def data(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    return tmp_path / "data"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def messages(data: Path) -> list[str]:
    with pytest.raises(HandbookError) as info:
        load_brand(data)
    return info.value.messages


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(needle)


def test_example_brand_is_valid() -> None:
    brand = load_brand(ROOT / "data")
    org = brand.variables["organisatie"]
    assert org["naam"] == "Vonkel"
    assert isinstance(org["ingangsdatum"], Datum)
    assert str(org["ingangsdatum"]) == "1 september 2026"
    # Placeholders inside data values are filled from the same data.
    assert "Vonkel" in brand.variables["crisis"]["wachtberichten"][0]["tekst"]


def test_malformed_yaml(data: Path) -> None:
    path = data / "slas.yml"
    edit(path, "kantoortijden: maandag", "kantoortijden: maandag: tot")
    line = line_of(path, "kantoortijden:")
    assert messages(data) == [
        f"data/slas.yml, regel {line}, kolom 23: hier staat een dubbele punt die YAML niet "
        'verwacht; zet tekst met een dubbele punt tussen aanhalingstekens ("..."). Herstel de '
        "opmaak en bouw opnieuw."
    ]


def test_missing_required_key(data: Path) -> None:
    path = data / "organisatie.yml"
    edit(path, "juridische_naam: Vonkel Software B.V.\n", "")
    assert messages(data) == [
        "data/organisatie.yml, regel 4, sleutel 'organisatie.juridische_naam': ontbreekt. "
        "Voeg deze sleutel toe."
    ]


def test_wrong_type(data: Path) -> None:
    path = data / "crisis.yml"
    edit(path, "niveau: 2", "niveau: twee")
    line = line_of(path, "niveau: twee")
    assert messages(data) == [
        f"data/crisis.yml, regel {line}, sleutel 'crisis.niveaus[2].niveau': moet een heel "
        "getal zijn."
    ]


def test_invalid_email_url_and_duration(data: Path) -> None:
    edit(data / "contacten.yml", "email: legal@vonkel.example", "email: legal@")
    edit(data / "kanalen.yml", "url: https://bsky.app/profile/vonkel.example", "url: bsky.app")
    edit(data / "slas.yml", "eerste_reactie_crisis: 30 minuten", "eerste_reactie_crisis: snel")
    assert messages(data) == [
        f"data/contacten.yml, regel {line_of(data / 'contacten.yml', 'legal@')}, sleutel "
        "'contacten.juridisch.email': 'legal@' is geen geldig e-mailadres. Schrijf het als "
        "naam@voorbeeld.nl.",
        f"data/slas.yml, regel {line_of(data / 'slas.yml', 'snel')}, sleutel "
        "'slas.eerste_reactie_crisis': 'snel' is geen geldige termijn. Schrijf een getal en een "
        "eenheid, zoals '30 minuten', '4 uur', '1 werkdag', '2 dagen' of '12 maanden'.",
        f"data/kanalen.yml, regel {line_of(data / 'kanalen.yml', 'url: bsky.app')}, sleutel "
        "'kanalen[4].url': 'bsky.app' is geen geldige webadres. Schrijf het volledig, met "
        "https:// ervoor.",
    ]


def test_unknown_contact_reference(data: Path) -> None:
    path = data / "goedkeuring.yml"
    edit(path, "goedkeurder: communicatie", "goedkeurder: privasy")
    line = line_of(path, "privasy")
    (msg,) = messages(data)
    assert msg.startswith(
        f"data/goedkeuring.yml, regel {line}, sleutel 'goedkeuring[6].goedkeurder': 'privasy' is "
        "geen bekend contact. Kies een sleutel uit data/contacten.yml: communicatie, crisisteam,"
    )


def test_unknown_key_is_reported(data: Path) -> None:
    edit(data / "organisatie.yml", "website:", "webiste:")
    msgs = messages(data)
    assert (
        "data/organisatie.yml, regel 7, sleutel 'organisatie.webiste': is een onbekende "
        "sleutel. Controleer de spelling of haal hem weg." in msgs
    )
    assert (
        "data/organisatie.yml, regel 4, sleutel 'organisatie.website': ontbreekt. Voeg deze "
        "sleutel toe." in msgs
    )


def test_duplicate_key(data: Path) -> None:
    path = data / "organisatie.yml"
    path.write_text(path.read_text(encoding="utf-8") + "naam: Vonkel BV\n", encoding="utf-8")
    (msg,) = messages(data)
    assert msg.startswith("data/organisatie.yml, regel ")
    assert "de sleutel 'naam' staat er twee keer (eerder op regel 4). Houd er één over." in msg


def test_missing_file(data: Path) -> None:
    (data / "kanalen.yml").unlink()
    assert messages(data) == [
        "data/kanalen.yml: het bestand ontbreekt. Maak het aan (zie CONTRIBUTING.md) of herstel "
        "de naam."
    ]


def test_unknown_sector(data: Path) -> None:
    edit(data / "organisatie.yml", "sector: technologie", "sector: ruimtevaart")
    (msg,) = messages(data)
    assert msg.startswith(
        "data/organisatie.yml, regel 6, sleutel 'organisatie.sector': 'ruimtevaart' is geen "
        "bekende sector. Kies uit: "
    )
    assert "technologie" in msg and "zorg" in msg


def test_missing_required_contact(data: Path) -> None:
    path = data / "contacten.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index("it_security:")
    path.write_text(text[:start], encoding="utf-8")
    assert messages(data) == [
        "data/contacten.yml: het contact 'it_security' ontbreekt. Elke organisatie heeft deze "
        "rollen nodig: social_media_team, woordvoerder, crisisteam, juridisch, hr, privacy, "
        "it_security."
    ]


def test_bad_placeholder_in_data(data: Path) -> None:
    edit(data / "crisis.yml", "{{ organisatie.naam }}", "{{ organisatie.nam }}")
    (msg,) = messages(data)
    assert msg.startswith("data/crisis.yml, regel ")
    assert "sleutel 'crisis.wachtberichten[1].tekst': de placeholder klopt niet" in msg


def test_durations() -> None:
    assert duration_minutes("30 minuten") == 30
    assert duration_minutes("1 werkdag") == 480
    with pytest.raises(ValueError):
        duration_minutes("een uur")


PAGE = """---
eigenaar: {owner}
laatst_beoordeeld: 2026-09-01
herzien_voor: {due}
dos:
  - Wees eerlijk.
donts:
  - Lieg niet.
---

# Titel
"""


def test_page_front_matter_valid() -> None:
    meta, problems = check_page("docs/x.md", PAGE.format(owner="hr", due="2027-01-01"), ["hr"])
    assert problems == []
    assert meta is not None and meta.dos[0].tekst == "Wees eerlijk."


def test_page_front_matter_errors() -> None:
    _, problems = check_page("docs/x.md", PAGE.format(owner="hr", due="morgen"), ["hr"])
    assert problems == [
        "docs/x.md, regel 4, sleutel 'herzien_voor': moet een datum zijn in de vorm JJJJ-MM-DD, "
        "zoals 2026-03-01."
    ]
    _, problems = check_page("docs/x.md", PAGE.format(owner="baas", due="2027-01-01"), ["hr"])
    assert problems == [
        "docs/x.md, regel 2, sleutel 'eigenaar': 'baas' is geen bekend contact. Kies een sleutel "
        "uit data/contacten.yml: hr."
    ]
    _, problems = check_page("docs/x.md", "# Geen front matter\n", ["hr"])
    assert problems[0].startswith("docs/x.md: de pagina heeft geen front matter.")


def _as_json(value: object) -> object:
    """YAML data as an editor's YAML extension hands it to the JSON Schema (dates as text)."""
    return json.loads(json.dumps(value, default=str))


@pytest.mark.parametrize(
    ("schema", "pattern"),
    [("pagina", "docs/*.md"), ("sector", "data/sectoren/*.yml")],
)
def test_every_file_fits_the_schema_editors_get(schema: str, pattern: str) -> None:
    """The schema in schema/ accepts what the build accepts (a do may be plain text)."""
    validator = jsonschema.Draft202012Validator(
        json.loads((ROOT / "schema" / f"{schema}.schema.json").read_text("utf-8"))
    )
    files = sorted(ROOT.glob(pattern))
    assert files
    for path in files:
        text = path.read_text("utf-8")
        if path.suffix == ".md":
            text = front_matter_text(text) or ""
        data = _as_json(yaml.safe_load(text))
        problems = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]
        assert problems == [], path.name
    # And it still rejects what the build rejects.
    assert list(validator.iter_errors({})), schema
