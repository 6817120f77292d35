"""A local web server that compresses like a real one (gzip), for page weight and Lighthouse."""

from __future__ import annotations

import contextlib
import gzip
import http.server
import mimetypes
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

from handbook.outputs.chromium import serve_directory

COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml")


GZIP_LEVEL = 6


def compressible(content_type: str) -> bool:
    return content_type.startswith(COMPRESSIBLE) or content_type.endswith(("+json", "+xml"))


class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files; text types gzip'ed (level 6) when the client accepts it, like nginx."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not urllib.parse.urlsplit(self.path).path.endswith("/"):
                self.send_response(301)
                self.send_header("Location", urllib.parse.urlsplit(self.path).path + "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            path = path / "index.html"
        if not path.is_file():
            self.send_error(404)
            return
        body = path.read_bytes()
        ctype = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if ctype.startswith("text/") or ctype == "application/javascript":
            ctype += "; charset=utf-8"
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        if compressible(ctype) and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0)
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextlib.contextmanager
def serve_gzip(folder: Path) -> Iterator[str]:
    """Serve ``folder`` on 127.0.0.1 (a free port) with gzip, for as long as the block runs."""
    with serve_directory(folder, handler_class=_GzipHandler) as url:
        yield url
