"""The site on a given day: each document with its lifecycle, and the checks that need dates."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from urllib.parse import unquote

from .documents import Document
from .kinds import Kind
from .lifecycle import Lifecycle, State, lifecycle, usual_archive_on
from .links import address_links, local_links, resolve
from .loading import RESERVED_FOLDERS, Site
from .problems import Problem
from .rules import problem


@dataclass(frozen=True)
class Planned:
    """A document and its lifecycle on the plan's day."""

    document: Document
    life: Lifecycle

    @property
    def state(self) -> State:
        return self.life.state


@dataclass(frozen=True)
class SitePlan:
    site: Site
    today: dt.date
    entries: tuple[Planned, ...]

    def in_state(self, state: State, kind: Kind | None = None) -> list[Planned]:
        return [
            e
            for e in self.entries
            if e.state is state and (kind is None or e.document.kind is kind)
        ]

    def live_documents(self, kind: Kind | None = None) -> list[Document]:
        return [
            e.document for e in self.in_state(State.LIVE, kind) if e.document.kind is not Kind.PAGE
        ]

    def entry_for_address(self, address: str) -> Planned | None:
        """The document at a site address ('briefs/child-a/', 'briefs/child-a/index.html')."""
        path = unquote(address.partition("#")[0].partition("?")[0])
        path = path.removesuffix("index.html").removesuffix(".md")
        path = path.rstrip("/") + "/" if path else ""
        return self._by_address.get(path)

    @cached_property
    def _by_address(self) -> dict[str, Planned]:
        return {entry.document.url: entry for entry in self.entries}

    def entry_for_file(self, path: Path) -> Planned | None:
        """The document whose source is `path` (a .md file or a document's folder)."""
        return self._by_file.get(path)

    @cached_property
    def _by_file(self) -> dict[Path, Planned]:
        by_file: dict[Path, Planned] = {}
        for entry in self.entries:
            source = entry.document.source.path.resolve()
            by_file[source] = entry
            if source.name == "index.md" and entry.document.kind is not Kind.PAGE:
                by_file[source.parent] = entry
        return by_file


def plan_site(site: Site, today: dt.date, *, preview_drafts: bool = False) -> SitePlan:
    entries = tuple(
        Planned(d, lifecycle(d, today, site.settings, preview_drafts=preview_drafts))
        for d in site.documents
    )
    return SitePlan(site, today, entries)


def lifecycle_problems(plan: SitePlan) -> list[Problem]:
    """Date-dependent checks: reviews due, extensions, links to documents leaving the site."""
    found: list[Problem] = []
    settings = plan.site.settings
    online = {  # the files of every document online (pages included), which any may show
        path
        for entry in plan.entries
        if entry.state is State.LIVE
        for path in plan.site.assets.get(entry.document.path, ())
    }
    for entry in plan.entries:
        document, life = entry.document, entry.life
        if life.review_overdue and life.review_due:
            line, column = document.line_of("last_reviewed")
            found.append(
                problem(
                    "lifecycle.review_due",
                    document.path,
                    line,
                    column,
                    f"this sheet was due for review on {life.review_due.isoformat()} "
                    f"({settings.review_every_years} years after it was last reviewed); "
                    "review it and update last_reviewed",
                )
            )
        extension = document.fields.extension
        if extension and document.published:
            normal_last_day = usual_archive_on(document.published, settings) - dt.timedelta(days=1)
            if extension.until <= normal_last_day:
                line, column = document.line_of("extension")
                found.append(
                    problem(
                        "lifecycle.extension",
                        document.path,
                        line,
                        column,
                        f"extension: the brief is online until {normal_last_day.isoformat()} "
                        "anyway; give a later date or remove the extension",
                    )
                )
        found.extend(_date_typos(plan, entry))
        if life.state is State.LIVE:
            found.extend(_link_problems(plan, entry))
        if life.state in (State.LIVE, State.EMBARGOED):
            found.extend(missing_link_problems(plan, entry, online))
    return found


def missing_link_problems(plan: SitePlan, entry: Planned, online: set[Path]) -> list[Problem]:
    """Links to files that do not exist, or that the site does not publish (the generated
    listings in content/ aside): not a document, nor a file of this one or of one `online`."""
    source = entry.document.source
    site = plan.site
    generated = [site.root / "content" / folder for folder in RESERVED_FOLDERS]
    own = site.assets.get(entry.document.path, ())
    pages = entry.document.kind is Kind.PAGE
    folder = site.root / "content" if pages else source.path.parent
    found: list[Problem] = []
    for link in local_links(source.body, source.body_line):
        path = Path(os.path.normpath(source.path.parent / unquote(link.target)))
        if path in online or path in own or any(path.is_relative_to(g) for g in generated):
            continue
        if not os.path.lexists(path):
            why = f"'{link.target}' does not exist"
        elif path.is_relative_to(folder):
            continue  # a file of its own folder that cannot be published is reported as such
        elif plan.entry_for_file(path.resolve()) is None:
            why = (
                f"'{link.target}' is not published with this page: it is not a document, nor a "
                "file of this document or of one online; copy the file into this document's "
                "folder"
            )
        else:
            continue
        found.append(
            problem(
                "link.missing",
                source.relpath,
                link.line,
                link.column,
                f"{why}; "
                + (
                    "correct the link (link a document by its file, e.g. "
                    "'../briefs/child-b.md'), or remove it"
                    if path.suffix in (".md", "")
                    else "put the file in this document's folder, or correct or remove the link"
                ),
                link.target,
            )
        )
    return found


def _date_typos(plan: SitePlan, entry: Planned) -> list[Problem]:
    """A published date a year out either way is usually a mistyped year."""
    document, life = entry.document, entry.life
    published = document.fields.published
    if document.kind is not Kind.BRIEF or published is None or document.fields.draft:
        return []
    line, column = document.line_of("published")
    recently = dt.timedelta(days=plan.site.settings.warn_days_before_archive)
    if life.state is State.ARCHIVED and life.archive_on and plan.today - life.archive_on < recently:
        return [
            problem(
                "lifecycle.archived_on_arrival",
                document.path,
                line,
                column,
                f"published {published.isoformat()}: this brief has been archived since "
                f"{life.archive_on.isoformat()}, so only its archive notice is published; "
                "if the brief is new, check the year",
            )
        ]
    if published > plan.today + dt.timedelta(days=366):
        return [
            problem(
                "lifecycle.far_future",
                document.path,
                line,
                column,
                f"published {published.isoformat()} is more than a year ahead: the brief will "
                "not be online until then; check the year",
            )
        ]
    return []


def _link_problems(plan: SitePlan, entry: Planned) -> list[Problem]:
    found: list[Problem] = []
    source = entry.document.source
    warn_before = dt.timedelta(days=plan.site.settings.warn_days_before_archive)
    site_url = plan.site.settings.site_url
    targets = [
        (link, plan.entry_for_file(resolve(source.path.parent, link.target)))
        for link in local_links(source.body, source.body_line)
    ] + [
        (link, plan.entry_for_address(address))
        for link, address in address_links(source.body, source.body_line, site_url)
    ]
    for link, target in sorted(targets, key=lambda pair: pair[0].start):
        if target is None or target is entry:
            continue
        other, life = target.document, target.life
        if life.state in (State.DRAFT, State.EMBARGOED):
            when = (
                "is a draft"
                if life.state is State.DRAFT
                else (f"is not published until {other.published}")
            )
            found.append(
                problem(
                    "lifecycle.link_unpublished",
                    source.relpath,
                    link.line,
                    link.column,
                    f"links to {other.path}, which {when}; remove the link until it is published",
                    link.target,
                )
            )
        elif life.archive_on and (
            life.state is State.ARCHIVED or life.archive_on - plan.today <= warn_before
        ):
            day = life.archive_on.isoformat()
            when = (
                f"archived since {day}: readers will find"
                if life.state is State.ARCHIVED
                else f"which will be archived on {day}: readers will then find"
            )
            found.append(
                problem(
                    "lifecycle.link_archived",
                    source.relpath,
                    link.line,
                    link.column,
                    f"links to {other.path}, {when} only its archive notice",
                    link.target,
                )
            )
    return found
