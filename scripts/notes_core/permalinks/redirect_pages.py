"""Old page addresses (page_redirects in data/permalinks.yml) as small pages that lead to the new address,
keeping the #anchor a link had, with their own Content-Security-Policy."""

from __future__ import annotations

import json

from markupsafe import Markup

from notes_core.addresses import absolute, page_address, page_file, page_url
from notes_core.documents import render_document
from notes_core.safety.csp import source_hash

# The only script: go to the new address, keeping a link's #anchor. The target is a checked docs path.
SCRIPT = 'var t={target};location.replace(location.hash&&t.indexOf("#")<0?t+location.hash:t)'


def render_redirect_pages(page_redirects: dict[str, str], site_url: str, site_name: str) -> dict[str, str]:
    pages = {}
    for old, new in page_redirects.items():
        path, _, anchor = new.partition("#")
        target = page_url(old, path, anchor)
        script = SCRIPT.format(target=json.dumps(target).replace("<", "\\u003c"))
        policy = f"default-src 'none'; script-src {source_hash(script)}; base-uri 'none'; form-action 'none'"
        pages[page_file(old)] = render_document(
            "redirect.html",
            {
                "policy": policy,
                "site_name": site_name,
                "target": target,
                "script": Markup(script),
                "canonical": absolute(site_url, page_address(path) + (f"#{anchor}" if anchor else "")),
            },
        )
    return pages
