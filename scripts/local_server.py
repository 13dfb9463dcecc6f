"""Serve a built site on loopback the way a static host such as GitHub Pages does (gzip, caching),
for the browser tests and the Lighthouse audit."""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import threading
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote

COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".csv", ".txt")


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves like a static host such as GitHub Pages: gzip for text, and caching headers."""

    def log_message(self, format, *args):
        pass

    def send_head(self):
        url_path = self.path.split("?", 1)[0].split("#", 1)[0]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not url_path.endswith("/"):
                return super().send_head()  # redirects to the address with a slash
            path = path / "index.html"
        if (
            "gzip" not in self.headers.get("Accept-Encoding", "")
            or path.suffix not in COMPRESSIBLE
            or not path.is_file()
        ):
            return super().send_head()
        body = gzip_body(path)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return io.BytesIO(body)


def gzip_body(path: Path) -> bytes:
    return gzip.compress(path.read_bytes(), mtime=0)


def served_size(directory: Path, url_path: str) -> int:
    """The body's size as this server sends a file to a browser (which accepts gzip)."""
    path = directory / unquote(url_path).lstrip("/")
    if path.is_dir():
        path = path / "index.html"
    return len(gzip_body(path)) if path.suffix in COMPRESSIBLE else path.stat().st_size


class _Server(http.server.ThreadingHTTPServer):
    # The default backlog of 5 drops connections when a link checker opens 20 at once, and the
    # client then waits a minute to retry: listen for more.
    request_queue_size = 128


@contextmanager
def serve(directory: Path):
    handler = functools.partial(_Handler, directory=str(directory))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
