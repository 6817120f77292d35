"""The synthetic handbook: a copy of the project with N generated pages in parts and chapters."""

from __future__ import annotations

import posixpath
import shutil
from pathlib import Path, PurePosixPath

import yaml

from .lib import ROOT, commit_all, node_drop, node_get, read_config, write_config

_TEXT = (
    "je plaatst een bericht over je werk en denkt eerst na over wie het leest en wat het met "
    "klanten collega's en de organisatie doet als het verkeerd valt of rondgaat"
)


_WORDS = _TEXT.split()


def _sentence(seed: int, length: int = 14) -> str:
    words = [_WORDS[(seed * 7 + i * 3) % len(_WORDS)] for i in range(length)]
    return " ".join(words).capitalize() + "."


PAGES_PER_CHAPTER = 25


CHAPTERS_PER_PART = 5


def synthetic_path(number: int, nested: bool = True) -> PurePosixPath:
    """Where page ``number`` sits in the synthetic handbook, relative to ``docs/``.

    Nested (the default), pages come in chapters of 25 and chapters in parts of 5, as a real
    handbook of hundreds of pages is organised (``deel-01/hoofdstuk-02/pagina-030.md``).
    Flat, every 25 pages make one top-level section (``deel-02/pagina-030.md``).
    """
    chapter = number // PAGES_PER_CHAPTER
    name = f"pagina-{number:03d}.md"
    if not nested:
        return PurePosixPath(f"deel-{chapter + 1:02d}", name)
    part = chapter // CHAPTERS_PER_PART
    return PurePosixPath(f"deel-{part + 1:02d}", f"hoofdstuk-{chapter + 1:02d}", name)


def synthetic_page(number: int, total: int, contacts: list[str], nested: bool = True) -> str:
    """One policy page with valid front matter, placeholders, a table, a box and links."""
    owner = contacts[number % len(contacts)]
    # Only the first pages put items on the one-pager, so its budget holds at any size.
    kern = "" if number < 2 else "\n    kern: false"
    prev_link = ""
    if number > 0:
        here = synthetic_path(number, nested).parent
        target = posixpath.relpath(synthetic_path(number - 1, nested).as_posix(), here.as_posix())
        prev_link = f"[vorige pagina]({target})"
    macro = "\n{{ contacten_tabel('" + owner + "') }}\n" if number % 10 == 0 else ""
    body = "\n\n".join(_sentence(number * 5 + i) for i in range(4))
    return f"""---
eigenaar: {owner}
laatst_beoordeeld: 2026-09-01
herzien_voor: 2027-09-01
dos:
  - tekst: Vraag {{{{ contacten.{owner}.rol }}}} als je twijfelt over onderwerp {number}.{kern}
donts:
  - tekst: Deel geen interne zaken van {{{{ organisatie.naam }}}} over onderwerp {number}.{kern}
---

# Onderwerp {number} bij {{{{ organisatie.naam }}}}

{body}

## Wat je doet

- {_sentence(number + 1, 8)}
- {_sentence(number + 2, 9)}
- Neem contact op met {{{{ contacten.{owner}.naam }}}} ({{{{ contacten.{owner}.email }}}}).

| Situatie | Wat je doet |
| --- | --- |
| Een vraag | {_sentence(number + 3, 6)} |
| Een klacht | {_sentence(number + 4, 6)} |

!!! tip "Tip"
    {_sentence(number + 5, 10)}
{macro}
## Meer lezen

{prev_link or "Dit is de eerste pagina."} Het beleid geldt sinds {{{{ organisatie.ingangsdatum }}}}.
"""


SYNTHETIC_INDEX = """---
eigenaar: communicatie
laatst_beoordeeld: 2026-09-01
herzien_voor: 2027-09-01
dos:
  - Lees dit beleid voordat je namens {{ organisatie.naam }} iets plaatst.
donts:
  - Ga er niet van uit dat een besloten groep privé blijft.
---

# Synthetisch handboek van {{ organisatie.naam }}

Dit handboek maakt de benchmark zelf aan: {pages} pagina's in hoofdstukken van 25.
"""


def make_synthetic(dest: Path, pages: int, root: Path = ROOT, nested: bool = True) -> Path:
    """A handbook with ``pages`` generated policy pages, the project's data, theme and config.

    Pages sit in chapters of 25, and chapters in parts of 5; with ``nested=False`` every 25
    pages are one top-level section (see ``synthetic_path``). The navigation is MkDocs'
    automatic one. The handbook is committed to a new git repository, so page dates and the
    changelog come from git as in a real clone.
    """
    config = read_config(root / "mkdocs.yml")
    docs_node = node_get(config, "docs_dir")
    docs_name = str(docs_node.value) if isinstance(docs_node, yaml.ScalarNode) else "docs"
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copytree(root / "data", dest / "data")
    _point_data_at_index(dest / "data")
    docs = dest / docs_name
    shutil.copytree(
        root / docs_name, docs, ignore=lambda folder, names: [n for n in names if n.endswith(".md")]
    )
    for key in ("nav", "watch"):
        node_drop(config, key)
    write_config(config, dest / "mkdocs.yml")
    contacts = list(yaml.safe_load((root / "data" / "contacten.yml").read_text("utf-8")))
    (docs / "index.md").write_text(SYNTHETIC_INDEX.replace("{pages}", str(pages)), "utf-8")
    for number in range(pages):
        path = docs / synthetic_path(number, nested)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(synthetic_page(number, pages, contacts, nested), "utf-8")
    return commit_all(dest, f"Synthetisch handboek met {pages} pagina's")


def _point_data_at_index(data: Path) -> None:
    """Sector rules and examples, quiz questions and the decision aid's outcomes name policy
    pages; the synthetic handbook has other pages, so they all point at its home page (the data
    stays valid and as large as the real one)."""
    quiz = data / "quiz.yml"
    if quiz.is_file():
        content = yaml.safe_load(quiz.read_text("utf-8"))
        for question in content.get("vragen", []):
            question["pagina"] = "index"
        quiz.write_text(yaml.safe_dump(content, allow_unicode=True, sort_keys=False), "utf-8")
    aid = data / "beslishulp.yml"
    if aid.is_file():
        content = yaml.safe_load(aid.read_text("utf-8"))
        for outcome in content.get("uitkomsten", {}).values():
            outcome["pagina"] = "index"
        aid.write_text(yaml.safe_dump(content, allow_unicode=True, sort_keys=False), "utf-8")
    for sector in sorted((data / "sectoren").glob("*.yml")):
        content = yaml.safe_load(sector.read_text("utf-8"))
        rules = [rule for items in content.get("aanvullingen", {}).values() for rule in items]
        content["aanvullingen"] = {"index": rules}
        examples = [text for items in content.get("voorbeelden", {}).values() for text in items]
        if examples:
            content["voorbeelden"] = {"index": examples}
        for question in content.get("quiz", []):
            question["pagina"] = "index"
        sector.write_text(yaml.safe_dump(content, allow_unicode=True, sort_keys=False), "utf-8")
