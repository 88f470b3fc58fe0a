"""`python -m scripts.publish`: build and publish the three distributions (docs/publishing.md).

`cli.py` is the command line; `projects.py` knows the distributions, `index.py` what an index already holds.
"""
