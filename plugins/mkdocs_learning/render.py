"""The Markdown source of every generated page, from the core's plan and Jinja templates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from itertools import groupby
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jinja2

from learning_resources.documents import Document
from learning_resources.kinds import REVIEW_TYPES, Kind
from learning_resources.lifecycle import State, last_day_online
from learning_resources.loading import Site
from learning_resources.plan import Entry, SitePlan

_ENV = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=jinja2.select_autoescape(default=True, default_for_string=True),
    undefined=jinja2.StrictUndefined,
    keep_trailing_newline=True,
    trim_blocks=True,
    lstrip_blocks=True,
)


def long_date(value: dt.date | None) -> str:
    """'14 March 2025', as dates are written on GOV.UK."""
    return f"{value.day} {value:%B %Y}" if value else ""


def src_uri(document: Document) -> str:
    """Where a brief or sheet sits among the site's files: its folder's index page."""
    return f"{document.kind.folder}/{document.slug}/index.md"


_ENV.filters["long_date"] = long_date
_ENV.filters["src"] = src_uri


def render(template: str, **context: Any) -> str:
    return _ENV.get_template(template).render(review_types=REVIEW_TYPES, **context)


def newest_first(documents: Iterable[Document]) -> list[Document]:
    def key(d: Document) -> tuple[str, str]:
        when = d.published or d.last_reviewed
        return (when.isoformat() if when else "", d.title)

    return sorted(documents, key=key, reverse=True)


def document_page(entry: Entry, site: Site) -> str:
    """The page of a live brief or sheet: a summary panel, then the editor's own text."""
    document, life = entry.document, entry.life
    return render(
        "document.md.j2",
        doc=document,
        kind=document.kind.label,
        is_brief=document.kind is Kind.BRIEF,
        online_until=last_day_online(life),
        review_due=life.review_due,
        overdue=life.review_overdue,
        topics=[(t, site.settings.topics[t]) for t in document.topics],
        audiences=[site.settings.audiences[a] for a in document.audiences],
        body=document.source.body,
    )


def request_link(document: Document, site: Site) -> str:
    subject = f"Request for an archived document: {document.title} ({document.reference})"
    body = (
        f"Please send me the archived document '{document.title}' ({document.reference}).\n\n"
        "My name, role and organisation:\n\n"
        "Please do not include any names or details of the case in your request."
    )
    return f"mailto:{site.settings.contact_email}?subject={quote(subject)}&body={quote(body)}"


def archive_stub(entry: Entry, site: Site) -> str:
    """What stays at an archived brief's address: what it was, and how to ask for it."""
    document = entry.document
    return render(
        "stub.md.j2",
        doc=document,
        archived_on=entry.life.archive_on,
        topics=[(t, site.settings.topics[t]) for t in document.topics],
        settings=site.settings,
        request=request_link(document, site) if site.settings.contact_email else "",
    )


def listing_page(kind: Kind, documents: list[Document], site: Site) -> str:
    return render(
        "listing.md.j2",
        kind=kind,
        documents=newest_first(documents),
        topics=site.settings.topics,
    )


def topics_page(site: Site, documents: list[Document]) -> str:
    counts = {t: sum(t in d.topics for d in documents) for t in site.settings.topics}
    return render("topics.md.j2", topics=site.settings.topics, counts=counts)


def topic_page(topic: str, site: Site, documents: list[Document]) -> str:
    chosen = [d for d in documents if topic in d.topics]
    return render(
        "topic.md.j2",
        label=site.settings.topics[topic],
        briefs=newest_first(d for d in chosen if d.kind is Kind.BRIEF),
        sheets=sorted((d for d in chosen if d.kind is Kind.SHEET), key=lambda d: d.title),
        topics=site.settings.topics,
    )


def archive_page(plan: SitePlan) -> str:
    """Archived briefs, grouped by the year they were published, newest first."""
    archived = newest_first(e.document for e in plan.in_state(State.ARCHIVED))
    years = [
        (year, list(group))
        for year, group in groupby(archived, key=lambda d: d.published.year if d.published else 0)
    ]
    archived_on = {e.document.path: e.life.archive_on for e in plan.in_state(State.ARCHIVED)}
    return render(
        "archive.md.j2", years=years, archived_on=archived_on, settings=plan.site.settings
    )
