"""Reading printouts as a tester would: each PDF page's text, split into body and footer."""

from __future__ import annotations

import re
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from pypdf import PdfReader

_MARKER = re.compile(r"^(?:•|\d{1,2}\.)\s*$")  # list markers, which WeasyPrint draws last
_HEADING = re.compile(r"<h[2-4]\b[^>]*>(.*?)</h[2-4]>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class PrintedPage:
    number: int
    body: list[str]  # the lines of the page above its running footer
    footer: list[str]  # the running footer's lines


def pages(pdf: bytes | Path, title: str) -> list[PrintedPage]:
    """Each page's text lines, without its running footer (print.css): the document's title,
    'Printed on ...' and 'Page N of M'. WeasyPrint draws the footer last, Chromium first."""
    data = pdf.read_bytes() if isinstance(pdf, Path) else pdf
    out = []
    for number, page in enumerate(PdfReader(BytesIO(data)).pages, start=1):
        lines = [line.strip() for line in page.extract_text().splitlines() if line.strip()]
        lines = [line for line in lines if not _MARKER.match(line)]
        printed = [i for i, line in enumerate(lines) if line.startswith("Printed on ")]
        if not printed:
            out.append(PrintedPage(number, lines, []))
            continue
        start = end = printed[-1]
        while start > 0:  # back over the title's line (or lines, if it wraps)
            joined = " ".join(lines[start - 1 : printed[-1]])
            if not title.endswith(joined):
                break
            start -= 1
            if joined == title:
                break
        while end < len(lines) - 1 and not re.fullmatch(r"Page \d+ of \d+", lines[end]):
            end += 1
        out.append(PrintedPage(number, lines[:start] + lines[end + 1 :], lines[start : end + 1]))
    return out


def text(pdf: bytes | Path) -> str:
    data = pdf.read_bytes() if isinstance(pdf, Path) else pdf
    return "\n".join(page.extract_text() for page in PdfReader(BytesIO(data)).pages)


def headings(html: str) -> set[str]:
    """The text of the page's section headings (h2 to h4), without their permalink."""
    found = set()
    for heading in _HEADING.findall(html):
        words = _TAG.sub("", heading.split('<a class="headerlink"')[0])
        found.add(" ".join(words.replace("&#39;", "'").replace("&quot;", '"').split()))
    return found


def stranded_headings(pdf: bytes | Path, html: str, title: str) -> list[tuple[int, str]]:
    """Headings printed as the last line of a page (before the footer): (page, heading)."""
    titles = headings(html)
    return [
        (page.number, page.body[-1])
        for page in pages(pdf, title)
        if page.body and page.body[-1] in titles
    ]
