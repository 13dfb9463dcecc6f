"""Writing meeting files for contributors: `make new` writes one with the next order number and placeholders to
fill in (new_meeting.py); `make import` turns a circulated write-up, read by read/writeup*.py, into a draft marked
up as the archive's meetings are (writeup_draft.py), with its speakers and organisations found in the registries
or proposed (recognise.py), themes suggested from the archive's key points (suggest_themes.py), and the files
written (import_writeup.py).

May import read/, check/ (the id pattern, the placeholder, the registries and archive as the check reads them),
the model, addresses and settings; never render/.
"""
