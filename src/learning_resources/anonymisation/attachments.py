"""Files published with a document: the report PDF's text and metadata, images' metadata.

Every metadata field is scanned as text, with the same detectors as the documents (and the
same normalisation, see reader.py). In images, a field that names the photographer or owner,
or holds a comment, is an error whatever it says, and so is a GPS position.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass
from pathlib import Path

from ..kinds import Kind
from ..problems import Problem
from .findings import Finding, as_problem
from .metadata import Metadata, image_metadata, pdf_metadata
from .scan import TextContext, scan_text

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".gif", ".tif", ".tiff", ".webp", ".heic"}

# Image fields that name a person or hold a comment (lower case): an error if filled in.
_IMAGE_PERSON_FIELDS = {
    *("artist", "author", "copyright", "comment", "description", "usercomment"),
    *("xpauthor", "xpcomment", "cameraownername", "dc:creator", "dc:rights"),
    *("xmprights:owner", "tiff:artist", "tiff:copyright", "pdf:author"),
    *("iptc4xmpext:personinimage", "mwg-rs:name", "photoshop:authorsposition"),
    "photoshop:credit",
}
# Metadata holds no document's own text: exact dates in it (creation dates) are not findings.
_METADATA_CONTEXT = TextContext(kind=Kind.PAGE)


def _whole_file(relpath: str, rule: str, message: str, text: str | None, draft: bool) -> Problem:
    """A problem about a file as a whole (reported on its line 1)."""
    finding = Finding(rule, 0, len(text or ""), message)
    return as_problem(relpath, 1, 1, finding, text, draft=draft)


def _scan_fields(
    relpath: str, metadata: Metadata, what: str, context: TextContext, draft: bool
) -> list[Problem]:
    return [
        as_problem(relpath, 1, 1, finding, value, draft=draft, where=what.format(name))
        for name, value in metadata.fields
        for finding in scan_text(value, context)
    ]


class PdfError(Exception):
    """A PDF that cannot be read, and what is wrong with it."""


@dataclass(frozen=True)
class PdfContent:
    metadata: Metadata
    pages: list[str]

    def parts(self) -> list[tuple[int, str, str]]:
        """(line, where, text): each metadata field (on line 1), then each page (line = page)."""
        fields = [(1, f"the PDF's {name} field", value) for name, value in self.metadata.fields]
        return fields + [(n, f"page {n}", text) for n, text in enumerate(self.pages, start=1)]


def read_pdf(source: Path | bytes) -> PdfContent:
    """A PDF's metadata and the text of each page (the gate and the audit read PDFs alike)."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(source) if isinstance(source, bytes) else source)
        if reader.is_encrypted:
            raise PyPdfError("the PDF is password-protected")
        return PdfContent(pdf_metadata(reader), [p.extract_text() or "" for p in reader.pages])
    except Exception as exc:  # any failure to parse an editor's file is a finding, not a crash
        known = isinstance(exc, PyPdfError | OSError | ValueError | KeyError)
        raise PdfError(str(exc) if known else f"{type(exc).__name__}: {exc}") from None


def scan_pdf(
    path: Path, relpath: str, context: TextContext, *, draft: bool = False
) -> list[Problem]:
    """The report's metadata (reported on line 1) and the text of each page (line = page)."""
    try:
        content = read_pdf(path)
    except PdfError as exc:
        message = f"the report cannot be read to check it ({exc}); export it again"
        return [_whole_file(relpath, "anon.pdf_unreadable", message, None, draft)]
    if not any(text.strip() for text in content.pages):
        message = (
            "the report has no text to check (scanned pages?); export it with its "
            "text, or check it by hand and publish it another way"
        )
        return [_whole_file(relpath, "anon.pdf_unreadable", message, None, draft)]
    what = "the PDF's {} field (file properties)"
    found = _scan_fields(relpath, content.metadata, what, context, draft)
    for number, text in enumerate(content.pages, start=1):
        found += [
            as_problem(relpath, number, 1, finding, text, draft=draft, where=f"page {number}")
            for finding in scan_text(text, context)
        ]
    return found


def check_image(path: Path, relpath: str, *, draft: bool = False) -> list[Problem]:
    """An image's GPS position, the fields naming a person, and every other text field."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            metadata = image_metadata(image)
    except (UnidentifiedImageError, OSError):
        return []  # not an image Pillow knows: nothing to read, nothing published from it
    except Exception:  # a damaged image: say so rather than crash the check
        message = "the image is damaged and its metadata cannot be checked; export it again"
        return [_whole_file(relpath, "anon.image_metadata", message, None, draft)]
    found: list[Problem] = []
    if metadata.gps:
        message = "the image records the GPS position where it was taken; remove its location data"
        found.append(_whole_file(relpath, "anon.image_metadata", message, None, draft))
    person = [(n, v) for n, v in metadata.fields if n.lower() in _IMAGE_PERSON_FIELDS]
    for name, value in person:
        message = f"the image's metadata has a {name} field; remove it"
        found.append(_whole_file(relpath, "anon.image_metadata", message, value[:80], draft))
    metadata.fields = [f for f in metadata.fields if f not in person]
    return found + _scan_fields(
        relpath, metadata, "the image's {} field (metadata)", _METADATA_CONTEXT, draft
    )
