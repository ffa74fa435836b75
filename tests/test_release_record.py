"""The release record: a dataclass stored as plain data, checked when a release loads it."""

import inspect
import json

import numpy as np
import pytest

from autograder.i18n import Text
from autograder.recorded import (
    RECORD_SCHEMA,
    Raised,
    RecordedMistake,
    ReleaseRecord,
    ReplayReference,
    UnreadableRecord,
    call_key,
    load,
    replayed_mistakes,
    restore,
    store,
)
from autograder.registry import find
from autograder.release import record_public_checks

EXERCISE = find("exercise1")
LABELS = np.array([0, 2, 1])


@pytest.fixture(scope="module")
def record():
    return record_public_checks(EXERCISE)


def test_a_recorded_exercise_survives_a_round_trip(record, tmp_path):
    path = tmp_path / "recorded.json"
    path.write_text(RECORD_SCHEMA.dumps(record), encoding="utf-8")
    assert load(path) == record
    assert any(isinstance(a, Raised) for m in record.mistakes for i in m.imitations for a in i.values())
    data = json.loads(path.read_text(encoding="utf-8"))
    assert (data["type"], data["version"]) == ("ReleaseRecord", 2)
    assert data["mistakes"][0]["type"] == "RecordedMistake"


def small_record() -> ReleaseRecord:
    return ReleaseRecord(
        hidden_checks=2,
        hidden_points=3.0,
        probes=("one_hot_probe",),
        calls={"one_hot": {"k": store(np.eye(2))}},
        parameters={"one_hot": ("labels", "num_classes")},
        mistakes=(
            RecordedMistake(
                "log10",
                ("cross_entropy_loss",),
                Text("log base 10", "以 10 为底的对数"),
                Text("use np.log", "请用 np.log"),
                ({call_key((LABELS, 3), {}, {}): Raised("IndexError"), "j": store(1.5)},),
            ),
        ),
    )


def test_a_loaded_record_answers_as_the_reference_and_the_imitations_did():
    loaded = RECORD_SCHEMA.loads(RECORD_SCHEMA.dumps(small_record()))
    assert loaded == small_record()
    assert np.array_equal(restore(loaded.calls["one_hot"]["k"]), np.eye(2))
    replayed = ReplayReference(loaded, {}).one_hot
    assert list(inspect.signature(replayed).parameters) == ["labels", "num_classes"]
    (mistake,) = replayed_mistakes(loaded, {})
    assert (mistake.id, mistake.functions, mistake.title) == (
        "log10",
        ("cross_entropy_loss",),
        small_record().mistakes[0].title,
    )
    with pytest.raises(Exception) as raised:
        mistake.imitations[0](LABELS, 3)
    assert type(raised.value).__name__ == "IndexError"


# the record as releases before its dataclass wrote it
FORMAT_1 = {
    "format": 1,
    "hidden_checks": 2,
    "hidden_points": 3.0,
    "probes": [],
    "calls": {},
    "parameters": {},
    "mistakes": [],
}


def damaged(change):
    data = RECORD_SCHEMA.dump(small_record())
    change(data)
    return json.dumps(data)


UNREADABLE = {
    "an older record": (json.dumps(FORMAT_1), "expected a ReleaseRecord record, found an object"),
    "a newer version": (
        damaged(lambda d: d.update(version=3)),
        "version 3, but this grader reads version 2",
    ),
    "hidden checks as a string": (
        damaged(lambda d: d.update(hidden_checks="2")),
        "$.hidden_checks: expected a whole number, found a string",
    ),
    "an answer that is neither stored nor raised": (
        damaged(lambda d: d["mistakes"][0]["imitations"][0].update(k={"type": "Text", "en": "", "zh": ""})),
        "$.mistakes[0].imitations[0]['k']: expected a Stored record or a Raised record, "
        "found a record tagged 'Text'",
    ),
    "a stored value without its arrays": (
        damaged(lambda d: d["calls"]["one_hot"]["k"].pop("blobs")),
        "$.calls['one_hot']['k']: missing blobs",
    ),
    "a cut file": (RECORD_SCHEMA.dumps(small_record())[:100], "not JSON ("),
}


@pytest.mark.parametrize("name", sorted(UNREADABLE))
def test_an_unreadable_record_is_refused_naming_the_file(name, tmp_path):
    text, problem = UNREADABLE[name]
    path = tmp_path / "exercise1" / "recorded.json"
    path.parent.mkdir()
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UnreadableRecord) as refused:
        load(path)
    message = refused.value.message
    assert message.en.startswith(f"{path} is not a release record this grader can read ($")
    assert problem in message.en
    assert message.en.endswith("reinstall the release.")
    assert message.zh.startswith(f"{path} 不是本评分程序能读取的发布记录（$")


def test_a_record_that_cannot_be_read_is_refused_naming_the_file(tmp_path):
    with pytest.raises(UnreadableRecord) as refused:
        load(tmp_path)
    assert refused.value.message.en.startswith(f"{tmp_path} is not a release record this grader can read (")
