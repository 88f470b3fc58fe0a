"""Contract suite: checks that a server (our mock or a live one) and the OpenAPI specs in ``spec/`` agree.

Run it with ``python -m contract_tests [--profile quick|full] [--api olconnect|avepoint] [pytest args]``
or ``nox -s contract``. See ``docs/contract-suite.md``.
"""
