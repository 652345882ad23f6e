"""Ways past the anonymisation gate by encoding (issue 9): each is found, at the right file,
line and column, in a document's text, in its report PDF and in image metadata."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from PIL import Image, PngImagePlugin
from pypdf import PdfReader, PdfWriter
from pypdf.generic import DecodedStreamObject, NameObject

from learning_resources.anonymisation.reader import link_words, reader_text
from learning_resources.pipeline import check_site

from ..conftest import SiteFolder, brief, make_pdf

TODAY = dt.date(2026, 11, 25)
BODY = 9  # the first body line of brief()


def found(site: SiteFolder) -> list[tuple[str, int, int, str]]:
    return [(p.path, p.line, p.column, p.rule) for p in check_site(site.root, TODAY).problems]


# (what, body line, expected column and rule)
TRICKS = [
    ("decimal entity in a name", "Seen by T&#121;ler Smith.", 9, "anon.name"),
    ("hex entity in a name", "Seen by &#x54;yler Smith.", 9, "anon.name"),
    ("named entity in a name", "Seen by Tyl&eacute;r Smith.", 9, "anon.name"),
    ("entity for @", "Write to jo.bloggs&#64;gmail.com today.", 10, "anon.email"),
    ("emphasis inside a name", "Seen by Ty**ler** Smith.", 9, "anon.name"),
    ("a tag inside a name", "Seen by Ty<b>ler</b> Smith.", 9, "anon.name"),
    ("soft hyphen in a name", "Seen by Ty\u00adler Smith.", 9, "anon.name"),
    ("soft hyphen as an entity", "Seen by Ty&shy;ler Smith.", 9, "anon.name"),
    ("non-breaking space in a postcode", "Lived at NG7\u00a02AB.", 10, "anon.postcode"),
    ("&nbsp; in a postcode", "Lived at NG7&nbsp;2AB.", 10, "anon.postcode"),
    ("narrow space in a postcode", "Lived at NG7\u202f2AB.", 10, "anon.postcode"),
    ("figure space in a phone number", "Call 07700\u2007900123.", 6, "anon.phone"),
    ("thin spaces in an NHS number", "NHS number 943\u2009476\u20095919.", 12, "anon.nhs_number"),
    (
        "no-break spaces in an NI number",
        "NI QQ\u00a012\u00a034\u00a056\u00a0C.",
        4,
        "anon.ni_number",
    ),
    ("ideographic space in a name", "Seen by Tyler\u3000Smith.", 9, "anon.name"),
    ("fullwidth digits in a phone number", "Call ０７７００ ９００１２３.", 6, "anon.phone"),
    ("mathematical digits in a postcode", "Lived at NG𝟕 𝟐AB.", 10, "anon.postcode"),
    ("mathematical letters in a name", "Seen by 𝐓𝐲𝐥𝐞𝐫 𝐒𝐦𝐢𝐭𝐡.", 9, "anon.name"),
    ("a name in a link address", "See [the page](/people/tyler-smith/).", 24, "anon.name"),
    ("a name in an encoded address", "See [it](https://x.example/tyler%20smith).", 28, "anon.name"),
    ("a name in an href", 'See <a href="/people/tyler-smith">it</a>.', 22, "anon.name"),
    ("a name in an autolink", "See <https://x.example/kacper-nowak>.", 24, "anon.name"),
    ("a name in a bare address", "See https://x.example/p/kacper_nowak now.", 25, "anon.name"),
]


@pytest.mark.parametrize(
    ("body", "column", "rule"), [t[1:] for t in TRICKS], ids=[t[0] for t in TRICKS]
)
def test_each_trick_in_a_body_is_found_where_it_was_written(
    site: SiteFolder, body: str, column: int, rule: str
) -> None:
    site.write("briefs/child-a.md", brief(body=f"{body}\n"))
    assert found(site) == [("briefs/child-a.md", BODY, column, rule)]


def test_a_name_in_a_reference_definition_and_a_footnote(site: SiteFolder) -> None:
    site.write(
        "briefs/child-a.md",
        brief(
            body="See [the notes][n].[^1]\n\n"
            "[n]: /people/tyler-smith/\n"
            "[^1]: Kacper Nowak told the review.\n"
        ),
    )
    assert found(site) == [
        ("briefs/child-a.md", BODY + 2, 14, "anon.name"),
        ("briefs/child-a.md", BODY + 3, 7, "anon.name"),
    ]


def test_tricks_in_front_matter_are_found_on_their_line(site: SiteFolder) -> None:
    site.write(
        "briefs/child-a.md",
        brief(title="'What T&#121;ler Smith taught us'", summary="Lived at NG7\u00a02AB."),
    )
    assert found(site) == [
        ("briefs/child-a.md", 2, 14, "anon.name"),
        ("briefs/child-a.md", 7, 19, "anon.postcode"),
    ]


def test_the_finding_shows_the_text_as_written(site: SiteFolder) -> None:
    site.write("briefs/child-a.md", brief(body="Seen by T&#121;ler Smith.\n"))
    [problem] = check_site(site.root, TODAY).problems
    assert problem.text == "T&#121;ler Smith"


def test_ordinary_typography_adds_no_finding(site: SiteFolder) -> None:
    site.write(
        "briefs/child-a.md",
        brief(
            body="**Key learning**: the health visitor’s *second* visit—in May 2024—mattered "
            "&amp; was recorded. Fees were £10 &ndash; see [the guide]"
            "(https://www.gov.uk/government/publications/working-together-to-safeguard-children--2)"
            " and [Child A's brief](/briefs/child-a/).\n"
        ),
    )
    assert found(site) == []


def pdf_with(path: Path, text: str, info: dict[str, str], xmp_creator: str = "") -> None:
    make_pdf(path, text)
    writer = PdfWriter(clone_from=PdfReader(path))
    writer.add_metadata(info)
    if xmp_creator:
        packet = DecodedStreamObject()
        packet.set_data(
            xmp(
                f"<dc:creator><rdf:Seq><rdf:li>{xmp_creator}</rdf:li></rdf:Seq></dc:creator>"
            ).encode()
        )
        packet[NameObject("/Type")] = NameObject("/Metadata")
        packet[NameObject("/Subtype")] = NameObject("/XML")
        writer._root_object[NameObject("/Metadata")] = writer._add_object(packet)
    with path.open("wb") as out:
        writer.write(out)


def xmp(inner: str, attributes: str = "") -> str:
    return (
        '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        f'xmlns:exif="http://ns.adobe.com/exif/1.0/" {attributes}>{inner}</rdf:Description>'
        '</rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
    )


# (what, page text, document information, XMP creator, expected (line, rule) in the PDF)
PDF_TRICKS = [
    ("non-breaking space in a postcode", "Lived at NG7\u00a02AB.", {}, "", [(1, "anon.postcode")]),
    ("entity in a name", "Seen by T&#121;ler Smith.", {}, "", [(1, "anon.name")]),
    (
        "zero-width space in the author",
        "Clean.",
        {"/Author": "Ty\u200bler Smith"},
        "",
        [(1, "anon.name")],
    ),
    (
        "fullwidth digits in the subject",
        "Clean.",
        {"/Subject": "Call ０７７００ ９００１２３"},
        "",
        [(1, "anon.phone")],
    ),
    (
        "a property of the file's own",
        "Clean.",
        {"/Manager": "Kacper Nowak"},
        "",
        [(1, "anon.name")],
    ),
    ("XMP dc:creator", "Clean.", {}, "Kacper Nowak", [(1, "anon.name")]),
]


@pytest.mark.parametrize(
    ("text", "info", "creator", "expected"),
    [t[1:] for t in PDF_TRICKS],
    ids=[t[0] for t in PDF_TRICKS],
)
def test_each_trick_in_a_report_pdf_is_found(
    site: SiteFolder, text: str, info: dict[str, str], creator: str, expected: list[tuple[int, str]]
) -> None:
    site.write("briefs/child-a/index.md", brief(extra="report: report.pdf\n"))
    pdf_with(site.root / "briefs/child-a/report.pdf", "Child A was known. " + text, info, creator)
    assert [(line, rule) for path, line, _, rule in found(site)] == expected
    assert {path for path, _, _, _ in found(site)} == {"briefs/child-a/report.pdf"}


def png(**chunks: str) -> bytes:
    info = PngImagePlugin.PngInfo()
    for key, value in chunks.items():
        if key == "xmp":
            info.add_itxt("XML:com.adobe.xmp", value)
        else:
            info.add_itxt(key, value)
    out = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(out, "PNG", pnginfo=info)
    return out.getvalue()


def jpeg(exif_tags: dict[int, str | bytes] | None = None, **options: object) -> bytes:
    image = Image.new("RGB", (4, 4), "white")
    exif = image.getexif()
    for tag, value in (exif_tags or {}).items():
        exif[tag] = value
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif, **options)
    return out.getvalue()


def gif(comment: bytes) -> bytes:
    out = io.BytesIO()
    Image.new("P", (4, 4)).save(out, "GIF", comment=comment)
    return out.getvalue()


# (what, file name, image, expected rules)
IMAGE_TRICKS = [
    ("PNG text chunk with a name", "a.png", png(Title="Kacper Nowak at home"), ["anon.name"]),
    ("PNG text chunk with an address", "a.png", png(Title="At 14 Acacia Avenue"), ["anon.address"]),
    ("PNG author chunk", "a.png", png(Author="Anyone"), ["anon.image_metadata"]),
    (
        "XMP dc:creator in a PNG",
        "a.png",
        png(xmp=xmp("<dc:creator>A</dc:creator>")),
        ["anon.image_metadata"],
    ),
    (
        "XMP title with a name",
        "a.png",
        png(xmp=xmp("<dc:title>Tyler Smith</dc:title>")),
        ["anon.name"],
    ),
    (
        "XMP GPS position",
        "a.png",
        png(xmp=xmp("", 'exif:GPSLatitude="52,57.1N"')),
        ["anon.image_metadata"],
    ),
    ("EXIF ImageDescription", "a.jpg", jpeg({0x010E: "Tyler Smith at the park"}), ["anon.name"]),
    (
        "EXIF XPTitle (UTF-16)",
        "a.jpg",
        jpeg({0x9C9B: "Kacper Nowak".encode("utf-16-le")}),
        ["anon.name"],
    ),
    (
        "XMP dc:creator in a JPEG",
        "a.jpg",
        jpeg(xmp=xmp("<dc:creator>A</dc:creator>").encode()),
        ["anon.image_metadata"],
    ),
    ("JPEG comment", "a.jpg", jpeg(comment=b"anything"), ["anon.image_metadata"]),
    ("GIF comment", "a.gif", gif(b"Tyler Smith"), ["anon.image_metadata"]),
    ("a camera's own description", "a.jpg", jpeg({0x010E: "OLYMPUS DIGITAL CAMERA"}), []),
]


@pytest.mark.parametrize(
    ("name", "image", "rules"), [t[1:] for t in IMAGE_TRICKS], ids=[t[0] for t in IMAGE_TRICKS]
)
def test_each_metadata_field_of_an_image_is_checked(
    site: SiteFolder, name: str, image: bytes, rules: list[str]
) -> None:
    site.write("briefs/child-a/index.md", brief(body=f"![A chart]({name})\n"))
    site.write(f"briefs/child-a/{name}", image)
    assert found(site) == [(f"briefs/child-a/{name}", 1, 1, rule) for rule in rules]


def test_an_xmp_packet_cannot_expand_entities() -> None:
    from learning_resources.anonymisation.metadata import xmp_fields

    bomb = '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>' + xmp(
        "<dc:title>&b;&amp;</dc:title>"
    )
    assert list(xmp_fields(bomb)) == [("dc:title", "&b;&")]


def test_the_map_back_to_the_raw_text() -> None:
    raw = "A &#84;y\u00adler\u00a0Sm**i**th, ０７."
    read = reader_text(raw)
    assert read.text == "A Tyler Smith, 07."
    start = read.text.index("Tyler Smith")
    assert read.raw_span(start, start + len("Tyler Smith")) == (2, raw.index(","))
    assert read.raw_span(read.text.index("07"), read.text.index("07") + 2) == (
        raw.index("０"),
        raw.index("."),
    )
    assert reader_text("Plain **bold** text.").text == "Plain **bold** text."
    links = link_words("[a](https://x.example/people/tyler-smith?id=7) [b](mailto:a@b.example)")
    assert links is not None and links.text == "People\nTyler Smith\nId\n"
