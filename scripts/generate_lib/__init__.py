"""Helpers of scripts/generate.py: turn spec/*.yaml into the client packages under generated/.

Split into small modules so each step (spec facts, generator run, project files, overlay, tree
compare/swap) can be read and tested on its own.
"""
