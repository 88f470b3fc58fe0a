"""`python -m scripts.doc_drift ...`: the command line of cli.py."""

import sys

from .cli import run

sys.exit(run())
