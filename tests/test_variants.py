"""`handbook variants`: every sector built strictly in parallel, written whole, with an index."""

from __future__ import annotations

import hashlib
import html
import os
import re
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT, VENV_BIN, copy_project, linkcheck
from handbook.core.brand import available_sectors, load_brand
from handbook.sectors.load import load_sector

pytestmark = pytest.mark.slow

# Pages in docs/ that call sector_regels(...) for their own section.
PAGES_WITH_RULES = ("acceptabele-inhoud", "reageren", "crisis")


def handbook(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(VENV_BIN / "handbook"), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


def text_of(path: Path) -> str:
    """The visible text of a page's article, unescaped and with single spaces."""
    raw = path.read_text(encoding="utf-8")
    body = raw[raw.find("<article") : raw.find("</article>")]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


def flat(value: str) -> str:
    return " ".join(value.split())


@pytest.fixture(scope="module")
def sectors() -> dict:
    variables = load_brand(ROOT / "data").variables
    return {
        key: load_sector(ROOT / "data", key, ROOT, None, variables).variables
        for key in available_sectors(ROOT / "data")
    }


@pytest.fixture(scope="module")
def variants(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess]:
    """All variants of the repository, built once for this module (in parallel)."""
    out = tmp_path_factory.mktemp("variants")
    result = handbook("variants", "--out", str(out), cwd=ROOT)
    return out, result


def test_every_variant_builds(variants, sectors: dict) -> None:
    out, result = variants
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    count = len(sectors)
    assert f"{count} variant(en) bouwen met " in result.stdout
    assert f"[{count}/{count}] " in result.stdout
    assert f"{count} van {count} variant(en) gebouwd" in result.stdout
    for key in sectors:
        assert (out / key / "index.html").is_file(), key
        assert (out / key / "sector" / "index.html").is_file(), key
    # Nothing temporary is left behind.
    assert [p.name for p in out.iterdir() if p.name.startswith(".")] == []


def test_each_variant_has_its_own_rules_only(variants, sectors: dict) -> None:
    out, _ = variants
    for key, sector in sectors.items():
        page = text_of(out / key / "sector" / "index.html")
        assert f"Regels voor de sector {sector['naam']}" in page, key
        for law in sector["regelgeving"]:
            assert flat(law["naam"]) in page, (key, law["naam"])
        for items in sector["aanvullingen"].values():
            for item in items:
                assert flat(item["regel"]) in page, (key, item["regel"])
                assert flat(item["tekst"]) in page, (key, item["tekst"])
        for scenario in sector["crisisscenarios"]:
            assert flat(scenario["titel"]) in page, key
        links = (out / key / "sector" / "index.html").read_text(encoding="utf-8")
        for law in sector["regelgeving"]:
            assert f'href="{html.escape(law["bron"])}"' in links, (key, law["bron"])
        # The additions appear on the pages where they belong, and only there.
        for section in PAGES_WITH_RULES:
            text = text_of(out / key / section / "index.html")
            additions = sector["aanvullingen"].get(section, [])
            assert (f"Extra voor de sector {sector['naam']}" in text) == bool(additions), (
                key,
                section,
            )
            for item in additions:
                assert flat(item["regel"]) in text, (key, section)
        # No text of any other sector shows up anywhere in this variant.
        everything = " ".join(text_of(p) for p in (out / key).rglob("index.html"))
        for other, data in sectors.items():
            if other == key:
                continue
            assert f"Regels voor de sector {data['naam']}" not in everything, (key, other)
            for items in data["aanvullingen"].values():
                for item in items:
                    assert flat(item["regel"]) not in everything, (key, other, item["regel"])


def test_index_links_resolve(variants, sectors: dict, tmp_path: Path) -> None:
    out, _ = variants
    index = (out / "index.html").read_text(encoding="utf-8")
    for key, sector in sectors.items():
        assert f'<a href="{key}/index.html">{html.escape(sector["naam"])}</a>' in index
    # Anchors are checked by every strict build (validation.anchors); here linkchecker checks
    # the links between the variants and the index themselves.
    result = linkcheck(out, tmp_path, anchors=False, verbose=True)
    url = result.url
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 errors found" in result.stdout or "no errors" in result.stdout.lower()
    # linkchecker went into every variant, not just the index.
    for key in sectors:
        assert f"{url}{key}/sector/" in result.stdout, key


def _digest(folder: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            h.update(path.relative_to(folder).as_posix().encode() + path.read_bytes())
    return h.hexdigest()


def test_broken_variant_fails_alone_and_keeps_its_previous_output(variants, tmp_path: Path):
    good, _ = variants
    project = copy_project(tmp_path / "project")
    out = tmp_path / "out"
    out.mkdir()
    # The previous output of both variants, as an earlier run left it.
    for key in ("technologie", "zorg"):
        subprocess.run(["cp", "-a", str(good / key), str(out / key)], check=True)
    before_zorg = _digest(out / "zorg")
    before_tech = (out / "technologie").stat().st_ino
    path = project / "data" / "sectoren" / "zorg.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  privacy:\n", "  privcy:\n", 1), encoding="utf-8")
    line = text.splitlines().index("  privacy:") + 1

    result = handbook("variants", "--out", str(out), "--only", "technologie,zorg", cwd=project)

    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert "zorg: MISLUKT" in result.stdout
    assert "technologie: klaar" in result.stdout
    assert "1 van 2 variant(en) gebouwd" in result.stdout
    assert "Variant 'zorg' is mislukt:\nHet handboek kan niet gebouwd worden: 1 probleem." in (
        result.stderr
    )
    assert (
        f"data/sectoren/zorg.yml, regel {line}, sleutel 'aanvullingen.privcy': 'privcy' is geen "
        "bekende beleidssectie." in result.stderr
    )
    assert result.stderr.rstrip().endswith(
        "1 variant(en) mislukt: zorg. De vorige versie daarvan is blijven staan."
    )
    # The failed variant kept its previous output untouched; the other one was rebuilt.
    assert _digest(out / "zorg") == before_zorg
    assert (out / "technologie").stat().st_ino != before_tech  # replaced by the new build
    assert (out / "technologie" / "sector" / "index.html").is_file()
    assert sorted(p.name for p in out.iterdir()) == ["index.html", "technologie", "zorg"]
    index = (out / "index.html").read_text(encoding="utf-8")
    assert '<a href="zorg/index.html">Zorg</a> <em>(vorige versie' in index


def test_unknown_sector_in_only(tmp_path: Path) -> None:
    result = handbook("variants", "--out", str(tmp_path), "--only", "zorg,ruimtevaart", cwd=ROOT)
    assert result.returncode == 2
    assert result.stderr.startswith("Onbekende sector(en): ruimtevaart. Kies uit: ")
    assert list(tmp_path.iterdir()) == []
