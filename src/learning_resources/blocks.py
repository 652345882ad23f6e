"""Blocks an editor places in an ordinary page, filled in by the site when it is built."""

from __future__ import annotations

from .documents import Document
from .kinds import Kind
from .problems import Problem
from .rules import problem
from .settings import Settings

# The partnership's contact address (the `contact_email` setting) as an e-mail link: written
# once in mkdocs.yml, never typed into pages, where it could drift from the setting.
CONTACT_EMAIL = "<!-- learning:contact-email -->"


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
