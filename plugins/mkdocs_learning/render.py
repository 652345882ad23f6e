"""The Markdown source of every generated page, from core data and Jinja templates."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import jinja2

from learning_resources.documents import Document
from learning_resources.kinds import REVIEW_TYPES, Kind
from learning_resources.loading import Site

_ENV = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=jinja2.select_autoescape(default=True, default_for_string=True),
    undefined=jinja2.StrictUndefined,
    keep_trailing_newline=True,
    trim_blocks=True,
    lstrip_blocks=True,
)


def _long_date(value: Any) -> str:
    return f"{value.day} {value:%B %Y}" if value else ""


def src_uri(document: Document) -> str:
    """Where a brief or sheet sits among the site's files: its folder's index page."""
    return f"{document.kind.folder}/{document.slug}/index.md"


_ENV.filters["long_date"] = _long_date
_ENV.filters["src"] = src_uri


def render(template: str, **context: Any) -> str:
    return _ENV.get_template(template).render(**context)


def newest_first(documents: Iterable[Document]) -> list[Document]:
    def key(d: Document) -> tuple[str, str]:
        when = d.published or d.last_reviewed
        return (when.isoformat() if when else "", d.title)

    return sorted(documents, key=key, reverse=True)


def document_page(document: Document, site: Site) -> str:
    """The page of a brief or sheet: a summary panel, then the editor's own text."""
    return render(
        "document.md.j2",
        doc=document,
        kind=document.kind.label,
        is_brief=document.kind is Kind.BRIEF,
        topics=[(t, site.settings.topics[t]) for t in document.topics],
        audiences=[site.settings.audiences[a] for a in document.audiences],
        body=document.source.body,
    )


def listing_page(kind: Kind, documents: list[Document], site: Site) -> str:
    return render(
        "listing.md.j2",
        kind=kind,
        documents=newest_first(documents),
        topics=site.settings.topics,
        review_types=REVIEW_TYPES,
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
        review_types=REVIEW_TYPES,
    )


def archive_page(site: Site, archived: list[Document]) -> str:
    return render("archive.md.j2", documents=newest_first(archived), settings=site.settings)
