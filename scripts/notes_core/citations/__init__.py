"""Citing a key point or a meeting: one citation model (model.py: who wrote what, the item, its address), every
format made from it (formats.py: plain, Harvard, BibTeX, RIS, CSL-JSON, the tags in a page's head, JSON-LD), and
a value escaped for BibTeX (bibtex.py). Pages and files only place what these make; no script makes a citation.

May import the model and addresses only.
"""
