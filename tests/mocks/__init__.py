"""Tests of the mock servers (the `mock_servers` package): domain rules, HTTP behaviour, CLI and faults."""
