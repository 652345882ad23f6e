"""Files published with a document: the report PDF's text and metadata, images' metadata."""

from __future__ import annotations

import logging
from pathlib import Path

from ..problems import Problem
from .findings import Finding, as_problem
from .scan import TextContext, scan_text

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".tif", ".tiff", ".webp", ".heic"}

# EXIF tags that name a person, and the GPS block.
_EXIF_PERSON_TAGS = {
    0x013B: "Artist",
    0x8298: "Copyright",
    0x9C9D: "XPAuthor",
    0xA430: "CameraOwnerName",
    0x9C9C: "XPComment",
    0x9286: "UserComment",
}
_GPS_IFD = 0x8825
_PDF_METADATA = ("/Author", "/Title", "/Subject", "/Keywords", "/Creator")


def _whole_file(relpath: str, rule: str, message: str, text: str | None, draft: bool) -> Problem:
    """A problem about a file as a whole (reported on its line 1)."""
    finding = Finding(rule, 0, len(text or ""), message)
    return as_problem(relpath, 1, 1, finding, text, draft=draft)


def scan_pdf(
    path: Path, relpath: str, context: TextContext, *, draft: bool = False
) -> list[Problem]:
    """The report's metadata (reported on line 1) and the text of each page (line = page)."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(path)
        if reader.is_encrypted:
            raise PyPdfError("the PDF is password-protected")
        metadata: dict[str, object] = dict(reader.metadata or {})
        parts: list[tuple[int, str, str]] = [
            (1, f"the PDF's {key.strip('/').lower()} (file properties)", str(metadata[key]))
            for key in _PDF_METADATA
            if metadata.get(key)
        ]
        for number, page in enumerate(reader.pages, start=1):
            parts.append((number, f"page {number}", page.extract_text() or ""))
    except Exception as exc:  # any failure to parse an editor's file is a finding, not a crash
        known = isinstance(exc, PyPdfError | OSError | ValueError | KeyError)
        detail = str(exc) if known else f"{type(exc).__name__}: {exc}"
        message = f"the report cannot be read to check it ({detail}); export it again"
        return [_whole_file(relpath, "anon.pdf_unreadable", message, None, draft)]
    if not any(text.strip() for line, where, text in parts if where.startswith("page")):
        message = (
            "the report has no text to check (scanned pages?); export it with its "
            "text, or check it by hand and publish it another way"
        )
        return [_whole_file(relpath, "anon.pdf_unreadable", message, None, draft)]
    return [
        as_problem(relpath, line, 1, finding, text, draft=draft, where=where)
        for line, where, text in parts
        for finding in scan_text(text, context)
    ]


def check_image(path: Path, relpath: str, *, draft: bool = False) -> list[Problem]:
    """EXIF GPS positions and owner or author names in an image."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            exif = image.getexif()
            info = {str(k): v for k, v in image.info.items() if isinstance(v, str)}
    except (UnidentifiedImageError, OSError):
        return []  # not an image Pillow knows: nothing to read, nothing published from it
    except Exception:  # a damaged image: say so rather than crash the check
        message = "the image is damaged and its metadata cannot be checked; export it again"
        return [_whole_file(relpath, "anon.image_metadata", message, None, draft)]
    found: list[Problem] = []
    if exif.get_ifd(_GPS_IFD):
        message = "the image records the GPS position where it was taken; remove its location data"
        found.append(_whole_file(relpath, "anon.image_metadata", message, None, draft))
    fields = [
        (name, str(exif.get(tag) or exif.get_ifd(0x8769).get(tag) or ""))
        for tag, name in _EXIF_PERSON_TAGS.items()
    ]
    fields += [
        (key, info.get(key, ""))
        for key in ("Author", "Artist", "Copyright", "Comment", "Description")
    ]
    for name, value in fields:
        if value.strip("\x00 \n"):
            message = f"the image's metadata has a {name} field; remove it"
            found.append(_whole_file(relpath, "anon.image_metadata", message, value[:80], draft))
    return found
