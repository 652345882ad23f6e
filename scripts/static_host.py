"""A built site served on 127.0.0.1 as Netlify, Cloudflare Pages or GitHub Pages serve it.

Each file goes out with the headers the site's `_headers` gives its path, compressed (gzip)
when the browser accepts it, and the site's 404.html for a missing one. Python's own
`http.server` neither compresses nor sets headers. Used by the browser tests and by
scripts/lighthouse.py.
"""

from __future__ import annotations

import functools
import gzip
import mimetypes
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from mkdocs_learning.headers import parse_headers_file

_COMPRESSIBLE = {"application/javascript", "application/json", "application/xml"}
_COMPRESSIBLE |= {"application/atom+xml", "image/svg+xml", "application/manifest+json"}


class _Host(BaseHTTPRequestHandler):
    """GET and HEAD of the files in `folder`, with `_headers` applied, gzip, and 404.html."""

    def __init__(self, *args: object, folder: Path, rules: str) -> None:
        self.folder, self.rules = folder, rules
        super().__init__(*args)  # type: ignore[arg-type]

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        self._serve(send_body=True)

    def do_HEAD(self) -> None:
        self._serve(send_body=False)

    def _file(self, path: str) -> Path | None:
        target = (self.folder / path.lstrip("/")).resolve()
        if target.is_dir():
            target = target / "index.html"
        inside = target.is_relative_to(self.folder)
        return target if inside and target.is_file() and target.name != "_headers" else None

    def _serve(self, *, send_body: bool) -> None:
        path = unquote(urlsplit(self.path).path)
        if not path.endswith("/") and (self.folder / path.lstrip("/")).is_dir():
            self.send_response(301)
            self.send_header("Location", path + "/")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        status, file = 200, self._file(path)
        if file is None:
            status, file = 404, self.folder / "404.html"
        body = file.read_bytes()
        kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        compress = kind.startswith("text/") or kind in _COMPRESSIBLE
        self.send_response(status)
        if compress:
            kind += "; charset=utf-8"
            self.send_header("Vary", "Accept-Encoding")
            if "gzip" in self.headers.get("Accept-Encoding", ""):
                body = gzip.compress(body, mtime=0)
                self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for name, value in parse_headers_file(self.rules, path).items():
            self.send_header(name, value)
        self.end_headers()
        if send_body:
            self.wfile.write(body)


@contextmanager
def host(folder: Path, *, headers: bool = True) -> Iterator[str]:
    """Serve a built site on 127.0.0.1 as a static host would; yields its address. With
    `headers=False`, without the site's `_headers` (no Content Security Policy)."""
    file = folder / "_headers"
    rules = file.read_text(encoding="utf-8") if headers and file.is_file() else ""
    handler = functools.partial(_Host, folder=folder.resolve(), rules=rules)
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
