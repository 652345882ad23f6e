"""What a document page carries for printing: its QR code, notices, and print-friendly links.

The print stylesheet (assets/print.css) lays the page out on A4; assets/print.js fills the
running footer in the browser; pdfs.py fills it at build time. This module prepares the page.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from html import escape, unescape
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import qrcode

from learning_resources.check_cache import ResultCache, code_version, content_key
from learning_resources.documents import Document
from learning_resources.packs import topic_slug
from learning_resources.parallel import Background
from learning_resources.plan import Planned
from learning_resources.printing import (
    is_briefing,
    is_discussion,
    label,
    leaving_on,
)
from learning_resources.settings import Settings


def pdf_name(document: Document) -> str:
    """The PDF's file name, beside the document's page: 'child-d-domestic-abuse.pdf'."""
    return f"{document.slug}.pdf"


def pack_name(topic: str) -> str:
    """A topic's team-meeting pack, beside the topic's page."""
    return f"{topic_slug(topic)}.pdf"


def qr_matrix(url: str) -> list[list[bool]]:
    """The modules of a QR code for `url` (a border of 2 included), as qrcode makes them."""
    code = qrcode.QRCode(border=2, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(url)
    code.make(fit=True)
    return [[bool(module) for module in row] for row in code.get_matrix()]


def qr_svg(url: str, matrix: list[list[bool]] | None = None) -> str:
    """A QR code for `url` as a small inline SVG: one path, a rectangle per run of modules."""
    matrix = qr_matrix(url) if matrix is None else matrix
    size = len(matrix)
    runs = []
    for y, row in enumerate(matrix):
        x = 0
        while x < size:
            if row[x]:
                start = x
                while x < size and row[x]:
                    x += 1
                runs.append(f"M{start} {y}h{x - start}v1h-{x - start}z")
            x += 1
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" '
        f'width="17mm" height="17mm" role="img" aria-label="QR code: {escape(url)}">'
        f'<rect width="{size}" height="{size}" fill="#fff"/>'
        f'<path fill="#000" d="{"".join(runs)}"/></svg>'
    )


def _packed_matrix(url: str) -> list[Any]:
    """A QR code's matrix as JSON: its size and its modules as one hexadecimal number."""
    matrix = qr_matrix(url)
    bits = "".join("1" if module else "0" for row in matrix for module in row)
    return [len(matrix), f"{int(bits, 2):x}"]


def _unpacked(data: Any) -> list[list[bool]] | None:
    try:
        size, number = int(data[0]), int(data[1], 16)
    except (TypeError, ValueError, IndexError):
        return None
    bits = f"{number:0{size * size}b}"
    if size < 21 or len(bits) != size * size:
        return None
    return [[bit == "1" for bit in bits[y * size : (y + 1) * size]] for y in range(size)]


class QrCodes:
    """The QR codes of a build's pages by address: taken from the site's cache folder when
    made before (a code depends on nothing but its address and qrcode's version), otherwise
    made in another process while MkDocs renders the pages (they are needed only once every
    page is rendered), and kept for the next build."""

    def __init__(self, root: Path | None) -> None:
        environment = content_key(code_version(Path(__file__).parent, ("qrcode",)))
        self.cache = ResultCache(root, "qr-codes", environment) if root else None
        self.packed: dict[str, list[Any]] = {}  # by address (a matrix of lists is 15 KB)
        self.making: Background[str, list[Any]] | None = None

    def prepare(self, urls: Iterable[str]) -> None:
        """Take these addresses' codes from the cache, and start making the others."""
        self._collect()
        missing = [url for url in dict.fromkeys(urls) if not self._cached(url)]
        self.making = Background(_packed_matrix, missing)

    def _cached(self, url: str) -> bool:
        cached: Any = self.cache.get(url) if self.cache else None
        if _unpacked(cached) is not None:
            self.packed[url] = cached
        return url in self.packed

    def _collect(self) -> None:
        if self.making is None:
            return
        for url, packed in zip(self.making.items, self.making.result(), strict=True):
            self.packed[url] = packed
            if self.cache:
                self.cache.put(url, packed)
        self.making = None

    def svg(self, url: str) -> str:
        if url not in self.packed:
            self._collect()
        if not (url in self.packed or self._cached(url)):
            self.packed[url] = _packed_matrix(url)
            if self.cache:
                self.cache.put(url, self.packed[url])
        return qr_svg(url, _unpacked(self.packed[url]))

    def save(self) -> None:
        self._collect()
        if self.cache:
            self.cache.save()


def page_context(entry: Planned, url: str, today: dt.date, *, pdfs: bool) -> dict[str, Any]:
    """What document.md.j2 needs for printing: label, notices, the PDF link and the QR code."""
    document = entry.document
    return {
        "label": label(document),
        "briefing": is_briefing(document),
        "leaving_on": leaving_on(entry, today),
        "pdf": pdf_name(document) if pdfs else "",
        "url": url,
    }


# Where the QR code goes in a page (print.md.j2). The code is added to the built page, after
# the page's content has been sanitised (an SVG is no editor's HTML).
QR_PLACE = '<div class="lr-qr"></div>'
_ARTICLE = re.compile(r'(<article class="md-content__inner[^"]*">)(.*?)(</article>)', re.DOTALL)
_LINK = re.compile(r'<a href="([^"#][^"]*)"')
_H2 = re.compile(r"<h2\b[^>]*>(.*?)</h2>", re.DOTALL)
_SECTION_END = re.compile(r'<h2\b|<div class="lr-(?:team-actions|print-end)\b')
_TAG = re.compile(r"<[^>]+>")


def print_ready(
    html: str, page_url: str, settings: Settings, qr: Callable[[str], str] = qr_svg
) -> str:
    """The built page, ready to print: each discussion section (a group activity, questions)
    wrapped to be kept on one page, a 7-minute briefing's sections in a grid of boxes, and
    links given their full address to print after them."""

    def full(match: re.Match[str]) -> str:
        href = match.group(1)
        if href.startswith(("mailto:", "javascript:")):
            return match.group(0)
        return f'{match.group(0)} data-lr-href="{urljoin(page_url, href)}"'

    def article(match: re.Match[str]) -> str:
        text = _LINK.sub(full, match.group(2))
        briefing = '<div class="lr-team-actions">' in text  # only 7-minute briefings have it
        return match.group(1) + wrap_sections(text, settings, briefing) + match.group(3)

    if QR_PLACE in html:
        html = html.replace(QR_PLACE, qr(page_url), 1)  # made here: no editor's HTML
    return _ARTICLE.sub(article, html, count=1)


def wrap_sections(text: str, settings: Settings, briefing: bool) -> str:
    """Each discussion section in a `div.lr-keep`; in a briefing, every section in a
    `section.lr-part` (discussions also `lr-keep`), all of them in one `div.lr-parts`."""
    out, last = [], 0
    for heading in _H2.finditer(text):
        title = unescape(_TAG.sub("", heading.group(1).split('<a class="headerlink"')[0]))
        keep = is_discussion(title, settings)
        if heading.start() < last or not (keep or briefing):
            continue
        following = _SECTION_END.search(text, heading.end())
        end = following.start() if following else len(text)
        tag = "section" if briefing else "div"
        classes = " ".join(c for c, wanted in (("lr-part", briefing), ("lr-keep", keep)) if wanted)
        if briefing and not last:
            out += [text[: heading.start()], '<div class="lr-parts">\n']
            last = heading.start()
        out += [text[last : heading.start()], f'<{tag} class="{classes}">']
        out += [text[heading.start() : end], f"</{tag}>\n"]
        last = end
    if briefing and last:
        out.append("</div>\n")
    return "".join(out) + text[last:]
