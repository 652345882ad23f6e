"""Deployment headers: a Content Security Policy the built site satisfies, and the rest.

Nothing on the site runs inline except three small scripts Material for MkDocs writes into
every page (its storage scope, the colour palette and tab restore, all before the first paint);
they are allowed by their SHA-256 hashes, taken from the pages as built, so no
'unsafe-inline' is needed for scripts, and none at all for styles. Material's configuration
block (`<script type="application/json">`) is data, never run, so it needs no hash.

The policy is shipped twice: in `_headers` (Netlify, Cloudflare Pages), and in a `<meta>` tag
in every page for hosts that cannot set headers (GitHub Pages). A meta policy cannot forbid
framing (`frame-ancestors`), so that, like the other headers, needs a host that sets them:
the README shows nginx and Apache.

Files whose name carries a hash of their content (Material's `bundle.a5f9d56c.min.js`, the
plugin's `learning.1a2b3c4d.css`...) never change at that address, so `_headers` lets
browsers keep them for a year without asking again; everything else is left to the host's
default, which makes browsers check for a newer copy.
"""

from __future__ import annotations

import base64
import fnmatch
import hashlib
import re
from collections.abc import Iterable
from pathlib import Path

_SCRIPT = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<body>.*?)</script\s*>", re.I | re.S)
_SRC = re.compile(r"\ssrc\s*=", re.I)
_TYPE = re.compile(r"""\stype\s*=\s*["']?([^"'\s>]+)""", re.I)
_SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}

# Everything the site needs, and nothing else: its own files, images (Material's icons are
# data: SVGs in its style sheet), its search worker and index; no frames, plugins or forms
# posted elsewhere.
_DIRECTIVES = {
    "default-src": "'none'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "worker-src": "'self'",
    "manifest-src": "'self'",
    "base-uri": "'none'",
    "form-action": "'self'",
    "object-src": "'none'",
}
_HEADER_ONLY = {"frame-ancestors": "'none'"}  # ignored in a <meta> policy

OTHER_HEADERS = {
    "Referrer-Policy": "no-referrer",  # an address like /briefs/child-d-… stays on the site
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}


IMMUTABLE = "public, max-age=31536000, immutable"
_FINGERPRINTED = re.compile(r"\.[0-9a-f]{8,}\.")  # a content hash in the name


def named_by_content(path: Path) -> str:
    """`learning.css` as `learning.1a2b3c4d.css`: a new name whenever the file changes."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:8]
    return f"{path.stem}.{digest}{path.suffix}"


def fingerprinted(site_dir: Path) -> list[str]:
    """The addresses of the site's assets whose name carries a hash of their content."""
    assets = site_dir / "assets"
    return sorted(
        "/" + path.relative_to(site_dir).as_posix()
        for path in assets.rglob("*")
        if path.is_file() and _FINGERPRINTED.search(path.name)
    )


def script_hashes(page: str) -> set[str]:
    """CSP sources ('sha256-…') for every inline script in a page that a browser would run."""
    found = set()
    for match in _SCRIPT.finditer(page):
        attrs = match.group("attrs")
        kind = _TYPE.search(attrs)
        if _SRC.search(attrs) or (kind and kind.group(1).lower() not in _SCRIPT_TYPES):
            continue
        digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
        found.add(f"'sha256-{base64.b64encode(digest).decode('ascii')}'")
    return found


def content_security_policy(hashes: Iterable[str], *, in_meta: bool = False) -> str:
    directives = dict(_DIRECTIVES) if in_meta else _DIRECTIVES | _HEADER_ONLY
    directives["script-src"] = " ".join(["'self'", *sorted(hashes)])
    return "; ".join(f"{name} {value}" for name, value in directives.items())


def with_meta_policy(page: str) -> str:
    """The page with its own policy as the first thing in its <head>, before any script."""
    policy = content_security_policy(script_hashes(page), in_meta=True)
    tag = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    return page.replace("<head>", f"<head>\n{tag}", 1)


def headers_file(hashes: Iterable[str], immutable: Iterable[str] = ()) -> str:
    """`_headers` for Netlify and Cloudflare Pages: every path gets every header, and the
    `immutable` addresses (exact paths, so that no two rules set the same header) a long
    cache."""
    lines = ["/*", f"  Content-Security-Policy: {content_security_policy(hashes)}"]
    lines += [f"  {name}: {value}" for name, value in OTHER_HEADERS.items()]
    for path in immutable:
        lines += [path, f"  Cache-Control: {IMMUTABLE}"]
    return "\n".join(lines) + "\n"


def parse_headers_file(text: str, path: str = "/") -> dict[str, str]:
    """The headers `_headers` gives `path`, from every rule that matches it, as Netlify and
    Cloudflare Pages read the file (`*` matches anything); what a test server sends."""
    headers: dict[str, str] = {}
    applies = False
    for line in text.splitlines():
        if line.startswith((" ", "\t")):
            name, colon, value = line.strip().partition(":")
            if applies and colon:
                headers[name.strip()] = value.strip()
        elif line.strip() and not line.startswith("#"):
            applies = fnmatch.fnmatchcase(path, line.strip())
    return headers
