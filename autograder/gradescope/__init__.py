"""Grading on Gradescope: the autograder bundle a teacher uploads (bundle.py) and what it runs
for each submission (run.py)."""
