"""The repository's tooling, one package so every tool runs the same way: `python -m scripts.<tool>`.

Tools: `check_specs` (nox -s spec), `generate`, `doc_drift`, `doc_update`, `spec_diff`, `publish` and
`vendor_client`. A tool with helpers is one sub-package (`generate/`, `spec_diff/`, `publish/`, `doc_drift/`:
`cli.py` holds the command line, `__main__.py` runs it, the other modules are its steps); `doc_update` is one
module (the git workflow around doc drift, which it runs as a subprocess, so it shares no code with it);
`speclib` holds the schema reading the doc tools share. Imports are relative to this package, so nothing
depends on which folder is first on the import path. The spec checks the published contract suite also needs
are the separate top-level package `spec_checks`; this package itself is never shipped.
"""
