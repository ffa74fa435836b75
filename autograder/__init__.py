"""The cross-entropy exercise autograder."""

__version__ = "0.1.0"
