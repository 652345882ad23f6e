"""Files published with a document: the report PDF's text and metadata, images' metadata."""

from __future__ import annotations

import logging
from pathlib import Path

from ..problems import Problem, Severity
from ..rules import RULES, problem
from .scan import TextContext, scan_text

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".gif", ".tif", ".tiff", ".webp", ".heic"}

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


def scan_pdf(path: Path, relpath: str, context: TextContext) -> list[Problem]:
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
        return [
            problem(
                "anon.pdf_unreadable",
                relpath,
                1,
                1,
                f"the report cannot be read to check it ({detail}); export it again",
            )
        ]
    if not any(text.strip() for line, where, text in parts if where.startswith("page")):
        return [
            problem(
                "anon.pdf_unreadable",
                relpath,
                1,
                1,
                "the report has no text to check (scanned pages?); export it with its "
                "text, or check it by hand and publish it another way",
            )
        ]
    found: list[Problem] = []
    for line, where, text in parts:
        for finding in scan_text(text, context):
            severity = finding.severity or RULES[finding.rule].severity
            found.append(
                Problem(
                    relpath,
                    line,
                    1,
                    finding.rule,
                    severity,
                    f"{where}: {finding.message}",
                    finding.span(text),
                )
            )
    return found


def check_image(path: Path, relpath: str) -> list[Problem]:
    """EXIF GPS positions and owner or author names in an image."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            exif = image.getexif()
            info = {str(k): v for k, v in image.info.items() if isinstance(v, str)}
    except (UnidentifiedImageError, OSError):
        return []  # not an image Pillow knows: nothing to read, nothing published from it
    except Exception:  # a damaged image: say so rather than crash the check
        return [
            problem(
                "anon.image_metadata",
                relpath,
                1,
                1,
                "the image is damaged and its metadata cannot be checked; export it again",
            )
        ]
    found: list[Problem] = []
    gps = exif.get_ifd(_GPS_IFD)
    if gps:
        found.append(
            problem(
                "anon.image_metadata",
                relpath,
                1,
                1,
                "the image records the GPS position where it was taken; remove its location data",
            )
        )
    for tag, name in _EXIF_PERSON_TAGS.items():
        value = exif.get(tag) or exif.get_ifd(0x8769).get(tag)
        if value and str(value).strip("\x00 "):
            found.append(
                problem(
                    "anon.image_metadata",
                    relpath,
                    1,
                    1,
                    f"the image's metadata has a {name} field; remove it",
                    str(value)[:80],
                )
            )
    for key in ("Author", "Artist", "Copyright", "Comment", "Description"):
        if info.get(key, "").strip():
            found.append(
                problem(
                    "anon.image_metadata",
                    relpath,
                    1,
                    1,
                    f"the image's metadata has a {key} field; remove it",
                    info[key][:80],
                )
            )
    return [
        Problem(p.path, p.line, p.column, p.rule, Severity.ERROR, p.message, p.text) for p in found
    ]
