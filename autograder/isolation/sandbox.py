"""One session's confinement: its run folder, the worker's command line and
confinement, its uid, and the cleanup after it."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path
from typing import TYPE_CHECKING

from ..registry import WorkerSetup
from ..worker.process import scrubbed_environment
from . import bubblewrap, landlock, uids
from .paths import OUTPUT_FILES, WORKER_DIR, package_arguments, worker_python
from .tiers import Tier

if TYPE_CHECKING:
    from .warm import WarmPool

MAX_WORKER_PROCESSES = 64


class Sandbox:
    """How to start, confine and clean up after one session's workers."""

    def __init__(
        self,
        tier: Tier,
        converters_path: Path | None,
        setup: WorkerSetup | None = None,
        pool: WarmPool | None = None,
    ) -> None:
        """``pool``: the workers are children of that warm process, inside its sandbox."""
        self.tier = tier
        self.converters_path = converters_path
        self.setup = setup
        self.pool = pool
        self.uid = uids.claim() if tier.name != "basic" and os.geteuid() == 0 else None

    def prepare(self, run_dir: Path) -> None:
        """Make the output files and what the exercise's setup puts there; give it all to the
        worker's uid."""
        if self.setup is not None:
            self.setup.prepare(run_dir)
        for name in OUTPUT_FILES:
            (run_dir / name).touch(mode=0o600)
        if self.uid is not None:
            for path in [run_dir, *run_dir.rglob("*")]:
                os.chown(path, self.uid, self.uid)

    def environment(self, run_dir: Path, *, notebook_kernel: bool = False) -> dict[str, str]:
        """The worker's whole environment: the scrubbed one, and what the exercise's setup adds."""
        added = self.setup.environment(run_dir, notebook_kernel) if self.setup is not None else {}
        return scrubbed_environment(run_dir) | added

    def command(self, run_dir: Path, environment: dict[str, str], entry: str = "main.py") -> list[str]:
        """Run ``entry``, a script of the worker folder (the worker, or a notebook kernel's entry)."""
        arguments = [*self.drop_arguments(), *package_arguments()]
        if not self.tier.uses_bubblewrap:
            return [*worker_python(), str(WORKER_DIR / entry), *arguments]
        worker = [*worker_python(), f"{bubblewrap.IN_SANDBOX_WORKER}/{entry}", *arguments]
        read_only = {bubblewrap.IN_SANDBOX_CONVERTERS: self.converters_path} if self.converters_path else {}
        return bubblewrap.command(run_dir, environment, read_only, self.uid is not None, worker)

    def drop_arguments(self) -> list[str]:
        """How the worker drops to its uid (restrict.drop_privileges), when it has one."""
        if self.uid is None:
            return []
        # no sandbox view: the interpreter may lie in root's home
        return ["--uid", str(self.uid)] + ([] if self.tier.uses_bubblewrap else ["--keep-read-access"])

    def converters_for_worker(self) -> str | None:
        if self.pool is not None:
            return self.pool.converters_for_worker(self.converters_path)
        if self.converters_path is None:
            return None
        return bubblewrap.IN_SANDBOX_CONVERTERS if self.tier.uses_bubblewrap else str(self.converters_path)

    def confinement(self, run_dir: Path, writable: list[Path] | None = None) -> dict | None:
        """What the worker confines itself to on Linux: by default it writes only its output
        files, each capped by the file-size limit, so the run folder's total size is capped and
        it holds nothing the grader cannot delete; ``writable`` replaces them (a notebook kernel
        writes its own folder). ``read``: what a landlock-tier worker may read; ``write`` None:
        no Landlock, only the seccomp filter."""
        if self.tier.name == "basic":
            return None
        if self.tier.name == "limits":
            return {"read": None, "write": None}
        if writable is None:
            writable = [run_dir / name for name in OUTPUT_FILES]
        write = [str(path) for path in writable] + ["/dev/null"]
        if self.pool is not None:  # other children's run folders are in view: Landlock hides them
            return {"read": self.pool.readable(run_dir), "write": write}
        if self.tier.name != "landlock":
            return {"read": None, "write": write}  # bubblewrap decides what is visible
        return {"read": landlock.readable(run_dir, self.converters_path), "write": write}

    def worker_limits(self, limits: dict) -> dict:
        """Processes are capped where only the worker's own count: a dedicated uid, or the user
        namespace of bubblewrap run as a user (a shared uid outside one counts the user's own)."""
        if self.uid is not None or (self.tier.uses_bubblewrap and os.geteuid() != 0):
            return dict(limits, processes=MAX_WORKER_PROCESSES)
        return limits

    def release(self) -> None:
        if self.uid is not None:
            # under bubblewrap every process of the uid was in a PID namespace that died with
            # the worker; a running warm process killed its child's
            if not self.tier.uses_bubblewrap and (self.pool is None or not self.pool.running):
                uids.kill_processes_of(self.uid)
            uids.free(self.uid)
            self.uid = None


def remove_run_folder(path: Path) -> None:
    """Delete a run folder whatever the worker did to its modes (a folder of mode 000)."""
    _unlock(path)
    shutil.rmtree(path, ignore_errors=True)


def _unlock(folder: Path) -> None:
    try:
        if not stat.S_ISDIR(os.lstat(folder).st_mode):
            return
        os.chmod(folder, 0o700)
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            _unlock(Path(entry.path))
