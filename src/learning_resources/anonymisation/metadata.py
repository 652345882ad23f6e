"""The text fields hidden inside images and PDFs, read without trusting the file.

Images: EXIF text tags (and the GPS block), PNG text chunks, GIF (first frame) and JPEG
comments, and the XMP packet; and which other Exif tags hold text or bytes that nothing reads
(unread_exif, refused as file.unread). PDFs: the document information and the XMP packet.
XMP is read with a small tokenizer, never an XML parser that would expand entities a file
declares.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

MAX_XMP = 1_000_000  # characters of an XMP packet read

# EXIF: text tags worth reading, in the first directory (IFD0) and the Exif directory.
_EXIF_TEXT = {
    0x010D: "DocumentName",
    0x010E: "ImageDescription",
    0x011D: "PageName",
    0x013B: "Artist",
    0x013C: "HostComputer",
    0x8298: "Copyright",
    0x9C9B: "XPTitle",
    0x9C9C: "XPComment",
    0x9C9D: "XPAuthor",
    0x9C9E: "XPKeywords",
    0x9C9F: "XPSubject",
}
_EXIF_IFD, _GPS_IFD = 0x8769, 0x8825
_EXIF_IFD_TEXT = {0x9286: "UserComment", 0xA430: "CameraOwnerName"}
_XP_TAGS = {0x9C9B, 0x9C9C, 0x9C9D, 0x9C9E, 0x9C9F}  # UTF-16 text stored as bytes
# Every other Exif tag holding text or bytes (types ASCII, BYTE, UNDEFINED) is refused as a
# part no check reads (file.unread), except those a camera or program writes about itself in
# a fixed form: dates and times, format versions, the make, model and lens, the program.
# Reading them instead would refuse ordinary photos (the scan takes "Sony", "NIKON D750" or
# "Adobe Photoshop" for names); the rest (a MakerNote: a maker's own opaque block, which can
# hold the owner's name or the names of faces it recognised; serial numbers; IPTC captions;
# private tags) cannot be read as text, so nothing of them is published unread. Numbers
# (exposure, size, orientation) and blank values (Windows' padding) are published as they are.
_EXIF_DEVICE = {
    *(0x010F, 0x0110, 0x0131, 0x0132),  # Make, Model, Software, DateTime
    *(0x9003, 0x9004, 0x9010, 0x9011, 0x9012),  # DateTimeOriginal, ..., OffsetTimeDigitized
    *(0x9290, 0x9291, 0x9292, 0xA433, 0xA434),  # SubSecTime, ..., LensMake, LensModel
    *(0x9000, 0xA000, 0x9101, 0xA300, 0xA301),  # ExifVersion, FlashpixVersion, ..., SceneType
}

# XMP properties read: the ones people fill in (titles, descriptions, creators, places,
# people shown, rights). Tool, colour and history properties are left alone.
_XMP_PREFIXES = {"dc", "photoshop", "iptc4xmpcore", "iptc4xmpext", "lr", "mwg-rs"}
_XMP_PREFIXES |= {"xmprights", "pdf", "pdfx"}
_XMP_NAMES = {"exif:usercomment", "tiff:imagedescription", "tiff:artist", "tiff:copyright"}
_XMP_NAMES |= {"xmp:label", "xmp:nickname"}
_XMP_SKIPPED = {"dc:format", "photoshop:colormode", "photoshop:iccprofile"}
_XMP_SKIPPED |= {"photoshop:datecreated", "photoshop:documentancestors", "photoshop:history"}
_XMP_SKIPPED |= {"pdf:pdfversion", "pdf:trapped"}
_XMP_GPS = {"exif:gpslatitude", "exif:gpslongitude"}
_PDF_SKIPPED = {"/CreationDate", "/ModDate", "/Trapped"}

_XML_TOKEN = re.compile(
    r"<!--.*?-->|<!\[CDATA\[(?P<cdata>.*?)\]\]>|<[?!][^>]*>"
    r"|<(?P<close>/?)(?P<name>[\w.:-]+)(?P<attributes>(?:[^>\"']|\"[^\"]*\"|'[^']*')*)>"
    r"|(?P<text>[^<]+)",
    re.DOTALL,
)
_XML_ATTRIBUTE = re.compile(r"([\w.-]+:[\w.-]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")


@dataclass
class Metadata:
    """What a file says about itself: (field name, text) pairs, and whether it has a GPS
    position."""

    fields: list[tuple[str, str]] = field(default_factory=list)
    gps: bool = False

    def add(self, name: str, value: object) -> None:
        text = _as_text(value).strip("\x00 \t\r\n")
        if text and (name, text) not in self.fields:  # a PNG gives its XMP packet twice
            self.fields.append((name, text))


def _as_text(value: object) -> str:
    if not isinstance(value, bytes):
        return str(value)
    if value[:8] in (b"ASCII\x00\x00\x00", b"UNICODE\x00", b"\x00" * 8):  # an EXIF UserComment
        return value[8:].decode("utf-16-le" if value[:7] == b"UNICODE" else "latin-1", "replace")
    try:
        return value.decode("utf-8")
    except UnicodeDecodeError:
        return value.decode("latin-1")


def xmp_fields(packet: str | bytes) -> Iterator[tuple[str, str]]:
    """The readable properties of an XMP packet: (name, text), names like 'dc:creator'."""
    text = _as_text(packet)[:MAX_XMP]
    open_elements: list[str] = []
    for token in _XML_TOKEN.finditer(text):
        name = token.group("name")
        value = token.group("text") or token.group("cdata")
        if name is None:
            if value and value.strip() and open_elements:
                owner = next((e for e in reversed(open_elements) if not _rdf(e)), "")
                yield owner, html.unescape(value)
            continue
        if token.group("close"):
            if open_elements:
                open_elements.pop()
            continue
        attributes = token.group("attributes")
        for attribute in _XML_ATTRIBUTE.finditer(attributes):
            if not _rdf(attribute.group(1)):
                yield attribute.group(1), html.unescape(attribute.group(2) or attribute.group(3))
        if not attributes.rstrip().endswith("/"):
            open_elements.append(name)


def _rdf(name: str) -> bool:
    return name.split(":")[0].lower() in {"rdf", "x", "xmlns", "xml"}


def read_xmp(metadata: Metadata, packet: str | bytes) -> None:
    for name, value in xmp_fields(packet):
        key = name.lower()
        if key in _XMP_GPS:
            metadata.gps = True
        elif key not in _XMP_SKIPPED and (key in _XMP_NAMES or key.split(":")[0] in _XMP_PREFIXES):
            metadata.add(name, value)


def image_metadata(image: Any) -> Metadata:
    """The metadata of an open Pillow image."""
    found = Metadata()
    exif = image.getexif()
    found.gps = bool(exif.get_ifd(_GPS_IFD))
    for tag, name in _EXIF_TEXT.items():
        value = exif.get(tag)
        if tag in _XP_TAGS and isinstance(value, bytes):
            value = value.decode("utf-16-le", "replace")
        found.add(name, value or "")
    inner = exif.get_ifd(_EXIF_IFD)
    for tag, name in _EXIF_IFD_TEXT.items():
        found.add(name, inner.get(tag) or "")
    chunks = dict(getattr(image, "text", None) or {})  # PNG text chunks, wherever they are
    chunks.update(image.info)
    for key, value in chunks.items():
        if key in ("xmp", "XML:com.adobe.xmp"):
            read_xmp(found, value)
        elif key == "comment" or isinstance(value, str):
            found.add("Comment" if key == "comment" else str(key), value)
    return found


def unread_exif(image: Any) -> list[str]:
    """The Exif tags of an open Pillow image, in the first directory and the Exif directory,
    that hold text or bytes no check reads (see _EXIF_DEVICE): like 'Exif MakerNote'."""
    from PIL.ExifTags import TAGS

    exif = image.getexif()
    found = []
    for tags, read in ((exif, _EXIF_TEXT), (exif.get_ifd(_EXIF_IFD), _EXIF_IFD_TEXT)):
        for tag, value in tags.items():
            if tag in read or tag in _EXIF_DEVICE or not isinstance(value, str | bytes):
                continue
            text = value.decode("latin-1") if isinstance(value, bytes) else value
            if text.strip("\0 "):  # not blank: padding, an empty tag
                found.append(f"Exif {TAGS.get(tag, f'tag {tag:#06x}')}")
    return found


def pdf_metadata(reader: Any) -> Metadata:
    """The document information and XMP packet of an open pypdf reader."""
    found = Metadata()
    for key, value in (reader.metadata or {}).items():
        if key not in _PDF_SKIPPED:
            found.add(str(key).strip("/"), value)
    packet = reader.root_object.get("/Metadata")
    if packet is not None:
        read_xmp(found, packet.get_object().get_data())
    return found
