"""The site's search: a record per key point and per page taken from the rendered, sanitised HTML (records.py)
and the Pagefind index made of them (index.py, the one module that knows the engine; templates/).

May import addresses and render/ (the markup of a point, and the documents' template environment).
"""
