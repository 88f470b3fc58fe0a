"""Building and publishing the three distributions (scripts/publish.py, docs/publishing.md)."""
