"""What this exercise's workers need from the grader: matplotlib drawing off-screen, with a
font cache in the run folder. The grader builds the cache once, in a process of its own, and
copies it in: each worker would otherwise build it again, slowly, and no student's code ever
writes the copy the grader keeps."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from importlib import metadata
from pathlib import Path

CONFIG_FOLDER = "matplotlib"  # in the run folder
FONT_CACHE = "fontlist-*.json"


def prepare(run_dir: Path) -> None:
    """Copy the font cache into the run folder, building it first on a machine without one."""
    cache = _font_cache()
    if not any(cache.glob(FONT_CACHE)):
        subprocess.run(
            [sys.executable, "-I", "-c", "import matplotlib.font_manager"],
            env=dict(os.environ, MPLCONFIGDIR=str(cache), MPLBACKEND="Agg"),
            capture_output=True,
            timeout=120,
        )
    target = run_dir / CONFIG_FOLDER
    target.mkdir(exist_ok=True)
    for fontlist in cache.glob(FONT_CACHE):
        shutil.copyfile(fontlist, target / fontlist.name)


def environment(run_dir: Path, notebook_kernel: bool) -> dict[str, str]:
    """matplotlib's configuration from the run folder; the Agg backend, except in a notebook's
    kernel, where ipykernel chooses its inline backend."""
    added = {"MPLCONFIGDIR": str(run_dir / CONFIG_FOLDER)}
    if not notebook_kernel:
        added["MPLBACKEND"] = "Agg"
    return added


def _font_cache() -> Path:
    """The grader's lasting copy of the cache, in this user's cache folder: one per version of
    matplotlib (each reads its own version of the cache, and builds it again otherwise)."""
    version = metadata.version("matplotlib")
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    path = base / "cross-entropy-grader" / "matplotlib" / version
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError:
        path = Path(tempfile.gettempdir()) / f"cross-entropy-grader-matplotlib-{os.getuid()}" / version
        path.mkdir(parents=True, exist_ok=True)
    return path
