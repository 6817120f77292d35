"""Build a complete, strict site for every sector (and later every brand), in parallel.

``plan_variants`` turns the axes (brands x sectors) into build jobs; ``build_variant`` builds one
job with MkDocs' own build API into a temporary folder and moves it into place only when the
build succeeded; ``run_variants`` runs the jobs on a process pool and reports progress.
Workers are forked from one Python process that already imported MkDocs, so each build reuses
those imports instead of starting a new ``mkdocs`` command.
"""

from __future__ import annotations

import html
import logging
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

INDEX = "index.html"


@dataclass(frozen=True)
class Job:
    """One variant: a sector, optionally for one brand (a data folder such as ``merken/a``)."""

    sector: str
    brand: str | None = None

    @property
    def name(self) -> str:
        """Folder of the variant inside the output folder."""
        return self.sector if self.brand is None else f"{self.brand}/{self.sector}"


@dataclass(frozen=True)
class Result:
    job: Job
    ok: bool
    seconds: float
    error: str = ""


def plan_variants(sectors: Iterable[str], brands: Sequence[str | None] = (None,)) -> list[Job]:
    """Every combination of brand and sector; ``None`` is the brand in ``data/``."""
    return [Job(sector=s, brand=b) for b in brands for s in sectors]


class _Collect(logging.Handler):
    """Keeps the warnings and errors of one build, to name them when it fails."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def _failure(records: list[logging.LogRecord], error: BaseException) -> str:
    errors = [r.getMessage() for r in records if r.levelno >= logging.ERROR]
    warnings = [r.getMessage() for r in records if r.levelno == logging.WARNING]
    if errors:
        return "\n".join(errors)
    if warnings:
        return f"de strikte build stopte op {len(warnings)} waarschuwing(en): " + "\n".join(
            warnings
        )
    return f"onverwachte fout ({type(error).__name__}): {error}"


def publish(built: Path, final: Path) -> None:
    """Swap ``built`` into ``final``; the old output disappears only after the swap."""
    old = None
    if final.exists():
        old = final.with_name(f".{final.name}.oud-{os.getpid()}")
        os.replace(final, old)
    os.replace(built, final)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def build_variant(config_file: str, job: Job, out_dir: str) -> Result:
    """Build one variant strictly; on failure remove the temporary folder and keep the old one."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    start = time.monotonic()
    final = Path(out_dir) / job.name
    final.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{final.name}.nieuw-", dir=final.parent))
    logger = logging.getLogger("mkdocs")
    collect = _Collect()
    logger.addHandler(collect)
    try:
        config = load_config(config_file, site_dir=str(tmp), strict=True)
        plugin = config.plugins["handbook"]
        plugin.config["sector"] = job.sector
        if job.brand is not None:
            plugin.config["data_dir"] = job.brand
        build(config)
    except Exception as error:  # a failing variant must never stop the others
        shutil.rmtree(tmp, ignore_errors=True)
        return Result(job, False, time.monotonic() - start, _failure(collect.records, error))
    finally:
        logger.removeHandler(collect)
    os.chmod(tmp, 0o755)  # mkdtemp makes it private; a published site is readable
    publish(tmp, final)
    return Result(job, True, time.monotonic() - start)


def run_variants(
    config_file: Path,
    jobs: Sequence[Job],
    out_dir: Path,
    workers: int,
    report: Callable[[str], None] = print,
) -> list[Result]:
    """Build every job on ``workers`` processes, reporting each finished variant."""
    # Import MkDocs, the theme and the plugins here once: forked workers inherit them.
    import material  # noqa: F401
    import mkdocs.commands.build  # noqa: F401
    import mkdocs_macros.plugin  # noqa: F401

    from .. import plugin  # noqa: F401

    out_dir.mkdir(parents=True, exist_ok=True)
    workers = max(1, min(workers, len(jobs)))
    report(f"{len(jobs)} variant(en) bouwen met {workers} proces(sen) naar {out_dir} ...")
    results: list[Result] = []
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(build_variant, str(config_file), job, str(out_dir)) for job in jobs]
        for future in as_completed(futures):
            result = future.result()
            results.append(result)
            status = "klaar" if result.ok else "MISLUKT"
            report(
                f"[{len(results)}/{len(jobs)}] {result.job.name}: {status} "
                f"({seconds(result.seconds)})"
            )
    order = {job: i for i, job in enumerate(jobs)}
    return sorted(results, key=lambda r: order[r.job])


def seconds(value: float) -> str:
    return f"{value:.1f} s".replace(".", ",")


def write_index(
    out_dir: Path,
    jobs: Sequence[Job],
    names: dict[str, str],
    descriptions: dict[str, str],
    failed: Iterable[str] = (),
) -> Path:
    """``index.html`` linking every variant that has output; written whole, like the variants."""
    failed = set(failed)
    items = []
    for job in jobs:
        if not (out_dir / job.name / INDEX).is_file():
            continue
        label = html.escape(names.get(job.sector, job.sector))
        if job.brand is not None:
            label = f"{html.escape(job.brand)}: {label}"
        note = (
            " <em>(vorige versie: de laatste build van deze variant is mislukt)</em>"
            if job.name in failed
            else ""
        )
        text = html.escape(descriptions.get(job.sector, ""))
        items.append(
            f'    <li><a href="{html.escape(job.name)}/{INDEX}">{label}</a>{note}<br>{text}</li>'
        )
    page = "\n".join(
        [
            "<!doctype html>",
            '<html lang="nl">',
            "<head>",
            '  <meta charset="utf-8">',
            '  <meta name="viewport" content="width=device-width, initial-scale=1">',
            "  <title>Socialmediabeleid per sector</title>",
            "  <style>body{font-family:system-ui,sans-serif;max-width:44rem;margin:2rem auto;"
            "padding:0 1rem;line-height:1.5;color:#1f1f1f}li{margin-bottom:.8rem}"
            "a{color:#1a3a8f}</style>",
            "</head>",
            "<body>",
            "  <main>",
            "  <h1>Socialmediabeleid per sector</h1>",
            "  <p>Elke versie is een volledig handboek met de regels van één sector.</p>",
            "  <ul>",
            *items,
            "  </ul>",
            "  </main>",
            "</body>",
            "</html>",
            "",
        ]
    )
    target = out_dir / INDEX
    tmp = out_dir / f".{INDEX}.nieuw"
    tmp.write_text(page, encoding="utf-8")
    os.replace(tmp, target)
    return target
