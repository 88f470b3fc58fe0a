"""`python -m scripts.publish`: see cli.py."""

from .cli import main

raise SystemExit(main())
