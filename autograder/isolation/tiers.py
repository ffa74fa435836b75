"""Isolation tiers: how a worker is confined on this machine, detected once per process
(bubblewrap's verdict remembered across processes, see verdict.py).

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
capped in processes, and every process of that uid is killed afterwards. As a
user, bubblewrap's user namespace caps the worker's own processes the same way.
- ``basic`` (macOS, Windows): timeouts and process-group kill; local scores are
  advisory (a student release holds no secrets).

``GRADE_ISOLATION=<tier>`` asks for a weaker tier (for comparisons).
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from functools import cache

from ..errors import GradeError
from ..i18n import Text
from . import bubblewrap, landlock, verdict


@dataclass(frozen=True)
class Tier:
    name: str
    protects_grader_files: bool
    summary: Text

    @property
    def uses_bubblewrap(self) -> bool:
        return self.name.startswith("bubblewrap")


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


class IsolationUnavailable(GradeError):
    """GRADE_ISOLATION asks for a tier this machine cannot give."""

    def __init__(self, asked: str, available: list[str]) -> None:
        super().__init__(
            Text(
                f"GRADE_ISOLATION={asked} is not available here; available: {', '.join(available)}",
                f"本机不支持 GRADE_ISOLATION={asked}；可用：{'、'.join(available)}",
            )
        )
        self.asked = asked
        self.available = available


@cache
def available_tiers() -> list[str]:
    """The tiers this machine can give, strongest first; found once per process."""
    if not sys.platform.startswith("linux"):
        return ["basic"]
    found = [name for name in (_bubblewrap().tier,) if name is not None]
    if landlock.abi() >= 1:
        found.append("landlock")
    return [*found, "limits"]


@cache
def detect() -> Tier:
    asked = os.environ.get("GRADE_ISOLATION", "").strip()
    if not asked:  # the strongest: Landlock need not be looked at when bubblewrap works
        return TIERS[_bubblewrap().tier or available_tiers()[0]]
    available = available_tiers()
    if asked not in available:
        raise IsolationUnavailable(asked, available)
    return TIERS[asked]


def recheck(tier: Tier) -> Tier | None:
    """After a worker under ``tier`` died before answering: the tier to start it again under,
    or None when ``tier`` still holds (the death was the worker's own). A "bubblewrap works"
    that was remembered (verdict.py), not probed in this process, is probed now and the tiers
    detected afresh; GRADE_ISOLATION asking for a tier that turns out unavailable raises
    IsolationUnavailable rather than give a weaker one."""
    found = _bubblewrap()
    if tier.uses_bubblewrap and found.remembered:
        found.tier, found.remembered = _probe_bubblewrap(), False
        available_tiers.cache_clear()
        detect.cache_clear()
    current = detect()
    return current if current != tier else None


@dataclass
class _BubblewrapFound:
    tier: str | None  # the bubblewrap tier, None when bubblewrap does not work here
    remembered: bool  # the verdict was remembered, not probed in this process


@cache
def _bubblewrap() -> _BubblewrapFound:
    path = bubblewrap.binary() if sys.platform.startswith("linux") else None
    if path is None:
        return _BubblewrapFound(None, False)
    if verdict.holds(verdict.facts(path, _as_root())):
        return _BubblewrapFound(_bubblewrap_tier_name(), True)
    return _BubblewrapFound(_probe_bubblewrap(), False)


def _probe_bubblewrap() -> str | None:
    """Start a sandbox to see whether bubblewrap works; remember the verdict, or forget one
    that no longer holds."""
    path = bubblewrap.binary()
    if path is None:
        return None
    known = verdict.facts(path, _as_root())
    if not bubblewrap.works(path, _as_root()):
        verdict.forget()
        return None
    verdict.remember(known)
    return _bubblewrap_tier_name()


def _as_root() -> bool:
    return os.geteuid() == 0


def _bubblewrap_tier_name() -> str:
    return "bubblewrap-uid" if _as_root() else "bubblewrap"
