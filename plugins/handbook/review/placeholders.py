"""Unknown placeholders in pages, found without a build (``handbook check``)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import yaml
from jinja2 import Environment

from ..core.errors import HandbookError
from ..core.frontmatter import front_matter_text
from ..core.placeholders import Recorder, index_paths, placeholder_messages, syntax_message
from ..core.unavailable import tolerate
from ..core.yamlsrc import parse_yaml
from .pages import PageInfo, body_start

# Names mkdocs-macros offers every page besides our data and macros.
MACROS_BUILTINS = (
    "page",
    "config",
    "environment",
    "plugin",
    "git",
    "files",
    "navigation",
    "extra",
    "macros_info",
    "now",
    "fix_url",
    "context",
    "render_file",
    "pretty",
)


class _Anything:
    """Stands in for what mkdocs-macros offers (page, config, ...): any use is fine."""

    def __getattr__(self, name: str) -> _Anything:
        return self

    def __getitem__(self, key: Any) -> _Anything:
        return self

    def __call__(self, *args: Any, **kwargs: Any) -> _Anything:
        return self

    def __iter__(self):
        return iter(())

    def __str__(self) -> str:
        return ""


def _strings(value: Any) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)


def page_placeholder_messages(
    page: PageInfo,
    variables: Mapping[str, Any],
    macros: Mapping[str, Callable[..., str]],
    extra: Mapping[str, Any] | None = None,
) -> list[str]:
    """Unknown ``{{ placeholders }}`` and macro errors in one page, as the build reports them."""
    raw = page.raw
    fm = front_matter_text(raw)
    meta: dict[str, Any] = {}
    offset = body_start(raw)
    body = "\n".join(raw.splitlines()[offset:])
    if fm is not None:
        try:
            loaded = parse_yaml(fm, Path(page.path), page.path).data
            meta = loaded if isinstance(loaded, dict) else {}
        except HandbookError:  # reported by the page check, once
            meta = {}
    if meta.get("render_macros") is False:
        return []
    recorder = Recorder(paths=index_paths(variables))
    env = tolerate(Environment(undefined=recorder.undefined_class(), autoescape=False))
    problem = syntax_message(env, page.path, body, offset)
    if problem:
        return [problem]
    context: dict[str, Any] = {name: _Anything() for name in MACROS_BUILTINS}
    context.update(extra or {})
    context.update(meta)
    context.update(variables)
    context.update(macros)
    messages = []
    for text in [body, *_strings(meta)]:
        if "{" not in text:
            continue
        try:
            env.from_string(text).render(**context)
        except Exception as error:  # a macro's own error, as the plugin reports it
            detail = (
                str(error) if isinstance(error, ValueError) else f"{type(error).__name__}: {error}"
            )
            messages.append(
                f"{page.path}: een macro op deze pagina gaf een fout: {detail}. Controleer de "
                "naam van de macro en de waarden tussen de haakjes."
            )
    messages.extend(placeholder_messages(page.path, recorder.take(), raw))
    return messages


def mkdocs_extra(root: Path) -> dict[str, Any]:
    """The ``extra:`` block of mkdocs.yml (macros offers it to pages), tags ignored."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    try:
        config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    except (OSError, yaml.YAMLError):
        return {}
    extra = config.get("extra") if isinstance(config, dict) else None
    return dict(extra) if isinstance(extra, dict) else {}
