"""Exercise 4's checks against mistakes that have no catalogue id: each fails the check
whose title names it, and only that one, with a message saying what is wrong in both
languages; the plot is described in both languages too."""

from dataclasses import dataclass

import numpy as np
import pytest
from conftest import SUBMISSIONS, diagnosed_ids, grade_file

from autograder.i18n import Text
from autograder.results import GRADE_RUN_SCHEMA, GradeRun
from autograder.worker.frames import ProtocolError
from autograder.worker.values import Made, decode, encode
from autograder.writers.feedback import failure_text

FAILING = SUBMISSIONS / "exercise4" / "failing"
NEW_FIGURE = "plot_returns_axes"
CURVES = "plot_curves"
LABELS = "plot_labels_and_legend"


@dataclass(frozen=True)
class Caught:
    check: str  # the one check that fails
    en: tuple[str, ...]  # in its message, in English
    zh: tuple[str, ...]  # and in Chinese


CAUGHT = {
    "swapped_labels": Caught(
        LABELS,
        ("labels are swapped", "line of 1 − p is labelled '-ln p'", "line of −ln p is labelled '1 - p'"),
        ("标签弄反了", "1 − p 这条线的标签是 '-ln p'"),
    ),
    "same_label_twice": Caught(
        LABELS, ("Both curves are labelled 'penalty'",), ("两条曲线的标签都是 'penalty'",)
    ),
    "no_axis_labels_no_legend": Caught(
        LABELS,
        ("The x axis has no label", "The y axis has no label", "The plot has no legend"),
        ("x 轴没有标签", "y 轴没有标签", "图中没有图例"),
    ),
    "draws_on_current_figure": Caught(
        NEW_FIGURE, ("drew on a figure that already existed",), ("画在了已有的图上",)
    ),
    "pyplot_ignores_given_ax": Caught(
        NEW_FIGURE, ("left the Axes passed as ax empty",), ("没有在传入的 ax 上画图",)
    ),
    "new_figure_even_with_ax": Caught(
        NEW_FIGURE, ("left the Axes passed as ax empty",), ("没有在传入的 ax 上画图",)
    ),
    "forgets_return": Caught(NEW_FIGURE, ("returned None",), ("返回了 None",)),
    "twin_axes": Caught(CURVES, ("−ln p is on another Axes of the figure",), ("画在了图中另一个 Axes 上",)),
    "flattens_input": Caught(
        "random_probabilities", ("expected shape (2, 3), got shape (6,)",), ("形状应为 (2, 3)，实际为 (6,)",)
    ),
}


def test_every_failing_submission_is_listed():
    assert {p.stem for p in FAILING.glob("*.py")} == set(CAUGHT)


@pytest.mark.parametrize("name", sorted(CAUGHT))
def test_mistake_fails_its_check_only_and_says_what_is_wrong(name):
    caught = CAUGHT[name]
    result = grade_file("exercise4", FAILING / f"{name}.py")
    failed = {c.check: c.failure for c in result.checks if c.failure}
    assert list(failed) == [caught.check], {k: v.summary.en for k, v in failed.items()}
    summary = failed[caught.check].summary
    assert all(phrase in summary.en for phrase in caught.en), summary.en
    assert all(phrase in summary.zh for phrase in caught.zh), summary.zh
    assert diagnosed_ids(result) == set()


def test_plot_is_described_in_both_languages_and_survives_json():
    result = grade_file("exercise4", FAILING / "no_axis_labels_no_legend.py")
    failure = next(c.failure for c in result.checks if c.failure)
    assert isinstance(failure.expected, Text) and isinstance(failure.received, Text)
    assert "一个有 2 条线的 Axes" in failure.received.zh and "x 轴标签 ''" in failure.received.zh
    assert "an Axes with 2 lines" in failure.received.en
    chinese = failure_text(failure, "zh")
    assert failure.expected.zh in chinese and failure.received.zh in chinese
    assert "an Axes" not in chinese and "each curve" not in chinese
    run = GradeRun((result,), seed=0)
    assert GRADE_RUN_SCHEMA.loads(GRADE_RUN_SCHEMA.dumps(run)) == run


def test_a_made_argument_is_made_in_the_worker_only():
    blobs: list[bytes] = []
    tree = encode({"ax": Made("axes_to_draw_on")}, blobs)
    assert decode(tree, [], make=lambda name: f"made by {name}") == {"ax": "made by axes_to_draw_on"}
    with pytest.raises(ProtocolError):  # the grader never takes one back from the worker
        decode(tree, [np.zeros(1)])


def test_a_mistake_in_the_plotted_data_is_named_by_the_curves_check_only():
    result = grade_file("exercise4", SUBMISSIONS / "exercise4" / "mistakes" / "log10__unlabelled_plot.py")
    failed = {c.check: c.failure for c in result.checks if c.failure}
    assert LABELS in failed and "has no label" in failed[LABELS].summary.en
    naming = {check for check, failure in failed.items() if any(d.id == "log10" for d in failure.diagnoses)}
    assert CURVES in naming and LABELS not in naming
