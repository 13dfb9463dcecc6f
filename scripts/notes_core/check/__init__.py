"""Every contributor-facing rule, one message each: the fields of a meeting and its points (meeting.py), the
registries (registries.py), the whole archive across files (archive.py: load_archive), every file under docs/
(docs.py), a page's front matter (page_meta.py), placeholders left by `make new` (placeholders.py), and how the
problems are reported to a pull request (github_report.py).

Builds the model (model.py) from what read/ returns. May import read/, the model, addresses, settings and
safety/ (to name what the sanitiser would remove); never render/.
"""
