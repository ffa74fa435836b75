"""The worker's replies as the grader reads them: each checked for its exact shape (the
student's code can write on the protocol pipe), its strings made inert."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import replace

from .calls import Call, ErrorKind, StudentError
from .inert import inert, inert_value
from .worker.frames import ProtocolError

MAX_CALLBACKS = 1000  # calls of probes per student call; central differences on 12 entries need 24


CALL_REPLY = {"ok", "result", "args_after", "kwargs_after", "warnings"}
ERROR_FIELDS = {"type", "message", "traceback"}


def read_load_reply(reply: dict, raw: list[bytes]) -> StudentError | None:
    """None when the submission was imported; why not otherwise."""
    if reply == {"ok": True} and not raw:
        return None
    return _error_from_reply(reply, raw, import_failed=True)


def read_call_reply(reply: dict, raw: list[bytes], record: Call) -> Call:
    """``record`` completed with the reply to its call; raises on anything malformed."""
    from .worker import values

    if reply.get("ok") is not True:
        return replace(record, error=_error_from_reply(reply, raw))
    if set(reply) != CALL_REPLY:
        raise ProtocolError("unexpected fields in a reply")
    arrays = [values.load_blob(b) for b in raw]
    received = values.decode(reply["result"], arrays)
    args_after = values.decode(reply["args_after"], arrays)
    kwargs_after = values.decode(reply["kwargs_after"], arrays)
    warnings = reply["warnings"]
    if (
        not isinstance(args_after, list)
        or len(args_after) != len(record.args)
        or not isinstance(kwargs_after, dict)
        or set(kwargs_after) != set(record.kwargs)
        or not isinstance(warnings, list)
        or any(type(w) is not str for w in warnings)
    ):
        raise ProtocolError("malformed call reply")
    return replace(
        record,
        received=inert_value(received),
        args_after=tuple(inert_value(args_after)),
        kwargs_after=inert_value(kwargs_after),
        warnings=tuple(inert(w[:300]) for w in warnings[:10]),
    )


def _error_from_reply(reply: dict, raw: list[bytes], import_failed: bool = False) -> StudentError:
    """The error a reply reports, its texts made inert; raises unless it is well-formed."""
    error = reply.get("error")
    if (
        set(reply) != {"ok", "error"}
        or reply["ok"] is not False
        or raw
        or not isinstance(error, dict)
        or set(error) != ERROR_FIELDS
        or any(type(v) is not str for v in error.values())
    ):
        raise ProtocolError("malformed error reply")
    type_name = inert(error["type"][:100])
    kind: ErrorKind = "raised"
    if type_name == "NotImplementedError":
        kind = "not-implemented"
    elif type_name == "MissingFunction":
        kind = "missing"
    elif type_name == "UnreadableResult":
        kind = "unreadable"
    if import_failed:
        kind = "import-failed"
    return StudentError(kind, type_name, inert(error["message"][:1000]), inert(error["traceback"][-4000:]))


def tokenised_probes(value: object, tokens: dict[str, str]) -> object:
    """``value`` with each Probe replaced by one standing for a fresh token of this call."""
    from .worker.values import Probe, map_leaves

    def tokenised(leaf: object) -> object:
        if not isinstance(leaf, Probe):
            return leaf
        token = next((t for t, name in tokens.items() if name == leaf.name), None) or secrets.token_hex(8)
        tokens[token] = leaf.name
        return Probe(token)

    return map_leaves(value, tokenised)


def callback_answer(
    request: dict,
    raw: list[bytes],
    tokens: dict[str, str],
    probes: Callable[[str], Callable] | None,
    counts: dict[str, int],
) -> tuple[dict, list[bytes]]:
    """The grader's answer to a call of a probe by the student's code: the probe's value
    on the student's arguments (the call counted), or the error to raise there."""
    import numpy as np

    from .worker import values

    name = tokens.get(str(request.get("token")))
    if name is None or probes is None:
        return _callback_error(
            "RuntimeError", "this function is not available any more / 这个函数已不可用"
        ), []
    if sum(counts.values()) >= MAX_CALLBACKS:
        return _callback_error(
            "RuntimeError",
            f"called more than {MAX_CALLBACKS} times in one call / 一次调用中被调用超过 {MAX_CALLBACKS} 次",
        ), []
    arrays = [values.load_blob(b) for b in raw]
    args, kwargs = values.decode(request["args"], arrays), values.decode(request["kwargs"], arrays)
    if not isinstance(args, list) or not isinstance(kwargs, dict):
        raise values.ProtocolError("malformed callback")
    counts[name] = counts.get(name, 0) + 1
    blobs: list[bytes] = []
    try:
        with np.errstate(all="ignore"):
            result = probes(name)(*args, **kwargs)
        return {"kind": "answer", "ok": True, "result": values.encode(result, blobs)}, blobs
    except Exception as exc:
        return _callback_error(type(exc).__name__, str(exc)[:300]), []


def _callback_error(type_name: str, message: str) -> dict:
    return {"kind": "answer", "ok": False, "type": type_name[:100], "message": message}
