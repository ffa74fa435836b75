"""How a worker is confined on this machine.

- ``tiers``: which tiers this machine gives, probed once per run, and the one in use;
- ``paths``: what a worker may read and what it must never read;
- ``bubblewrap``: the bubblewrap command line of the bubblewrap tiers;
- ``landlock``: what a Landlock-tier worker may read;
- ``uids``: the pool of dedicated worker uids when the grader runs as root;
- ``sandbox``: one session's confinement, from its run folder to its cleanup.
"""
