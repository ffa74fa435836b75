"""Dataclass records as plain data with a type tag, for whatever crosses a process or machine
boundary (results, the release record), as pytest's reports do.

``Schema(GradeRun, version=1).dump(run)`` is ``{"type": "GradeRun", "version": 1, ...}``, each
record inside tagged likewise with its class name. ``load`` takes such data back and checks
the tags, the version and every field against the dataclasses' annotations: wrong data raises
:class:`InvalidDocument`, which says where. A tag can name only a class the root's annotations
reach, so a document cannot make anything else.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from typing import Any, Generic, TypeVar

from .errors import GradeError
from .i18n import Text

R = TypeVar("R")
TAG = "type"
VERSION = "version"

EXPECTED = Text("expected {expected}, found {found}", "应为 {expected}，实际为 {found}")
MISSING = Text("missing {names}", "缺少 {names}")
UNEXPECTED = Text("unexpected {names}", "多余的 {names}")
WRONG_VERSION = Text(
    "version {found}, but this grader reads version {version}",
    "版本为 {found}，但本评分程序只能读取版本 {version}",
)
NOT_JSON = Text("not JSON ({error})", "不是 JSON（{error}）")
LEAVES = (str, int, float, bool, type(None))
KINDS = {
    str: Text("a string", "字符串"),
    int: Text("a whole number", "整数"),
    float: Text("a number", "数字"),
    bool: Text("true or false", "true 或 false"),
    type(None): Text("null", "null"),
    list: Text("a list", "列表"),
    tuple: Text("a list", "列表"),
    dict: Text("an object", "对象"),
}


class InvalidDocument(GradeError):
    """Data that is not the document it should be: a wrong tag, version or shape."""

    def __init__(self, where: str, problem: Text) -> None:
        super().__init__(
            Text("{where}: {problem}", "{where}：{problem}").format(where=where, problem=problem)
        )


def plain(value: Any) -> Any:
    """``value`` as JSON's types: each dataclass a dict tagged with its class name."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return {TAG: type(value).__name__, **fields}
    if isinstance(value, tuple | list):
        return [plain(item) for item in value]
    if isinstance(value, dict) and all(isinstance(key, str) for key in value):
        return {key: plain(item) for key, item in value.items()}
    if value is None or isinstance(value, str | int | float):
        return value
    raise TypeError(f"{type(value).__name__} is not plain data")


class Schema(Generic[R]):
    """The documents whose root is a ``root`` record, at this version of their shape."""

    def __init__(self, root: type[R], version: int) -> None:
        self.root = root
        self.version = version
        self._fields: dict[type, dict[str, Any]] = {}
        self._learn(root)
        if VERSION in self._fields[root]:
            raise TypeError(f"{root.__name__} has a field named {VERSION!r}, the document's version")

    def dump(self, record: R) -> dict[str, Any]:
        if type(record) is not self.root:
            raise TypeError(f"a {self.root.__name__} document holds a {self.root.__name__}")
        data = plain(record)
        return {TAG: data.pop(TAG), VERSION: self.version, **data}

    def dumps(self, record: R, indent: int | None = None) -> str:
        return json.dumps(self.dump(record), ensure_ascii=False, indent=indent)

    def load(self, data: Any) -> R:
        if not _is_kind(data, self.root):
            raise InvalidDocument("$", EXPECTED.format(expected=_kind(self.root), found=_found(data)))
        if VERSION not in data:
            raise InvalidDocument("$", MISSING.format(names=VERSION))
        if type(data[VERSION]) is not int or data[VERSION] != self.version:
            found = repr(data[VERSION])[:40]
            raise InvalidDocument("$", WRONG_VERSION.format(found=found, version=self.version))
        return self._load({k: v for k, v in data.items() if k != VERSION}, self.root, "$")

    def loads(self, text: str | bytes) -> R:
        try:
            data = json.loads(text)
        except (ValueError, RecursionError) as error:
            raise InvalidDocument("$", NOT_JSON.format(error=str(error)[:200])) from None
        return self.load(data)

    def _learn(self, record: type) -> None:
        """Check that every annotation of ``record`` can be loaded, learning the records inside."""
        if record in self._fields:
            return
        if any(known.__name__ == record.__name__ for known in self._fields):
            raise TypeError(f"two records named {record.__name__}: a tag names one")
        hints = typing.get_type_hints(record)
        self._fields[record] = {f.name: hints[f.name] for f in dataclasses.fields(record)}
        if TAG in self._fields[record]:
            raise TypeError(f"{record.__name__} has a field named {TAG!r}, the type tag")
        for hint in self._fields[record].values():
            self._learn_hint(hint)

    def _learn_hint(self, hint: Any) -> None:
        origin, args = typing.get_origin(hint), typing.get_args(hint)
        if dataclasses.is_dataclass(hint) and isinstance(hint, type):
            self._learn(hint)
        elif hint is Any or hint in LEAVES:
            pass
        elif origin in (typing.Union, types.UnionType):
            for alternative in args:
                self._learn_hint(alternative)
        elif origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            self._learn_hint(args[0])
        elif origin is dict and args[0] is str:
            self._learn_hint(args[1])
        else:
            raise TypeError(f"{hint} is not a shape of plain data")

    def _load(self, value: Any, hint: Any, where: str) -> Any:
        origin, args = typing.get_origin(hint), typing.get_args(hint)
        if origin in (typing.Union, types.UnionType):
            chosen = next((a for a in args if _is_kind(value, a)), None)
            if chosen is None:
                kinds = [_kind(a) for a in args]
                expected = Text(" or ".join(k.en for k in kinds), " 或 ".join(k.zh for k in kinds))
                raise InvalidDocument(where, EXPECTED.format(expected=expected, found=_found(value)))
            hint = chosen
        elif not _is_kind(value, hint):
            raise InvalidDocument(where, EXPECTED.format(expected=_kind(hint), found=_found(value)))
        if hint is Any or hint in LEAVES:
            return float(value) if hint is float else value
        if origin is tuple:
            return tuple(self._load(item, args[0], f"{where}[{i}]") for i, item in enumerate(value))
        if origin is dict:
            return {key: self._load(item, args[1], f"{where}[{key!r}]") for key, item in value.items()}
        return self._load_record(value, hint, where)

    def _load_record(self, data: dict[str, Any], record: type, where: str) -> Any:
        fields = self._fields[record]
        given = set(data) - {TAG}
        if missing := [name for name in fields if name not in given]:
            raise InvalidDocument(where, MISSING.format(names=", ".join(missing)))
        if unexpected := sorted(given - set(fields)):
            names = ", ".join(repr(name)[:40] for name in unexpected)
            raise InvalidDocument(where, UNEXPECTED.format(names=names))
        return record(
            **{name: self._load(data[name], hint, f"{where}.{name}") for name, hint in fields.items()}
        )


def _is_kind(value: Any, hint: Any) -> bool:
    """Whether ``value`` is data of the kind ``hint`` annotates (its contents unchecked)."""
    origin = typing.get_origin(hint) or hint
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        return isinstance(value, dict) and value.get(TAG) == hint.__name__
    if hint is Any:
        return True
    if hint is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if origin is tuple:
        return isinstance(value, list)
    if origin is dict:
        return isinstance(value, dict) and all(isinstance(key, str) for key in value)
    return isinstance(value, origin)


def _kind(hint: Any) -> Text:
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        return Text(f"a {hint.__name__} record", f"{hint.__name__} 记录")
    return KINDS[typing.get_origin(hint) or hint]


def _found(value: Any) -> Text:
    if isinstance(value, dict) and TAG in value:
        tag = repr(value[TAG])[:60]  # repr spells out any control character
        return Text(f"a record tagged {tag}", f"标记为 {tag} 的记录")
    return KINDS.get(type(value), Text("something else", "其他内容"))
