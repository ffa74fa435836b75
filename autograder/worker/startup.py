"""What ``site`` would give a worker, which starts without it (``python -I -S``): no .pth
file of the environment runs in a worker (an editable install's import hook among them), and
it starts sooner. The grader passes the environment's package folders (``--packages DIR``);
the student's code also gets the exit() and quit() it would have had. Standard library only."""

from __future__ import annotations

import site
import sys


def add_package_folders(argv: list[str]) -> None:
    folders = [argv[i + 1] for i, arg in enumerate(argv[:-1]) if arg == "--packages"]
    sys.path.extend(folder for folder in folders if folder not in sys.path)
    site.setquit()
    site.sethelper()
