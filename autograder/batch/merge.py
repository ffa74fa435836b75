"""``grade batch merge OUT SHARD_OUT…``: shards' gradebooks and students' files combined into one."""

from __future__ import annotations

from pathlib import Path

from ..errors import GradeError
from ..i18n import Text
from .gradebook import Gradebook, read_gradebook, write_gradebook
from .store import StudentRecord, copy_student


def merge(out: Path, shards: list[Path]) -> Gradebook:
    """The shards' students, each once, in ``out``: their files copied, the gradebook written.

    Raises GradeError, before writing anything, when a shard was interrupted, when shards were
    graded with different course secrets, or when a student is in two shards."""
    books = [(shard, read_gradebook(shard)) for shard in shards]
    for shard, book in books:
        if not book.complete:
            raise GradeError(
                Text(
                    f"{shard} is the output of an interrupted run: run its grade batch again to finish it.",
                    f"{shard} 是中断的运行的输出：请再次运行它的 grade batch 以完成评分。",
                )
            )
    if len({book.course_secret for _, book in books}) > 1:
        raise GradeError(
            Text(
                "The shards were graded with different course secrets (--secret-file): their seeds "
                "do not belong to one class.",
                "这些分片使用了不同的课程密钥（--secret-file）评分：它们的随机种子不属于同一个班级。",
            )
        )
    found: dict[str, tuple[Path, StudentRecord]] = {}
    for shard, book in books:
        for record in book.records:
            if record.student in found:
                first = found[record.student][0]
                raise GradeError(
                    Text(
                        f"Student {record.student} is in two shards: {first} and {shard}.",
                        f"学生 {record.student} 同时出现在两个分片中：{first} 和 {shard}。",
                    )
                )
            found[record.student] = (shard, record)
    for student, (shard, _) in found.items():
        try:
            copy_student(shard, out, student)
        except OSError as error:
            raise GradeError(
                Text(
                    f"Cannot copy the files of student {student} from {shard}: {error.strerror}.",
                    f"无法从 {shard} 复制学生 {student} 的文件：{error.strerror}。",
                )
            ) from None
    merged = Gradebook(tuple(found[s][1] for s in sorted(found)), True, books[0][1].course_secret)
    write_gradebook(out, merged)
    return merged
