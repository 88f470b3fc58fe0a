"""Hand-written runtime shared by both generated client packages.

This folder is copied verbatim into each package as ``<package>/_runtime`` after generation (see
docs/runtime-packaging.md for why it is vendored), so the generated code and the package-specific helpers
rely on one implementation: the request path every operation takes (``operation``), the page walk
(``pager``), errors, retries, logging, per-call options, the token lifecycle and the auth and ``connect()``
building blocks. Nothing here knows about a particular API.
"""
