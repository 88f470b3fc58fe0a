"""Stateful mock servers for the OL Connect Server REST API and the AvePoint Graph API.

Each API has its own ASGI app built on a shared core (auth helpers, fault injection, access log, scenario
loading, CLI runner). Run one with ``python -m mock_servers olconnect|avepoint``; start one from tests with
:func:`mock_servers.testing.running_mock`.
"""

from spec_model import API_NAMES

APIS = API_NAMES  # the one registry of covered APIs lives in spec_model
