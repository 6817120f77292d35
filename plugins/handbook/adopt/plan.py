"""Adoption as a plan: every file's new text is worked out and checked first, then written.

``make_plan`` turns answers into the new texts (nothing is written), ``apply`` writes them,
``todo`` says in Dutch what the organisation still has to do."""

from __future__ import annotations

import subprocess
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from ..core.errors import HandbookError
from ..core.markers import is_open
from ..core.yamlsrc import Source
from ..review.codeowners import CODEOWNERS_PATH
from . import answers as answers_module
from .write import (
    data_texts,
    issue_template_text,
    mkdocs_text,
    page_texts,
    review_due,
    write_whole,
)

ISSUE_CONFIG = ".github/ISSUE_TEMPLATE/config.yml"


@dataclass
class Plan:
    root: Path
    today: date
    data: dict[str, Any]
    repository: str | None
    files: dict[Path, str] = field(default_factory=dict)
    """Every file adoption writes, with its whole new text."""
    remove: list[Path] = field(default_factory=list)

    @property
    def organisatie(self) -> Mapping[str, Any]:
        return self.data["organisatie"]


def make_plan(
    root: Path,
    answers: Mapping[str, Any],
    today: date,
    source: Source | None = None,
    label: str = "je antwoorden",
) -> Plan:
    """The new texts of every file adoption touches; raises :class:`HandbookError` with every
    problem in the answers (named as the build would name it) before anything is written."""
    data = answers_module.complete(answers, root, today)
    messages = answers_module.check(data, root, source, label)
    if messages:
        raise HandbookError(messages)
    repository = answers.get("repository") or None
    plan = Plan(root=root, today=today, data=data, repository=repository)
    plan.files.update(data_texts(root / "data", data))
    due = review_due(today, str(data["organisatie"]["herzieningscyclus"]))
    plan.files.update(page_texts(root / "docs", today, due))
    mkdocs = root / "mkdocs.yml"
    name = str(data["organisatie"]["naam"])
    site_name = "Socialmediabeleid" if is_open(name) else f"Socialmediabeleid van {name}"
    plan.files[mkdocs] = mkdocs_text(mkdocs.read_text(encoding="utf-8"), site_name, repository)
    issue = root / ISSUE_CONFIG
    intranet = str(data["organisatie"]["intranet_url"])
    if issue.is_file() and not is_open(intranet):
        plan.files[issue] = issue_template_text(issue.read_text(encoding="utf-8"), intranet)
    return plan


def apply(plan: Plan) -> list[Path]:
    """Write the plan (each file whole), then CODEOWNERS from the new owners. Returns what
    changed."""
    written = []
    for path, text in plan.files.items():
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            write_whole(path, text)
            written.append(path)
    owners = _codeowners(plan.root)
    target = plan.root / CODEOWNERS_PATH
    if owners is not None:
        if not target.is_file() or target.read_text(encoding="utf-8") != owners:
            write_whole(target, owners)
            written.append(target)
    elif target.is_file():
        # The example's teams are not the organisation's; without teams there is no file.
        target.unlink()
        written.append(target)
    return written


def _codeowners(root: Path) -> str | None:
    """CODEOWNERS for the new data, or None when no contact has a GitHub team yet."""
    from ..core.brand import load_brand
    from ..review.codeowners import generate_codeowners
    from ..review.pages import read_pages

    brand = load_brand(root / "data", root)
    contacts = brand.variables["contacten"]
    if not any(c.get("github") for c in contacts.values()):
        return None
    pages, _ = read_pages(root, contacts, variables=brand.variables)
    return generate_codeowners(pages, contacts, brand.variables["organisatie"]["beleidseigenaar"])


def adopted_on(root: Path) -> date | None:
    """The day this handbook was made an organisation's own (``in_gebruik_sinds``), if it was."""
    path = root / "data" / "organisatie.yml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        return None
    value = data.get("in_gebruik_sinds") if isinstance(data, dict) else None
    return value if isinstance(value, date) else None


def uncommitted(root: Path) -> list[str]:
    """Files adoption would overwrite that have changes not yet in git (empty without git)."""
    try:
        result = subprocess.run(
            ["git", "status", "--porcelain", "--", "data", "docs", "mkdocs.yml", ".github"],
            cwd=root,
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:
        return []
    if result.returncode != 0:
        return []
    return [line[3:] for line in result.stdout.splitlines() if line.strip()]


def todo(plan: Plan) -> list[str]:
    """What the organisation still has to do, in Dutch, most urgent first."""
    from ..core.brand import load_brand

    brand = load_brand(plan.root / "data", plan.root)
    org = brand.variables["organisatie"]
    items = []
    if brand.open:
        items.append(
            f"Vul {len(brand.open)} gegeven(s) in die nog op 'NOG INVULLEN' staan; 'make check' "
            "noemt ze met bestand en regel. Tot dan stopt 'make build'."
        )
    contacts = brand.variables["contacten"]
    teams = sorted({c["github"] for c in contacts.values() if c.get("github")})
    owners = answers_module.page_owners(plan.root / "docs")
    without = [key for key in owners if not contacts.get(key, {}).get("github")]
    if teams:
        items.append(
            "Maak op GitHub deze teams aan en geef ze schrijfrechten op de repository: "
            + ", ".join(teams)
            + "."
        )
        if without:
            items.append(
                "Deze eigenaars van pagina's hebben nog geen GitHub-team (github in "
                f"data/contacten.yml): {', '.join(without)}. Vul het in en voer 'make "
                "codeowners' uit; tot dan meldt 'make check' het."
            )
    else:
        items.append(
            "Zet bij de contacten in data/contacten.yml hun GitHub-team (github: "
            "\"@organisatie/team\") en voer 'make codeowners' uit: dan vraagt GitHub de eigenaar "
            "van een pagina om een review."
        )
    if not plan.repository:
        items.append(
            "Zet het adres van jullie repository in mkdocs.yml (edit_uri en repository_url), of "
            "voer 'make nieuw' opnieuw uit en geef het adres op: dan krijgt elke pagina een "
            "knop om haar te bewerken."
        )
    intranet = org["intranet_url"]
    if not is_open(intranet):
        items.append(
            f"Zet site_url in mkdocs.yml op {intranet} en publiceer de map site/ daar (README: "
            "Publiceren)."
        )
    if org.get("ondernemingsraad") and not org.get("instemming_or"):
        items.append(
            "Leg het beleid voor aan de ondernemingsraad en zet de datum van de instemming bij "
            "instemming_or in data/organisatie.yml."
        )
    items.append(
        "Leg alles vast in git (git add -A && git commit): het logboek op de pagina "
        "Wijzigingen begint bij die commit."
    )
    return items
