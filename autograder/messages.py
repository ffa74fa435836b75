"""Generic student-facing messages, in both languages."""

from __future__ import annotations

from .i18n import Text
from .worker.process import MALFORMED_REPLY

NOT_IMPLEMENTED = Text(
    "`{function}` is not implemented yet (it still raises NotImplementedError).",
    "`{function}` 还没有实现（仍然抛出 NotImplementedError）。",
)
MISSING = Text(
    "Your file has no function `{function}`: keep the name and signature from the stub.",
    "你的文件里没有函数 `{function}`：请保留练习模板中的函数名和参数。",
)
RAISED = Text("`{function}` raised {error}.", "`{function}` 抛出了异常 {error}。")
TIMEOUT = Text(
    "`{function}` did not return within {seconds} s: is there an endless loop?",
    "`{function}` 在 {seconds} 秒内没有返回：是否有死循环？",
)
CRASHED = Text(
    "`{function}` stopped the process running your code ({reason}).",
    "`{function}` 让运行你代码的进程中止了（{reason}）。",
)
UNREADABLE = Text(
    "`{function}` returned something that is not plain numbers or arrays ({reason}).",
    "`{function}` 返回的不是普通的数值或数组（{reason}）。",
)
IMPORT_FAILED = Text(
    "Your file could not be imported: {error}. Nothing in it could be graded.",
    "你的文件无法导入：{error}。因此无法评分。",
)
IMPORT_TIMEOUT = Text(
    "Importing your file took longer than {seconds} s (code at the top level that never ends?).",
    "导入你的文件超过了 {seconds} 秒（顶层是否有不会结束的代码？）。",
)
IMPORT_CRASHED = Text(
    "Your file stopped the process while it was being imported ({reason}).",
    "导入你的文件时进程中止了（{reason}）。",
)
NOT_GRADED = Text("Not graded: your file could not be imported.", "未评分：你的文件无法导入。")
WRONG_RESULT = Text("`{function}` returned a wrong result: {reason}.", "`{function}` 的结果不对：{reason}。")
CHANGED_INPUT = Text(
    "`{function}` changed its input argument(s) {arguments}; the caller's data must stay as it was.",
    "`{function}` 修改了传入的参数 {arguments}；调用者的数据必须保持不变。",
)
ASSERTION = Text("Check failed: {detail}", "检查未通过：{detail}")
GRADER_ERROR = Text(
    "The grader itself failed on this check ({error}). This is not your fault; please report it.",
    "评分程序在这一项检查上出错了（{error}）。这不是你的错，请报告给老师。",
)

SIGNALS = {
    "SIGXCPU": Text("CPU time limit reached", "超出 CPU 时间限制"),
    "SIGKILL": Text("killed, often by running out of memory", "被强制结束，通常是内存用尽"),
    "SIGSEGV": Text("segmentation fault", "段错误"),
    "SIGABRT": Text("aborted", "异常中止"),
    "SIGXFSZ": Text("file size limit reached", "超出文件大小限制"),
}


MALFORMED = Text(
    "the grader got a malformed reply from it: does your code write to files it did not open?",
    "评分程序收到了格式错误的回复：你的代码是否写入了不是它自己打开的文件？",
)


def crash_reason(reason: str) -> Text:
    if reason == MALFORMED_REPLY:
        return MALFORMED
    known = SIGNALS.get(reason)
    if known is None:
        return Text(reason, reason)
    return Text(f"{known.en}, {reason}", f"{known.zh}，{reason}")
