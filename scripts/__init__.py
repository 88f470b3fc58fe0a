"""The repository's tooling, one package so every tool runs the same way: `python -m scripts.<tool>`.

Tools: `check_specs` (nox -s spec), `generate`, `doc_drift` (a package: readers, comparison, record, the
`propose` patch writer), `doc_update` (one module: the git workflow around doc drift, which it runs as a
subprocess, so it shares no code with it), `spec_diff` and `publish`. The other tools' helpers live in
sub-packages (`generate_lib`, `specdiff_lib`, `publish_lib`, `speclib`) and are imported relative to
this package, so nothing depends on which folder is first on the import path. The
spec checks the published contract suite also needs are the separate top-level package `spec_checks`; this
package itself is never shipped.
"""
