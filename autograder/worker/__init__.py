"""The worker: the only process that imports a student's code.

``main.py`` is the child side; it imports nothing from the grader but the
files in this folder. ``process.py`` is the parent side.
"""
