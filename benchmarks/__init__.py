"""Benchmarks for the generated clients, the mock servers and the contract suite (`nox -s bench`).

`python -m benchmarks.run` is the entry point; each `fig_*` module measures one figure of BENCHMARKS.md.
"""
