"""The Chromium that starts in the background for the sheet PDFs (outputs/printer.py).

It starts while the build renders pages, so every way a build can end must close it: a
finished build, a build error, Ctrl-C. Each Chromium started by a build here carries a marker
in its environment, so the test finds exactly that build's processes in /proc.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import VENV_BIN, copy_project
from handbook.outputs.printer import Printer
from handbook.sheets.printing import print_sheets

# Pauses the build in on_env (after the handbook started Chromium in on_pre_build) until the test
# creates the file HANDBOOK_TEST_GO; then it goes on, or fails when HANDBOOK_TEST_FAIL is set.
# It says it is paused by creating HANDBOOK_TEST_PAUSED.
HOOK = """
import os, time
from pathlib import Path
from mkdocs.exceptions import PluginError

def on_env(env, config, files):
    Path(os.environ["HANDBOOK_TEST_PAUSED"]).touch()
    go = Path(os.environ["HANDBOOK_TEST_GO"])
    deadline = time.monotonic() + 120
    while not go.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    if os.environ.get("HANDBOOK_TEST_FAIL"):
        raise PluginError("Testfout na het starten van Chromium.")
    return env
"""


def _marked(marker: str) -> list[int]:
    """Processes whose environment holds ``marker`` (a build's Chromium and its helpers)."""
    found = []
    needle = marker.encode()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            environ = (entry / "environ").read_bytes()
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if needle in environ and state != "Z":
            found.append(int(entry.name))
    return found


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def _browser_running(marker: str) -> bool:
    """Whether a Chromium process of the marked build runs (not only the build or its worker)."""
    lines = [_cmdline(pid) for pid in _marked(marker)]
    # The worker names Chromium's path among its arguments: only Chromium's own processes count.
    return any(b"chromium" in line and b"print_worker" not in line for line in lines)


def _wait_for(condition: Callable[[], bool], seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def _project_with_hook(tmp_path: Path, hook: str) -> Path:
    """A copy of the project whose mkdocs.yml loads ``hook`` as hooks.py."""
    project = copy_project(tmp_path / "project")
    (project / "hooks.py").write_text(hook, encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8") + "\nhooks:\n  - hooks.py\n", encoding="utf-8"
    )
    return project


def _build_env(marker: str, **env: str) -> dict[str, str]:
    """A build with PDFs and no cache (so Chromium starts early), its processes marked."""
    return {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "HANDBOOK_CACHE": "0",
        "HANDBOOK_PDF": "1",
        "HANDBOOK_TEST_MARK": marker,
        **env,
    }


def _paused_build(tmp_path: Path, **env: str) -> tuple[subprocess.Popen[str], str, Path, Path]:
    """A strict build with PDFs and no cache (so Chromium starts early), paused in on_env."""
    project = _project_with_hook(tmp_path, HOOK)
    value = uuid.uuid4().hex
    go = tmp_path / "go"
    paused = tmp_path / "paused"
    process = subprocess.Popen(
        [str(VENV_BIN / "mkdocs"), "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=project,
        env=_build_env(value, HANDBOOK_TEST_GO=str(go), HANDBOOK_TEST_PAUSED=str(paused), **env),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        # A shell that starts the tests in the background (`make test &`, CI runners) passes
        # SIGINT on as ignored, and Python then never turns Ctrl-C into KeyboardInterrupt.
        # The build gets the handling a terminal gives it.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    return process, value, go, paused


def _run_paused(tmp_path: Path, stop: str) -> tuple[subprocess.Popen[str], str, str]:
    fail = {"HANDBOOK_TEST_FAIL": "1"} if stop == "error" else {}
    process, marker, go, paused = _paused_build(tmp_path, **fail)
    try:
        # Both: Chromium runs and the build waits in on_env. Ctrl-C then lands in the pause,
        # not at a random point of the build (such as another plugin's worker pool).
        ready = _wait_for(
            lambda: (bool(_marked(marker)) and paused.exists()) or process.poll() is not None,
            300,
        )
        assert ready and process.poll() is None, "Chromium did not start during the build"
        if stop == "kill":
            # The browser itself is up: a build killed now must not leave it running.
            assert _wait_for(lambda: _browser_running(marker), 300), "no Chromium came up"
            process.kill()
        elif stop == "ctrl-c":
            process.send_signal(signal.SIGINT)
        else:
            go.touch()
        _, err = process.communicate(timeout=300)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    return process, marker, err


@pytest.mark.browser
@pytest.mark.slow
def test_a_build_error_closes_the_chromium_started_early(
    tmp_path: Path, chromium_path: str
) -> None:
    process, marker, err = _run_paused(tmp_path, "error")
    assert process.returncode != 0
    assert "Testfout na het starten van Chromium." in err
    assert "Traceback" not in err
    assert _wait_for(lambda: not _marked(marker), 10), f"Chromium left behind: {_marked(marker)}"


@pytest.mark.browser
@pytest.mark.slow
def test_ctrl_c_during_the_build_closes_the_chromium_started_early(
    tmp_path: Path, chromium_path: str
) -> None:
    process, marker, _ = _run_paused(tmp_path, "ctrl-c")
    assert process.returncode != 0
    assert _wait_for(lambda: not _marked(marker), 10), f"Chromium left behind: {_marked(marker)}"


@pytest.mark.browser
@pytest.mark.slow
def test_a_killed_build_leaves_no_chromium_behind(tmp_path: Path, chromium_path: str) -> None:
    """No Ctrl-C handling, no atexit: the worker sees its input end and closes the browser."""
    process, marker, _ = _run_paused(tmp_path, "kill")
    assert process.returncode == -signal.SIGKILL
    assert _wait_for(lambda: not _marked(marker), 30), f"Chromium left behind: {_marked(marker)}"


@pytest.mark.browser
def test_a_printer_closed_without_a_job_leaves_no_process(
    chromium_path: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    marker = uuid.uuid4().hex
    monkeypatch.setenv("HANDBOOK_TEST_MARK", marker)  # inherited by Chromium
    printer = Printer(chromium_path).start()
    assert _wait_for(lambda: bool(_marked(marker)))
    printer.close()
    assert not printer.running
    assert _wait_for(lambda: not _marked(marker), 10), f"Chromium left behind: {_marked(marker)}"


# Notes, at the very end of the build, whether the build's own process imported Playwright.
IMPORTS_HOOK = """
import os, sys
from pathlib import Path
from mkdocs.plugins import event_priority

@event_priority(-100)
def on_post_build(config):
    Path(os.environ["HANDBOOK_TEST_IMPORTS"]).write_text(
        "playwright" if "playwright" in sys.modules else "zonder", encoding="utf-8"
    )
"""


@pytest.mark.browser
@pytest.mark.slow
def test_a_build_prints_in_a_process_of_its_own_and_leaves_nothing_running(
    tmp_path: Path, chromium_path: str
) -> None:
    """Playwright runs in the worker, not in the build: in the build's process it would take
    turns with rendering pages under the GIL. The build does not wait while the worker closes
    the browser, but the worker and the browser end by themselves soon after."""
    from pypdf import PdfReader

    project = _project_with_hook(tmp_path, IMPORTS_HOOK)
    marker = uuid.uuid4().hex
    imports = tmp_path / "imports.txt"
    site = tmp_path / "site"
    result = subprocess.run(
        [str(VENV_BIN / "mkdocs"), "build", "--strict", "--site-dir", str(site)],
        cwd=project,
        env=_build_env(marker, HANDBOOK_TEST_IMPORTS=str(imports)),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    assert imports.read_text(encoding="utf-8") == "zonder"
    for name in ("snelle-referentie/snelle-referentie.pdf", "crisiskaart/crisiskaart.pdf"):
        assert len(PdfReader(site / name).pages) == 1
    # Nobody waits for the worker any more: it must end, with its browser, on its own.
    gone = _wait_for(lambda: not _marked(marker), 60)
    left = [_cmdline(pid).replace(b"\0", b" ")[:120] for pid in _marked(marker)]
    assert gone, f"worker or Chromium left behind: {left}"


def _tiny_site(site: Path) -> list[tuple[str, str]]:
    for name in ("a", "b"):
        (site / name).mkdir(parents=True)
        (site / name / "index.html").write_text(
            f"<!doctype html><html lang='nl'><title>{name}</title><p>Blad {name}</p></html>",
            encoding="utf-8",
        )
    return [("a/", "a.pdf"), ("b/", "b.pdf")]


def _link_targets(path: Path) -> list[str]:
    from pypdf import PdfReader

    return [
        str(annotation.get_object()["/A"]["/URI"])
        for annotation in PdfReader(path).pages[0].get("/Annots") or []
    ]


@pytest.mark.browser
def test_pages_are_printed_at_the_site_address_from_the_folder(
    tmp_path: Path, chromium_path: str
) -> None:
    from pypdf import PdfReader

    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "css").mkdir()
    # The text that proves the stylesheet came from the folder is only in the CSS.
    (site / "css" / "blad.css").write_text(
        "p::after { content: ' met opmaak uit de map'; }", encoding="utf-8"
    )
    (site / "a" / "index.html").write_text(
        "<!doctype html><html lang='nl'><title>a</title>"
        "<link rel='stylesheet' href='../css/blad.css'>"
        "<p>Blad a <a href='../b/'>naar b</a></p></html>",
        encoding="utf-8",
    )
    base = "https://intranet.voorbeeld.example/beleid/"
    [written] = print_sheets(site, [("a/", "a.pdf")], site_url=base)
    assert "Blad a naar b met opmaak uit de map" in PdfReader(written).pages[0].extract_text()
    assert _link_targets(written) == [base + "b/"]


@pytest.mark.browser
def test_printing_asks_no_other_host_for_anything(tmp_path: Path, chromium_path: str) -> None:
    import http.server
    import threading

    asked: list[str] = []

    class Recorder(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            asked.append(self.path)
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    other = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    threading.Thread(target=other.serve_forever, daemon=True).start()
    try:
        elsewhere = f"http://127.0.0.1:{other.server_address[1]}"
        site = tmp_path / "site"
        (site / "a").mkdir(parents=True)
        (site / "a" / "index.html").write_text(
            "<!doctype html><html lang='nl'><title>a</title>"
            f"<link rel='stylesheet' href='{elsewhere}/stijl.css'>"
            f"<p>Blad a</p><img alt='' src='{elsewhere}/beeld.png'></html>",
            encoding="utf-8",
        )
        [written] = print_sheets(site, [("a/", "a.pdf")])
        assert written.is_file()
    finally:
        other.shutdown()
        other.server_close()
    assert asked == []


@pytest.mark.browser
def test_both_pages_are_printed_with_one_browser(tmp_path: Path, chromium_path: str) -> None:
    from pypdf import PdfReader

    site = tmp_path / "site"
    written = print_sheets(site, _tiny_site(site))
    assert written == [site / "a" / "a.pdf", site / "b" / "b.pdf"]
    for path, text in zip(written, ("Blad a", "Blad b"), strict=True):
        assert text in PdfReader(path).pages[0].extract_text()
    assert not list(site.rglob("*.tmp"))


def test_a_chromium_that_does_not_start_gives_one_dutch_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = tmp_path / "chromium"
    fake.write_text("#!/bin/sh\nexit 1\n", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setenv("HANDBOOK_CHROMIUM", str(fake))
    site = tmp_path / "site"
    with pytest.raises(RuntimeError) as raised:
        print_sheets(site, _tiny_site(site))
    assert str(raised.value).startswith("De PDF van de site kon niet gemaakt worden met Chromium:")


def test_without_chromium_the_message_is_the_same_as_before(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HANDBOOK_CHROMIUM", str(tmp_path / "geen-chromium"))
    site = tmp_path / "site"
    with pytest.raises(RuntimeError) as raised:
        print_sheets(site, _tiny_site(site))
    assert str(raised.value) == (
        "Chromium ontbreekt. Installeer Debian's pakket: sudo apt-get install chromium"
    )


@pytest.mark.browser
def test_a_page_handed_over_as_html_is_printed_from_that_html(
    tmp_path: Path, chromium_path: str
) -> None:
    from pypdf import PdfReader

    site = tmp_path / "site"
    (site / "css").mkdir(parents=True)
    (site / "css" / "blad.css").write_text("p::after { content: ' en opmaak'; }", "utf-8")
    base = "https://intranet.voorbeeld.example/beleid/"
    # Not in the folder yet (MkDocs has rendered the page, not written it): its stylesheet is.
    html = (
        "<!doctype html><html lang='nl'><title>a</title>"
        "<link rel='stylesheet' href='../css/blad.css'><p>Gegeven blad</p></html>"
    )
    printer = Printer(chromium_path, pages=1).start()
    try:
        [written] = printer.print_pages(
            site, base, [(base + "a/", site / "a" / "a.pdf")], {base + "a/": html}
        )
    finally:
        printer.release()
    assert "Gegeven blad en opmaak" in PdfReader(written).pages[0].extract_text()
    assert not (site / "a" / "index.html").exists()


@pytest.mark.browser
def test_sheets_handed_over_early_are_printed_again_when_the_site_changed_since(
    tmp_path: Path, chromium_path: str
) -> None:
    from handbook.sheets.early import EarlyJob
    from pypdf import PdfReader

    site = tmp_path / "site"
    targets = _tiny_site(site)
    base = "https://handboek.invalid/"
    old = "<!doctype html><html lang='nl'><title>a</title><p>Oude tekst</p></html>"
    printer = Printer(chromium_path).start()
    printer.submit(
        site,
        base,
        [(base + "a/", site / "a" / "a.pdf"), (base + "b/", site / "b" / "b.pdf")],
        {base + "a/": old},
    )
    # The keys of what was handed over do not match the pages in the folder now.
    early = EarlyJob(printer, {"a/": "toen", "b/": "toen"})
    written = print_sheets(site, targets, printer=printer, site_url=base, early=early)
    assert not early.used
    assert written == [site / "a" / "a.pdf", site / "b" / "b.pdf"]
    text = PdfReader(written[0]).pages[0].extract_text()
    assert "Blad a" in text and "Oude tekst" not in text
    # The worker of the job handed over answered, and ends with its browser on its own.
    assert _wait_for(lambda: not printer.running, 60)


@pytest.mark.browser
def test_sheets_handed_over_early_are_used_when_nothing_changed(
    tmp_path: Path, chromium_path: str
) -> None:
    from handbook.core.cache import BuildCache
    from handbook.sheets.early import EarlyJob
    from pypdf import PdfReader

    site = tmp_path / "site"
    targets = _tiny_site(site)
    base = "https://handboek.invalid/"
    cache = BuildCache(tmp_path / "cache")
    html = {url: (site / url / "index.html").read_text("utf-8") for url, _ in targets}
    keys = {url: cache.pdf_key(site, url, chromium_path, base) for url, _ in targets}
    # What is handed over is the page MkDocs is about to write: here with a mark that shows
    # which of the two was printed.
    given = {base + url: text.replace("Blad", "Gegeven blad") for url, text in html.items()}
    printer = Printer(chromium_path).start()
    printer.submit(site, base, [(base + url, site / url / name) for url, name in targets], given)
    early = EarlyJob(printer, keys)
    written = print_sheets(site, targets, cache, printer, base, early)
    assert early.used
    assert written == [site / "a" / "a.pdf", site / "b" / "b.pdf"]
    assert "Gegeven blad a" in PdfReader(written[0]).pages[0].extract_text()
    # Kept in the cache under the key of the page in the folder.
    assert sorted(p.stem for p in (tmp_path / "cache" / "pdf").glob("*.pdf")) == sorted(
        keys.values()
    )
