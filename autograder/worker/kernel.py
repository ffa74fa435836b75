"""Entry of the kernel nbgrader starts for a student's notebook: confine, then become the kernel.

Run as ``python -I kernel.py [--uid N] SETUP -- KERNEL COMMAND...`` by
:mod:`autograder.nbgrader_kernel`, inside bubblewrap where the tier has it.
SETUP is JSON: the resource limits, the working directory and, in the
landlock tier, the paths the kernel may read and write. The restrictions (uid, limits, Landlock, seccomp)
are kept across ``exec``, so the kernel and everything it starts has them.
"""

from __future__ import annotations

import errno
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # -I leaves this folder off sys.path

import confine
import restrict


def main(argv: list[str]) -> None:
    split = argv.index("--")
    own, kernel = argv[:split], argv[split + 1 :]
    restrict.drop_privileges(own)
    restrict.stay_as_reaper()  # what the kernel orphans stays below the pid its manager kills
    setup = json.loads(own[-1])
    restrict.apply_limits(setup["limits"])
    confinement = setup.get("confine")
    if confinement is not None:
        # EOPNOTSUPP, not EACCES: ipykernel then does without its tcp pipe instead of aborting
        landlocked = confinement["write"] is None or confine.apply_landlock(
            confinement["read"], confinement["write"]
        )
        if not (landlocked and confine.block_sockets(allow_unix=True, error=errno.EOPNOTSUPP)):
            sys.exit("the kernel could not be confined")
    os.chdir(setup["cwd"])
    os.execv(kernel[0], kernel)


if __name__ == "__main__":
    main(sys.argv[1:])
