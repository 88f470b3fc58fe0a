"""Benchmarks for the generated clients, the mock servers and the contract suite (`nox -s bench`).

`benchmarks/run.py` is the entry point; each `fig_*` module measures one figure of BENCHMARKS.md.
"""
