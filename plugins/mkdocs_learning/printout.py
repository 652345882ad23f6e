"""What a document page carries for printing: its QR code, notices, and print-friendly links.

The print stylesheet (assets/print.css) lays the page out on A4; assets/print.js fills the
running footer in the browser; pdfs.py fills it at build time. This module prepares the page.
"""

from __future__ import annotations

import datetime as dt
import re
from html import escape, unescape
from typing import Any
from urllib.parse import urljoin

import qrcode

from learning_resources.documents import Document
from learning_resources.packs import topic_slug
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


def qr_svg(url: str) -> str:
    """A QR code for `url` as a small inline SVG: one path, a rectangle per run of modules."""
    code = qrcode.QRCode(border=2, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(url)
    code.make(fit=True)
    matrix = code.get_matrix()
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


def print_ready(html: str, page_url: str, settings: Settings) -> str:
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

    html = html.replace(QR_PLACE, qr_svg(page_url), 1)  # made here: no editor's HTML
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
