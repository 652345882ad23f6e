"""Parts of a GIF and Exif tags that no check reads are refused (file.unread); the parts of an
ordinary animation or photo are not."""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from learning_resources import file_types

from .conftest import SiteFolder, brief

NOTE = b"Case note: Tyler Smith, 14 Quxlington Way"


def animation(**options: object) -> bytes:
    """A looping two-frame GIF, as Pillow writes it: timing blocks and a looping block."""
    frames = [Image.new("P", (16, 16), colour) for colour in (1, 2)]
    out = io.BytesIO()
    frames[0].save(out, "GIF", save_all=True, append_images=frames[1:], loop=0, duration=100)
    return out.getvalue()


def sub_blocks(payload: bytes) -> bytes:
    pieces = [payload[i : i + 255] for i in range(0, len(payload), 255)]
    return b"".join(bytes([len(piece)]) + piece for piece in pieces) + b"\0"


def with_extension(label: int, payload: bytes, gif: bytes | None = None) -> bytes:
    """The GIF with an extension block before its trailer (after its frames)."""
    gif = gif or animation()
    assert gif.endswith(b";")
    return gif[:-1] + b"!" + bytes([label]) + sub_blocks(payload) + b";"


def looping(extra: bytes) -> bytes:
    """The GIF's looping block with `extra` sub-blocks after its own."""
    gif = animation()
    block = b"!\xff\x0bNETSCAPE2.0\x03\x01\x00\x00\x00"
    assert block in gif
    return gif.replace(block, block[:-1] + extra + b"\0")


def timing(extra: bytes) -> bytes:
    """The GIF with `extra` sub-blocks after its first frame's timing block's own."""
    gif = animation()
    end = gif.index(b"!\xf9\x04") + 7
    assert gif[end] == 0
    return gif[:end] + extra + gif[end:]


def check(site: SiteFolder, name: str, data: bytes) -> tuple[int, str]:
    site.write("briefs/child-a/index.md", brief(body=f"## Notes\n\n![A chart]({name})\n"))
    site.write(f"briefs/child-a/{name}", data)
    result = site.run("check")
    return result.returncode, result.stdout


@pytest.mark.parametrize(
    ("data", "part"),
    [
        (with_extension(0xFE, NOTE), "a comment after the first frame"),
        (with_extension(0x01, bytes(12) + NOTE), "a plain-text block"),
        (with_extension(0xFF, b"XMP DataXMP" + NOTE), "an application block ('XMP DataXMP')"),
        (with_extension(0xFF, b"CASE\x00NOTES1" + NOTE), "block ('CASE\\x00NOTES1')"),
        (with_extension(0x99, NOTE), "an extension block (number 153)"),
        (looping(sub_blocks(NOTE)[:-1]), "an application block ('NETSCAPE2.0')"),
        (timing(sub_blocks(NOTE)[:-1]), "a frame's timing block with extra data"),
    ],
)
def test_parts_of_a_gif_no_check_reads_are_refused(
    site: SiteFolder, data: bytes, part: str
) -> None:
    code, out = check(site, "chart.gif", data)
    assert code == 1
    assert "briefs/child-a/chart.gif:1:1: error: the image holds parts no check reads (" in out
    assert part in out and "[file.unread]" in out


def still(**options: object) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (16, 16), "teal").save(out, "GIF", **options)
    return out.getvalue()


@pytest.mark.parametrize("data", [animation(), still(), still(transparency=0)])
def test_an_ordinary_gif_is_accepted(site: SiteFolder, data: bytes) -> None:
    code, out = check(site, "chart.gif", data)
    assert code == 0, out


def test_a_comment_before_the_first_frame_is_read_by_the_anonymisation_check(
    site: SiteFolder,
) -> None:
    """Pillow reads it with the first frame: the gate refuses it as the image's Comment field,
    as it does a JPEG's comment; it is not a part no check reads."""
    code, out = check(site, "chart.gif", still(comment=NOTE))
    assert code == 1
    assert "[anon.image_metadata]" in out and "Comment" in out
    assert "[file.unread]" not in out


@settings(max_examples=300, deadline=None)
@given(data=st.binary(max_size=300), fmt=st.sampled_from(["PNG", "JPEG", "GIF", "WEBP"]))
def test_reading_an_images_parts_never_fails_on_any_bytes(data: bytes, fmt: str) -> None:
    """Pillow opened the file first, but its parts are found by reading its structure: any
    bytes give a list of problems, never an exception (the check would stop on it)."""
    out = io.BytesIO()
    Image.new("RGB", (16, 16), "teal").save(out, fmt, exif=Image.Exif().tobytes())
    assert isinstance(file_types._unread_parts(out.getvalue()[:40] + data, "x", fmt), list)


# Exif: tags holding text or bytes are read by the anonymisation check, or written by the
# camera about itself in a fixed form, or refused.


def camera_exif() -> Image.Exif:
    """What a camera writes: its make, model and program, dates, versions, and numbers."""
    exif = Image.Exif()
    exif.update({0x010F: "NIKON CORPORATION", 0x0110: "NIKON D750", 0x0131: "Ver.1.10"})
    exif.update({0x0132: "2026:03:14 09:30:00", 0x0112: 1, 0x011A: 300.0, 0x0128: 2})
    inner = exif.get_ifd(0x8769)
    inner.update({0x9000: b"0232", 0xA000: b"0100", 0x9101: b"\x01\x02\x03\x00"})
    inner.update({0x9003: "2026:03:14 09:30:00", 0x9010: "+00:00", 0x9291: "042"})
    inner.update({0x829A: 0.004, 0x829D: 5.6, 0x8827: 400, 0xA301: b"\x01", 0xA300: b"\x03"})
    inner.update({0xA434: "24.0-120.0 mm f/4.0", 0xA002: 16, 0xA003: 16})
    inner.update({0xEA1C: b"\0" * 2060, 0xA420: ""})  # Windows' padding, a blank unique id
    return exif


def photo(fmt: str, exif: Image.Exif) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (16, 16), "teal").save(out, fmt, exif=exif.tobytes())
    return out.getvalue()


def with_tags(ifd0: dict[int, object], exif_ifd: dict[int, object]) -> Image.Exif:
    exif = camera_exif()
    exif.update(ifd0)
    exif.get_ifd(0x8769).update(exif_ifd)
    return exif


@pytest.mark.parametrize(("name", "fmt"), [("photo.jpg", "JPEG"), ("photo.png", "PNG")])
def test_a_cameras_own_exif_tags_are_accepted(site: SiteFolder, name: str, fmt: str) -> None:
    code, out = check(site, name, photo(fmt, camera_exif()))
    assert code == 0, out


@pytest.mark.parametrize(
    ("exif", "part"),
    [
        (with_tags({}, {0x927C: b"Nikon\0\x02\x10\0\0MM" + NOTE}), "Exif MakerNote"),
        (with_tags({}, {0xA431: "3021457"}), "Exif BodySerialNumber"),
        (with_tags({0x83BB: b"\x1c\x02\x78" + NOTE}, {}), "Exif IPTCNAA"),
        (with_tags({0xC7A1: NOTE.decode()}, {}), "Exif tag 0xc7a1"),  # a private tag
        (with_tags({}, {0xEA1C: b"\0" * 64 + NOTE}), "Exif tag 0xea1c"),  # Windows' padding
        # a text tag the check reads in the first directory, written in the Exif directory
        (with_tags({}, {0x010E: "Site visit"}), "Exif ImageDescription"),
    ],
)
@pytest.mark.parametrize(("name", "fmt"), [("photo.jpg", "JPEG"), ("photo.webp", "WEBP")])
def test_exif_tags_no_check_reads_are_refused(
    site: SiteFolder, exif: Image.Exif, part: str, name: str, fmt: str
) -> None:
    code, out = check(site, name, photo(fmt, exif))
    assert code == 1
    assert f"error: the image holds parts no check reads ({part})" in out
    assert "[file.unread]" in out


# JPEG: Pillow (and so the anonymisation check) reads one comment and one XMP packet (the
# last), one Exif block, and nothing after the image's data.

XMP = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><dc:title>Chart</dc:title></x:xmpmeta>'


def segment(marker: int, body: bytes) -> bytes:
    return bytes([0xFF, marker]) + (len(body) + 2).to_bytes(2, "big") + body


def jpeg(*, before: bytes = b"", after: bytes = b"", **options: object) -> bytes:
    """A JPEG with segments added after its start marker, and before its end marker."""
    out = io.BytesIO()
    Image.new("RGB", (16, 16), "teal").save(out, "JPEG", **options)
    data = out.getvalue()
    return data[:2] + before + data[2:-2] + after + data[-2:]


@pytest.mark.parametrize(
    ("data", "part"),
    [
        (jpeg(before=segment(0xFE, NOTE), comment=b"Chart"), "a second comment"),
        (jpeg(after=segment(0xFE, NOTE)), "a comment after the image's data"),
        (jpeg(after=segment(0xE1, b"Exif\0\0" + NOTE)), "APP1 after the image's data"),
        (
            jpeg(before=segment(0xE1, b"http://ns.adobe.com/xap/1.0/\0" + XMP), xmp=XMP),
            "a second XMP packet",
        ),
        (
            jpeg(before=segment(0xE1, b"http://ns.adobe.com/xmp/extension/\0" + NOTE)),
            "APP1 ('http://ns.adobe.com/xmp/extension/')",
        ),
        (
            jpeg(before=segment(0xE1, b"Exif\0\0" + NOTE), exif=camera_exif().tobytes()),
            "a second Exif block",
        ),
        (jpeg(before=segment(0xE0, b"JFXX\0\x13" + NOTE)), "APP0 ('JFXX')"),
    ],
)
def test_jpeg_segments_no_check_reads_are_refused(site: SiteFolder, data: bytes, part: str) -> None:
    code, out = check(site, "photo.jpg", data)
    assert code == 1
    assert f"error: the image holds parts no check reads ({part})" in out
    assert "[file.unread]" in out


def test_a_jpeg_with_one_of_each_part_read_is_accepted(site: SiteFolder) -> None:
    data = jpeg(
        exif=camera_exif().tobytes(),
        xmp=XMP,
        icc_profile=b"\0" * 70_000,  # in two segments
        progressive=True,
        optimize=True,
    )
    assert data.count(b"ICC_PROFILE\0") == 2
    code, out = check(site, "photo.jpg", data)
    assert code == 0, out
