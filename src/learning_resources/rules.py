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
            "file.not_regular",
            _E,
            "Not an ordinary file",
            "A pipe, socket or device in the site's folders cannot be read or published, and "
            "reading one could stop the check for ever.",
            "Delete it; put only ordinary files in the site's folders.",
        ),
        Rule(
            "file.too_large",
            _E,
            "File too large",
            "A document of more than 1 MB is far beyond any brief or sheet, and usually holds "
            "something pasted in by mistake; reading it would slow every check.",
            "Split the document, or remove what was pasted in by mistake.",
        ),
        Rule(
            "file.unreadable",
            _E,
            "File cannot be read",
            "A file the check cannot read cannot be checked, so it cannot be published.",
            "Check that the file exists and that its permissions let you read it.",
        ),
        Rule(
            "file.control_character",
            _E,
            "Control character in the text",
            "Control characters (such as NUL) do not show in editors, break the site's feed "
            "and pages, and put lines out of step.",
            "Delete the character at the line and column shown (copying and pasting from "
            "another program often brings them in).",
        ),
        Rule(
            "file.invisible_character",
            _E,
            "Invisible or text-direction character",
            "Zero-width and text-direction characters hide or reorder text, so a second "
            "reader and the anonymisation check do not see what readers of the site see.",
            "Delete the character at the line and column shown (copying and pasting from "
            "another program often brings them in).",
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
            "file.not_allowed",
            _E,
            "File that cannot be published",
            "Only files the check has read are published: a document, its review report and "
            "the images it shows, and in content/ pages and their images. Anything else (notes, "
            "Word or HTML files, SVG images, a second PDF) could be a draft or an unredacted "
            "copy, or carry a script.",
            "Move the file out of the site's folders, or delete it. Show an image in the page "
            "with `![what it shows](file.png)`; name a brief's review report in 'report:'; "
            "convert an SVG or other image to PNG.",
        ),
        Rule(
            "file.symlink",
            _E,
            "Symbolic link in the site's folders",
            "A link can point anywhere on the machine that builds the site, and whatever it "
            "points at would be published without being checked.",
            "Put a copy of the file itself in its place, or delete the link.",
        ),
        Rule(
            "file.name",
            _E,
            "Control character in a file or folder name",
            "A line break, tab or other control character in a name does not show in a list of "
            "files, breaks the page's address, and splits the lines of the logs that name the "
            "file (a part could pass for a message of the checks' own).",
            "Rename the file or folder with letters, digits, hyphens and spaces only.",
        ),
        Rule(
            "file.type",
            _E,
            "File is not what its name says",
            "The anonymisation check reads an image's details and a PDF's text only when it "
            "can open them: an HTML page or a document named '.png', or a damaged image, "
            "would be published unchecked, and browsers could show it as something else.",
            "Export the picture again as PNG or JPEG (or the report as a PDF), or rename the "
            "file so its name ends with its real type.",
        ),
        Rule(
            "file.embedded",
            _E,
            "PDF with attached files or a script",
            "A file attached inside a report PDF (the case notes it was written from, say) is "
            "published with it, but the anonymisation check reads only the PDF's own text and "
            "properties; a script in a PDF runs in some readers.",
            "Export the report again as a plain PDF, without attachments or scripts.",
        ),
        Rule(
            "file.unread",
            _E,
            "Parts of an image that no check reads",
            "Images can carry parts besides the picture: captions and the photographer's name "
            "(IPTC), a program's own notes, private chunks. No viewer shows them and no check "
            "reads them, but they are published with the image and can name who or where.",
            "Export the picture again without its metadata ('Export' or 'Save for web' in an "
            "image editor, or a screenshot of it), then replace the old file.",
        ),
        Rule(
            "file.appended",
            _E,
            "Data after the end of an image",
            "Some phones save a short video after a photo's end, and some programs join other "
            "files on: no viewer shows it and no check reads it, but it is published with the "
            "image, and it can show who or where.",
            "Export the picture again: open it and save it as a new PNG or JPEG file (an "
            "image editor, or a screenshot of it), then replace the old file.",
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
            "frontmatter.field_in_body",
            _E,
            "A field below the front matter",
            "A line such as 'draft: true' after the closing '---' is published as text and "
            "does nothing: the draft would be published. Other field names there are warned "
            "about, as they could be prose.",
            "Move the line into the front matter, between the two '---' lines at the top of "
            "the file (or, if it is prose, reword its start).",
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
            "frontmatter.alias",
            _E,
            "YAML anchor or alias in front matter",
            "Anchors ('&name') and aliases ('*name') copy values around; a few of them can make "
            "a front matter that takes minutes and gigabytes to read.",
            "Write each value out in full. A value that starts with '&' or '*' goes in quotes.",
        ),
        Rule(
            "frontmatter.nesting",
            _E,
            "Front matter nested too deeply",
            "Front matter needs only a few levels (a field, a list, a waiver); very deep nesting "
            "is a mistake and could stop the check.",
            "Write the fields as 'name: value' lines, lists one level under their field.",
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
            "schema.case_title",
            _E,
            "Title names a different case",
            "The title and the case letter must agree, or readers and the checks mix up cases.",
            "Correct the letter in the title or in 'case' (or list the other case in "
            "related_cases if the title names it on purpose).",
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
            "content.placeholder",
            _E,
            "A '[Write here: ...]' prompt is still in the document",
            "`build.py new` marks each place to write with a prompt; a prompt left in would be "
            "published. In a draft this is a warning.",
            "Replace the prompt with your text.",
        ),
        Rule(
            "sheet.section_order",
            _E,
            "Bite-size sheet sections out of order",
            "Every sheet has its sections in the same order, so teams know where to look.",
            "Move the section so that the sections come in the order shown.",
        ),
        Rule(
            "sheet.section_empty",
            _E,
            "Bite-size sheet section is empty",
            "An empty section tells readers nothing and prints as a stray heading.",
            "Write the section, even a sentence or two.",
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
            "briefing.section_order",
            _E,
            "7-minute briefing sections out of order",
            "A 7-minute briefing is read aloud in a set order.",
            "Move the section so that the sections come in the order shown.",
        ),
        Rule(
            "briefing.section_empty",
            _E,
            "7-minute briefing section is empty",
            "An empty section tells the team nothing and prints as a stray heading.",
            "Write the section, even a sentence or two.",
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
            "page.block",
            _E,
            "A block the site does not fill in",
            "Blocks such as `<!-- learning:topics -->` are HTML comments until the site fills "
            "them in; a mistyped one, or one in a brief or sheet, would silently vanish.",
            "Correct the marker to one the editors' guide lists, or remove it; blocks work "
            "only in pages in content/.",
        ),
        Rule(
            "page.contact_email",
            _E,
            "A page shows the contact e-mail address, but none is set",
            "`<!-- learning:contact-email -->` becomes a link to the address in mkdocs.yml's "
            "'contact_email'; with no address, the page would tell readers to write to nobody.",
            "Add a 'contact_email:' line with the team's address under the learning plugin in "
            "mkdocs.yml, or take the marker out of the page.",
        ),
        Rule(
            "page.template",
            _E,
            "A page template the theme does not have",
            "MkDocs renders a page with the template its 'template:' names. One the theme does "
            "not provide (or a path to another file) stops the build, and a template written "
            "for another purpose, such as a blog's, fails or shows the page wrongly.",
            "Remove the 'template:' line (pages use main.html), or name main.html or an .html "
            "file at the top of the theme's overrides folder ('custom_dir' under 'theme' in "
            "mkdocs.yml).",
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
            "lifecycle.archived_on_arrival",
            _W,
            "Brief is archived already",
            "A brief whose published date is over a year ago goes straight to the archive: only "
            "its notice is published. That is usually a mistyped year.",
            "Check the year in 'published'. If the brief really is that old, nothing needs doing: "
            "the warning stops a month after the archive date.",
        ),
        Rule(
            "lifecycle.far_future",
            _W,
            "Published date is more than a year ahead",
            "A brief published so far ahead will not be online for a long time; that is usually "
            "a mistyped year.",
            "Check the year in 'published'.",
        ),
        Rule(
            "link.missing",
            _E,
            "Link to a page that does not exist, or to a file not published there",
            "A link to a missing document or page, or to a file the site does not publish "
            "(an image of a draft, a file outside the site's folders), would be a broken link; "
            "the build stops on it, so one left in a brief waiting for its publication date "
            "would stop the build on the day it goes live.",
            "Correct the file name in the link (link documents by their file, e.g. "
            "'../briefs/child-b.md'), copy the file into the document's folder, or remove "
            "the link.",
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
            "html.comment",
            _E,
            "A note that is never closed",
            "An HTML comment ('<!-- ... -->') is an editors' note and is never published; "
            "without its closing '-->', the note and the text after it are published as text.",
            "Add '-->' where the note ends.",
        ),
        Rule(
            "html.element",
            _E,
            "HTML element not allowed",
            "Pages may use a little HTML for layout, but nothing that runs a script, embeds "
            "another site, loads files from elsewhere or collects readers' answers (script, "
            "style, iframe, object, embed, form, svg and every element not on the list).",
            "Write the content in Markdown, or use only the elements listed under 'HTML in "
            "documents' on the editors' page.",
        ),
        Rule(
            "html.attribute",
            _E,
            "HTML attribute not allowed",
            "Event handlers such as onclick or onerror run scripts, and style attributes "
            "override the site's accessible design. Markdown attribute lists ({ ... }) may set "
            "only an id, classes, a title, lang or dir.",
            "Remove the attribute. A brace meant as text is written `\\{`.",
        ),
        Rule(
            "html.url_scheme",
            _E,
            "Link address not allowed",
            "javascript:, vbscript: and data: addresses run scripts or hide content, however "
            "they are written (in capitals, with entities or spaces inside); other schemes "
            "than http, https, mailto and tel may open programs on the reader's device.",
            "Link to a page of the site, a file in the document's folder, or a web address.",
        ),
        Rule(
            "html.remote_image",
            _E,
            "Image from another site",
            "Loading an image from another site tells that site who reads the page, and when "
            "(a tracking pixel); the image could also change after the page was checked.",
            "Save the image in the document's folder and link it by its file name.",
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
            "An exact age in years and months, with other details, can identify a child. An age "
            "to the week or the day ('aged 3 years, 2 months and 5 days') identifies a child as "
            "surely as a date of birth, and blocks publication.",
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
                "who may be named goes in 'named_professionals'; the partnership's own towns "
                "and boroughs go in mkdocs.yml (area_names). A name in a file or folder name is "
                "published in the page's address: rename the file."
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
            "Named school, nursery, GP practice, health premises, ward or home",
            "A named school, surgery, clinic or ward narrows a family down to a few households.",
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
            "audit.leak",
            _E,
            "Built site holds something that is not published",
            (
                "A draft or embargoed brief must leave no trace on the site, and an archived "
                "brief nothing but its archive notice: text published too early or kept too "
                "long can identify a family."
            ),
            (
                "Do not publish this build. Find how the text reached the file named (a template, "
                "a listing, the search index, a copied attachment) and fix the site generator; "
                "then build and audit again."
            ),
        ),
        Rule(
            "audit.identifier",
            _E,
            "Built site shows an identifier",
            (
                "A postcode, phone number, e-mail address or similar in a published page or PDF "
                "leads straight to a person, however it got there."
            ),
            (
                "Find the document it comes from (named in the message), remove the identifier "
                "there and build again; if the document is clean, the site generator added it."
            ),
        ),
        Rule(
            "audit.unreadable",
            _E,
            "Built file cannot be read",
            "A file the audit cannot read cannot be shown to hold nothing unpublished.",
            "Build the site again; if the file stays damaged, find what writes it.",
        ),
        Rule(
            "config.runs_code",
            _E,
            "The site's settings would run code",
            "MkDocs runs the Python files 'hooks:' names, Python a '!!python/' tag names, the "
            "modules 'markdown_extensions:' names, other sites' settings (the 'projects' "
            "plugin) and the theme's templates, while it builds the site: a change to "
            "mkdocs.yml in a pull request, or to a template in the editors' folders, could "
            "then run anything on the computer that builds it.",
            "Remove the setting the message names. Only the functions Material's own "
            "documentation configures (emoji, custom fences, slugs) may be named, only "
            "Markdown's, PyMdown Extensions' and Material's extensions used, and the theme's "
            "overrides kept outside briefs/, bitesize/ and content/; ask the site's "
            "maintainers if a feature needs more.",
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
    severity: Severity | None = None,
) -> Problem:
    """A problem for a known rule, with the rule's declared severity unless one is given."""
    rule = RULES[rule_id]
    return Problem(path, line, column, rule_id, severity or rule.severity, message, text)
