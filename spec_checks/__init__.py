"""Checks that hold the two OpenAPI documents to their vendor docs and to the project's own rules.

`python -m scripts.check_specs` (`nox -s spec`) is the command-line entry point; each module here is one
independent check that turns a loaded document into a list of `Problem`s, so the CLI can run them all and
report every problem at once. The package is a top-level one, not part of scripts/, because the published
contract suite imports it for its spec self-checks and the tooling stays out of that distribution.
"""
