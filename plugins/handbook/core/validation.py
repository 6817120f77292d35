"""Validate data against the pydantic models, and remember what was valid.

Every YAML file (brand data, sector, quiz) and every page's front matter is validated in each
build. Importing pydantic and building the models costs more than all the validation itself,
so a result is remembered, keyed by the exact data validated and by the code that validates it:

- in memory, for as long as the process lives (the rebuilds of ``mkdocs serve``);
- on disk in the build cache (``validated/`` in ``.cache/plugin/handbook``), when the plugin
  set a folder with :func:`use_folder`.

A build whose data did not change then reads its results and never imports pydantic. Only
valid data is remembered: invalid data is validated again each time, so its Dutch messages are
always those of the current models. The results are :class:`Record` objects (attributes, lists
and dicts, as the model had them), the same whether they came from the cache or not.

No MkDocs imports here, and no pydantic import until data must really be validated.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import pickle
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from .cache import write_whole

# Results kept in memory; a serve session with many edits stays well below this.
KEEP_MEMORY = 4096

_memory: dict[str, Any] = {}

_folder: Path | None = None

_fingerprint: str | None = None


class Record(SimpleNamespace):
    """Valid data as plain attributes: what the model gave, readable without pydantic."""


class Invalid(Exception):
    """The data does not fit its model; ``errors`` are pydantic's error dicts."""

    def __init__(self, errors: list[dict[str, Any]]) -> None:
        super().__init__(f"{len(errors)} validation error(s)")
        self.errors = errors


def use_folder(folder: Path | None) -> None:
    """Keep results on disk in ``folder`` (``None``: in memory only)."""
    global _folder
    _folder = folder


def validated(kind: str, data: Any) -> Any:
    """``data`` validated as ``kind`` (see ``models.TYPES``), as records, lists and dicts.

    Raises :class:`Invalid` when the data does not fit.
    """
    try:
        payload = pickle.dumps((kind, data), protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError):
        return _validate(kind, data)  # not from YAML (a test's object): validate, keep nothing
    key = hashlib.sha256(fingerprint().encode() + b"\0" + payload).hexdigest()
    if key in _memory:
        return _memory[key]
    result = _read(key)
    if result is None:
        result = _validate(kind, data)
        _write(key, result)
    if len(_memory) >= KEEP_MEMORY:
        _memory.clear()
    _memory[key] = result
    return result


def remembered(kind: str, payload: bytes, compute: Callable[[], tuple[Any, bool]]) -> Any:
    """What ``compute`` gives for ``payload``, remembered like :func:`validated`.

    ``compute`` returns the result and whether to keep it (only results without problems are
    kept, so messages always come from the current code). The key is ``kind``, ``payload`` and
    the code's :func:`fingerprint`.
    """
    key = hashlib.sha256(
        fingerprint().encode() + b"\0" + kind.encode() + b"\0" + payload
    ).hexdigest()
    if key in _memory:
        return _memory[key]
    result = _read(key)
    if result is None:
        result, keep = compute()
        if not keep:
            return result
        _write(key, result)
    if len(_memory) >= KEEP_MEMORY:
        _memory.clear()
    _memory[key] = result
    return result


def _validate(kind: str, data: Any) -> Any:
    from pydantic import ValidationError

    from .models import adapter

    try:
        return plain(adapter(kind).validate_python(data))
    except ValidationError as error:
        raise Invalid(error.errors()) from None


def plain(value: Any) -> Any:
    """A validated model as records, lists and dicts (fields in the model's order)."""
    fields = getattr(type(value), "__pydantic_fields__", None)
    if fields is not None:
        record = {name: plain(getattr(value, name)) for name in fields}
        extra = getattr(value, "__pydantic_extra__", None) or {}
        record.update({name: plain(item) for name, item in extra.items()})
        return Record(**record)
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(plain(item) for item in value)
    return value


def as_dicts(value: Any) -> Any:
    """Records as dicts, all the way down (for templates)."""
    if isinstance(value, Record):
        return {key: as_dicts(item) for key, item in vars(value).items()}
    if isinstance(value, Mapping):
        return {key: as_dicts(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_dicts(item) for item in value]
    return value


def replace(record: Record, **changes: Any) -> Record:
    """A copy of ``record`` with some fields changed."""
    return Record(**{**vars(record), **changes})


def fingerprint() -> str:
    """Hash of what decides whether data is valid: the plugin's code and the validating
    libraries' versions. A change to either makes every remembered result miss."""
    global _fingerprint
    if _fingerprint is None:
        digest = hashlib.sha256(f"{sys.version}\n".encode())
        package = Path(__file__).parent.parent  # the whole handbook package
        for path in sorted(package.rglob("*.py")):
            name = path.relative_to(package).as_posix()
            digest.update(name.encode() + b"\0" + path.read_bytes())
        for name in ("pydantic", "pydantic_core", "email_validator"):
            digest.update(_library_version(name).encode() + b"\0")
        _fingerprint = digest.hexdigest()
    return _fingerprint


def _library_version(name: str) -> str:
    """Where a library is installed and its version file, read without importing it."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        return f"{name} -"
    folder = Path(next(iter(spec.submodule_search_locations)))
    parts = [f"{name} {folder}"]
    for file in sorted(folder.glob("version.py")) + sorted(folder.glob("*.so")):
        stat = file.stat()
        parts.append(f"{file.name} {stat.st_size} {stat.st_mtime_ns}")
        if file.suffix == ".py":
            parts.append(file.read_text(encoding="utf-8", errors="replace"))
    return "\n".join(parts)


def _entry(key: str) -> Path | None:
    if _folder is None:
        return None
    return _folder / f"{key}.pickle"


def _read(key: str) -> Any:
    """A result from disk, or ``None``. The cache folder is the project's own (like ``.venv``)."""
    path = _entry(key)
    if path is None:
        return None
    try:
        with path.open("rb") as handle:
            result = pickle.load(handle)
        os.utime(path)  # recently used: pruned last
    except Exception:  # unpickling garbage raises nearly anything (OverflowError, ...)
        return None  # missing, half-written by a crashed build, or from older code: validate
    return result


def _write(key: str, result: Any) -> None:
    path = _entry(key)
    if path is not None:
        write_whole(path, pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))


def forget() -> None:
    """Drop what is remembered in memory (tests; the disk cache stays)."""
    _memory.clear()
