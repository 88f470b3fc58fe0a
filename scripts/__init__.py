"""The repository's tooling, one package so every tool runs the same way: `python -m scripts.<tool>`.

Tools: `check_specs` (nox -s spec), `generate`, `doc_drift`, `doc_update`, `spec_diff`, `publish` and
`vendor_client`. A tool with helpers is one sub-package (`generate/`, `spec_diff/`, `publish/`: `cli.py` holds
the command line, `__main__.py` runs it, the other modules are its steps); `speclib` holds the schema reading
the doc tools share. Imports are relative to this package, so nothing depends on which folder is first on the
import path. The spec checks the published contract suite also needs are the separate top-level package
`spec_checks`; this package itself is never shipped.
"""
