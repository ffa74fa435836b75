"""Grading a whole class: ``grade batch``."""
