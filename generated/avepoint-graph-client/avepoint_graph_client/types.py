"""Shared types for generated models and operation functions (defined in ``_runtime.types_base``)."""

from ._runtime.types_base import UNSET, File, FileTypes, RequestFiles, Response, Unset, status_of

__all__ = ["UNSET", "File", "FileTypes", "RequestFiles", "Response", "Unset", "status_of"]
