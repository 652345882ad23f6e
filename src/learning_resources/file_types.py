"""Whether a published attachment is what its name says: an image Pillow can read in full in
the format of its extension, or a PDF.

The anonymisation gate reads an image's metadata and a PDF's text only when it can open them;
a file that is something else (an HTML page named `chart.png`, a Word file named
`report.pdf`) or is damaged would otherwise be published without being checked, and shown by
browsers as whatever they take it for.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .problems import Problem
from .rules import problem

# Pillow's name for the format each image extension promises.
IMAGE_FORMATS = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".gif": "GIF", ".webp": "WEBP"}
EXTENSIONS = {"PNG": ".png", "JPEG": ".jpg", "GIF": ".gif", "WEBP": ".webp"}
PDF_HEADER, PDF_HEADER_WITHIN = b"%PDF-", 1024  # where PDF readers look for it


def file_type_problems(path: Path, relpath: str) -> list[Problem]:
    """A problem when the image or PDF at `path` is not what its extension says."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        with path.open("rb") as file:
            if PDF_HEADER not in file.read(PDF_HEADER_WITHIN):
                return [_wrong(relpath, "this is not a PDF; export the report again as a PDF")]
        return _embedded_problems(path, relpath)
    expected = IMAGE_FORMATS.get(suffix)
    if expected is None:
        return []
    why = _image_problem(path, suffix, expected)
    return [_wrong(relpath, why)] if why else []


def _embedded_problems(path: Path, relpath: str) -> list[Problem]:
    """Files attached inside a PDF, and scripts it runs: neither is read by the check."""
    from pypdf import PdfReader

    try:
        reader = PdfReader(path)
        attached = sorted(reader.attachments)
        root: Any = reader.trailer["/Root"].get_object()
        names, action = (root.get(key) for key in ("/Names", "/OpenAction"))
        names = names.get_object() if names is not None else {}
        action = action.get_object() if action is not None else {}
        opens = isinstance(action, dict) and action.get("/S") == "/JavaScript"
        script = "/JavaScript" in names or opens
    except Exception:  # an unreadable PDF: the anonymisation check says so
        return []
    what = [f"files attached inside it ({', '.join(attached)})"] if attached else []
    what += ["a script"] if script else []
    if not what:
        return []
    message = (
        f"the PDF carries {' and '.join(what)}, which are published with it but never "
        "checked; export the report again without them"
    )
    return [problem("file.embedded", relpath, 1, 1, message)]


def _image_problem(path: Path, suffix: str, expected: str) -> str | None:
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            found = image.format
            image.verify()  # the file's structure: a cut-off or damaged file fails here
        with Image.open(path) as image:
            image.load()  # and every pixel
    except Image.DecompressionBombError:
        return "the image has too many pixels to publish; make it smaller and export it again"
    except UnidentifiedImageError:
        return (
            f"this is not an image, although its name ends in {suffix}; "
            "export the picture again as PNG or JPEG"
        )
    except Exception:  # Pillow raises many kinds for damaged files
        return "the image is damaged or cut off; export it again"
    if found != expected:
        right = EXTENSIONS.get(str(found), "")
        rename = f"rename it to end in {right}" if right else "export it again as PNG or JPEG"
        return f"this is a {found} image, but its name ends in {suffix}; {rename}"
    return None


def _wrong(relpath: str, why: str) -> Problem:
    return problem("file.type", relpath, 1, 1, why)
