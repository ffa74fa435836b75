"""Child side of the process boundary: a fresh worker process for one submission.

Run as ``python -I -S main.py --packages DIR...`` with the run folder as working directory. The
protocol travels on private copies of stdin/stdout; the student's own prints
go to capped files in the run folder and never reach the grader's output. What
the worker then does is serve.py's.
"""

from __future__ import annotations

import os
import sys

PROTOCOL_IN = os.dup(0)
PROTOCOL_OUT = os.dup(1)


sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # -I leaves this folder off sys.path

import startup  # noqa: E402

startup.add_package_folders(sys.argv)

import restrict  # noqa: E402

restrict.drop_privileges(sys.argv)  # before anything else
restrict.stay_as_reaper(private_fds=(PROTOCOL_IN, PROTOCOL_OUT))
restrict.redirect_standard_streams()

import serve  # noqa: E402  (after the redirect: nothing printed at import reaches the protocol pipe)

if __name__ == "__main__":
    serve.serve(PROTOCOL_IN, PROTOCOL_OUT)
