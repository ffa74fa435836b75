"""Isolation tiers: how a worker is confined on this machine, detected once per run.

Strongest first:

- ``bubblewrap-uid`` (Linux, root): bubblewrap shows the worker only the
  interpreter, its libraries, the worker's own files and its run folder, with
  no network and a private /tmp, /proc and PID namespace.
- ``bubblewrap`` (Linux, normal user): the same view, under the user's own uid.
- ``landlock`` (Linux without bubblewrap): the worker confines itself with
  Landlock (what it may read, whom it may signal).
- ``limits`` (Linux without either): resource limits and timeouts only; the
  grader's files are readable. Reports say so loudly.

In every Linux tier the worker may write only its two output files, each capped
in size (Landlock, where the kernel has it), can open no socket (seccomp), and
keeps every process it starts below itself (a subreaper; see worker/main.py).
As root, in every tier, the worker drops to a dedicated uid with no groups,
capped in processes, and every process of that uid is killed afterwards.
- ``basic`` (macOS, Windows): timeouts and process-group kill; local scores are
  advisory (a student release holds no secrets).

``GRADE_ISOLATION=<tier>`` asks for a weaker tier (for comparisons).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import site
import stat
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .i18n import Text

WORKER_DIR = Path(__file__).parent / "worker"
IN_SANDBOX_WORKER = "/grader/worker"
IN_SANDBOX_CONVERTERS = "/grader/converters.py"
FIRST_WORKER_UID = 61000
WORKER_UIDS = 1000
MAX_WORKER_PROCESSES = 64


@dataclass(frozen=True)
class Tier:
    name: str
    protects_grader_files: bool
    summary: Text


TIERS = {
    t.name: t
    for t in (
        Tier(
            "bubblewrap-uid",
            True,
            Text(
                "bubblewrap and a dedicated unprivileged uid: the grader's files, the network and other "
                "processes are out of your code's reach",
                "bubblewrap 加独立的非特权用户：你的代码接触不到评分程序的文件、网络和其他进程",
            ),
        ),
        Tier(
            "bubblewrap",
            True,
            Text(
                "bubblewrap: the grader's files, the network and other processes are out of your code's reach",
                "bubblewrap：你的代码接触不到评分程序的文件、网络和其他进程",
            ),
        ),
        Tier(
            "landlock",
            True,
            Text(
                "Landlock and seccomp: your code can read only the libraries it needs and has no network",
                "Landlock 与 seccomp：你的代码只能读取所需的库，不能联网",
            ),
        ),
        Tier(
            "limits",
            False,
            Text(
                "resource limits only: no bubblewrap or Landlock here, so hidden checks are NOT protected "
                "from the code being graded",
                "只有资源限制：本机没有 bubblewrap 或 Landlock，隐藏检查无法防范被评代码",
            ),
        ),
        Tier(
            "basic",
            False,
            Text(
                "timeouts only (not Linux): scores here are advisory",
                "只有超时限制（非 Linux 系统）：这里的分数仅供参考",
            ),
        ),
    )
}


class IsolationUnavailable(Exception):
    def __init__(self, asked: str, available: list[str]) -> None:
        super().__init__(asked)
        self.asked = asked
        self.available = available


@cache
def available_tiers() -> list[str]:
    """The tiers this machine can give, strongest first; probed once per process."""
    if not sys.platform.startswith("linux"):
        return ["basic"]
    found = []
    if _bubblewrap_works(as_root=os.geteuid() == 0):
        found.append("bubblewrap-uid" if os.geteuid() == 0 else "bubblewrap")
    if _landlock_abi() >= 1:
        found.append("landlock")
    return [*found, "limits"]


@cache
def detect() -> Tier:
    available = available_tiers()
    asked = os.environ.get("GRADE_ISOLATION", "").strip()
    if not asked:
        return TIERS[available[0]]
    if asked not in available:
        raise IsolationUnavailable(asked, available)
    return TIERS[asked]


def _bubblewrap_works(as_root: bool) -> bool:
    binary = shutil.which("bwrap")
    if binary is None:
        return False
    info_read, info_write = os.pipe()
    try:
        done = subprocess.run(
            [
                binary,
                "--ro-bind",
                "/",
                "/",
                *_namespaces(as_root),
                "--die-with-parent",
                "--info-fd",
                str(info_write),
                "true",
            ],
            capture_output=True,
            timeout=10,
            pass_fds=(info_write,),
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    finally:
        os.close(info_write)
        with os.fdopen(info_read, "rb") as info:
            _reap_sandbox_init(info.read())
    return done.returncode == 0


def _reap_sandbox_init(info: bytes) -> None:
    """bubblewrap leaves the init of its PID namespace to whoever reaps orphans: when that is
    this process (a subreaper, or PID 1 in a container), reap it rather than leave a zombie."""
    try:
        pid = int(json.loads(info)["child-pid"])
        os.waitpid(pid, 0)
    except (ValueError, KeyError, TypeError, ChildProcessError):
        pass


def _namespaces(as_root: bool) -> list[str]:
    """As root, no user namespace: the worker's later setuid must be a real one."""
    if as_root:
        return ["--unshare-ipc", "--unshare-pid", "--unshare-net", "--unshare-uts", "--unshare-cgroup-try"]
    return ["--unshare-all"]


def _landlock_abi() -> int:
    sys.path.insert(0, str(WORKER_DIR))
    try:
        import confine  # the worker's own module: ctypes only
    finally:
        sys.path.remove(str(WORKER_DIR))
    return confine.landlock_abi()


def grader_paths() -> list[Path]:
    """What the worker must never read: the grader package, the reference, the stubs' package."""
    import importlib.util

    paths = [Path(__file__).parent]
    for name in ("solutions", "exercises"):
        spec = importlib.util.find_spec(name)
        if spec is not None and spec.submodule_search_locations:
            paths += [Path(p) for p in spec.submodule_search_locations]
    return paths


def library_roots() -> list[Path]:
    """The interpreter and the package folders a worker reads from."""
    roots = [Path(sys.base_prefix), Path(sys.prefix)]
    roots += [Path(p) for p in site.getsitepackages() if Path(p).is_dir()]
    return _outermost(roots)


def _outermost(paths: list[Path]) -> list[Path]:
    resolved = sorted({p.resolve() for p in paths}, key=lambda p: len(p.parts))
    kept: list[Path] = []
    for path in resolved:
        if not any(path.is_relative_to(k) for k in kept):
            kept.append(path)
    return kept


SYSTEM_DIRS = ("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32")
SYSTEM_FILES = ("/etc/ld.so.cache", "/etc/localtime")
OUTPUT_FILES = ("stdout.txt", "stderr.txt")  # what the student's code printed: the worker writes only these


class Sandbox:
    """How to start, confine and clean up after one session's workers."""

    def __init__(self, tier: Tier, converters_path: Path | None) -> None:
        self.tier = tier
        self.converters_path = converters_path
        self.uid = _claim_uid() if tier.name != "basic" and os.geteuid() == 0 else None

    @property
    def uses_bubblewrap(self) -> bool:
        return self.tier.name.startswith("bubblewrap")

    def prepare(self, run_dir: Path) -> None:
        """Make the output files; seed matplotlib's font cache; give it all to the worker's uid."""
        cache = matplotlib_cache()
        target = run_dir / "matplotlib"
        target.mkdir(exist_ok=True)
        for fontlist in cache.glob("fontlist-*.json"):
            shutil.copyfile(fontlist, target / fontlist.name)
        for name in OUTPUT_FILES:
            (run_dir / name).touch(mode=0o600)
        if self.uid is not None:
            for path in [run_dir, *run_dir.rglob("*")]:
                os.chown(path, self.uid, self.uid)

    def command(self, run_dir: Path, environment: dict[str, str], entry: str = "main.py") -> list[str]:
        """Run ``entry``, a script of the worker folder (the worker, or a notebook kernel's entry)."""
        # the venv's own path (its pyvenv.cfg matters), without ".." through folders the sandbox lacks
        python = [os.path.abspath(sys.executable), "-I"]
        drop = ["--uid", str(self.uid)] if self.uid is not None else []
        if not self.uses_bubblewrap:  # no sandbox view: the interpreter may lie in root's home
            return python + [str(WORKER_DIR / entry)] + drop + (["--keep-read-access"] if drop else [])
        argv = [
            "bwrap",
            *_namespaces(self.uid is not None),
            "--die-with-parent",
            "--new-session",
            "--clearenv",
        ]
        argv += [arg for name, value in environment.items() for arg in ("--setenv", name, value)]
        argv += ["--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"]
        for directory in SYSTEM_DIRS:
            if os.path.islink(directory):
                argv += ["--symlink", os.readlink(directory), directory]
            elif os.path.isdir(directory):
                argv += ["--ro-bind", directory, directory]
        for file in SYSTEM_FILES:
            argv += ["--ro-bind-try", file, file]
        roots = [r for r in library_roots() if not any(r.is_relative_to(s) for s in map(Path, SYSTEM_DIRS))]
        files = [Path(f) for f in SYSTEM_FILES if os.path.exists(f)]
        argv += _traversable_parents([*roots, *files, Path(IN_SANDBOX_WORKER), run_dir])
        for root in roots:
            argv += ["--ro-bind", str(root), str(root)]
        for hidden in grader_paths():
            if any(hidden.resolve().is_relative_to(r) for r in roots):
                argv += ["--tmpfs", str(hidden.resolve())]
        argv += ["--ro-bind", str(WORKER_DIR), IN_SANDBOX_WORKER]
        if self.converters_path is not None:
            argv += ["--ro-bind", str(self.converters_path), IN_SANDBOX_CONVERTERS]
        argv += ["--bind", str(run_dir), str(run_dir), "--chdir", str(run_dir)]
        return argv + python + [f"{IN_SANDBOX_WORKER}/{entry}"] + drop

    def converters_for_worker(self) -> str | None:
        if self.converters_path is None:
            return None
        return IN_SANDBOX_CONVERTERS if self.uses_bubblewrap else str(self.converters_path)

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
        if self.tier.name != "landlock":
            return {"read": None, "write": write}  # bubblewrap decides what is visible
        hidden = [p.resolve() for p in grader_paths()]
        read = [
            *SYSTEM_DIRS,
            *SYSTEM_FILES,
            "/proc/self",
            "/proc/cpuinfo",
            "/proc/meminfo",
            "/sys/devices/system/cpu",
            "/dev/null",
            "/dev/urandom",
            str(WORKER_DIR),
            str(run_dir),
        ]
        if self.converters_path is not None:
            read.append(str(self.converters_path))
        for root in library_roots():
            read += [str(p) for p in _readable_below(root, hidden)]
        return {"read": read, "write": write}

    def worker_limits(self, limits: dict) -> dict:
        """A dedicated uid can be capped in processes (for a shared uid that would count the user's own)."""
        return dict(limits, processes=MAX_WORKER_PROCESSES) if self.uid is not None else limits

    def release(self) -> None:
        if self.uid is not None:
            kill_processes_of(self.uid)
            _free_uid(self.uid)
            self.uid = None


def _traversable_parents(targets: list[Path]) -> list[str]:
    """bubblewrap makes a mount point's missing parents mode 0700: make them 0755 first,
    so that a dropped uid can reach what is mounted below them."""
    made: list[str] = []
    argv: list[str] = []
    for target in targets:
        for parent in reversed(target.parents[:-1]):
            name = str(parent)
            if name in made or name in ("/tmp", *SYSTEM_DIRS):
                continue
            made.append(name)
            argv += ["--perms", "0755", "--dir", name]
    return argv


def _readable_below(root: Path, hidden: list[Path]) -> list[Path]:
    """``root``, or its entries when a hidden path lies inside it (Landlock only allows)."""
    if not any(h.is_relative_to(root) for h in hidden):
        return [root]
    if root in hidden:
        return []
    found = []
    for entry in root.iterdir():
        resolved = entry.resolve()
        if any(resolved == h for h in hidden):
            continue
        found += _readable_below(resolved, hidden) if resolved.is_dir() else [resolved]
    return found


def matplotlib_cache() -> Path:
    """A lasting font cache for matplotlib, built by the grader's own trusted process."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    path = base / "cross-entropy-grader" / "matplotlib"
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError:
        path = Path(tempfile.gettempdir()) / f"cross-entropy-grader-matplotlib-{os.getuid()}"
        path.mkdir(parents=True, exist_ok=True)
    return path


def build_matplotlib_cache() -> None:
    """Build the font cache once, outside any worker (a student's code never writes it)."""
    cache = matplotlib_cache()
    if any(cache.glob("fontlist-*.json")):
        return
    env = dict(os.environ, MPLCONFIGDIR=str(cache), MPLBACKEND="Agg")
    subprocess.run(
        [sys.executable, "-I", "-c", "import matplotlib.font_manager"],
        env=env,
        capture_output=True,
        timeout=120,
    )


def _uid_lock_dir() -> Path:
    path = Path(tempfile.gettempdir()) / "cross-entropy-grader-uids"
    path.mkdir(mode=0o700, exist_ok=True)
    return path


def _claim_uid() -> int:
    """A uid no other grading holds: a lock file per uid, stale ones (dead owner) taken over."""
    folder = _uid_lock_dir()
    for uid in range(FIRST_WORKER_UID, FIRST_WORKER_UID + WORKER_UIDS):
        lock = folder / str(uid)
        try:
            fd = os.open(lock, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            if _owner_alive(lock):
                continue
            lock.unlink(missing_ok=True)
            try:
                fd = os.open(lock, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:
                continue
        os.write(fd, str(os.getpid()).encode())
        os.close(fd)
        return uid
    raise RuntimeError("no free worker uid")


def _owner_alive(lock: Path) -> bool:
    try:
        os.kill(int(lock.read_text() or 0), 0)
    except (ValueError, ProcessLookupError, OSError):
        return False
    return True


def _free_uid(uid: int) -> None:
    (_uid_lock_dir() / str(uid)).unlink(missing_ok=True)


def kill_processes_of(uid: int) -> None:
    """SIGKILL every process of ``uid`` (setsid escapes included) at once: kill(-1) sent as
    that uid reaches exactly its processes, in one pass the kernel keeps atomic against fork."""
    killer = os.fork()
    if killer == 0:  # system calls only: nothing here depends on the grader's other threads
        try:
            os.setgroups([])
            os.setgid(uid)
            os.setuid(uid)
            os.kill(-1, signal.SIGKILL)
        finally:
            os._exit(0)
    os.waitpid(killer, 0)


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
