"""Build a project once and keep each page's final Markdown: the input of the baseline build.

Run as ``python -m bench.capture MKDOCS_YML DEST``. The capture runs in ``on_page_markdown`` at
the lowest priority, after the handbook plugin and macros have done their work; the page's own
front matter is kept as written, so the baseline parses the same YAML.
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.plugins import BasePlugin, event_priority

FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n.*?\n(?:\.{3}|-{3})[ \t]*\n", re.S)


class CapturePlugin(BasePlugin):
    def __init__(self, dest: Path) -> None:
        super().__init__()
        self.dest = dest

    @event_priority(-1000)
    def on_page_markdown(self, markdown: str, *, page, config, files) -> None:
        raw = page.file.content_string
        match = FRONT_MATTER.match(raw)
        head = match.group(0) + "\n" if match else ""
        target = self.dest / page.file.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(head + markdown, encoding="utf-8")


def main(config_file: str, dest: str) -> int:
    with tempfile.TemporaryDirectory(prefix="bench-capture-") as site:
        config = load_config(config_file, site_dir=site, strict=True)
        config.plugins["bench-capture"] = CapturePlugin(Path(dest))
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
