"""`python -m scripts.generate`: see cli.py."""

from .cli import main

raise SystemExit(main())
