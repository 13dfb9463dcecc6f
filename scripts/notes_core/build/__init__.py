"""One build of the site, for any engine: the site loaded and checked together (site.py: the archive, its
published links, every generated file), every generated file from each folder's renderers (files.py), what the
build does with each page (page.py: what the theme is told, the Markdown the engine converts, the HTML readers
get), and the files written beside the engine's (writer.py). The engine's adapter (scripts/notes_hook.py) calls
these and nothing else of the core but settings and safety/csp.

May import every other folder of the core.
"""
