"""`python -m scripts.spec_diff`: classify the changes between two versions of a spec and turn them into a
release (`cli.py` is the command line; `spec_compare.py`, `schema_diff.py` classify; `release.py` bumps)."""
