"""Checks that hold the two OpenAPI documents to their vendor docs and to the project's own rules.

`scripts/check_specs.py` is the command-line entry point; each module here is one independent check that
turns a loaded document into a list of `Problem`s, so the CLI can run them all and report every problem
at once.
"""
