"""Doc drift: read the vendor's API pages (two page families, loose files or a vendor repository at a named
revision) and compare what they document with the OpenAPI specs. `python -m scripts.doc_drift` runs it
(`cli.py`); docs/doc-update-workflow.md describes the workflow around it."""

from .cli import DriftSetupError, analyse, run

__all__ = ["DriftSetupError", "analyse", "run"]
