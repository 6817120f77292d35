"""The offline build: the whole site as one zip that works when opened from a file share.

Same ``mkdocs.yml`` as the normal site; for this build only: Material's ``offline`` plugin,
``use_directory_urls: false``, no ``site_url`` (no links back to a server), and the worker shim
that search needs on ``file://`` served from the site itself instead of from unpkg.com.
"""

from __future__ import annotations

import re
import tempfile
import unicodedata
import zipfile
from datetime import date
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File

from .sitebuild import add_plugin, build_site

VENDOR = Path(__file__).parent.parent / "vendor"

SHIM_URI = "assets/javascripts/iframe-worker-shim.js"

README_NAME = "LEESMIJ.txt"


def slug(text: str) -> str:
    """``'Socialmediabeleid'`` -> ``'socialmediabeleid'`` (ASCII, for file names)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9.]+", "-", ascii_text.lower()).strip("-")


def package_name(brand: str, site_name: str, version: str, effective: date) -> str:
    """``vonkel-socialmediabeleid-2.0-2026-09-01``: brand, title, policy version and date."""
    return f"{slug(brand)}-{slug(site_name)}-{version}-{effective.isoformat()}"


class _LocalShim(BasePlugin):
    """Ships the vendored iframe-worker shim (Material's offline plugin would load unpkg.com)."""

    def on_files(self, files, *, config):
        shim = VENDOR / Path(SHIM_URI).name
        files.append(File.generated(config, SHIM_URI, abs_src_path=str(shim)))
        return files


def _offline_adjust(config: MkDocsConfig) -> None:
    from material.plugins.offline.plugin import OfflinePlugin

    # Material's offline plugin adds unpkg's shim unless a polyfill named iframe-worker exists.
    polyfills = [p for p in config.extra.get("polyfills", []) if "iframe-worker" not in str(p)]
    config.extra["polyfills"] = [*polyfills, SHIM_URI]
    config.site_url = None
    add_plugin(config, "handbook-offline-shim", _LocalShim())
    add_plugin(config, "material/offline", OfflinePlugin())


def readme_text(brand: str, version: str, effective: str) -> str:
    return (
        f"Socialmediabeleid van {brand}, versie {version}, geldig vanaf {effective}.\n\n"
        "Zo open je het handboek: pak dit zip-bestand uit (bijvoorbeeld op een netwerkschijf)\n"
        "en open daarna index.html in je browser. Je hebt geen internet of webserver nodig;\n"
        "ook zoeken werkt.\n"
    )


def build_offline(root: Path, out_dir: Path) -> Path:
    """Build the offline site and pack it as ``out_dir/<name>.zip``; returns the zip's path."""
    with tempfile.TemporaryDirectory(prefix="handbook-offline-") as tmp:
        site = Path(tmp) / "site"
        config = build_site(
            root / "mkdocs.yml", site, adjust=_offline_adjust, use_directory_urls=False
        )
        organisation = config.plugins["handbook"].brand.models["organisatie"]
        name = package_name(
            organisation.naam,
            config.site_name,
            organisation.beleidsversie,
            organisation.ingangsdatum,
        )
        (site / README_NAME).write_text(
            readme_text(
                organisation.naam, organisation.beleidsversie, str(organisation.ingangsdatum)
            ),
            encoding="utf-8",
        )
        out_dir.mkdir(parents=True, exist_ok=True)
        target = out_dir / f"{name}.zip"
        partial = target.with_suffix(".zip.tmp")
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(site.rglob("*")):
                # The sitemap lists server URLs; a copy on a file share has none.
                if path.is_file() and not path.name.startswith("sitemap.xml"):
                    archive.write(path, f"{name}/{path.relative_to(site).as_posix()}")
        partial.replace(target)
    return target
