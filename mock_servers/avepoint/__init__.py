"""AvePoint Graph API mock (Cloud Backup for Google Workspace jobs and the OAuth 2.0 token endpoint)."""

from mock_servers.avepoint.app import build_server

__all__ = ["build_server"]
