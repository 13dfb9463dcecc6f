"""Rendering the model: one module per page family (meeting.py, meetings_index.py, themes.py, speakers.py,
organisations.py, key_points.py, connections.py), a key point everywhere it appears (point.py, templates/point.html),
the theme map's picture (heatmap.py, templates/heatmap.svg, from theme_columns.py), the navigation files, the feed
and the exports. Pages are the model rendered by autoescaping templates (templates/, through page.py); the meeting
page is the contributor's Markdown, parsed once, with the site's own parts written as HTML.

May import the model, addresses, settings, citations/ and permalinks/history (dates in the exports). The whole
site's files are gathered in notes_core/build/files.py.
"""
