"""``grade gradescope build``: the zip a teacher uploads to Gradescope as the autograder.

Gradescope unpacks it into /autograder/source, runs ``setup.sh`` there once when it builds
its image, and ``run_autograder`` (copied to /autograder) for each submission. The zip holds:

- ``setup.sh``: bubblewrap (the strongest isolation tier), a virtual environment at
  /autograder/venv and the grader's dependencies, pinned to the versions of the machine that
  built the bundle (``requirements.txt``);
- ``run_autograder``: grades /autograder/submission into /autograder/results/results.json
  (run.py), and writes a result even when the grader itself fails;
- ``autograder/``: the grader package as it is installed (references and stubs inside it),
  with ``gradescope.json`` (the choices made at build time) and ``course-secret`` (the secret
  the students' seeds come from, as ``grade batch`` uses it): inside the package, which no
  worker can read, so no submission learns the seeds.
"""

from __future__ import annotations

import json
import stat
import zipfile
from importlib import metadata
from pathlib import Path

from ..registry import PACKAGE_DIR, course_folder

CONFIG = "gradescope.json"
SECRET = "course-secret"
REQUIREMENTS = "requirements.txt"
DISTRIBUTION = "cross-entropy-autograder"

SETUP = """#!/usr/bin/env bash
# Gradescope runs this once, from /autograder/source, when it builds the autograder's image.
set -euo pipefail
cd "$(dirname "$0")"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq bubblewrap python3 python3-venv >/dev/null
python3 -m venv /autograder/venv
/autograder/venv/bin/python -m pip install --quiet --upgrade pip
/autograder/venv/bin/python -m pip install --quiet -r requirements.txt
"""

RUN = """#!/usr/bin/env bash
# Gradescope runs this for each submission: the files in /autograder/submission are graded
# into /autograder/results/results.json, which is always written (a result of 0 points with
# a message when the grader itself fails). What the student's code printed goes to stdout,
# which Gradescope shows to instructors.
results=/autograder/results/results.json
mkdir -p /autograder/results
rm -f "$results"
cd /autograder/source || exit 0
PYTHONPATH=/autograder/source /autograder/venv/bin/python -m autograder gradescope run --root /autograder
if [ ! -s "$results" ]; then
    printf '%s\\n' '{"score": 0, "output": "The grader failed before it could grade this submission: please tell your teacher. / 评分程序在评分前出错，请告诉老师。", "tests": []}' > "$results"
fi
exit 0
"""


def build(out: Path, secret: bytes, hidden_visibility: str, lang: str) -> None:
    """Write the bundle to ``out`` (replaced whole)."""
    temporary = out.with_name(f".{out.name}.partial")
    with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as bundle:
        _add(bundle, "setup.sh", SETUP, executable=True)
        _add(bundle, "run_autograder", RUN, executable=True)
        _add(bundle, REQUIREMENTS, _requirements())
        _add(bundle, f"autograder/{SECRET}", secret.decode() + "\n")
        config = {"hidden_visibility": hidden_visibility, "language": lang}
        _add(bundle, f"autograder/{CONFIG}", json.dumps(config) + "\n")
        for name, folder in (("", PACKAGE_DIR), ("solutions", course_folder("solutions"))):
            _add_package(bundle, folder, Path("autograder") / name)
        _add_package(bundle, course_folder("exercises"), Path("autograder") / "exercises")
    temporary.replace(out)


def _requirements() -> str:
    """The grader's dependencies, pinned to the versions installed here."""
    lines = []
    for requirement in metadata.requires(DISTRIBUTION) or []:
        if ";" in requirement:  # an extra's
            continue
        name = requirement.split(">")[0].split("=")[0].split("<")[0].split("[")[0].strip()
        lines.append(f"{name}=={metadata.version(name)}")
    return "\n".join(lines) + "\n"


def _add_package(bundle: zipfile.ZipFile, folder: Path, inside: Path) -> None:
    """A package folder's files as installed: no caches, no nested course folder twice."""
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if not path.is_file() or "__pycache__" in relative.parts or path.suffix == ".pyc":
            continue
        if folder == PACKAGE_DIR and relative.parts[0] in ("solutions", "exercises"):
            continue  # added from their own folders
        _add(bundle, str(inside / relative), path.read_bytes())


def _add(bundle: zipfile.ZipFile, name: str, data: str | bytes, executable: bool = False) -> None:
    info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    mode = 0o755 if executable else 0o644
    info.external_attr = (stat.S_IFREG | mode) << 16
    bundle.writestr(info, data)
