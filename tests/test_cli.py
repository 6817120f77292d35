"""The handbook command: schema export and checks without a build."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import ROOT
from handbook.cli import main
from handbook.core.schema import schemas, stale_schemas


def test_committed_schema_is_current() -> None:
    assert stale_schemas(ROOT / "schema") == []


def test_data_files_point_at_their_schema() -> None:
    for name in schemas():
        stem = name.removesuffix(".schema.json")
        data = ROOT / "data" / f"{stem}.yml"
        if data.exists():
            first = data.read_text(encoding="utf-8").splitlines()[0]
            assert first == f"# yaml-language-server: $schema=../schema/{name}"


def test_schema_rejects_what_the_loader_rejects() -> None:
    schema = schemas()["slas.schema.json"]
    datalek = schema["$defs"]["Datalek"]
    assert datalek["additionalProperties"] is False
    assert set(datalek["required"]) == {"intern_melden_binnen", "melden_bij", "ap_melden_binnen"}
    json.dumps(schema)


def test_check_ok(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(ROOT), "check"]) == 0
    # In orde, possibly with warnings (pages due soon, status lines to check again).
    assert capsys.readouterr().out.startswith("Gegevens en pagina's zijn in orde")


def test_check_reports_data_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    (tmp_path / "data" / "slas.yml").unlink()
    assert main(["--root", str(tmp_path), "check"]) == 1
    assert "FOUT  data/slas.yml: het bestand ontbreekt." in capsys.readouterr().err


def test_schema_check_detects_drift(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(tmp_path), "schema", "--check"]) == 1
    assert "Het JSON Schema is verouderd" in capsys.readouterr().err
    assert main(["--root", str(tmp_path), "schema"]) == 0
    assert main(["--root", str(tmp_path), "schema", "--check"]) == 0
