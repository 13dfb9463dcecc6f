"""Links that keep working: what main publishes (published.py, read from git by published_base.py), the
redirects a contributor adds (redirects.py), each point's history on the site (history.py), and the pages that
serve them: a permanent page per key point, a page per retired id and a redirect per old address (pages.py,
redirect_pages.py, templates/).

May import the model, addresses, read/, check/fields, citations/ and render/ (a point's renderings).
"""
