"""GitHub workflows, CODEOWNERS, templates and editor settings: checked offline."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import yaml
from conftest import ROOT

BIN = Path(sys.executable).parent
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
USES = re.compile(r"^\s*(?:-\s+)?uses:\s*(\S+)(.*)$", re.M)


def test_there_are_four_workflows() -> None:
    assert {p.stem for p in WORKFLOWS} == {"ci", "preview", "deploy", "review"}


def test_workflows_match_the_github_schema() -> None:
    result = subprocess.run(
        [str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.github-workflows"]
        + [str(p) for p in WORKFLOWS],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_finds_nothing_high() -> None:
    result = subprocess.run(
        [str(BIN / "zizmor"), "--offline", "--min-severity", "high", "--format", "plain"]
        + [str(p) for p in WORKFLOWS],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_actions_are_pinned_to_a_commit_with_version_comment() -> None:
    seen = 0
    for path in WORKFLOWS:
        for ref, rest in USES.findall(path.read_text(encoding="utf-8")):
            seen += 1
            assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", ref), f"{path.name}: {ref}"
            assert re.fullmatch(r"\s+# v\d+\.\d+\.\d+", rest), f"{path.name}: {ref}{rest}"
    assert seen >= 8


def test_least_privilege_and_no_persisted_credentials() -> None:
    for path in WORKFLOWS:
        flow = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert flow["permissions"] in ({"contents": "read"}, {}), path.name
        for name, job in flow["jobs"].items():
            for step in job.get("steps", []):
                if str(step.get("uses", "")).startswith("actions/checkout@"):
                    assert step["with"]["persist-credentials"] is False, (path.name, name)
                    if path.stem != "review":
                        assert step["with"]["fetch-depth"] == 0, (path.name, name)
            extra = set((job.get("permissions") or {}).items()) - {("contents", "read")}
            allowed = {
                ("deploy", "deploy"): {("pages", "write"), ("id-token", "write")},
                ("review", "review"): {("issues", "write")},
            }.get((path.stem, name), set())
            assert extra == allowed, (path.name, name, extra)


def test_ci_runs_the_same_command_as_ci_run() -> None:
    flow = yaml.safe_load((ROOT / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8"))
    triggers = flow[True]  # YAML 1.1 reads the key `on` as true
    assert "pull_request" in triggers and triggers["push"]["branches"] == ["main"]
    runs = [s.get("run", "") for s in flow["jobs"]["test"]["steps"]]
    assert "bash .ci/run" in runs
    assert any("chromium" in r for r in runs)


def test_quick_job_runs_make_controle_from_a_cached_environment() -> None:
    """The editor's first verdict: a job of its own, beside the full suite, that restores the
    virtual environment and runs the same target editors run locally."""
    flow = yaml.safe_load((ROOT / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8"))
    job = flow["jobs"]["controle"]
    assert "needs" not in job  # reports on its own, not after the full suite
    steps = job["steps"]
    cache = next(s for s in steps if str(s.get("uses", "")).startswith("actions/cache@"))
    assert cache["with"]["path"] == ".venv" and "pyproject.toml" in cache["with"]["key"]
    assert steps[-1]["run"] == "make controle"
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = makefile.split("\ncontrole:", 1)[1].split("\n\n", 1)[0]
    assert "handbook check" in recipe
    assert "mkdocs build --strict" in recipe and " -q" not in recipe
    assert "handbook links" in recipe


def test_codeowners_covers_data_plugins_and_config() -> None:
    from handbook.review.codeowners import owners_of, parse_codeowners

    rules = parse_codeowners((ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8"))
    for path in ("data/slas.yml", "plugins/handbook/plugin.py", "mkdocs.yml", "docs/crisis.md"):
        assert owners_of(rules, path), path


def test_issue_forms_and_templates_exist() -> None:
    forms = ROOT / ".github" / "ISSUE_TEMPLATE"
    for name in ("beleidswijziging.yml", "fout-melden.yml"):
        form = yaml.safe_load((forms / name).read_text(encoding="utf-8"))
        assert form["name"] and form["body"], name
        assert all(
            item["type"] in {"markdown", "input", "textarea", "dropdown", "checkboxes"}
            for item in form["body"]
        )
    assert (
        yaml.safe_load((forms / "config.yml").read_text(encoding="utf-8"))["blank_issues_enabled"]
        is False
    )
    template = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    for words in ("[redactioneel]", "[regel]", "Vertrouwelijk", "Ondernemingsraad", "Wie moet"):
        assert words in template


def test_vscode_maps_every_data_schema() -> None:
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    mapped = settings["yaml.schemas"]
    for schema in sorted((ROOT / "schema").glob("*.schema.json")):
        data = ROOT / "data" / (schema.name.removesuffix(".schema.json") + ".yml")
        if data.exists():
            assert f"data/{data.name}" in mapped[f"./schema/{schema.name}"], schema.name
    for schema in mapped:
        assert (ROOT / schema).is_file(), schema
    extensions = json.loads((ROOT / ".vscode" / "extensions.json").read_text(encoding="utf-8"))
    assert "redhat.vscode-yaml" in extensions["recommendations"]
    assert "indent_style = space" in (ROOT / ".editorconfig").read_text(encoding="utf-8")
