"""Keeping hostile text from readers: the allowlist sanitiser every page's HTML goes through (sanitise.py) and
the Content-Security-Policy every page carries (csp.py).

Imports nothing of the project.
"""
