"""What the stubs' docstrings promise about the type of a result is checked."""

import pytest
from conftest import ROOT, grade_file

# a function documented to return a float, and the line of the reference that returns it
FLOAT_RESULTS = {
    "exercise1": ("cross_entropy_loss", "return float(np.mean(per_example))"),
    "exercise3": ("bce_loss", "return float(np.mean(-(y * log_p + (1.0 - y) * log_not_p)))"),
    "exercise5": ("relative_error", "return float(largest_difference / scale)"),
}
WRAPPERS = {
    "a one-element list": "[{}]",
    "a one-element array": "np.array([{}])",
    "a one-element tuple": "({},)",
}


@pytest.mark.parametrize("wrapper", sorted(WRAPPERS))
@pytest.mark.parametrize("exercise", sorted(FLOAT_RESULTS))
def test_a_float_returned_inside_a_container_loses_points(exercise, wrapper, tmp_path):
    function, line = FLOAT_RESULTS[exercise]
    source = (ROOT / "solutions" / f"{exercise}.py").read_text()
    value = line.removeprefix("return ")
    assert line in source
    path = tmp_path / f"{exercise}.py"
    path.write_text(source.replace(line, "return " + WRAPPERS[wrapper].format(value)))
    result = grade_file(exercise, path)
    failed = [c.failure.summary.en for c in result.checks if c.failure]
    assert failed and result.score < 10
    assert any(
        f"`{function}` returned a wrong result: expected a single number, got a" in f for f in failed
    ), failed
