"""A checked document: its kind, address, front-matter values and body."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from .kinds import REVIEW_TYPES, Kind
from .source import SourceFile


@dataclass(frozen=True)
class Document:
    kind: Kind
    source: SourceFile
    slug: str  # briefs and sheets: the file or folder name; pages: the path under content/
    fields: dict[str, Any]  # checked values: str, datetime.date, bool, tuple[str, ...]
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

    @property
    def title(self) -> str:
        return str(self.fields.get("title", ""))

    @property
    def summary(self) -> str:
        return str(self.fields.get("summary", ""))

    @property
    def topics(self) -> tuple[str, ...]:
        return tuple(self.fields.get("topics", ()))

    @property
    def audiences(self) -> tuple[str, ...]:
        return tuple(self.fields.get("audiences", ()))

    @property
    def draft(self) -> bool:
        return bool(self.fields.get("draft", False))

    @property
    def published(self) -> dt.date | None:
        value = self.fields.get("published")
        return value if isinstance(value, dt.date) else None

    @property
    def last_reviewed(self) -> dt.date | None:
        value = self.fields.get("last_reviewed")
        return value if isinstance(value, dt.date) else None

    @property
    def case_name(self) -> str:
        """'Child A', or with the brief's own label word, e.g. 'Baby C'."""
        return f"{self.fields.get('case_label', 'Child')} {self.fields.get('case', '')}".strip()

    @property
    def review_type_name(self) -> str:
        return REVIEW_TYPES.get(str(self.fields.get("review_type", "")), "")

    @property
    def reference(self) -> str:
        """A short reference people can quote, e.g. 'Learning brief 2024-A'."""
        if self.kind is Kind.BRIEF and self.published:
            return f"{self.kind.label} {self.published.year}-{self.fields.get('case', '')}"
        return f"{self.kind.label} {self.slug}"

    def line_of(self, field: str) -> tuple[int, int]:
        return self.positions.get(field, (1, 1))
