"""Blocks an editor places in an ordinary page, filled in by the site when it is built."""

from __future__ import annotations

import re

from .documents import Document
from .kinds import Kind
from .markdown_text import code_lines
from .problems import Problem
from .rules import problem
from .settings import Settings
from .words import did_you_mean

# The partnership's contact address (the `contact_email` setting) as an e-mail link: written
# once in mkdocs.yml, never typed into pages, where it could drift from the setting.
CONTACT_EMAIL = "<!-- learning:contact-email -->"
# Every block the plugin fills in, each written `<!-- learning:NAME -->` in a page.
BLOCK_NAMES = (
    "topics",
    "newest",
    "contact-email",
    "accessibility-summary",
    "accessibility-technical",
)
_MARKER = re.compile(r"<!--\s*learning\s*:\s*([^>]*?)\s*-->", re.IGNORECASE)


def marker_problems(documents: list[Document]) -> list[Problem]:
    """Markers the plugin would not fill in: mistyped, or in a brief or sheet. Being HTML
    comments, they would silently disappear from the page."""
    markers = [f"<!-- learning:{name} -->" for name in BLOCK_NAMES]
    found = []
    for document in documents:
        source = document.source
        skip = code_lines(source.body)
        for index, line in enumerate(source.body.split("\n")):
            for match in _MARKER.finditer(line) if index not in skip else ():
                if document.kind is not Kind.PAGE:
                    why = "blocks are filled in only in pages in content/; remove it"
                elif match.group(0) not in markers:
                    hint = did_you_mean(f"<!-- learning:{match.group(1).lower()} -->", markers)
                    why = f"the site fills in no such block{hint}"
                    if not hint:
                        why += f" (the blocks: {', '.join(markers)})"
                else:
                    continue
                found.append(
                    problem(
                        "page.block",
                        document.path,
                        source.body_line + index,
                        match.start() + 1,
                        f"{match.group(0)}: {why}",
                    )
                )
    return found


def block_problems(documents: list[Document], settings: Settings) -> list[Problem]:
    """A page that shows the contact address when the site has none to show."""
    if settings.contact_email:
        return []
    found = []
    for document in documents:
        source = document.source
        at = source.body.find(CONTACT_EMAIL) if document.kind is Kind.PAGE else -1
        if at >= 0:
            before = source.body[:at]
            line = source.body_line + before.count("\n")
            column = at - (before.rfind("\n") + 1) + 1
            message = (
                f"{CONTACT_EMAIL} shows the partnership's e-mail address, but mkdocs.yml sets "
                "no 'contact_email' under the learning plugin"
            )
            found.append(problem("page.contact_email", document.path, line, column, message))
    return found
