"""The job summary of a pull request's preview: which pages changed and where the site is.

Plain functions; ``handbook voorbeeld`` feeds them ``git diff --name-only`` output.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterable
from pathlib import Path


def changed_files(root: Path, base: str) -> list[str]:
    """Files changed on this branch since it left ``base`` (``git diff base...HEAD``)."""
    result = subprocess.run(
        ["git", "diff", "--name-only", f"{base}...HEAD"],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(
            f"git kon de wijzigingen ten opzichte van '{base}' niet bepalen "
            f"({result.stderr.strip()}). Is de volledige geschiedenis opgehaald "
            "(fetch-depth: 0)?"
        )
    return [line for line in result.stdout.splitlines() if line.strip()]


def classify(paths: Iterable[str], docs: str = "docs") -> tuple[list[tuple[str, str]], list[str]]:
    """(page file, preview file) for changed pages, and the other changed files."""
    pages: list[tuple[str, str]] = []
    other: list[str] = []
    for path in sorted(set(paths)):
        parts = path.split("/")
        if (
            parts[0] == docs
            and path.endswith(".md")
            and len(parts) > 1
            and parts[1] not in ("overrides", "stylesheets")
        ):
            # The preview is built with --no-directory-urls: crisis.md -> crisis.html.
            pages.append((path, "/".join(parts[1:]).removesuffix(".md") + ".html"))
        else:
            other.append(path)
    return pages, other


def summary_markdown(
    paths: Iterable[str],
    artifact_name: str,
    artifact_url: str | None = None,
    run_url: str | None = None,
    docs: str = "docs",
) -> str:
    """Markdown for ``$GITHUB_STEP_SUMMARY``: where the preview is and what changed."""
    pages, other = classify(paths, docs)
    where = f"[{artifact_name}]({artifact_url})" if artifact_url else f"`{artifact_name}`"
    lines = [
        "## Voorbeeld van het handboek",
        "",
        f"De site met de wijzigingen van deze pull request staat klaar als artefact {where}.",
        "Download het zip-bestand"
        + (f" (onderaan [deze run]({run_url}), bij *Artifacts*)" if run_url else "")
        + ", pak het uit en open `index.html` in je browser. Zoeken werkt alleen op de "
        "echte site; alle andere onderdelen kun je zo bekijken.",
        "",
        "### Gewijzigde pagina's",
        "",
    ]
    if pages:
        lines += [f"- `{path}` → open `{html}` in het voorbeeld" for path, html in pages]
    else:
        lines.append("Geen pagina's in `docs/` gewijzigd.")
    data = [p for p in other if p.startswith("data/")]
    if data:
        lines += [
            "",
            "### Gewijzigde gegevens",
            "",
            "Deze gegevens kunnen op meerdere pagina's staan. Kijk de pagina's na die ze "
            "gebruiken (zoek op de naam van de sleutel).",
            "",
            *[f"- `{p}`" for p in data],
        ]
    rest = [p for p in other if not p.startswith("data/")]
    if rest:
        lines += ["", "### Overige bestanden", "", *[f"- `{p}`" for p in rest]]
    return "\n".join(lines) + "\n"
