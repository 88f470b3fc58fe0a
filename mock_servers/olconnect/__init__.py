"""OL Connect Server REST API mock: Authentication, Job Entity, Job Segment Entity and Statistics services."""

from mock_servers.olconnect.app import build_server

__all__ = ["build_server"]
