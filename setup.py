"""What pyproject.toml cannot say: which packages the wheel holds.

The course folders ``solutions/`` and ``exercises/`` stay at the top of the repository,
where teachers and students open them; installed, they live inside the grader's package
(``autograder/solutions``, ``autograder/exercises``), never as top-level packages that
would collide with another course's. ``autograder.registry.course_folder`` finds them in
either place.
"""

from setuptools import find_packages, setup

COURSE_FOLDERS = {"autograder.solutions": "solutions", "autograder.exercises": "exercises"}

setup(
    packages=[*find_packages(include=["autograder", "autograder.*"]), *COURSE_FOLDERS],
    package_dir=COURSE_FOLDERS,
)
