"""The kernel nbgrader starts for a student's notebook, confined like the grader's worker.

``ConfinedExecute`` is nbgrader's ``Execute`` with ``ConfinedKernelManager``;
the generated ``nbgrader_config.py`` puts it in the autograde pipeline only
(``nbgrader validate`` keeps the ordinary kernel). The manager starts the
kernel through ``worker/kernel.py`` in the sandbox of the machine's tier:

- the kernel's channels are Unix socket files (``transport="ipc"``) in a
  private runtime folder, so bubblewrap can take the network away entirely,
  and seccomp can deny every other socket family;
- it runs in a private copy of the notebook's folder inside that runtime
  folder, the only place it may write: nothing it leaves (files, links, a
  process that outlived it) reaches the folders nbgrader writes and copies
  to students as the teacher; the grader's package, the reference and the
  stubs' package are out of its sight (bubblewrap) or reach (Landlock);
- as root it runs under the sandbox's dedicated uid, in every tier that has one;
- after shutdown every process it started is killed and the runtime folder removed.

Nothing the kernel does is scored: see :mod:`autograder.nbgrader_grading`.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from jupyter_client import AsyncKernelManager
from nbgrader.preprocessors import Execute

from .isolation.sandbox import Sandbox
from .isolation.tiers import detect
from .registry import WorkerSetup, named
from .worker.process import Limits
from .worker.tree import descendants

KERNEL_LIMITS = Limits(cpu_seconds=600, open_files=256)


class ConfinedKernelManager(AsyncKernelManager):
    """Starts the kernel confined; kills what it started and gives its folder back at shutdown."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._runtime: Path | None = None
        self._sandbox: Sandbox | None = None
        self.worker_setup: WorkerSetup | None = None  # the notebook's exercise's, set by ConfinedExecute

    async def _async_pre_start_kernel(self, **kw):
        self._runtime = Path(tempfile.mkdtemp(prefix="grade-kernel-"))
        try:
            return await self._confined_start(**kw)
        except BaseException:
            self._release()
            raise

    async def _confined_start(self, **kw):
        self._sandbox = Sandbox(detect(), None, self.worker_setup)
        self.transport = "ipc"
        self.ip = str(self._runtime / "channel")
        self.connection_file = str(self._runtime / "connection.json")
        workdir = self._runtime / "notebook"
        shutil.copytree(kw.get("cwd") or os.getcwd(), workdir, symlinks=True)
        kernel_command, kw = await super()._async_pre_start_kernel(**kw)
        if os.sep in kernel_command[0]:  # an interpreter run as ../venv/bin/python: no ".." through
            kernel_command[0] = os.path.abspath(kernel_command[0])  # folders the sandbox lacks
        self._sandbox.prepare(self._runtime)  # the exercise's setup, and the folder to the sandbox's uid
        environment = kernel_environment(self._runtime, self._sandbox)
        setup = {
            "limits": self._sandbox.worker_limits(KERNEL_LIMITS.for_worker()),
            "confine": self._sandbox.confinement(self._runtime, writable=[self._runtime]),
            "cwd": str(workdir),
        }
        command = self._sandbox.command(self._runtime, environment, entry="kernel.py")
        kw.update(
            env=environment,
            cwd=str(workdir),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        return [*command, json.dumps(setup), "--", *kernel_command], kw

    # jupyter_client types these as attributes of KernelManager's synchronous methods
    async def shutdown_kernel(self, now: bool = False, restart: bool = False) -> None:  # type: ignore[override]
        has_process = self.provisioner is not None and self.provisioner.has_process
        pid = getattr(self.provisioner, "pid", None) if has_process else None  # a LocalProvisioner's
        tree = descendants(pid) if pid else []
        try:
            await super().shutdown_kernel(now=now, restart=restart)
        finally:
            for process in tree:
                try:
                    os.kill(process, signal.SIGKILL)
                except (ProcessLookupError, PermissionError):
                    pass
            self._release()

    async def cleanup_resources(self, restart: bool = False) -> None:  # type: ignore[override]
        """What nbclient calls instead of shutdown_kernel when the kernel is already dead."""
        try:
            await super().cleanup_resources(restart=restart)
        finally:
            self._release()

    def _release(self) -> None:
        if self._sandbox is not None:
            self._sandbox.release()  # as root: kills every process of the sandbox's uid
            self._sandbox = None
        if self._runtime is not None:
            shutil.rmtree(self._runtime, ignore_errors=True)
            self._runtime = None


class ConfinedExecute(Execute):
    """nbgrader's Execute with the confined kernel. A kernel that dies or hangs ends the run of
    the notebook's cells and nothing else: the scores never came from it."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("kernel_manager_class", ConfinedKernelManager)
        super().__init__(**kwargs)
        self._worker_setup: WorkerSetup | None = None

    def preprocess(self, nb, resources=None, km=None):
        exercise = named(resources["nbgrader"]["notebook"])
        self._worker_setup = exercise.worker_setup if exercise is not None else None
        try:
            return super().preprocess(nb, resources, km)
        except Exception as failure:
            self.log.warning(
                "The notebook's kernel stopped early (%s: %s); the cells after it have no "
                "output. Scores do not depend on the kernel.",
                type(failure).__name__,
                str(failure)[:200],
            )
            return nb, resources

    def create_kernel_manager(self):
        manager = super().create_kernel_manager()
        if isinstance(manager, ConfinedKernelManager):
            manager.worker_setup = self._worker_setup
        return manager


def kernel_environment(runtime: Path, sandbox: Sandbox) -> dict[str, str]:
    """The worker's environment, as a notebook's kernel, with IPython's state in the runtime folder."""
    environment = sandbox.environment(runtime, notebook_kernel=True)
    environment["IPYTHONDIR"] = str(runtime / "ipython")
    environment["JUPYTER_RUNTIME_DIR"] = str(runtime / "jupyter")
    return environment
