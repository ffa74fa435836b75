"""Verdicts computed from what the student controls, under every tier that protects the grader.

Each submission in ``hostile_verdicts/`` attacks how a verdict is reached rather
than the sandbox: a tolerance chosen by its own result's dtype, answers looked up
in the worker, warnings silenced, the plot converter or matplotlib replaced. The
checks it attacks earn nothing, and grading goes on.
"""

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import PROTECTING, grade_file

from autograder.worker.process import Limits

HOSTILE = Path(__file__).parent / "hostile_verdicts"
QUICK = Limits(call_timeout=1.0, load_timeout=3.0)

FLOAT64_LOSS_CHECKS = {
    "chapter_examples",
    "labels_single_example",
    "batch_mean",
    "labels_square_batch",
    "zero_probabilities",
}
PLOT_CHECKS = {"plot_returns_axes", "plot_curves", "plot_labels_and_legend"}
# the checks of gradients (x_left_exactly judges x only, which these attacks leave alone)
GRADIENT_CHECKS = {
    "gradient_1d",
    "gradient_nd",
    "softmax_cross_entropy",
    "curved_function",
    "int_array",
    "gradient_check_correct",
    "gradient_check_wrong",
    "gradient_check_zero_gradient",
}


@dataclass(frozen=True)
class Attack:
    exercise: str
    attacked: frozenset[str]  # checks that must earn nothing
    says: str = ""  # in the failure of one of them at least
    names: str = ""  # a known mistake the failure still names


ATTACKS = {
    "exercise1_float32_loss_off.py": Attack(
        "exercise1", frozenset(FLOAT64_LOSS_CHECKS), "wrong value (received/expected = 1"
    ),
    "exercise3_naive_sigmoid_seterr.py": Attack(
        "exercise3", frozenset({"large_logits"}), names="unstable-sigmoid"
    ),
    "exercise4_replaced_converter.py": Attack("exercise4", frozenset(PLOT_CHECKS), "returned None"),
    "exercise4_axes_subclass.py": Attack("exercise4", frozenset(PLOT_CHECKS), "not a matplotlib Axes"),
    "exercise4_axes_class_replaced.py": Attack("exercise4", frozenset(PLOT_CHECKS), "not a matplotlib Axes"),
    "exercise4_patched_matplotlib.py": Attack(
        "exercise4", frozenset(PLOT_CHECKS - {"plot_returns_axes"}), "no lines"
    ),
    "exercise5_analytic_gradient_from_the_worker.py": Attack("exercise5", frozenset(GRADIENT_CHECKS)),
    "exercise5_fingerprinted_f.py": Attack(
        "exercise5", frozenset(GRADIENT_CHECKS - {"gradient_check_wrong"}), "central differences need"
    ),
    "exercise5_probe_names_in_the_worker.py": Attack("exercise5", frozenset(GRADIENT_CHECKS), "found: []"),
    "exercise5_calls_f_beyond_the_bound.py": Attack(
        "exercise5", frozenset(GRADIENT_CHECKS), "called more than 1000 times"
    ),
    "exercise5_calls_f_without_end.py": Attack(
        "exercise5", frozenset(GRADIENT_CHECKS), "did not return within 1 s"
    ),
}


def test_every_hostile_verdict_file_has_an_attack():
    assert sorted(ATTACKS) == sorted(p.name for p in HOSTILE.iterdir() if p.suffix == ".py")


@pytest.mark.skipif(not PROTECTING, reason="no tier here protects the grader (only limits)")
@pytest.mark.parametrize("name", sorted(ATTACKS))
def test_attacked_checks_earn_nothing(name, tier, tmp_path):
    attack = ATTACKS[name]
    submission = tmp_path / f"{attack.exercise}.py"
    shutil.copyfile(HOSTILE / name, submission)

    result = grade_file(attack.exercise, submission, limits=QUICK)

    assert result.load_error is None
    checks = {c.check: c for c in result.checks}
    assert attack.attacked <= set(checks)
    earned = sorted(name for name in attack.attacked if checks[name].failure is None)
    assert earned == []
    failures = [checks[c].failure for c in sorted(attack.attacked)]
    assert any(attack.says in f.summary.en for f in failures), [f.summary.en for f in failures]
    assert all(f.summary.zh for f in failures)
    if attack.names:
        assert any(attack.names in {d.id for d in checks[c].failure.diagnoses} for c in attack.attacked)
