"""Citing a key point or a meeting: one citation model, and every format made from it (formats.py: plain text,
RIS, CSL-JSON, Highwire Press tags, JSON-LD), and a value escaped for BibTeX (bibtex.py; the "Cite this" BibTeX is
still made in docs/javascripts/points.js, with the same escaping).

May import the model and addresses only.
"""
