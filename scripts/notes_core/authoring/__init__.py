"""Starting a write-up: `make new` writes a meeting file with the next order number and placeholders to fill in.

May import addresses, settings and check/ (the id pattern, the placeholder).
"""
