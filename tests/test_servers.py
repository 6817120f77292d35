"""The local web servers (tests, printing, variants, bench): a closed connection prints nothing."""

from __future__ import annotations

import socket
import struct
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import ROOT
from handbook.outputs.chromium import http_server

sys.path.insert(0, str(ROOT))  # the bench's gzip server (bench/ is not installed)

from bench.serving import serve_gzip


def close_mid_answer(port: int, path: str) -> None:
    """Ask for ``path`` and slam the connection shut (a reset) before the answer is read."""
    client = socket.create_connection(("127.0.0.1", port))
    client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    client.sendall(f"GET /{path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
    client.recv(1)  # the answer has started: the server is writing now
    client.close()


def wait_for(condition, what: str, timeout: float = 60.0) -> None:
    """Wait until ``condition()`` holds (a state, never a fixed time)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.01)


@pytest.mark.parametrize("gzip", [False, True], ids=["files", "gzip"])
def test_a_closed_connection_prints_no_traceback(
    tmp_path: Path, capfd: pytest.CaptureFixture[str], gzip: bool
) -> None:
    (tmp_path / "groot.html").write_bytes(b"<p>" + b"x" * 8_000_000 + b"</p>")
    (tmp_path / "index.html").write_text("<p>hallo</p>", encoding="utf-8")
    if gzip:
        # The bench's gzip server goes through the same quiet server.
        with serve_gzip(tmp_path) as url:
            port = int(url.rstrip("/").rsplit(":", 1)[1])
            for _ in range(3):
                close_mid_answer(port, "groot.html")
            assert urllib.request.urlopen(url, timeout=30).read() == b"<p>hallo</p>"
    else:
        with http_server(tmp_path) as server:
            port = server.server_address[1]
            for _ in range(3):
                close_mid_answer(port, "groot.html")
            # Each closed connection has been seen by the server (BrokenPipe or reset).
            wait_for(lambda: server.closed_early >= 3, "three closed connections")
            # It still serves the next visitor.
            url = f"http://127.0.0.1:{port}/index.html"
            assert urllib.request.urlopen(url, timeout=30).read() == b"<p>hallo</p>"
    out, err = capfd.readouterr()
    assert "Traceback" not in out + err
    assert "BrokenPipeError" not in err and "ConnectionResetError" not in err
    assert err == ""  # no request lines either
