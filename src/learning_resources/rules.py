"""Every rule the checker knows, with its stable id, severity and editor-facing explanation.

Rule ids are part of the project's contract (editors see them, CI output and waivers name
them): add new ones, never rename old ones.
"""

from __future__ import annotations

from dataclasses import dataclass

from .problems import Problem, Severity


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    title: str
    why: str
    fix: str


_E, _W = Severity.ERROR, Severity.WARNING

RULES: dict[str, Rule] = {
    r.id: r
    for r in [
        Rule(
            "file.encoding",
            _E,
            "File is not UTF-8 text",
            "The site can only publish text it can read exactly.",
            "Save the file as UTF-8 (in most editors: 'Save with encoding', then UTF-8).",
        ),
        Rule(
            "file.empty",
            _E,
            "File is empty",
            "An empty file would publish an empty page.",
            "Write the document, or delete the file.",
        ),
        Rule(
            "file.slug",
            _E,
            "File name cannot be used as an address",
            "The file name becomes the page address, so it must be simple and stable.",
            "Rename it with lower-case letters, digits and hyphens only, e.g. child-a-neglect.md.",
        ),
        Rule(
            "file.stray",
            _E,
            "File is not part of any document",
            "Only documents and their own attachments are published; a stray file would be lost.",
            "Move it into the folder of the brief it belongs to, or delete it.",
        ),
        Rule(
            "file.reserved",
            _E,
            "Page uses an address the site generates",
            "Listings and document pages are generated at these addresses.",
            "Move or rename the page in content/.",
        ),
        Rule(
            "frontmatter.missing",
            _E,
            "No front matter",
            "Briefs and sheets need their details (title, dates, topics) at the top of the file.",
            "Start the file with a line '---', the fields, then another line '---'.",
        ),
        Rule(
            "frontmatter.unclosed",
            _E,
            "Front matter is not closed",
            "Without the closing '---' the whole document would be read as front matter.",
            "Add a line containing only '---' after the last field.",
        ),
        Rule(
            "frontmatter.yaml",
            _E,
            "Front matter is not valid YAML",
            "The fields cannot be read, so nothing about the document can be checked.",
            "Fix the line shown: check the colon after each field name, indentation and quotes.",
        ),
        Rule(
            "frontmatter.not_mapping",
            _E,
            "Front matter is not a list of fields",
            "Front matter must be 'name: value' lines.",
            "Write one 'name: value' per line.",
        ),
        Rule(
            "frontmatter.duplicate_key",
            _E,
            "Field given twice",
            "Only one of the two values would be used, silently.",
            "Keep one of the two lines.",
        ),
        Rule(
            "schema.required",
            _E,
            "Required field missing",
            "Every document of this kind needs this field.",
            "Add the field to the front matter.",
        ),
        Rule(
            "schema.unknown_key",
            _E,
            "Unknown field",
            "A misspelt field would be silently ignored.",
            "Correct the spelling, or remove the field.",
        ),
        Rule(
            "schema.type",
            _E,
            "Field has the wrong type of value",
            "Each field expects a particular kind of value (text, a list, true/false).",
            "Write the value in the form shown in the message.",
        ),
        Rule(
            "schema.date",
            _E,
            "Not a valid date",
            "Dates decide when documents go online and when they are archived.",
            "Write the date as YYYY-MM-DD, e.g. 2025-03-14.",
        ),
        Rule(
            "schema.choice",
            _E,
            "Value not in the allowed list",
            "Topics, audiences and review types come from fixed lists so that listings work.",
            "Use one of the allowed values, or add a new topic to mkdocs.yml.",
        ),
        Rule(
            "schema.length",
            _E,
            "Text too long or empty",
            "Summaries appear in listings and must stay short.",
            "Shorten the text (or fill it in).",
        ),
        Rule(
            "schema.case",
            _E,
            "Case letter not valid",
            "Cases are told apart by one or two capital letters only.",
            "Write the letter(s) only, e.g. 'case: A', and the word in 'case_label'.",
        ),
        Rule(
            "schema.report",
            _E,
            "Review report not found or not allowed",
            "The report is published with the brief, so it must be a PDF in the brief's folder.",
            "Put the PDF next to the brief and give its file name, e.g. 'report: report.pdf'.",
        ),
        Rule(
            "sheet.section",
            _E,
            "Bite-size sheet section missing",
            "Every sheet has the same five sections, so teams know where to look.",
            "Add the missing '## ' heading with exactly the title shown.",
        ),
        Rule(
            "briefing.section",
            _E,
            "7-minute briefing section missing",
            "A 7-minute briefing is read aloud in a team meeting in a set order; teams expect "
            "every section, ending with the questions.",
            "Add the missing '## ' heading with exactly the title shown, or remove "
            "'layout: seven-minute' to make it an ordinary brief.",
        ),
        Rule(
            "print.page_budget",
            _W,
            "Printout is longer than its page budget",
            "Teams print documents for meetings: a bite-size sheet should fit on 2 A4 pages, a "
            "7-minute briefing on 1 and a learning brief on 4, or nobody reads it all.",
            "Shorten the document (the built PDF shows where the pages break), or split it.",
        ),
        Rule(
            "site.duplicate_slug",
            _E,
            "Two documents share an address",
            "Each document needs its own address; one would overwrite the other.",
            "Rename one of the two files.",
        ),
        Rule(
            "site.duplicate_case",
            _E,
            "Case letter used twice in one year",
            "Two cases with the same letter in one year cannot be told apart.",
            "Use the next free letter for the newer case.",
        ),
        Rule(
            "lifecycle.review_due",
            _W,
            "Bite-size sheet due for review",
            "Guidance is reviewed at least every three years, so readers can trust it.",
            "Review the sheet with the practice leads, then set last_reviewed to the day.",
        ),
        Rule(
            "lifecycle.extension",
            _E,
            "Extension does not extend anything",
            "An extension must keep a brief online past its normal year, or it misleads.",
            "Give a last day online after the normal one, or remove the extension.",
        ),
        Rule(
            "lifecycle.link_archived",
            _W,
            "Link to an archived document",
            "A link to an archived (or soon archived) brief leads readers to its archive notice.",
            "Link to current learning instead, or keep the link if the notice is what you mean.",
        ),
        Rule(
            "lifecycle.link_unpublished",
            _E,
            "Link to a document that is not published",
            "A draft or embargoed document has no address yet; the link would be broken and "
            "would reveal that the document exists.",
            "Remove the link until the document is published.",
        ),
        Rule(
            "anon.postcode",
            _E,
            "UK postcode",
            "A postcode narrows a family down to a few streets.",
            "Say 'in Northmere' or leave the place out.",
        ),
        Rule(
            "anon.phone",
            _E,
            "Phone number",
            "A phone number leads straight to a person.",
            "Remove it. The partnership's own numbers can be listed in mkdocs.yml (allowed_terms).",
        ),
        Rule(
            "anon.email",
            _E,
            "E-mail address",
            "An e-mail address names a person or leads to one.",
            "Remove it. The partnership's contact address is allowed automatically.",
        ),
        Rule(
            "anon.nhs_number",
            _E,
            "NHS number",
            "An NHS number identifies one patient (checked with its modulus 11 check digit).",
            "Remove it.",
        ),
        Rule(
            "anon.ni_number",
            _E,
            "National Insurance number",
            "A National Insurance number identifies one person.",
            "Remove it.",
        ),
        Rule(
            "anon.vehicle",
            _E,
            "Vehicle registration",
            "A registration identifies a vehicle and its keeper.",
            "Remove it; say 'a car'.",
        ),
        Rule(
            "anon.social",
            _E,
            "Social-media handle or profile",
            "A handle or profile link leads to a person's accounts.",
            "Name the app only ('on Snapchat').",
        ),
        Rule(
            "anon.reference",
            _E,
            "Case or reference number",
            "Case, crime and file numbers link the brief to records about the family.",
            "Remove the number.",
        ),
        Rule(
            "anon.date",
            _E,
            "Exact date in a brief",
            "A day and month (with or without the year) can identify an incident and a family.",
            "Give the month and year only ('in March 2025'), or a season.",
        ),
        Rule(
            "anon.date_of_birth",
            _E,
            "Date of birth",
            "A date of birth, even a month and year, identifies a child.",
            "Give an approximate age instead ('a baby', 'aged around two').",
        ),
        Rule(
            "anon.age",
            _W,
            "Exact age",
            "An exact age in years and months, with other details, can identify a child.",
            "Round it ('aged around four', 'a toddler').",
        ),
        Rule(
            "anon.name",
            _E,
            "Person's name",
            "Names identify families; cases are told apart by letters only.",
            (
                "Use the case letter or a role ('Child A', 'Mother', 'the health visitor'). "
                "An invented name agreed with the family goes in 'pseudonyms'; a professional "
                "who may be named goes in 'named_professionals'."
            ),
        ),
        Rule(
            "anon.address",
            _E,
            "Street or address",
            "A street narrows a family down to a few households.",
            "Say 'the family home', or name only the city or county.",
        ),
        Rule(
            "anon.institution",
            _E,
            "Named school, nursery, GP practice, ward or home",
            "A named school or ward narrows a family down to a few households.",
            (
                "Say 'the primary school', 'the GP practice', 'the children's ward'. Large "
                "hospitals and agencies can be listed in mkdocs.yml (allowed_terms)."
            ),
        ),
        Rule(
            "anon.case_letter",
            _W,
            "Another case's letter",
            "A brief should speak of its own case; another letter may link two families.",
            "Use the brief's own letter, or list the other case in 'related_cases'.",
        ),
        Rule(
            "anon.pdf_unreadable",
            _E,
            "Report PDF cannot be read",
            "A report that cannot be checked cannot be published.",
            "Export the PDF again (not password-protected, with its text, not only images).",
        ),
        Rule(
            "anon.image_metadata",
            _E,
            "Image metadata identifies a person or place",
            "Photos often carry the GPS position where they were taken and the owner's name.",
            "Remove the metadata (e.g. export the image again without location and author).",
        ),
        Rule(
            "anon.waiver_unused",
            _E,
            "Waiver no longer matches anything",
            "An old waiver could silently allow a real identifier later.",
            "Remove the waiver, or correct its text.",
        ),
        Rule(
            "config.invalid",
            _E,
            "Site settings not valid",
            "The site's settings in mkdocs.yml decide topics, sections and rules.",
            "Fix the setting shown in mkdocs.yml.",
        ),
    ]
}


def problem(
    rule_id: str,
    path: str,
    line: int,
    column: int,
    message: str,
    text: str | None = None,
) -> Problem:
    """A problem for a known rule, with the rule's declared severity."""
    rule = RULES[rule_id]
    return Problem(path, line, column, rule_id, rule.severity, message, text)
