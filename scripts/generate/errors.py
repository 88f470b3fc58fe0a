"""The one exception type generate.py turns into a one-line message and a non-zero exit."""

from __future__ import annotations


class GenerationError(Exception):
    """A generation step failed; the message names the API and the problem, never a traceback."""
