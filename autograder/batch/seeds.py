"""Per-student seeds: an HMAC of a course secret and the student's id, so each student's hidden
inputs are stable across regrades, differ from every other student's, and cannot be guessed
without the secret (which never leaves the teacher's machines)."""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path

from ..errors import GradeError
from ..i18n import Text

SECRET_FILE = Path("cross-entropy-grader") / "course-secret"
SEED_BITS = 53  # exact in any JSON reader, JavaScript's included


def default_secret_file() -> Path:
    """``$XDG_CONFIG_HOME/cross-entropy-grader/course-secret``, else under ``~/.config``."""
    config = os.environ.get("XDG_CONFIG_HOME", "")
    base = Path(config) if os.path.isabs(config) else Path.home() / ".config"
    return base / SECRET_FILE


def course_secret(path: Path) -> tuple[bytes, bool]:
    """The secret kept in ``path``, and whether it was created now (random, readable by its
    owner only). Two graders starting at once create one secret: the file appears whole or not
    at all (a hard link of a finished file)."""
    try:
        return _read(path), False
    except FileNotFoundError:
        pass
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as handle:
            handle.write(secrets.token_hex(32) + "\n")
        try:
            os.link(temporary, path)
            created = True
        except FileExistsError:
            created = False
        finally:
            temporary.unlink()
        return _read(path), created
    except OSError as error:
        raise GradeError(
            Text(
                f"Cannot create the course secret {path}: {error.strerror}.",
                f"无法创建课程密钥 {path}：{error.strerror}。",
            )
        ) from None


def _read(path: Path) -> bytes:
    try:
        secret = path.read_bytes().strip()
    except FileNotFoundError:
        raise
    except OSError as error:
        raise GradeError(
            Text(
                f"Cannot read the course secret {path}: {error.strerror}.",
                f"无法读取课程密钥 {path}：{error.strerror}。",
            )
        ) from None
    if not secret:
        raise GradeError(Text(f"The course secret {path} is empty.", f"课程密钥 {path} 是空的。"))
    return secret


def student_seed(secret: bytes, student: str) -> int:
    """The seed of ``student``'s hidden inputs."""
    digest = hmac.new(secret, student.encode("utf-8"), hashlib.sha256).digest()
    return int.from_bytes(digest[:8], "big") >> (64 - SEED_BITS)


def secret_tag(secret: bytes) -> str:
    """Names a secret without revealing it: shards graded with different secrets cannot merge."""
    return hmac.new(secret, b"course secret tag", hashlib.sha256).hexdigest()[:16]
