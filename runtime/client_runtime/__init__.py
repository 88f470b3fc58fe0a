"""Hand-written runtime shared by both generated client packages.

This folder is copied verbatim into each package as ``<package>/_runtime`` after generation, so the
generated code and the package-specific helpers can rely on one implementation of errors, retries,
logging and per-call options. Nothing here knows about a particular API.
"""
