"""The anonymisation gate inside `check` and `build`: where it looks, waivers, output, blocking."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from PIL import Image

from learning_resources.pipeline import check_site

from .conftest import SiteFolder, brief, make_pdf, sheet
from .test_published_files import png

TODAY = dt.date(2026, 11, 25)


def found(site: SiteFolder) -> list[tuple[str, int, int, str, str | None]]:
    return [
        (p.path, p.line, p.column, p.rule, p.text) for p in check_site(site.root, TODAY).problems
    ]


def test_every_published_part_of_a_brief_is_scanned(site: SiteFolder) -> None:
    site.write("briefs/child-a/a.png", png())  # a brief in its folder, with its image
    site.write(
        "briefs/child-a/index.md",
        brief(
            title="What happened to Tyler Smith",
            summary="Learning from the review, NG7 2AB.",
            body=(
                "## About this review\n\n"
                "Child A lived at 14 Acacia Avenue.\n\n"
                "[Call 07700 900123](tel:07700900123) or see ![photo of Kacper Nowak](a.png)\n"
            ),
        ),
    )
    assert found(site) == [
        ("briefs/child-a/index.md", 2, 25, "anon.name", "Tyler Smith"),
        ("briefs/child-a/index.md", 7, 36, "anon.postcode", "NG7 2AB"),
        ("briefs/child-a/index.md", 11, 18, "anon.address", "14 Acacia Avenue"),
        ("briefs/child-a/index.md", 13, 7, "anon.phone", "07700 900123"),
        ("briefs/child-a/index.md", 13, 25, "anon.phone", "07700900123"),
        ("briefs/child-a/index.md", 13, 56, "anon.name", "Kacper Nowak"),
    ]


def test_the_case_letter_convention_and_roles_are_fine(site: SiteFolder) -> None:
    site.write(
        "briefs/child-a.md",
        brief(
            body="Child A's mother and Sibling 1 met the health visitor and the "
            "designated safeguarding lead from Children's Services in May 2024.\n"
        ),
    )
    assert found(site) == []


def test_declared_pseudonyms_professionals_and_site_terms_are_allowed(site: SiteFolder) -> None:
    yml = (site.root / "mkdocs.yml").read_text()
    site.write(
        "mkdocs.yml",
        yml.replace(
            "      topics:", "      allowed_terms: [Queen's Medical Centre]\n      topics:"
        ),
    )
    site.write(
        "briefs/child-a.md",
        brief(
            extra="pseudonyms: [Jack]\nnamed_professionals: [Dr Sam Okafor]\n",
            body="Jack was seen at Queen's Medical Centre. The review was led by Dr Sam Okafor.\n",
        ),
    )
    assert found(site) == []


def test_waivers_allow_reviewed_text_and_must_say_why(site: SiteFolder) -> None:
    waiver = (
        "waivers:\n"
        "  - text: Grace Darling Way\n    rule: anon.address\n"
        "    reason: the name of a national charity's campaign\n"
    )
    site.write(
        "briefs/child-a.md", brief(extra=waiver, body="The Grace Darling Way campaign helped.\n")
    )
    assert found(site) == []
    listed = site.run("check", "--list-waivers")
    assert (
        "briefs/child-a.md:9: 'Grace Darling Way' (anon.address): the name of a national "
        "charity's campaign" in listed.stdout
    )


def test_a_waiver_of_a_street_opening_a_sentence_holds(site: SiteFolder) -> None:
    """The ordinary word opening the sentence is no part of the street's name, so the waiver
    of the name alone matches (it used to be 'Text Quxlington Way', and the waiver unused)."""
    waiver = "waivers:\n  - text: Quxlington Way\n    rule: anon.address\n    reason: a campaign\n"
    site.write(
        "briefs/child-a.md",
        brief(extra=waiver, body="Text Quxlington Way to 60060 to join the campaign.\n"),
    )
    assert found(site) == []


def test_a_file_type_in_a_link_address_is_no_name(site: SiteFolder) -> None:
    """'dr.md' once read as the title 'Dr' before the name 'Md'."""
    site.write("briefs/dr.md", brief(case="B", title="Learning from Child B"))
    site.write(
        "briefs/child-a.md",
        brief(body="Read [the earlier brief](dr.md) and [its notes][n].\n\n[n]: /briefs/dr.md\n"),
    )
    assert [f for f in found(site) if f[3] == "anon.name"] == []


def test_a_waiver_without_a_reason_is_an_error(site: SiteFolder) -> None:
    site.write(
        "briefs/child-a.md",
        brief(extra="waivers:\n  - text: Hope Street\n", body="On Hope Street.\n"),
    )
    rules = [r for _, _, _, r, _ in found(site)]
    assert "schema.required" in rules


def test_a_waiver_that_matches_nothing_is_an_error(site: SiteFolder) -> None:
    site.write(
        "briefs/child-a.md", brief(extra="waivers:\n  - text: Old Street\n    reason: checked\n")
    )
    assert found(site) == [("briefs/child-a.md", 9, 5, "anon.waiver_unused", "Old Street")]


def test_github_format_masks_the_text_and_json_keeps_it(site: SiteFolder) -> None:
    site.write("briefs/child-a.md", brief(body="Tyler Smith was seen.\n"))
    github = site.run("check", "--format", "github").stdout
    assert "T**** S****" in github and "Tyler" not in github
    data = site.check_json()
    assert data["problems"][0]["text"] == "Tyler Smith"  # type: ignore[index]
    assert data["problems"][0]["help"] == (  # type: ignore[index]
        "https://example.test/editors/rules/#anon-name"
    )


def test_errors_block_the_build_warnings_only_with_strict(site: SiteFolder) -> None:
    site.write("briefs/child-a.md", brief(body="Child A, aged 4 years 7 months, was seen.\n"))
    assert site.run("check").returncode == 0
    assert site.run("check", "--strict").returncode == 1
    assert site.run("build", "--today", TODAY.isoformat()).returncode == 0
    strict = site.run("build", "--today", TODAY.isoformat(), "--strict")
    assert strict.returncode == 1 and "The site was not built" in strict.stderr
    site.write("briefs/child-a.md", brief(body="Seen at NG7 2AB.\n"))
    refused = site.run("build", "--today", TODAY.isoformat())
    assert refused.returncode == 1 and "[anon.postcode]" in refused.stderr


def test_a_draft_is_checked_but_does_not_block(site: SiteFolder) -> None:
    site.write("briefs/child-a.md", brief(extra="draft: true\n", body="Seen at NG7 2AB.\n"))
    [p] = check_site(site.root, TODAY).problems
    assert (p.rule, p.severity.value) == ("anon.postcode", "warning")
    assert "this will block publication" in p.message


def test_an_archived_brief_is_checked_only_for_what_stays_published(site: SiteFolder) -> None:
    site.write("briefs/child-a.md", brief(published="2024-01-10", body="Seen at NG7 2AB.\n"))
    assert found(site) == []
    site.write(
        "briefs/child-a.md", brief(published="2024-01-10", title="Tyler Smith", body="Seen.\n")
    )
    assert [r for _, _, _, r, _ in found(site)] == ["anon.name"]


def test_the_report_pdf_text_and_metadata_are_scanned(site: SiteFolder) -> None:
    site.write("briefs/child-a/index.md", brief(extra="report: report.pdf\n"))
    make_pdf(
        site.root / "briefs/child-a/report.pdf", "Child A lived at NG7 2AB.", author="Tyler Smith"
    )
    assert found(site) == [
        ("briefs/child-a/report.pdf", 1, 1, "anon.name", "Tyler Smith"),
        ("briefs/child-a/report.pdf", 1, 1, "anon.postcode", "NG7 2AB"),
    ]


def test_a_clean_report_passes_and_an_unreadable_one_is_an_error(site: SiteFolder) -> None:
    site.write("briefs/child-a/index.md", brief(extra="report: report.pdf\n"))
    make_pdf(site.root / "briefs/child-a/report.pdf", "Child A was known to services.")
    assert found(site) == []
    site.write("briefs/child-a/report.pdf", b"%PDF-1.4 not really")
    assert [r for _, _, _, r, _ in found(site)] == ["anon.pdf_unreadable"]


def image_with_metadata(gps: bool, artist: str = "") -> bytes:
    image = Image.new("RGB", (4, 4), "white")
    exif = image.getexif()
    if artist:
        exif[0x013B] = artist
    if gps:
        exif.get_ifd(0x8825)[1] = "N"
        exif.get_ifd(0x8825)[2] = (52.0, 57.0, 1.0)
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    return out.getvalue()


@pytest.mark.parametrize(
    ("gps", "artist", "problems"), [(True, "", 1), (False, "Jo Bloggs", 1), (False, "", 0)]
)
def test_image_metadata_is_checked(site: SiteFolder, gps: bool, artist: str, problems: int) -> None:
    site.write("briefs/child-a/index.md", brief(body="![A chart](chart.jpg)\n"))
    site.write("briefs/child-a/chart.jpg", image_with_metadata(gps, artist))
    assert [r for _, _, _, r, _ in found(site)] == ["anon.image_metadata"] * problems


def test_sheets_and_pages_are_scanned_too(site: SiteFolder) -> None:
    site.write("bitesize/neglect.md", sheet(title="'Neglect: what Tyler Smith taught us'"))
    site.write("content/about.md", "# About\n\nWrite to jo.bloggs84@gmail.com.\n")
    assert [(p, r) for p, _, _, r, _ in found(site)] == [
        ("bitesize/neglect.md", "anon.name"),
        ("content/about.md", "anon.email"),
    ]


def test_one_severity_policy_for_a_drafts_text_report_and_images(site: SiteFolder) -> None:
    """A name in a draft is a warning wherever it is: body, report PDF, image metadata."""
    site.write(
        "briefs/child-a/index.md",
        brief(extra="draft: true\nreport: report.pdf\n", body="Tyler Smith. ![A chart](c.jpg)\n"),
    )
    make_pdf(site.root / "briefs/child-a/report.pdf", "Tyler Smith was seen.")
    site.write("briefs/child-a/c.jpg", image_with_metadata(gps=True))
    problems = check_site(site.root, TODAY).problems
    assert [(p.path, p.rule, p.severity.value) for p in problems] == [
        ("briefs/child-a/c.jpg", "anon.image_metadata", "warning"),
        ("briefs/child-a/index.md", "anon.name", "warning"),
        ("briefs/child-a/report.pdf", "anon.name", "warning"),
    ]
    assert all(p.message.endswith("(a draft: this will block publication)") for p in problems)
    site.write(
        "briefs/child-a/index.md",
        brief(extra="report: report.pdf\n", body="Tyler Smith. ![A chart](c.jpg)\n"),
    )
    assert {p.severity.value for p in check_site(site.root, TODAY).problems} == {"error"}


# --------------------------------------------------------------------------------------------
# Names in file and folder names: they are published in the address, the sitemap and the feed
# --------------------------------------------------------------------------------------------


def test_a_name_in_a_file_or_folder_name_is_an_error(site: SiteFolder) -> None:
    site.write("briefs/leah-turner.md", brief(case="A"))
    site.write("briefs/child-b-priya/index.md", brief(case="B"))
    site.write("content/people/kacper-nowak.md", "# About us\n\nWho we are.\n")
    site.write("bitesize/neglect.md", sheet())
    problems = [p for p in check_site(site.root, TODAY).problems if p.rule == "anon.name"]
    assert [(p.path, p.line, p.column, p.text) for p in problems] == [
        ("briefs/child-b-priya/index.md", 1, 1, "child-b-priya"),
        ("briefs/leah-turner.md", 1, 1, "leah-turner"),
        ("content/people/kacper-nowak.md", 1, 1, "kacper-nowak"),
    ]
    assert all("rename the file" in p.message for p in problems)
    assert all(p.severity.value == "error" for p in problems)


def test_a_name_in_an_attachment_file_name_is_an_error(site: SiteFolder) -> None:
    site.write(
        "briefs/child-a/index.md",
        brief(extra="report: tyler-whitworth-review.pdf\n", body="![A chart](kayleigh_2.png)\n"),
    )
    make_pdf(site.root / "briefs/child-a/tyler-whitworth-review.pdf", "Learning from Child A")
    image = io.BytesIO()
    Image.new("RGB", (4, 4)).save(image, "PNG")
    site.write("briefs/child-a/kayleigh_2.png", image.getvalue())
    problems = [p for p in check_site(site.root, TODAY).problems if p.rule == "anon.name"]
    assert sorted((p.path, p.line, p.text) for p in problems) == [
        ("briefs/child-a/index.md", 10, "kayleigh"),  # in the image's address
        ("briefs/child-a/kayleigh_2.png", 1, "kayleigh_2"),
        ("briefs/child-a/tyler-whitworth-review.pdf", 1, "tyler-whitworth-review"),
    ]


def test_ordinary_and_declared_file_names_are_fine(site: SiteFolder) -> None:
    yml = (site.root / "mkdocs.yml").read_text()
    site.write(
        "mkdocs.yml",
        yml.replace("      topics:", "      area_names: [Kirkholme]\n      topics:", 1),
    )
    site.write("briefs/child-e-disabled-child-escalation.md", brief(case="E"))
    site.write("briefs/baby-c-safe-sleep.md", brief(case="C"))
    site.write("briefs/kirkholme-exploitation.md", brief(case="D"))
    site.write("briefs/child-f-jack.md", brief(case="F", extra="pseudonyms: [Jack]\n"))
    site.write("bitesize/hope-and-resilience.md", sheet())
    assert [p for p in check_site(site.root, TODAY).problems if p.rule.startswith("anon.")] == []
