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
