"""Citing a key point or a meeting: one citation model, and every format made from it (formats.py: plain text,
RIS, CSL-JSON, Highwire Press tags, JSON-LD).

May import the model and addresses only.
"""
