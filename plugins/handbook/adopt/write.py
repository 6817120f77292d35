"""Write the organisation's handbook in place: the data files, the pages' review dates,
``mkdocs.yml`` and CODEOWNERS. Only where adoption must write; every other byte stays.

Each file is written whole (a temporary file, then a rename), after everything was checked."""

from __future__ import annotations

import calendar
import os
import re
import tempfile
from collections.abc import Mapping
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

from ..core.keys import BRAND_STEMS

_HEADER_FALLBACK = "# yaml-language-server: $schema=../schema/{stem}.schema.json\n"

_REVIEW_LINE = re.compile(r"^(laatst_beoordeeld|herzien_voor)([ \t]*:[ \t]*)([^\s#]+)", re.M)

_DURATION = re.compile(r"^(\d+) (dag|dagen|week|weken|maand|maanden|jaar)$")


def write_whole(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` at once: a crash leaves the old file, never half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        os.replace(name, path)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise


def add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def review_due(today: date, cycle: str) -> date:
    """One review cycle (``12 maanden``, ``1 jaar``, ``26 weken``) after ``today``."""
    match = _DURATION.match(cycle.strip())
    if not match:
        return add_months(today, 12)
    count, unit = int(match[1]), match[2]
    if unit in ("maand", "maanden"):
        return add_months(today, count)
    if unit == "jaar":
        return add_months(today, 12 * count)
    if unit in ("week", "weken"):
        return today + timedelta(weeks=count)
    return today + timedelta(days=count)


def header(path: Path, stem: str) -> str:
    """The comment lines at the top of an existing data file (kept when it is rewritten)."""
    if not path.is_file():
        return _HEADER_FALLBACK.format(stem=stem)
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines(keepends=True):
        if not line.startswith("#"):
            break
        lines.append(line)
    return "".join(lines) or _HEADER_FALLBACK.format(stem=stem)


class _Dumper(yaml.SafeDumper):
    """Plain YAML for editors: the same date twice is written twice, never as &id001/*id001."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def dump(data: Any) -> str:
    return yaml.dump(
        data,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        width=96,
        default_flow_style=False,
    )


def data_texts(data_dir: Path, data: Mapping[str, Any]) -> dict[Path, str]:
    """The new text of every brand data file, with its old header comments."""
    return {
        data_dir / f"{stem}.yml": header(data_dir / f"{stem}.yml", stem) + dump(data[stem])
        for stem in BRAND_STEMS
    }


def with_review_dates(text: str, reviewed: date, due: date) -> str:
    """A page with ``laatst_beoordeeld`` and ``herzien_voor`` set in its front matter only."""
    if not text.startswith("---"):
        return text
    end = text.find("\n---", 3)
    if end == -1:
        return text
    values = {"laatst_beoordeeld": reviewed.isoformat(), "herzien_voor": due.isoformat()}
    front = _REVIEW_LINE.sub(lambda m: m[1] + m[2] + values[m[1]], text[:end])
    return front + text[end:]


def page_texts(docs_dir: Path, reviewed: date, due: date) -> dict[Path, str]:
    """Pages whose review dates change, with their new text (the rest byte for byte)."""
    changed = {}
    for path in sorted(docs_dir.rglob("*.md")):
        if "overrides" in path.relative_to(docs_dir).parts:
            continue
        old = path.read_text(encoding="utf-8")
        new = with_review_dates(old, reviewed, due)
        if new != old:
            changed[path] = new
    return changed


def _scalar(value: str) -> str:
    """A YAML scalar for one line of mkdocs.yml, quoted only when it must be."""
    return yaml.safe_dump(value, allow_unicode=True, width=1000).removesuffix("\n...\n").strip()


def mkdocs_text(text: str, site_name: str, repository: str | None) -> str:
    """mkdocs.yml with the new site name, and edit and repository links for ``repository``
    (without one, no edit links: the example's repository is not the organisation's)."""
    text = re.sub(r"(?m)^site_name:.*$", f"site_name: {_scalar(site_name)}", text, count=1)
    if repository:
        repo = repository.rstrip("/")
        edit = f"edit_uri: {_scalar(repo + '/edit/main/docs/')}"
        text = re.sub(r"(?m)^edit_uri:.*$", edit, text, count=1)
        text = re.sub(
            r"(?m)^(\s+)repository_url:.*$",
            lambda m: f"{m[1]}repository_url: {_scalar(repo)}",
            text,
        )
    else:
        text = re.sub(r"(?m)^edit_uri:.*$", 'edit_uri: ""', text, count=1)
        text = re.sub(r"(?m)^(\s+)repository_url:.*\n", "", text)
    return text


def issue_template_text(text: str, intranet_url: str) -> str:
    """The contact link of the issue forms pointing at the organisation's intranet site."""
    base = intranet_url.rstrip("/") + "/"
    return re.sub(r"(?m)^(\s+url:\s*)https?://\S+?/contacten/\s*$", rf"\g<1>{base}contacten/", text)
