"""Helpers of the benchmark: project copies, the baseline copy, builds and small edits.

Nothing here writes into the project: every build goes to a temporary folder.
"""

from __future__ import annotations

import os
import re
import resource
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
# Never copied into a temporary project: outputs, tools and caches.
SKIP_PARTS = {
    ".git",
    ".venv",
    "node_modules",
    "site",
    "bench",
    "build",
    "dist",
    "variants",
    "__pycache__",
    ".pytest_cache",
    ".ruff_cache",
}
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


# --- mkdocs.yml edited as YAML nodes (keeps tags such as !!python/name: and !ENV intact) ---


def _key(mapping: yaml.MappingNode, key: str) -> int | None:
    for i, (k, _) in enumerate(mapping.value):
        if k.value == key:
            return i
    return None


def node_get(mapping: yaml.MappingNode, key: str) -> yaml.Node | None:
    i = _key(mapping, key)
    return None if i is None else mapping.value[i][1]


def node_set(mapping: yaml.MappingNode, key: str, value: object) -> None:
    new = yaml.compose(yaml.safe_dump(value), Loader=yaml.SafeLoader)
    i = _key(mapping, key)
    pair = (yaml.ScalarNode("tag:yaml.org,2002:str", key), new)
    if i is None:
        mapping.value.append(pair)
    else:
        mapping.value[i] = pair


def node_drop(mapping: yaml.MappingNode, key: str) -> None:
    i = _key(mapping, key)
    if i is not None:
        del mapping.value[i]


def plugin_name(node: yaml.Node) -> str:
    if isinstance(node, yaml.ScalarNode):
        return str(node.value)
    if isinstance(node, yaml.MappingNode) and node.value:
        return str(node.value[0][0].value)
    return ""


def drop_plugins(config: yaml.MappingNode, names: set[str]) -> None:
    plugins = node_get(config, "plugins")
    if isinstance(plugins, yaml.SequenceNode):
        plugins.value = [p for p in plugins.value if plugin_name(p) not in names]
    elif isinstance(plugins, yaml.MappingNode):
        plugins.value = [(k, v) for k, v in plugins.value if k.value not in names]


def read_config(path: Path) -> yaml.MappingNode:
    node = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    if not isinstance(node, yaml.MappingNode):
        raise ValueError(f"{path}: not a mapping")
    return node


def write_config(node: yaml.MappingNode, path: Path) -> None:
    path.write_text(
        yaml.serialize(node, Dumper=yaml.SafeDumper, allow_unicode=True), encoding="utf-8"
    )


def plugin_names(config: yaml.MappingNode) -> list[str]:
    plugins = node_get(config, "plugins")
    if isinstance(plugins, yaml.SequenceNode):
        return [plugin_name(p) for p in plugins.value]
    if isinstance(plugins, yaml.MappingNode):
        return [k.value for k, _ in plugins.value]
    return []


# --- projects ---


def copy_project(dest: Path, root: Path = ROOT) -> Path:
    """A copy of the project's sources (no git, outputs or tools) that may be edited."""
    dest.mkdir(parents=True, exist_ok=True)
    for item in sorted(root.iterdir()):
        if item.name in SKIP_PARTS or (item.name.startswith(".") and item.name != ".ci"):
            continue
        if item.is_dir():
            shutil.copytree(
                item,
                dest / item.name,
                ignore=shutil.ignore_patterns(*SKIP_PARTS),
                dirs_exist_ok=True,
            )
        else:
            shutil.copy2(item, dest / item.name)
    return dest


GIT_ENV = {
    "GIT_AUTHOR_NAME": "Benchmark",
    "GIT_AUTHOR_EMAIL": "bench@example.invalid",
    "GIT_COMMITTER_NAME": "Benchmark",
    "GIT_COMMITTER_EMAIL": "bench@example.invalid",
}


def git(*args: str, cwd: Path) -> str:
    result = subprocess.run(
        ["git", *args],
        cwd=cwd,
        env={**ENV, **GIT_ENV},
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    return result.stdout


def commit_all(project: Path, message: str = "Benchmark") -> Path:
    """Make ``project`` a git repository with its files in one commit (a full history)."""
    if not (project / ".git").exists():
        git("init", "--quiet", "--initial-branch=main", ".", cwd=project)
    git("add", "--all", cwd=project)
    git("commit", "--quiet", "--allow-empty", "--no-gpg-sign", "-m", message, cwd=project)
    return project


def clone(source: Path, dest: Path) -> Path:
    """A local clone of the git repository ``source`` (its history, checked out at HEAD)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    git("clone", "--quiet", "--local", "--no-hardlinks", str(source), str(dest), cwd=dest.parent)
    return dest


def snapshot(dest: Path, root: Path = ROOT) -> Path:
    """The project as it is now, with its git history: a clone with the work tree on top.

    Builds then read the same history as in the real project (page dates, changelog), and
    the build cache (``.cache/``) lands in the copy, never in the project.
    """
    if (root / ".git").exists():
        clone(root, dest)
    return copy_project(dest, root)


def children_cpu() -> float:
    """CPU seconds (user + system) of all finished child processes so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(
    command: list[str], cwd: Path, timeout: float = 600, env: dict[str, str] | None = None
) -> float:
    """Run ``command``; its CPU seconds (less sensitive than wall time to a busy machine)."""
    before = children_cpu()
    result = subprocess.run(
        command,
        cwd=cwd,
        env={**ENV, **(env or {})},
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if result.returncode != 0:
        raise RuntimeError(
            f"{' '.join(command)} failed in {cwd}:\n{result.stdout[-3000:]}\n"
            f"{result.stderr[-3000:]}"
        )
    return children_cpu() - before


def build(
    project: Path, out: Path, strict: bool = True, env: dict[str, str] | None = None
) -> float:
    """A real ``mkdocs build`` of ``project`` into ``out`` (a fresh process, as CI runs it).

    ``env`` adds environment variables. Returns the CPU seconds of that process.
    """
    args = ["build", "--clean", "--site-dir", str(out), "--config-file", "mkdocs.yml"]
    if strict:
        args.insert(1, "--strict")
    return run([str(VENV_BIN / "mkdocs"), *args], cwd=project, env=env)


# --- the baseline: plain MkDocs + Material on the same final Markdown ---


def capture_markdown(project: Path, dest: Path) -> None:
    """Build ``project`` once and keep every page's final Markdown (after macros) in ``dest``."""
    dest.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [sys.executable, "-m", "bench.capture", str(project / "mkdocs.yml"), str(dest)],
        cwd=ROOT,
        env={**ENV, "PYTHONPATH": str(ROOT)},
        check=True,
        capture_output=True,
        text=True,
        timeout=600,
    )


def make_baseline(project: Path, captured: Path, dest: Path) -> Path:
    """Plain MkDocs + Material site of the same final Markdown: no handbook, no macros.

    ``captured`` holds the final Markdown of every page (see :func:`capture_markdown`); the
    theme, its overrides, CSS, Markdown extensions, nav and search stay as in the project.
    When ``project`` is a git repository the baseline is a clone of it, so the page-date plugin
    reads the same history in both builds.
    """
    config = read_config(project / "mkdocs.yml")
    docs_node = node_get(config, "docs_dir")
    docs_name = str(docs_node.value) if isinstance(docs_node, yaml.ScalarNode) else "docs"
    if (project / ".git").exists():
        clone(project, dest)
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copytree(project / docs_name, dest / docs_name, dirs_exist_ok=True)
    for page in captured.rglob("*.md"):
        target = dest / docs_name / page.relative_to(captured)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(page, target)
    drop_plugins(config, {"handbook", "macros"})
    for key in ("hooks", "watch"):
        node_drop(config, key)
    write_config(config, dest / "mkdocs.yml")
    return dest


# --- live reload and small edits ---


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def set_yaml_scalar(path: Path, key: str, value: str) -> None:
    """Replace a top-level ``key: value`` line, keeping comments and layout."""
    text = path.read_text(encoding="utf-8")
    new, count = re.subn(rf"^{re.escape(key)}:.*$", f"{key}: {value}", text, count=1, flags=re.M)
    if count != 1:
        raise ValueError(f"{path}: no top-level key {key!r}")
    path.write_text(new, encoding="utf-8")


def set_heading(path: Path, text: str) -> None:
    """Replace the first ``# heading`` of a Markdown page, keeping the rest."""
    content = path.read_text(encoding="utf-8")
    new, count = re.subn(r"^# .*$", f"# {text}", content, count=1, flags=re.M)
    if count != 1:
        raise ValueError(f"{path}: no '# heading'")
    path.write_text(new, encoding="utf-8")
