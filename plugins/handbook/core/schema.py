"""JSON Schema of the data files, from the same pydantic models that validate the build."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from .models.brand import BRAND_FILES
from .models.decision import Beslishulp
from .models.page import PageMeta
from .models.quiz import Quiz
from .models.sector import Sector

TITLES = {
    "organisatie": "Organisatie (data/organisatie.yml)",
    "contacten": "Contacten (data/contacten.yml)",
    "slas": "Reactietermijnen en escalatie (data/slas.yml)",
    "kanalen": "Officiële accounts (data/kanalen.yml)",
    "goedkeuring": "Goedkeuring (data/goedkeuring.yml)",
    "crisis": "Crisis (data/crisis.yml)",
}


def schemas() -> dict[str, dict[str, Any]]:
    """File name -> JSON Schema, for every data file and for page front matter."""
    out: dict[str, dict[str, Any]] = {}
    for stem, model in BRAND_FILES.items():
        schema = TypeAdapter(model).json_schema()
        schema = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            **schema,
            "title": TITLES.get(stem, stem),
        }
        out[f"{stem}.schema.json"] = schema
    out["quiz.schema.json"] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **Quiz.model_json_schema(),
        "title": "Zelftest (data/quiz.yml)",
    }
    out["beslishulp.schema.json"] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **Beslishulp.model_json_schema(),
        "title": "Beslishulp 'Mag ik dit posten?' (data/beslishulp.yml)",
    }
    page = PageMeta.model_json_schema()
    out["pagina.schema.json"] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **page,
        "title": "Front matter van een beleidspagina",
    }
    out["sector.schema.json"] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **Sector.model_json_schema(),
        "title": "Sector (data/sectoren/<sleutel>.yml)",
    }
    return out


def render(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in schemas().items():
        path = folder / name
        path.write_text(render(schema), encoding="utf-8")
        written.append(path)
    return written


def stale_schemas(folder: Path) -> list[str]:
    """Names of schema files that are missing or differ from the models."""
    return [
        name
        for name, schema in schemas().items()
        if not (folder / name).is_file()
        or (folder / name).read_text(encoding="utf-8") != render(schema)
    ]
