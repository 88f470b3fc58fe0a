"""`python -m scripts.spec_diff`: see cli.py."""

from .cli import main

raise SystemExit(main())
