"""The project's test suites, one package so each test module has a unique dotted name (`tests.<area>.x`).

With this file pytest's default import mode puts the checkout root on the path (the folder above the
outermost package), so the real `mock_servers`, `contract_tests`, `scripts` and `benchmarks` packages import
as they are; no test folder is named like one of them.
"""
