"""Adding generated pages to a build: one rule for every page the plugin makes."""

from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files


def add_page(files: Files, config, src_uri: str, content: str, edit_uri: str | None = None) -> File:
    """Add a generated Markdown page; an editor's page at the same path is an error.

    Nothing is written into ``docs/``: MkDocs keeps the content in memory.
    """
    existing = files.get_file_from_path(src_uri)
    if existing is not None:
        if existing.generated_by is None:
            raise PluginError(
                f"docs/{src_uri}: deze pagina maakt het handboek zelf aan. Verwijder of hernoem "
                "je eigen bestand met die naam."
            )
        files.remove(existing)
    file = File.generated(config, src_uri, content=content)
    if edit_uri is not None:
        file.edit_uri = edit_uri
    files.append(file)
    return file


def stand_in(title: str) -> str:
    """A generated page's content when the data it is made from did not load.

    The page is still added, so the menu and links to it stay whole while the build goes on to
    report every problem; the build then stops, so this text is never published.
    """
    return f"---\nrender_macros: false\n---\n\n# {title}\n"
