"""The Markdown source of every generated page, from the core's plan and Jinja templates."""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterable, MutableMapping
from itertools import groupby
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jinja2
from markupsafe import Markup, escape

from learning_resources import printing
from learning_resources.documents import Document
from learning_resources.html_policy import is_safe_link
from learning_resources.kinds import REVIEW_TYPES, Kind
from learning_resources.lifecycle import State, last_day_online
from learning_resources.loading import Site
from learning_resources.plan import Planned, SitePlan
from learning_resources.settings import Settings
from learning_resources.words import reading_minutes

from . import printout

# Every value a template prints is plain text unless it is Markup (a URL made by `url`, an
# editor's body): it is made safe for HTML, for attributes and for Markdown at once, since the
# templates emit Markdown that MkDocs turns into HTML. Markdown's own characters become
# numeric character references, which Markdown passes through as text and HTML shows as the
# character: a title like "Child Q](javascript:…)" stays a title, never a link.
_MARKDOWN_OR_HTML = re.compile(r"[\\`*_{}\[\]()<>#+\-.!|:~^=&\"']")
# C0 and C1 controls, lone surrogates, non-characters: nothing a reader needs, and XML 1.0
# forbids most of them (a NUL in a summary would make the feed ill-formed).
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def plain_text(value: object) -> Markup:
    """`value` as one line of text that shows as itself in HTML, attributes and Markdown."""
    one_line = " ".join(_UNPRINTABLE.sub("", str(value)).split())
    return Markup(_MARKDOWN_OR_HTML.sub(lambda m: f"&#{ord(m.group())};", one_line))


def _finalize(value: object) -> object:
    if isinstance(value, jinja2.Undefined):
        return ""
    return value if hasattr(value, "__html__") else plain_text(value)


def url(value: str) -> Markup:
    """An address for an `href` or a Markdown link: only site-relative, http(s), mailto and
    tel addresses (anything else becomes '#'), percent-encoded so that Markdown cannot end
    it early, escaped for HTML."""
    address = _UNPRINTABLE.sub("", value).strip()
    if not is_safe_link(address):
        address = "#"
    return Markup(escape(quote(address, safe=":/?#[]@!$&*+,;=%~'")))


def xml_text(value: object) -> object:
    """Feed values: text XML 1.0 can hold (autoescaping then escapes its markup)."""
    if isinstance(value, jinja2.Undefined):
        return ""
    return value if hasattr(value, "__html__") else _UNPRINTABLE.sub("", str(value))


_ENV = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    finalize=_finalize,
    keep_trailing_newline=True,
    trim_blocks=True,
    lstrip_blocks=True,
)


def long_date(value: dt.date | None) -> str:
    """'14 March 2025', as dates are written on GOV.UK."""
    return f"{value.day} {value:%B %Y}" if value else ""


_XML = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    finalize=xml_text,
    trim_blocks=True,
    lstrip_blocks=True,
)
_ENV.filters["long_date"] = long_date
_ENV.filters["src"] = lambda document: url("/" + document.src_uri)
_ENV.filters["url"] = url


def escape_meta(meta: MutableMapping[str, Any]) -> None:
    """Page metadata as MkDocs and Material expect it: HTML. Material prints `title` and
    `description` into the page unescaped (as MkDocs makes titles from headings' HTML), so
    every text value is escaped here, once, for every page."""
    for key, value in meta.items():
        if isinstance(value, str):
            meta[key] = str(escape(" ".join(_UNPRINTABLE.sub("", value).split())))


def render(template: str, **context: Any) -> str:
    return _ENV.get_template(template).render(review_types=REVIEW_TYPES, **context)


def newest_first(documents: Iterable[Document]) -> list[Document]:
    def key(d: Document) -> tuple[str, str]:
        when = d.published or d.last_reviewed
        return (when.isoformat() if when else "", d.title)

    return sorted(documents, key=key, reverse=True)


def page_url(document: Document, site: Site) -> str:
    return f"{site.settings.site_url.rstrip('/')}/{document.url}"


def problem_link(document: Document, site: Site) -> str:
    if not site.settings.contact_email:
        return ""
    subject = f"Problem with a page: {document.title}"
    body = f"Page: {page_url(document, site)}\n\nWhat is wrong:\n"
    return f"mailto:{site.settings.contact_email}?subject={quote(subject)}&body={quote(body)}"


def mark_group_activity(body: str, site: Site) -> str:
    """The sheet's group activity heading gets a class, so that it stands out."""
    activity = site.settings.sheet_sections[-1]
    out = []
    for line in body.split("\n"):
        if line.strip().lstrip("#").strip().casefold() == activity.casefold() and (
            line.startswith("## ")
        ):
            line = f"{line.rstrip()} {{ .lr-activity }}"
        out.append(line)
    return "\n".join(out)


# Where a document page lists its sections (document.md.j2): filled in once MkDocs has
# rendered the page and knows its headings' ids, so the body is not rendered twice.
CONTENTS_PLACE = '<div class="lr-contents-place"></div>'


def contents(toc: Iterable[Any]) -> str:
    """The 'On this page' box: a link to each `##` section, from MkDocs' table of contents of
    the rendered page (its AnchorLinks: title, id, level, children); nothing if none."""
    links = [link for top in toc for link in (top, *top.children) if link.level == 2]
    if not links:
        return ""
    items = "".join(
        f'<li><a href="#{html.escape(link.id)}">{html.escape(html.unescape(link.title))}</a></li>\n'
        for link in links
    )
    return (
        '<nav aria-label="On this page" class="lr-contents">\n'
        f'<p class="lr-box-title">On this page</p>\n<ul>\n{items}</ul>\n</nav>'
    )


def document_page(entry: Planned, site: Site, today: dt.date, *, pdfs: bool = True) -> str:
    """The page of a live brief or sheet: a summary panel, then the editor's own text."""
    document, life = entry.document, entry.life
    body = document.source.body
    if document.kind is Kind.SHEET:
        body = mark_group_activity(body, site)
    return render(
        "document.md.j2",
        doc=document,
        kind=printing.label(document),
        is_brief=document.kind is Kind.BRIEF,
        online_until=last_day_online(life),
        review_due=life.review_due,
        overdue=life.review_overdue,
        topics=[(t, site.settings.topics[t]) for t in document.topics],
        audiences=[site.settings.audiences[a] for a in document.audiences],
        minutes=reading_minutes(document.summary + " " + document.source.body),
        problem_link=problem_link(document, site),
        printout=printout.page_context(entry, page_url(document, site), today, pdfs=pdfs),
        body=body,
    )


def site_purpose(settings: Settings) -> str:
    """The home page's heading: what the site is for, and whose it is."""
    if settings.area_names:
        return f"Learning from safeguarding reviews in {settings.area_names[0]}"
    return f"Learning from safeguarding reviews: {settings.partnership}"


def contact_email_link(settings: Settings) -> str:
    """The partnership's contact address as an e-mail link, escaped for the address and the
    text alike (empty without one: the check refuses a page that asks for it then)."""
    email = settings.contact_email
    return f'<a href="{url("mailto:" + email)}">{plain_text(email)}</a>' if email else ""


def request_link(document: Document, site: Site) -> str:
    subject = f"Request for an archived document: {document.title} ({document.reference})"
    body = (
        f"Please send me the archived document '{document.title}' ({document.reference}).\n\n"
        "My name, role and organisation:\n\n"
        "Please do not include any names or details of the case in your request."
    )
    return f"mailto:{site.settings.contact_email}?subject={quote(subject)}&body={quote(body)}"


def archive_stub(entry: Planned, site: Site) -> str:
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
    settings = site.settings
    used_topics = {t for d in documents for t in d.topics}
    used_audiences = {a for d in documents for a in d.audiences}
    return render(
        "listing.md.j2",
        kind=kind,
        settings=settings,
        documents=newest_first(documents),
        topics=settings.topics,
        audiences=settings.audiences,
        used_topics=[t for t in settings.topics if t in used_topics],
        used_audiences=[a for a in settings.audiences if a in used_audiences],
        used_reviews=[r for r in REVIEW_TYPES if any(d.fields.review_type == r for d in documents)],
        years=sorted({d.published.year for d in documents if d.published}, reverse=True),
    )


def home_topics(site: Site, documents: list[Document]) -> str:
    counts = {t: sum(t in d.topics for d in documents) for t in site.settings.topics}
    used = [(t, label) for t, label in site.settings.topics.items() if counts[t]]
    return render("home-topics.md.j2", topics=used, counts=counts)


def home_newest(documents: list[Document], how_many: int = 6) -> str:
    return render("home-newest.md.j2", newest=newest_first(documents)[:how_many])


def atom_feed(site: Site, documents: list[Document], title: str) -> str:
    """Live briefs and sheets, newest first. Dates come from the documents, never the clock."""
    base = site.settings.site_url.rstrip("/") + "/"
    entries = [
        (d, f"{(d.published or d.last_reviewed)}T00:00:00Z") for d in newest_first(documents)
    ]
    updated = entries[0][1] if entries else "2000-01-01T00:00:00Z"
    return _XML.get_template("feed.xml.j2").render(
        title=title,
        base=base,
        updated=updated,
        entries=entries,
        partnership=site.settings.partnership,
    )


def topics_page(site: Site, documents: list[Document]) -> str:
    counts = {t: sum(t in d.topics for d in documents) for t in site.settings.topics}
    return render("topics.md.j2", topics=site.settings.topics, counts=counts)


def archived_title(document: Document) -> str:
    """How an archived brief is named on its notice and in search: what it is, at once."""
    return f"Archived: {document.title} — available on request"


def topic_page(
    topic: str,
    site: Site,
    documents: list[Document],
    *,
    pdfs: bool = True,
    archived: Iterable[Document] = (),
) -> str:
    """A topic's live sheets and briefs, then its archived briefs by their notices only."""
    chosen = [d for d in documents if topic in d.topics]
    return render(
        "topic.md.j2",
        pack=printout.pack_name(topic) if chosen and pdfs else "",
        label=site.settings.topics[topic],
        briefs=newest_first(d for d in chosen if d.kind is Kind.BRIEF),
        sheets=sorted((d for d in chosen if d.kind is Kind.SHEET), key=lambda d: d.title),
        archived=newest_first(d for d in archived if topic in d.topics),
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
