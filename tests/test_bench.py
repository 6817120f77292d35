"""The benchmark's helpers (stats, baseline copy, synthetic handbook) and a smoke run of it all."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from conftest import build, html_pages  # noqa: E402

from bench import lib, stats, synthetic  # noqa: E402
from bench.options import FIGURES  # noqa: E402
from bench.report import table  # noqa: E402
from bench.run import parse_args  # noqa: E402


def test_summary_is_median_min_max():
    summary = stats.summarize([3.0, 1.0, 2.0, 10.0])
    assert (summary.median, summary.min, summary.max, summary.runs) == (2.5, 1.0, 10.0, 4)
    assert stats.summarize([4.0]).as_dict("x_") == {
        "x_median": 4.0,
        "x_min": 4.0,
        "x_max": 4.0,
        "x_runs": 1,
    }
    with pytest.raises(ValueError):
        stats.summarize([])


def test_ratios_pair_runs_and_refuse_nonsense():
    assert stats.ratios([2.0, 3.0], [1.0, 2.0]) == [2.0, 1.5]
    with pytest.raises(ValueError):
        stats.ratios([1.0], [1.0, 2.0])
    with pytest.raises(ValueError):
        stats.ratios([1.0], [0.0])


def test_alternate_warms_up_interleaves_and_keeps_cpu_times():
    calls: list[str] = []

    def action(name: str, cpu: float | None):
        def run():
            calls.append(name)
            return cpu

        return run

    runs = stats.alternate({"a": action("a", 0.5), "b": action("b", None)}, runs=3, warmup=1)
    assert calls == ["a", "b", "a", "b", "b", "a", "a", "b"]
    assert [len(runs.wall["a"]), len(runs.wall["b"])] == [3, 3]
    assert runs.cpu == {"a": [0.5, 0.5, 0.5]}


def _batches(*walls):
    """A measure() that returns the given batches of (a, b) wall times, one per call."""
    queue = [stats.Runs(wall={"a": list(a), "b": list(b)}, cpu={}) for a, b in walls]
    calls = []

    def measure():
        calls.append(1)
        return queue[len(calls) - 1]

    return measure, calls


def _ab(runs):
    return {"a/b": stats.ratios(runs.wall["a"], runs.wall["b"])}


def test_steady_batch_is_measured_once():
    measure, calls = _batches(([1.0, 1.1, 1.05], [1.0, 1.0, 1.0]))
    runs, how = stats.steady(measure, _ab, say=lambda m: None)
    assert len(calls) == 1 and how.attempts == 1 and how.steady and how.note() == ""
    assert runs.wall["a"] == [1.0, 1.1, 1.05]


def test_noisy_batch_is_measured_again_and_never_mixed():
    said = []
    measure, calls = _batches(
        ([1.0, 2.0, 1.0], [1.0, 1.0, 1.0]),  # spread 2.0
        ([1.0, 1.2, 1.1], [1.0, 1.0, 1.0]),  # spread 1.2
    )
    runs, how = stats.steady(measure, _ab, say=said.append)
    assert len(calls) == 2 and how.chosen == 1 and how.steady
    assert runs.wall["a"] == [1.0, 1.2, 1.1]  # the second batch whole, not a mix
    assert said == ["spread of a/b is 2.00 (> 1.3): measuring again"]
    assert how.note() == "measured 2×, spread 1.20"
    assert how.as_dict()["spreads"] == [{"a/b": 2.0}, {"a/b": 1.2}]


def test_always_noisy_reports_the_least_noisy_batch_as_noisy():
    measure, calls = _batches(
        ([1.0, 1.6], [1.0, 1.0]), ([1.0, 1.4], [1.0, 1.0]), ([1.0, 1.9], [1.0, 1.0])
    )
    runs, how = stats.steady(measure, _ab, say=lambda m: None)
    assert len(calls) == stats.STEADY_ATTEMPTS == 3
    assert how.chosen == 1 and not how.steady
    assert runs.wall["a"] == [1.0, 1.4]
    assert how.note() == "noisy: 3 attempts, best spread 1.40"


def test_first_warm_warms_up_only_before_the_first_batch():
    calls = []
    measure = stats.first_warm(runs=2, warmup=1)
    measure({"x": lambda: calls.append("x")})
    measure({"x": lambda: calls.append("x")})
    assert len(calls) == 3 + 2  # (1 warm-up + 2 runs), then 2 runs


def test_baseline_copy_has_final_markdown_and_no_plugins(tmp_path):
    captured = tmp_path / "captured"
    lib.capture_markdown(ROOT, captured)
    pages = sorted(p.relative_to(captured).as_posix() for p in captured.rglob("*.md"))
    sources = sorted(
        p.relative_to(ROOT / "docs").as_posix()
        for p in (ROOT / "docs").rglob("*.md")
        if "overrides" not in p.parts
    )
    assert set(sources) <= set(pages)
    index = (captured / "index.md").read_text(encoding="utf-8")
    assert index.startswith("---\neigenaar:")  # front matter kept as written
    body = index.split("\n---\n", 1)[1]
    assert "{{" not in body and "Vonkel" in body  # placeholders filled by macros
    assert "handbook-dosdonts" in body  # the plugin's box is part of the final Markdown

    baseline = lib.make_baseline(ROOT, captured, tmp_path / "baseline")
    config = yaml.safe_load((baseline / "mkdocs.yml").read_text(encoding="utf-8"))
    names = [p if isinstance(p, str) else next(iter(p)) for p in config["plugins"]]
    assert "handbook" not in names and "macros" not in names and "search" in names
    assert "watch" not in config
    assert (baseline / "docs" / "stylesheets" / "handbook.css").is_file()
    lib.build(baseline, tmp_path / "site", strict=False)
    assert "Vonkel" in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")


def test_synthetic_handbook_has_the_pages_asked_and_builds_strictly(tmp_path):
    project = synthetic.make_synthetic(tmp_path / "project", 30)
    pages = sorted((project / "docs").rglob("*.md"))
    assert len(pages) == 31  # index + 30
    folders = {p.parent.relative_to(project / "docs").as_posix() for p in pages}
    assert folders == {".", "deel-01/hoofdstuk-01", "deel-01/hoofdstuk-02"}
    meta = yaml.safe_load(
        (project / "docs" / "deel-01" / "hoofdstuk-02" / "pagina-025.md")
        .read_text("utf-8")
        .split("---")[1]
    )
    assert set(meta) == {"eigenaar", "laatst_beoordeeld", "herzien_voor", "dos", "donts"}
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    assert "nav" not in config
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    site = tmp_path / "site"
    # The 31 pages, plus the pages the plugin generates (quiz, decision aid, sector, sheets,
    # changelog).
    generated = {
        "quiz",
        "mag-ik-dit-posten",
        "sector",
        "snelle-referentie",
        "crisiskaart",
        "wijzigingen",
    }
    assert {p.parent.name for p in html_pages(site)} >= generated
    assert len(html_pages(site)) == 31 + len(generated)
    text = (site / "deel-01" / "hoofdstuk-02" / "pagina-025" / "index.html").read_text("utf-8")
    assert "Onderwerp 25 bij Vonkel" in text
    # The link to the previous page crosses into the other chapter and resolves (strict build).
    assert 'href="../../hoofdstuk-01/pagina-024/"' in text


def test_synthetic_paths_nest_parts_and_chapters():
    assert synthetic.synthetic_path(0).as_posix() == "deel-01/hoofdstuk-01/pagina-000.md"
    assert synthetic.synthetic_path(124).as_posix() == "deel-01/hoofdstuk-05/pagina-124.md"
    assert synthetic.synthetic_path(125).as_posix() == "deel-02/hoofdstuk-06/pagina-125.md"
    assert synthetic.synthetic_path(499).as_posix() == "deel-04/hoofdstuk-20/pagina-499.md"
    assert synthetic.synthetic_path(125, nested=False).as_posix() == "deel-06/pagina-125.md"


def test_pruned_navigation_keeps_a_page_small_as_the_handbook_grows(tmp_path):
    """With navigation.prune (mkdocs.yml), a page carries the links of its own chapter only;
    without chapters, every page carries every link."""
    nested = synthetic.make_synthetic(tmp_path / "nested", 60)
    flat = synthetic.make_synthetic(tmp_path / "flat", 60, nested=False)
    for project in (nested, flat):
        assert build(project, tmp_path / f"site-{project.name}").returncode == 0
    page = tmp_path / "site-nested" / "deel-01" / "hoofdstuk-01" / "pagina-000" / "index.html"
    links = re.findall(r'class="md-nav__link', page.read_text("utf-8"))
    flat_page = tmp_path / "site-flat" / "deel-01" / "pagina-000" / "index.html"
    flat_links = re.findall(r'class="md-nav__link', flat_page.read_text("utf-8"))
    assert len(flat_links) > 60
    assert len(links) < len(flat_links) - 30
    # A closed chapter is one link to its first page.
    assert 'href="../../hoofdstuk-03/pagina-050/"' in page.read_text("utf-8")


def test_yaml_scalar_edit_keeps_the_rest(tmp_path):
    path = tmp_path / "organisatie.yml"
    path.write_text("# kop\nnaam: Vonkel\nsector: technologie\n", encoding="utf-8")
    lib.set_yaml_scalar(path, "naam", "Nieuw")
    assert path.read_text(encoding="utf-8") == "# kop\nnaam: Nieuw\nsector: technologie\n"
    with pytest.raises(ValueError):
        lib.set_yaml_scalar(path, "ontbreekt", "x")


def test_heading_edit_keeps_the_rest(tmp_path):
    path = tmp_path / "index.md"
    path.write_text("---\ntitel: x\n---\n\n# Oud\n\nTekst.\n\n# Tweede\n", encoding="utf-8")
    lib.set_heading(path, "Nieuw")
    assert (
        path.read_text(encoding="utf-8") == "---\ntitel: x\n---\n\n# Nieuw\n\nTekst.\n\n# Tweede\n"
    )
    empty = tmp_path / "leeg.md"
    empty.write_text("Geen kop.\n", encoding="utf-8")
    with pytest.raises(ValueError):
        lib.set_heading(empty, "x")


def test_snapshot_has_the_history_and_the_work_tree(tmp_path):
    project = lib.snapshot(tmp_path / "project")
    assert (project / ".git").is_dir()
    assert (
        lib.git("rev-parse", "HEAD", cwd=project).strip()
        == lib.git("rev-parse", "HEAD", cwd=ROOT).strip()
    )
    for name in ("mkdocs.yml", "data/organisatie.yml", "docs/index.md"):
        assert (project / name).read_bytes() == (ROOT / name).read_bytes(), name
    assert not (project / ".venv").exists() and not (project / "node_modules").exists()


def test_options_and_unmeasured_rows():
    opts = parse_args(["--quick", "--only", "scaling,live_reload"])
    assert (opts.runs, opts.only) == (1, ["scaling", "live_reload"])
    with pytest.raises(SystemExit):
        parse_args(["--only", "nope"])
    text = table(
        {"figures": {"variants": {"status": "not_measured", "reason": "no 'handbook variants'"}}}
    )
    assert "| variants | not measured: no 'handbook variants' |" in text


@pytest.mark.slow
def test_quick_benchmark_runs_every_figure(tmp_path):
    """One run per figure on tiny sizes: a figure is measured or says why not; none fails."""
    out = tmp_path / "results.json"
    result = subprocess.run(
        [sys.executable, "-m", "bench.run", "--quick", "--json", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        # A guard against a hang, not a speed goal: on a busy two-core machine the quick run of
        # every figure took over ten minutes.
        timeout=1800,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert list(data["figures"]) == list(FIGURES)
    for name, figure in data["figures"].items():
        assert figure["status"] in ("measured", "not_measured"), (name, figure)
        if figure["status"] == "not_measured":
            assert figure["reason"], name
        else:
            assert "goal_met" in figure or "variants" in figure, name
    assert data["figures"]["plugin_overhead"]["status"] == "measured"
    assert data["figures"]["scaling"]["status"] == "measured"
    assert data["figures"]["plugin_overhead"]["ratio_median"] > 0
    scaling = data["figures"]["scaling"]
    assert scaling["plain_mkdocs"]["ratio_20_to_5_median"] > 0
    assert scaling["handbook_vs_plain"]["ratio_median"] > 0
    assert scaling["flat_navigation"]["ratio_20_to_5_median"] > 0
    assert "plain MkDocs + Material" in result.stdout
    feedback = data["figures"]["editor_feedback"]
    assert feedback["status"] == "measured", feedback
    assert set(feedback["steps"]) == {"clone", "install", "controle"}
    assert feedback["seconds_median"] >= feedback["steps"]["controle"]["seconds_median"] > 0
    assert "| figure | measure | median | min | max | goal | met |" in result.stdout


def test_lighthouse_is_looked_for_where_make_bench_installs_it():
    """`npm ci` runs in bench/ (next to package.json); the figure must look in that node_modules.

    After the figures moved into bench/figures/, it looked in bench/figures/node_modules and
    reported Lighthouse as not installed although `make bench` had just installed it.
    """
    from bench.figures.lighthouse import LIGHTHOUSE

    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "cd bench && npm ci" in makefile
    assert (ROOT / "bench" / "package.json").is_file()
    assert LIGHTHOUSE == ROOT / "bench" / "node_modules" / "lighthouse" / "cli" / "index.js"
