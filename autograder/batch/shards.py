"""``--shard K/N``: a deterministic Nth of a class, for job arrays. A student's shard depends on
their id alone, so a late student joins one shard and moves no one else."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from ..i18n import Text

NOT_A_SHARD = Text(
    "{value} is not K/N with 1 ≤ K ≤ N (the Kth of N shards, e.g. 2/8).",
    "{value} 不是 K/N 的形式（1 ≤ K ≤ N，N 份中的第 K 份，例如 2/8）。",
)


@dataclass(frozen=True)
class Shard:
    number: int  # K, from 1
    count: int  # N

    def holds(self, student: str) -> bool:
        digest = hashlib.sha256(student.encode("utf-8")).digest()
        return int.from_bytes(digest[:8], "big") % self.count == self.number - 1


def parse_shard(text: str) -> Shard | None:
    """``K/N`` as a Shard; None when it is not one."""
    match = re.fullmatch(r"\s*(\d{1,6})\s*/\s*(\d{1,6})\s*", text)
    if match is None:
        return None
    number, count = int(match[1]), int(match[2])
    return Shard(number, count) if 1 <= number <= count else None
