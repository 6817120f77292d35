"""A Chromium that starts in a process of its own and prints several pages at once.

Starting Playwright and Chromium takes seconds, most of it waiting for processes to come up.
A build that knows early it will print (``sheets/site.py``) starts a :class:`Printer` then, so
the start overlaps MkDocs rendering pages. It hands over the pages (:meth:`Printer.submit`) as
soon as MkDocs has rendered them (``sheets/early.py``), or else at the end, and every page is
printed in parallel, each in a page that is already open; :meth:`Printer.collect` waits for the
answer. The printing itself happens in
:mod:`print_worker`, a separate Python process, so none of it takes the build's turn under the
GIL; this module only starts that process, passes the job in and reads the answer.

The browser is always closed. After its job the worker closes it on its own: the build does
not wait for that (0.27 s of every first build on two cores, measured 2026-12-02), and the
worker ends a moment after the build. Without a job, :meth:`Printer.close` closes it (a build
error, a build that needed no printing), at the latest when the interpreter exits (Ctrl-C).
Closing the worker's standard input is what ends it, so even a build that is killed leaves no
browser behind. No MkDocs or Playwright imports.
"""

from __future__ import annotations

import atexit
import json
import os
import select
import subprocess
import sys
import tempfile
import time
import weakref
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import IO

# What the build waits for at most: Playwright's own timeouts (30 s for a start, a page load,
# a print) end a stuck step long before this; it only guards against a hang.
WAIT_SECONDS = 300.0

# How long closing may take before the worker is stopped the hard way.
CLOSE_SECONDS = 30.0

WORKER = "handbook.outputs.print_worker"

_LIVE: weakref.WeakSet[Printer] = weakref.WeakSet()

# Workers that answered and are closing their browser on their own: kept so they are reaped
# (and Python does not warn about a process it lost track of).
_CLOSING: list[subprocess.Popen[bytes]] = []


class PrintFailed(Exception):
    """Starting Chromium or printing a page failed; ``url`` is ``None`` for the start."""

    def __init__(self, url: str | None, error: BaseException | str) -> None:
        super().__init__(str(error))
        self.url = url
        self.error = error


class Printer:
    """Playwright and Chromium in a worker process, ready with ``pages`` open pages."""

    def __init__(self, executable: str, pages: int = 2) -> None:
        self.executable = executable
        self.pages = pages
        self._process: subprocess.Popen[bytes] | None = None
        self._errors: IO[bytes] | None = None
        self._answered = False
        self.submitted = False  # a job was handed over (:meth:`submit`)

    def start(self) -> Printer:
        for done in [printer for printer in _LIVE if not printer.running]:
            done.close()  # an earlier build's worker that has ended: reaped
        _CLOSING[:] = [process for process in _CLOSING if process.poll() is None]
        _LIVE.add(self)
        # What the worker says on standard error only matters when it gives no answer; a file
        # and not a pipe, so a talkative worker can never block on it.
        self._errors = tempfile.TemporaryFile()  # noqa: SIM115 (closed by close())
        self._process = subprocess.Popen(
            [sys.executable, "-m", WORKER, self.executable, str(self.pages)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._errors,
            # Its own session: Ctrl-C in the terminal reaches the build, which then closes the
            # worker; the worker is never stopped halfway with a browser still running.
            start_new_session=True,
        )
        return self

    @property
    def started(self) -> bool:
        return self._process is not None

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def print_pages(
        self,
        site_dir: Path,
        base: str,
        jobs: Sequence[tuple[str, Path]],
        html: Mapping[str, str] | None = None,
    ) -> list[Path]:
        """Print every ``(URL, PDF path)`` at once; the paths, in the order given.

        The URLs start with ``base``, the site's public address; what the pages ask for under
        ``base`` comes from ``site_dir``, except a page whose URL is in ``html``: its HTML is
        given here (a page MkDocs has rendered but not yet written). Raises
        :class:`PrintFailed` naming the page (or the start) that failed. One job per printer:
        the worker closes the browser after it, while the build goes on and ends
        (:meth:`release`).
        """
        self.submit(site_dir, base, jobs, html)
        return self.collect()

    def submit(
        self,
        site_dir: Path,
        base: str,
        jobs: Sequence[tuple[str, Path]],
        html: Mapping[str, str] | None = None,
    ) -> None:
        """Hand the job to the worker and return at once; :meth:`collect` waits for it."""
        if not self.started:
            self.start()
        process = self._process
        assert process is not None and process.stdin is not None
        job = {
            "site_dir": str(site_dir),
            "base": base,
            "pages": [[url, str(out)] for url, out in jobs],
            "html": dict(html or {}),
        }
        try:
            process.stdin.write(json.dumps(job).encode() + b"\n")
            process.stdin.close()
        except OSError:  # the worker has ended already: its answer or its errors tell why
            pass
        self.submitted = True

    def collect(self) -> list[Path]:
        """Wait for the answer to the job :meth:`submit` handed over: the PDFs' paths."""
        process = self._process
        assert process is not None and self.submitted
        deadline = time.monotonic() + WAIT_SECONDS
        answer = _read_answer(process, deadline)
        if answer is None:
            timed_out = time.monotonic() >= deadline
            self._wait()
            why = f"geen antwoord na {WAIT_SECONDS:g} s" if timed_out else self._why()
            self.close()
            raise PrintFailed(None, why)
        self._answered = True  # from here on the worker closes the browser by itself
        if "failed" in answer:
            failed = answer["failed"]
            raise PrintFailed(failed.get("url"), str(failed.get("error", "")))
        return [Path(path) for path in answer["written"]]

    def release(self) -> None:
        """The build is done with this printer. A worker that answered closes the browser and
        ends on its own, and nobody waits for it; any other is closed now."""
        if not self._answered:
            self.close()
            return
        _LIVE.discard(self)
        process = self._process
        if process is not None:
            if process.poll() is None:
                _CLOSING.append(process)
            if process.stdout is not None:
                process.stdout.close()
        if self._errors is not None:
            self._errors.close()

    def close(self) -> None:
        """Close the browser (unused, if no job came) and wait for the worker to end."""
        _LIVE.discard(self)
        self._wait()
        if self._errors is not None:
            self._errors.close()

    def _wait(self) -> None:
        """End the worker's input, so it closes the browser and ends; wait for that."""
        process = self._process
        if process is None or process.returncode is not None:
            return
        try:
            if process.stdin is not None and not process.stdin.closed:
                process.stdin.close()
        except OSError:
            pass
        try:
            process.wait(CLOSE_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        finally:
            if process.stdout is not None:
                process.stdout.close()

    def _why(self) -> str:
        """The last line the worker wrote on standard error, or how it ended."""
        if self._errors is not None:
            self._errors.seek(0)
            lines = self._errors.read().decode("utf-8", "replace").strip().splitlines()
            if lines:
                return lines[-1]
        code = self._process.returncode if self._process is not None else None
        return f"het printproces stopte zonder antwoord (code {code})"


def _read_answer(process: subprocess.Popen[bytes], deadline: float) -> dict | None:
    """The worker's answer: the first line of JSON on its standard output, read until
    ``deadline``; ``None`` when the worker ends or the time is up without one."""
    assert process.stdout is not None
    fd = process.stdout.fileno()
    data = b""
    while b"\n" not in data:
        left = deadline - time.monotonic()
        if left <= 0:
            return None
        ready, _, _ = select.select([fd], [], [], left)
        if not ready:
            continue
        chunk = os.read(fd, 65536)
        if not chunk:
            break
        data += chunk
    line = data.split(b"\n", 1)[0]
    try:
        answer = json.loads(line)
    except ValueError:
        return None
    if isinstance(answer, dict) and ("written" in answer or "failed" in answer):
        return answer
    return None


@atexit.register
def _close_all() -> None:
    """An interrupted build (Ctrl-C) never reaches its own close: close what is left."""
    for printer in list(_LIVE):
        printer.close()
