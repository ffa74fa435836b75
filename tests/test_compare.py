"""What a failing value check says about the numbers: the pattern when one number explains
every entry, in both languages."""

import numpy as np
import pytest
from conftest import ROOT, grade_file

from autograder.compare import mismatch

EXPECTED = np.array([[0.1, 0.2, 0.7], [0.3, 0.3, 0.4]])


@pytest.mark.parametrize(
    ("received", "en", "zh"),
    [
        (2 * EXPECTED, "received/expected = 2 at every entry", "实际/期望都等于 2"),
        (EXPECTED / 4, "received/expected = 0.25 (1/4) at every entry", "实际/期望都等于 0.25 (1/4)"),
        (-EXPECTED, "every value has the wrong sign", "符号都反了"),
        (EXPECTED * 3.5, "received/expected = 3.5 at every entry", "3.5"),
        (EXPECTED - 1 / 3, "received − expected = -0.3333 at every entry", "实际 − 期望都等于 -0.3333"),
    ],
)
def test_one_number_relating_every_entry_is_named(received, en, zh):
    reason = mismatch(received, EXPECTED, 1e-7, 1e-9)
    assert reason is not None
    assert en in reason.en
    assert zh in reason.zh


def test_zeros_expected_where_the_ratio_cannot_be_read_still_show_the_ratio():
    expected = np.array([0.0, 0.5, -0.25, 0.0])
    reason = mismatch(2 * expected, expected, 1e-7, 1e-9)
    assert reason is not None and "= 2 at every entry" in reason.en


@pytest.mark.parametrize(
    "received",
    [
        np.where(EXPECTED > 0.25, EXPECTED, 0.0),  # some entries right, others zeroed
        EXPECTED + np.array([[0.0, 0.0, 0.1], [0.0, 0.0, 0.0]]),  # one entry off
        EXPECTED**2,  # a different ratio at each entry
    ],
)
def test_no_pattern_is_claimed_where_there_is_none(received):
    reason = mismatch(received, EXPECTED, 1e-7, 1e-9)
    assert reason is not None
    assert "values differ" in reason.en and "every entry" not in reason.en


def test_a_student_missing_the_batch_mean_in_the_gradient_is_told_the_ratio():
    """Exercise 2's gradient without the 1/N: received/expected is N over every entry."""
    result = grade_file(
        "exercise2", ROOT / "tests" / "submissions" / "exercise2" / "mistakes" / "grad-missing-1-over-n.py"
    )
    summaries = [c.failure.summary for c in result.checks if c.failure]
    assert any("received/expected = " in s.en and "at every entry" in s.en for s in summaries), summaries
    assert any("每个元素的实际/期望都等于" in s.zh for s in summaries)
