"""The printable sheets in real builds and in Debian's Chromium: one A4 page, budget, PDFs."""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT, VENV_BIN, build, copy_project, mkdocs
from handbook.cli import main
from handbook.core.brand import load_brand
from handbook.decision.page import PAGE_URI as AID_PAGE
from handbook.sectors.load import load_sector
from handbook.sectors.page import onepager_items
from handbook.sheets import crisiskaart
from handbook.sheets.items import SheetItem, collect_sections, fill, nav_pages, sheet_items
from handbook.sheets.layout import Usage, plain, usage
from handbook.sheets.onepager import PDF_NAME, aid_line
from mkdocs.config import load_config
from pypdf import PdfReader

A4_POINTS = (595.3, 841.9)

# Realistic rules of different lengths (one to three printed lines).
SAMPLES = [
    "Zeg erbij dat je bij {{ organisatie.naam }} werkt als je over onze producten schrijft.",
    "Vraag toestemming voordat je een foto of video van een collega of klant plaatst.",
    "Gebruik een sterk wachtwoord en tweestapsverificatie op elk account dat je voor je werk "
    "gebruikt.",
    "Meld een gehackt account, phishing of een nepaccount direct bij IT-security.",
    "Deel geen vertrouwelijke informatie over klanten, cijfers, plannen of collega's.",
    "Controleer of een tekst die je met AI hebt gemaakt klopt voordat je hem deelt.",
    "Noem bij een betaalde samenwerking altijd duidelijk dat het om reclame gaat.",
    "Plaats geen persoonsgegevens van klanten in een openbare reactie, ook niet als ze er zelf "
    "om vragen.",
    "Wees eerlijk en vriendelijk.",
    "Zet ingeplande berichten op pauze.",
]


def _without_pdf(project: Path) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "\n  - handbook:\n" in text
    config.write_text(
        text.replace("\n  - handbook:\n", "\n  - handbook:\n      pdf: false\n"), encoding="utf-8"
    )


def _base_items(project: Path) -> tuple[list[SheetItem], dict]:
    """The sheet's items as the plugin sees them for this project (same functions)."""
    config = load_config(str(project / "mkdocs.yml"))
    pages = [
        (title, uri, (project / "docs" / uri).read_text(encoding="utf-8"))
        for title, uri in nav_pages(config.nav)
        if (project / "docs" / uri).is_file()
    ]
    brand = load_brand(project / "data")
    variables = brand.variables
    sector = load_sector(project / "data", brand.models["organisatie"].sector, project)
    sections = collect_sections(pages)
    return sheet_items(sections, variables, onepager_items(sector)), variables


def _aid(variables: dict) -> str:
    """The line to the decision aid, as the plugin puts it on the sheet."""
    return aid_line(variables, AID_PAGE)


def _as_items(texts: list[str], variables: dict) -> list[SheetItem]:
    return [
        SheetItem(fill(t, variables), "do" if i % 2 == 0 else "dont", "x")
        for i, t in enumerate(texts)
    ]


def _fill_to_limit(project: Path) -> tuple[list[str], str]:
    """Extra kern rules that bring the sheet exactly to its budget, and one rule too many."""
    base, variables = _base_items(project)

    def lines(texts: list[str]) -> Usage:
        return usage(base + _as_items(texts, variables), variables, wide_text=_aid(variables))

    extra: list[str] = []
    index = 0
    while lines([*extra, SAMPLES[index % len(SAMPLES)]]).fits:
        extra.append(SAMPLES[index % len(SAMPLES)])
        index += 1
    for _ in range(60):  # use the last line: add a short rule, or swap one for a longer rule
        if lines(extra).lines == lines(extra).maximum:
            break
        for text in sorted(SAMPLES, key=len):
            if lines([*extra, text]).fits:
                extra.append(text)
                break
        else:
            swaps = (
                [*extra[:i], text, *extra[i + 1 :]]
                for i in range(len(extra))
                for text in SAMPLES
                if len(text) > len(extra[i])
            )
            bigger = next((s for s in swaps if lines(s).fits), None)
            if bigger is None:
                break
            extra = bigger
    used = lines(extra)
    assert used.lines == used.maximum, used
    one_more = next(t for t in SAMPLES if not lines([*extra, t]).fits)
    return extra, one_more


def _add_rules_page(project: Path, texts: list[str]) -> None:
    def block(chosen: list[str]) -> str:
        # A page needs at least one do and one don't; an empty side gets one off the sheet.
        rows = [f'  - "{t}"\n' for t in chosen] or ['  - { tekst: "Voor de test.", kern: false }\n']
        return "".join(rows)

    dos = [t for i, t in enumerate(texts) if i % 2 == 0]
    donts = [t for i, t in enumerate(texts) if i % 2 == 1]
    (project / "docs" / "extra-regels.md").write_text(
        "---\neigenaar: communicatie\nlaatst_beoordeeld: 2026-09-01\nherzien_voor: 2027-09-01\n"
        f"dos:\n{block(dos)}donts:\n{block(donts)}---\n\n# Extra regels\n\nVoor de test.\n",
        encoding="utf-8",
    )
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "\n  - Afdrukken:\n" in text
    config.write_text(
        text.replace("\n  - Afdrukken:\n", "\n  - Extra regels: extra-regels.md\n  - Afdrukken:\n"),
        encoding="utf-8",
    )


def _print(page, url: str) -> PdfReader:
    page.goto(url, wait_until="load")
    page.emulate_media(media="print")
    return PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True, print_background=True)))


def _one_a4(pdf: PdfReader, what: str) -> str:
    assert len(pdf.pages) == 1, f"{what}: {len(pdf.pages)} pagina's"
    box = pdf.pages[0].mediabox
    assert abs(float(box.width) - A4_POINTS[0]) < 2 and abs(float(box.height) - A4_POINTS[1]) < 2
    return _norm(pdf.pages[0].extract_text())


def _norm(text: str) -> str:
    # PDF text breaks a long word after its hyphen ("IT-" / "security"): join it again.
    return re.sub(r"(?<=\w)- (?=\w)", "-", " ".join(text.split()))


# --- the repository's own site --------------------------------------------------------------


@pytest.mark.browser
def test_sheet_prints_on_one_a4_with_every_kern_rule(page, site_url: str) -> None:
    items, variables = _base_items(ROOT)
    assert items
    text = _one_a4(_print(page, site_url + "snelle-referentie/"), "snelle referentie")
    for item in items:
        assert _norm(plain(item.tekst)) in text, item.tekst
    org = variables["organisatie"]
    assert f"versie {org['beleidsversie']}" in text
    assert org["intranet_url"] in text
    assert "Afdrukken" not in text and "Download PDF" not in text  # no screen controls in print


@pytest.mark.browser
@pytest.mark.parametrize("url", ["snelle-referentie/", "crisiskaart/"])
def test_printed_text_is_at_least_9_points(page, site_url: str, url: str) -> None:
    page.goto(site_url + url, wait_until="load")
    page.emulate_media(media="print")
    sizes = page.evaluate(
        """() => [...document.querySelectorAll('.handbook-sheet *')]
            .filter(e => e.offsetParent !== null && [...e.childNodes].some(
                n => n.nodeType === 3 && n.textContent.trim()))
            .map(e => [e.tagName + '.' + e.className, parseFloat(getComputedStyle(e).fontSize)])"""
    )
    assert sizes
    small = [(tag, px * 0.75) for tag, px in sizes if px * 0.75 < 9 - 0.01]
    assert small == []


@pytest.mark.browser
def test_crisis_card_prints_on_one_a4(page, site_url: str) -> None:
    v = load_brand(ROOT / "data").variables
    text = _one_a4(_print(page, site_url + "crisiskaart/"), "crisiskaart")
    for step in v["crisis"]["eerste_stappen"][:5]:
        assert _norm(step) in text
    for level in v["crisis"]["niveaus"]:
        assert f"{level['niveau']}. {level['naam']}" in text
    for person in v["crisis"]["team"]:
        assert person["naam"] in text and person["telefoon"] in text
    assert v["contacten"]["crisisteam"]["telefoon"] in text
    assert f"binnen {v['slas']['eerste_reactie_crisis']}" in text
    assert v["contacten"][v["slas"]["datalek"]["melden_bij"]]["email"] in text
    assert _norm(v["crisis"]["wachtberichten"][0]["tekst"]) in text


@pytest.mark.browser
@pytest.mark.parametrize("url", ["snelle-referentie/", "crisiskaart/"])
def test_shipped_pdf_is_one_page_with_brand_and_version(
    site_dir: Path, chromium_path: str, url: str
) -> None:
    name = PDF_NAME if url.startswith("snelle") else crisiskaart.PDF_NAME
    path = site_dir / url / name
    assert path.is_file(), f"{path} ontbreekt"
    text = _one_a4(PdfReader(path), name)
    org = load_brand(ROOT / "data").variables["organisatie"]
    assert org["naam"] in text
    assert f"versie {org['beleidsversie']}" in text
    html = (site_dir / url / "index.html").read_text(encoding="utf-8")
    assert f'href="{name}" download' in html
    assert ">Download PDF<" in html and "window.print()" in html


def _pdf_links(path: Path) -> list[str]:
    """The web addresses a PDF links to (tel: and mailto: left out)."""
    links = []
    for page in PdfReader(path).pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if action is not None and "/URI" in action:
                links.append(str(action["/URI"]))
    return [link for link in links if link.startswith(("http://", "https://"))]


@pytest.mark.browser
@pytest.mark.parametrize(
    ("url", "page"), [("snelle-referentie/", "mag-ik-dit-posten/"), ("crisiskaart/", "crisis/")]
)
def test_links_in_the_shipped_pdf_point_to_the_intranet(
    site_dir: Path, chromium_path: str, url: str, page: str
) -> None:
    name = PDF_NAME if url.startswith("snelle") else crisiskaart.PDF_NAME
    intranet = str(load_brand(ROOT / "data").variables["organisatie"]["intranet_url"])
    links = _pdf_links(site_dir / url / name)
    # The sheet's link to another page of the handbook, at the handbook's own address.
    assert intranet.rstrip("/") + "/" + page in links, links
    assert not [link for link in links if not link.startswith(intranet)], links


def test_crisis_page_links_to_the_card(site_dir: Path) -> None:
    html = (site_dir / "crisis" / "index.html").read_text(encoding="utf-8")
    assert 'href="../crisiskaart/"' in html


# --- budget, proven in the browser ----------------------------------------------------------


@pytest.mark.browser
def test_sheet_exactly_at_the_budget_still_prints_on_one_page(tmp_path: Path, page) -> None:
    project = copy_project(tmp_path / "project")
    _without_pdf(project)
    extra, _ = _fill_to_limit(project)
    _add_rules_page(project, extra)
    out = tmp_path / "site"
    result = build(project, out)
    assert result.returncode == 0, result.stdout + result.stderr
    from handbook.outputs.chromium import serve_directory

    with serve_directory(out) as url:
        text = _one_a4(_print(page, url + "snelle-referentie/"), "snelle referentie op de grens")
    items, _ = _base_items(project)
    assert len(items) >= 30
    for item in items:
        assert _norm(plain(item.tekst)) in text, item.tekst


@pytest.mark.slow
def test_one_rule_over_the_budget_stops_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    _without_pdf(project)
    extra, one_more = _fill_to_limit(project)
    _add_rules_page(project, [*extra, one_more])
    base, variables = _base_items(project)
    used = usage(base, variables, wide_text=_aid(variables))
    assert not used.fits
    result = build(project, tmp_path / "site")
    assert result.returncode == 1
    assert (
        f"De snelle referentie past niet meer op één A4: {used.lines} regels, maximaal "
        f"{used.maximum}; kort regels in of markeer minder regels als kern (kern: false) in de "
        "front matter van de pagina's." in result.stderr
    )
    assert "Traceback" not in result.stderr


def _add_team(project: Path, count: int) -> None:
    path = project / "data" / "crisis.yml"
    text = path.read_text(encoding="utf-8").rstrip("\n") + "\n"
    for number in range(count):
        text += (
            f"  - naam: Reservelid {number + 1}\n    functie: piketdienst communicatie\n"
            f"    telefoon: +31 6 9000 {number:04d}\n"
        )
    path.write_text(text, encoding="utf-8")


def _team_at_limit() -> int:
    variables = load_brand(ROOT / "data").variables
    team = variables["crisis"]["team"]
    count = 0
    while True:
        team.append(
            {
                "naam": "Reservelid 1",
                "functie": "piketdienst communicatie",
                "telefoon": "+31 6 9000 0000",
            }
        )
        if not crisiskaart.usage(variables).fits:
            return count
        count += 1


@pytest.mark.browser
def test_crisis_card_at_its_budget_prints_on_one_page(tmp_path: Path, page) -> None:
    project = copy_project(tmp_path / "project")
    _without_pdf(project)
    _add_team(project, _team_at_limit())
    out = tmp_path / "site"
    result = build(project, out)
    assert result.returncode == 0, result.stdout + result.stderr
    from handbook.outputs.chromium import serve_directory

    with serve_directory(out) as url:
        text = _one_a4(_print(page, url + "crisiskaart/"), "crisiskaart op de grens")
    assert "Reservelid" in text


@pytest.mark.slow
def test_crisis_card_over_its_budget_stops_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    _without_pdf(project)
    _add_team(project, _team_at_limit() + 1)
    result = build(project, tmp_path / "site")
    assert result.returncode == 1
    assert "De crisiskaart past niet meer op één A4: " in result.stderr
    assert "noem minder mensen onder 'team'." in result.stderr


# --- without Chromium, and the CLI ------------------------------------------------------------


@pytest.mark.slow
def test_build_without_chromium_passes_and_points_to_print(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HANDBOOK_CHROMIUM", str(tmp_path / "geen-chromium"))
    out = tmp_path / "site"
    result = build(ROOT, out, pdf=True)  # with PDF on: Chromium is what is missing
    assert result.returncode == 0, result.stderr
    assert "INFO    -  handbook: Chromium ontbreekt: de snelle referentie en de crisiskaart" in (
        result.stderr
    )
    assert not (out / "snelle-referentie" / PDF_NAME).exists()
    html = (out / "snelle-referentie" / "index.html").read_text(encoding="utf-8")
    assert "Download PDF" not in html
    assert "Deze versie van de site heeft geen PDF" in html and "window.print()" in html


@pytest.mark.browser
def test_cli_prints_the_pdfs_of_a_built_site(tmp_path: Path, chromium_path: str) -> None:
    project = copy_project(tmp_path / "project")
    _without_pdf(project)
    result = mkdocs("build", "--strict", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "PDF staat uit (pdf: false)" in result.stderr
    # In its own process: Playwright allows one sync session per thread (the browser fixture).
    cli = subprocess.run(
        [str(VENV_BIN / "handbook"), "--root", str(project), "pdf"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert cli.returncode == 0, cli.stderr
    assert "geschreven: " in cli.stdout
    intranet = str(load_brand(project / "data").variables["organisatie"]["intranet_url"])
    for url, name in (("snelle-referentie", PDF_NAME), ("crisiskaart", "crisiskaart.pdf")):
        assert len(PdfReader(project / "site" / url / name).pages) == 1
        links = _pdf_links(project / "site" / url / name)
        assert links and all(link.startswith(intranet) for link in links), links


def test_cli_pdf_without_a_built_site_says_what_to_do(tmp_path: Path, capsys) -> None:
    assert main(["--root", str(tmp_path), "pdf"]) == 1
    err = capsys.readouterr().err
    assert "bevat geen gebouwde pagina snelle-referentie/, crisiskaart/" in err
    assert "Bouw eerst de site met 'make build'" in err


def _files_of(site: Path) -> dict[str, bytes]:
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


@pytest.mark.browser
def test_unchanged_sheets_come_from_the_cache_and_changed_ones_are_printed(
    tmp_path: Path, chromium_path: str
) -> None:
    project = copy_project(tmp_path / "project")
    out = tmp_path / "site"
    # A fresh clone: nothing cached, so the sheets are built first and printed while the
    # other pages are built (sheets/early.py).
    first = mkdocs("build", "--strict", "-v", "--site-dir", str(out), cwd=project)
    assert first.returncode == 0, first.stdout + first.stderr
    assert first.stderr.count("PDF geschreven:") == 2, first.stderr
    assert "gedrukt terwijl de andere pagina's gebouwd werden" in first.stderr, first.stderr
    printed = (out / "snelle-referentie" / PDF_NAME).read_bytes()
    assert (project / ".cache" / "plugin" / "handbook" / "pdf").is_dir()
    before = _files_of(out)

    again = build(project, out, pdf=True)
    assert again.returncode == 0, again.stdout + again.stderr
    assert again.stderr.count("PDF ongewijzigd, uit de cache:") == 2, again.stderr
    assert (out / "snelle-referentie" / PDF_NAME).read_bytes() == printed
    # Built in MkDocs' own order this time: the same site, byte for byte (sitemap and search
    # index list the pages in the same order).
    after = _files_of(out)
    assert sorted(after) == sorted(before)
    assert [name for name in before if before[name] != after[name]] == []

    data = project / "data" / "organisatie.yml"
    data.write_text(
        data.read_text(encoding="utf-8").replace("naam: Vonkel", "naam: Vonkel Nieuw", 1),
        encoding="utf-8",
    )
    changed = build(project, out, pdf=True)
    assert changed.returncode == 0, changed.stdout + changed.stderr
    assert changed.stderr.count("PDF geschreven:") == 2, changed.stderr
    text = _one_a4(PdfReader(out / "snelle-referentie" / PDF_NAME), "na wijziging")
    assert "Vonkel Nieuw" in text

    off = mkdocs(
        "build", "--strict", "--site-dir", str(out), cwd=project, env={"HANDBOOK_CACHE": "0"}
    )
    assert off.returncode == 0, off.stdout + off.stderr
    assert off.stderr.count("PDF geschreven:") == 2, off.stderr


def test_the_sheet_reads_the_checked_pages_as_it_would_read_the_files() -> None:
    """The build takes each page's do's and don'ts from the page check's reading (no second
    read or parse per page); that gives exactly the sections reading the files gives."""
    from handbook.pagecheck import read_pages
    from handbook.sheets.site import nav_sections
    from mkdocs.structure.files import get_files

    config = load_config(str(ROOT / "mkdocs.yml"))
    plugin = config.plugins["handbook"]
    plugin.on_startup(command="build", dirty=False)
    config = plugin.on_config(config) or config
    files = get_files(config)
    checked = read_pages(files, config, plugin.prepared)
    from_files = nav_sections(files, config.nav)
    assert len(from_files) >= 30
    assert nav_sections(files, config.nav, checked) == from_files
