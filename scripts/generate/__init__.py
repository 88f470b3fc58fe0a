"""`python -m scripts.generate`: turn spec/*.yaml into the client packages under generated/.

`cli.py` is the command line; each step (spec facts, generator run, project files, overlay, tree
compare/swap) is a module of its own, so it can be read and tested on its own.
"""
