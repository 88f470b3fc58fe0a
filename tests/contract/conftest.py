"""The contract-suite tests import ``contract_tests`` and ``mock_servers`` from the checkout.

Neither needs installing: the checkout root is put on ``sys.path`` so a plain ``pytest`` run finds them,
as ``python -m contract_tests`` does from the root.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
