"""What every command needs: the project folder it works in, and paths shown relative to it."""

from __future__ import annotations

import argparse
from pathlib import Path


def project_root(args: argparse.Namespace) -> Path:
    return Path(args.root).resolve()


def shown(path: Path, root: Path) -> str:
    return str(path.relative_to(root)) if path.is_relative_to(root) else str(path)
