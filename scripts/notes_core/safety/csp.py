"""The Content-Security-Policy every page carries: a second wall behind the sanitiser.

Static hosts such as GitHub Pages send no headers, so the policy is a <meta> tag. Scripts come
only from the site itself and from the theme's own inline scripts, allowed one by one by hash;
inline event handlers, plugins, other hosts' images, styles, fonts and frames are refused.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable

from notes_core.safety.sanitise import ALIGN_STYLES

INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)


def source_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def inline_scripts(html: str) -> list[str]:
    """The bodies of the plain <script> elements of trusted template output."""
    return INLINE_SCRIPT.findall(html)


def content_security_policy(scripts: Iterable[str] = (), styles: Iterable[str] = ()) -> str:
    """The policy for a page whose trusted inline scripts and style elements are given (their text)."""
    # 'wasm-unsafe-eval': the search engine (Pagefind) runs as WebAssembly; it allows compiling WebAssembly
    # fetched from the site, not JavaScript's eval.
    script_src = " ".join(["'self'", "'wasm-unsafe-eval'", *sorted({source_hash(s) for s in scripts})])
    # Table cells carry Python-Markdown's alignment as a style attribute: those exact values, by hash.
    style_src = " ".join(
        [
            "'self'",
            "'unsafe-hashes'",
            *sorted(source_hash(s) for s in ALIGN_STYLES),
            *sorted({source_hash(s) for s in styles}),
        ]
    )
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src {script_src}",
            f"style-src {style_src}",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "worker-src 'self'",
            "object-src 'none'",
            "frame-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        ]
    )


def csp_meta(policy: str) -> str:
    return f'<meta http-equiv="Content-Security-Policy" content="{policy}">'


def add_policy(page_html: str, policy: str) -> str:
    """The page with the policy as the first element after its character set, before anything it governs."""
    charset = page_html.find("<meta charset")
    at = page_html.find(">", charset) + 1 if charset >= 0 else page_html.find("<head>") + len("<head>")
    return page_html[:at] + "\n" + csp_meta(policy) + page_html[at:]
