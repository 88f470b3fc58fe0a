"""Spec diff: classify the changes between two versions of a spec and turn them into a release."""
