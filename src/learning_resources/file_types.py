"""Whether a published attachment is what its name says: an image Pillow can read in full in
the format of its extension, or a PDF.

The anonymisation gate reads an image's metadata and a PDF's text only when it can open them;
a file that is something else (an HTML page named `chart.png`, a Word file named
`report.pdf`) or is damaged would otherwise be published without being checked, and shown by
browsers as whatever they take it for.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .anonymisation.metadata import unread_exif
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
    if why:
        return [_wrong(relpath, why)]
    data = path.read_bytes()
    return _appended_problems(data, relpath, expected) or _unread_parts(data, relpath, expected)


def _appended_problems(data: bytes, relpath: str, image_format: str) -> list[Problem]:
    """Data after the image's end (a phone's video, a file joined on): no viewer shows it and
    no check reads it, but it is published with the image. Zero bytes (padding) say nothing.
    Bytes that hide where the image ends (stray bytes between its parts, which viewers skip)
    are refused too."""
    end = _IMAGE_ENDS[image_format](data)
    extra = len(data[end:].rstrip(b"\0")) if end is not None else None
    if not extra and end is not None:
        return []
    where = (
        f"{extra} bytes follow the end of the image"
        if extra
        else "the image holds bytes that are not part of it (viewers skip them)"
    )
    message = (
        f"{where}, which no viewer shows but which are published with it; export the "
        "picture again (open it and save it as a new file)"
    )
    return [problem("file.appended", relpath, 1, 1, message)]


def _png_chunks(data: bytes) -> Iterator[tuple[bytes, int]]:
    """Each chunk's type and where it starts (length, type, data, checksum), after the
    signature, up to IEND's."""
    at = 8
    while at + 8 <= len(data):
        length, kind = int.from_bytes(data[at : at + 4], "big"), data[at + 4 : at + 8]
        yield kind, at
        if kind == b"IEND":
            return
        at += 12 + length


def _png_end(data: bytes) -> int | None:
    # IEND holds nothing: anything it claims to hold follows the end
    return next((at + 12 for kind, at in _png_chunks(data) if kind == b"IEND"), None)


def _jpeg_markers(data: bytes) -> Iterator[tuple[int, int]]:
    """Each marker and where it ends: segments (each with its length) after the start marker;
    after each start of scan, the compressed data up to the next marker (0xFF not followed by
    0, a restart or a fill byte); up to the first end marker outside them (a thumbnail's is
    inside its segment)."""
    at = 2
    while at < len(data) and data[at] == 0xFF:
        while at < len(data) and data[at] == 0xFF:  # fill bytes
            at += 1
        if at >= len(data):
            return
        marker, at = data[at], at + 1
        yield marker, at
        if marker == 0xD9:
            return
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:
            continue  # restart markers carry no length
        at += int.from_bytes(data[at : at + 2], "big")
        while marker == 0xDA:  # the scan's compressed data
            at = data.find(b"\xff", at)
            if at < 0 or at + 1 >= len(data):
                return
            if data[at + 1] in (0x00, 0xFF, *range(0xD0, 0xD8)):
                at += 1
            else:
                break


def _jpeg_end(data: bytes) -> int | None:
    return next((at for marker, at in _jpeg_markers(data) if marker == 0xD9), None)


def _gif_blocks(data: bytes) -> Iterator[tuple[bytes, int, int]]:
    """Each block's kind (an extension's introducer and label, b"!\\xfe" for a comment; b","
    for an image; b";" for the trailer), where it starts and where it ends: after the header
    and colour table, extensions and images (each in sub-blocks) up to the trailer. Stops at a
    byte that starts no block, or a block cut off."""

    def colours(flags: int) -> int:
        return 3 * 2 ** ((flags & 7) + 1) if flags & 0x80 else 0

    def sub_blocks(at: int) -> int:
        while at < len(data) and data[at]:
            at += data[at] + 1
        return at + 1

    at = 13 + colours(data[10]) if len(data) > 13 else len(data)
    while at < len(data):
        kind = data[at : at + 1]
        if kind == b";":
            yield kind, at, at + 1
            return
        if kind == b"!":  # an extension: its label, then its sub-blocks
            kind, end = data[at : at + 2], sub_blocks(at + 2)
        elif kind == b"," and at + 10 <= len(data):  # an image: descriptor, colours, data
            end = sub_blocks(at + 11 + colours(data[at + 9]))
        else:
            return
        if end > len(data):
            return
        yield kind, at, end
        at = end


def _gif_end(data: bytes) -> int | None:
    return next((end for kind, _, end in _gif_blocks(data) if kind == b";"), None)


def _webp_end(data: bytes) -> int | None:
    """The RIFF container's own length."""
    return 8 + int.from_bytes(data[4:8], "little") if data[:4] == b"RIFF" else None


_IMAGE_ENDS = {"PNG": _png_end, "JPEG": _jpeg_end, "GIF": _gif_end, "WEBP": _webp_end}


# The parts of an image a viewer draws or a check reads (text, Exif and XMP are read by the
# anonymisation check), and small ones that hold no text: a colour profile, a screenshot's
# layout hints (Apple's iDOT). Any other part (a PNG's private chunk, a JPEG's IPTC captions
# and by-lines, a WebP's own chunk, a GIF's comment after its first frame, an Exif MakerNote:
# see metadata.unread_exif) is published with the image and read by no check.
_PNG_PARTS = frozenset(
    [
        *("IHDR", "PLTE", "IDAT", "IEND", "tRNS", "cHRM", "gAMA", "iCCP", "sBIT", "sRGB"),
        *("cICP", "mDCv", "cLLi", "bKGD", "hIST", "pHYs", "sPLT", "tIME", "acTL", "fcTL"),
        *("fdAT", "tEXt", "zTXt", "iTXt", "eXIf", "iDOT"),
    ]
)
_JPEG_PARTS = {  # each kind of segment read, by how its data starts
    0xE0: {b"JFIF\0": "JFIF block"},
    0xE1: {b"Exif\0\0": "Exif block", b"http://ns.adobe.com/xap/1.0/\0": "XMP packet"},
    0xE2: {b"ICC_PROFILE\0": "colour profile", b"MPF\0": "index of a phone's pictures"},
    0xEE: {b"Adobe": "Adobe colour block"},
    0xFE: {b"": "comment"},
}
_JPEG_NAMES = {0xED: "IPTC captions (APP13)", 0xFE: "a comment"}
_WEBP_PARTS = frozenset(["VP8 ", "VP8L", "VP8X", "ALPH", "ANIM", "ANMF", "ICCP", "EXIF", "XMP "])
# A GIF's extensions a viewer uses and that hold no text, in the only form they take: a
# frame's timing and transparency, and an animation's number of loops. (Comments before the
# first frame are read by the anonymisation check; later ones, plain-text blocks, other
# programs' blocks, and extra data in these two, are read by none.)
_GIF_PARTS = re.compile(
    rb"!(?:\xf9\x04.{4}|\xff\x0b(?:NETSCAPE2\.0|ANIMEXTS1\.0)\x03\x01..)\x00", re.DOTALL
)


def _unread_parts(data: bytes, relpath: str, image_format: str) -> list[Problem]:
    """Parts of the image that no viewer shows and no check reads (see _PNG_PARTS)."""
    parts = {"PNG": _png_parts, "JPEG": _jpeg_parts, "GIF": _gif_parts, "WEBP": _webp_parts}
    unread = sorted(set(parts[image_format](data) + _exif_parts(data)))
    if not unread:
        return []
    message = (
        f"the image holds parts no check reads ({', '.join(unread)}), which are published with "
        "it and can hold captions, names or places; export the picture again without its "
        "metadata (for example 'Export' or 'Save for web', or a screenshot of it)"
    )
    return [problem("file.unread", relpath, 1, 1, message)]


def _chunk_name(kind: bytes) -> str:
    return f"a {_quoted(kind)} chunk"


def _quoted(name: bytes) -> str:
    return ascii(name.decode("latin-1"))  # quoted, control and other bytes escaped


def _png_parts(data: bytes) -> list[str]:
    return [
        _chunk_name(kind)
        for kind, _ in _png_chunks(data)
        if kind.decode("latin-1") not in _PNG_PARTS
    ]


def _jpeg_parts(data: bytes) -> list[str]:
    """The application segments (APP0 to APP15) and comments other than those read (see
    _JPEG_PARTS), and any second one of them: Pillow reads only the last comment and XMP
    packet, and the first Exif block's tags. None after the image's data: Pillow stops there.
    """
    found, seen, scanned = [], set(), False
    for marker, at in _jpeg_markers(data):
        scanned = scanned or marker == 0xDA
        if not (0xE0 <= marker <= 0xEF or marker == 0xFE):
            continue
        body = data[at + 2 : at + int.from_bytes(data[at : at + 2], "big")]
        kinds = _JPEG_PARTS.get(marker, {})
        kind = next((k for k in kinds if body.startswith(k)), None)
        name = _JPEG_NAMES.get(marker, f"APP{marker - 0xE0}")
        if scanned:
            found.append(f"{name} after the image's data")
        elif kind is None:
            found.append(f"{name} ({_quoted(body[:40].partition(bytes(1))[0])})" if kinds else name)
        elif kind in seen and kind != b"ICC_PROFILE\0":  # a colour profile spans several
            found.append(f"a second {kinds[kind]}")
        seen.add(kind)
    return found


def _gif_parts(data: bytes) -> list[str]:
    """The extensions other than a frame's timing and the looping block (see _GIF_PARTS)."""
    found, framed = [], False
    for kind, at, end in _gif_blocks(data):
        framed = framed or kind == b","
        if kind[:1] != b"!" or _GIF_PARTS.fullmatch(data, at, end):
            continue
        if kind == b"!\xfe":
            found += ["a comment after the first frame"] if framed else []
        elif kind == b"!\xff":
            name = data[at + 3 : at + 3 + min(data[at + 2], 11)]
            found.append(f"an application block ({_quoted(name)})")
        else:
            what = {0x01: "a plain-text block", 0xF9: "a frame's timing block with extra data"}
            found.append(what.get(kind[1], f"an extension block (number {kind[1]})"))
    return found


def _exif_parts(data: bytes) -> list[str]:
    """The Exif tags no check reads (see metadata.unread_exif)."""
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as image:
            return unread_exif(image)
    except Exception:  # damaged Exif: the anonymisation check says so
        return []


def _webp_parts(data: bytes) -> list[str]:
    found, at, end = [], 12, min(len(data), _webp_end(data) or 0)
    while at + 8 <= end:
        kind = data[at : at + 4]
        if kind.decode("latin-1") not in _WEBP_PARTS:
            found.append(_chunk_name(kind))
        at += 8 + int.from_bytes(data[at + 4 : at + 8], "little")
        at += at % 2  # chunks are padded to an even length
    return found


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
