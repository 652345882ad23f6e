"""A checked document: its kind, address, front-matter values and body."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from .kinds import REVIEW_TYPES, Kind
from .source import SourceFile


@dataclass(frozen=True)
class Waiver:
    """A reviewed false alarm: this exact text may stay, for this reason."""

    text: str
    reason: str
    rule: str | None  # None: any anonymisation rule
    line: int
    column: int


@dataclass(frozen=True)
class Extension:
    """An agreed exception: a brief stays online through `until`."""

    until: dt.date
    reason: str


@dataclass(frozen=True)
class Fields:
    """The front-matter values validation accepted, typed. A field that was not given, or was
    given wrongly (and reported), has its empty value. Every declared field of every kind is
    an attribute here (a test holds fields.py and this class together), except the keys
    ordinary pages pass through to Material unchecked, which are in `engine`."""

    title: str = ""
    summary: str = ""
    key_messages: tuple[str, ...] = ()
    description: str = ""
    topics: tuple[str, ...] = ()
    audiences: tuple[str, ...] = ()
    draft: bool = False
    case: str | None = None
    case_label: str | None = None
    review_type: str | None = None
    published: dt.date | None = None
    last_reviewed: dt.date | None = None
    report: str | None = None
    extension: Extension | None = None
    layout: str | None = None  # a brief's print layout: 'seven-minute' for a 7-minute briefing
    template: str | None = None  # a page's theme template, one the theme provides
    search: dict[str, Any] | None = None  # a page's search settings for Material
    icon: str | None = None  # a page's icon: the name of one of Material's
    hide: tuple[str, ...] = ()  # the parts of a page Material hides ('toc')
    status: str | None = None  # a page's status for Material ('new')
    related_cases: tuple[str, ...] = ()
    pseudonyms: tuple[str, ...] = ()
    named_professionals: tuple[str, ...] = ()
    waivers: tuple[Waiver, ...] = ()
    engine: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def of(cls, values: dict[str, Any]) -> Fields:
        typed = {f.name for f in dataclasses.fields(cls)} - {"engine"}
        return cls(
            **{k: v for k, v in values.items() if k in typed},
            engine={k: v for k, v in values.items() if k not in typed},
        )


@dataclass(frozen=True)
class Document:
    kind: Kind
    source: SourceFile
    slug: str  # briefs and sheets: the file or folder name; pages: the path under content/
    fields: Fields
    positions: dict[str, tuple[int, int]]  # field name -> (line, column) of its value
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)  # -> offsets in the file

    @property
    def path(self) -> str:
        return self.source.relpath

    @property
    def src_uri(self) -> str:
        """Its place among the site's pages, e.g. 'briefs/child-a/index.md' or 'contact.md'.

        The one place a document's address is decided: a brief's page and its archive notice
        share it, and listings, links, the feed and the sitemap all derive from it."""
        if self.kind is Kind.PAGE:
            return f"{self.slug}.md"
        return f"{self.kind.folder}/{self.slug}/index.md"

    @property
    def url(self) -> str:
        """The site-relative address, e.g. 'briefs/child-a/' ('' for the home page)."""
        folder = self.src_uri.removesuffix(".md").removesuffix("index")
        return folder if not folder or folder.endswith("/") else f"{folder}/"

    # The fields every listing and template reads, for short access.
    @property
    def title(self) -> str:
        return self.fields.title

    @property
    def summary(self) -> str:
        return self.fields.summary

    @property
    def topics(self) -> tuple[str, ...]:
        return self.fields.topics

    @property
    def audiences(self) -> tuple[str, ...]:
        return self.fields.audiences

    @property
    def published(self) -> dt.date | None:
        return self.fields.published

    @property
    def last_reviewed(self) -> dt.date | None:
        return self.fields.last_reviewed

    @property
    def case_name(self) -> str:
        """'Child A', or with the brief's own label word, e.g. 'Baby C'."""
        return f"{self.fields.case_label or 'Child'} {self.fields.case or ''}".strip()

    @property
    def review_type_name(self) -> str:
        return REVIEW_TYPES.get(self.fields.review_type or "", "")

    @property
    def reference(self) -> str:
        """A short reference people can quote, e.g. 'Learning brief 2024-A'."""
        if self.kind is Kind.BRIEF and self.published:
            return f"{self.kind.label} {self.published.year}-{self.fields.case or ''}"
        return f"{self.kind.label} {self.slug}"

    def line_of(self, field: str) -> tuple[int, int]:
        return self.positions.get(field, (1, 1))
