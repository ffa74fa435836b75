"""An editable install's hook of the grader stays out of a bubblewrap sandbox.

An editable install puts a .pth file in site-packages that imports a finder mapping the
grader's folders. In a bubblewrap sandbox those folders are not there: the worker's
interpreter neither runs the hook at start (it costs every worker its import) nor reads it.
"""

import pytest
from conftest import grade_file

from autograder.isolation import paths, tiers

HOOKS = paths.editable_install_hooks()
SANDBOXED = [t for t in tiers.available_tiers() if tiers.TIERS[t].uses_bubblewrap]

SUBMISSION = """
import sys


def one_hot(labels, num_classes):
    contents = []
    for path in {hooks!r}:
        try:
            with open(path) as hook:
                contents.append(hook.read())
        except OSError:
            contents.append("")
    loaded = [name for name in sys.modules if name.startswith("__editable__")]
    raise ValueError(f"LOADED={{loaded}} CONTENTS={{contents}}")
"""


@pytest.mark.skipif(not HOOKS, reason="the grader is not installed editable here")
@pytest.mark.skipif(not SANDBOXED, reason="bubblewrap does not work here")
@pytest.mark.parametrize("tier", SANDBOXED)
def test_the_worker_neither_runs_nor_reads_the_hook(tier, monkeypatch, tmp_path):
    monkeypatch.setenv("GRADE_ISOLATION", tier)
    tiers.detect.cache_clear()
    submission = tmp_path / "exercise1.py"
    submission.write_text(SUBMISSION.format(hooks=[str(h) for h in HOOKS]))
    try:
        result = grade_file("exercise1", submission)
    finally:
        tiers.detect.cache_clear()
    told = next(c.failure.summary.en for c in result.checks if c.check == "one_hot")
    assert f"LOADED=[] CONTENTS={[''] * len(HOOKS)}" in told, told
