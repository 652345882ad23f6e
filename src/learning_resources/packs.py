"""Team-meeting packs: which live documents go in, in what order, and a running order with times.

A pack is one PDF for a team meeting on a topic (or on documents chosen by hand): a cover with
the contents and a suggested running order, each document, and the discussion questions
gathered at the end. This module decides all of that as plain data; the plugin renders it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from .documents import Document
from .kinds import Kind
from .lifecycle import State
from .plan import SitePlan
from .printing import activity_minutes, is_briefing, label, questions
from .words import did_you_mean, reading_minutes

WELCOME_MINUTES = 5
CLOSE_MINUTES = 10
BRIEF_DISCUSSION_MINUTES = 15
BRIEFING_MINUTES, BRIEFING_DISCUSSION_MINUTES = 7, 10
ACTIVITY_MINUTES = 20  # a sheet's group activity that does not say how long to allow


class PackError(Exception):
    """The pack cannot be made as asked: an unknown topic, or a document that is not live."""


@dataclass(frozen=True)
class PackDocument:
    document: Document
    label: str  # 'Bite-size sheet', '7-minute briefing', 'Learning brief'
    questions: tuple[str, ...]


@dataclass(frozen=True)
class Step:
    """One item of the suggested running order."""

    minutes: int
    what: str
    document: Document | None = None


@dataclass(frozen=True)
class Pack:
    title: str  # the topic's name, or 'Team-meeting pack' for chosen documents
    slug: str  # its file name without '.pdf'
    partnership: str
    today: dt.date
    documents: tuple[PackDocument, ...]
    running_order: tuple[Step, ...]

    @property
    def total_minutes(self) -> int:
        return sum(step.minutes for step in self.running_order)

    def timed_steps(self) -> list[tuple[int, Step]]:
        """Each step with the minute it starts at, counted from the start of the meeting."""
        out, start = [], 0
        for step in self.running_order:
            out.append((start, step))
            start += step.minutes
        return out


def topic_pack(plan: SitePlan, topic: str) -> Pack:
    """The pack for a topic: its live sheets, then 7-minute briefings, then briefs."""
    topics = plan.site.settings.topics
    if topic not in topics:
        raise PackError(f"there is no topic '{topic}'{did_you_mean(topic, topics)}")
    chosen = [d for d in plan.live_documents() if topic in d.topics]
    if not chosen:
        raise PackError(f"nothing on the topic '{topic}' is online today")
    newest = sorted(chosen, key=lambda d: (d.published or dt.date.min, d.title), reverse=True)
    ordered = [
        *sorted((d for d in chosen if d.kind is Kind.SHEET), key=lambda d: d.title),
        *(d for d in newest if is_briefing(d)),
        *(d for d in newest if d.kind is Kind.BRIEF and not is_briefing(d)),
    ]
    return make_pack(plan, ordered, topics[topic], topic_slug(topic))


def topic_slug(topic: str) -> str:
    """A topic pack's file name, without '.pdf'."""
    return f"{topic}-team-meeting-pack"


def documents_pack(plan: SitePlan, paths: Sequence[str]) -> Pack:
    """The pack of documents chosen by their files (e.g. 'briefs/child-d.md'), in that order."""
    if not paths:
        raise PackError("name a topic or at least one document")
    by_path = {e.document.path: e for e in plan.entries}
    by_folder = {p.removesuffix("/index.md"): e for p, e in by_path.items()}
    chosen: list[Document] = []
    for path in paths:
        wanted = path.strip("/").removeprefix("./")
        entry = by_path.get(wanted) or by_folder.get(wanted.rstrip("/"))
        if entry is None or entry.document.kind is Kind.PAGE:
            known = [p for p, e in by_path.items() if e.document.kind is not Kind.PAGE]
            hint = did_you_mean(path, known)
            raise PackError(f"{path} is not a brief or sheet of this site{hint}")
        if entry.state is not State.LIVE:
            raise PackError(f"{path} is {entry.state}: only live documents go into a pack")
        if entry.document not in chosen:
            chosen.append(entry.document)
    return make_pack(plan, chosen, "Team-meeting pack", "team-meeting-pack")


def make_pack(plan: SitePlan, documents: Sequence[Document], title: str, slug: str) -> Pack:
    settings = plan.site.settings
    items = tuple(PackDocument(d, label(d), tuple(questions(d, settings))) for d in documents)
    steps = [Step(WELCOME_MINUTES, "Welcome: why this topic, and how the meeting will run")]
    for document in documents:
        reading = reading_minutes(document.summary + " " + document.source.body)
        if is_briefing(document):
            steps += [
                Step(BRIEFING_MINUTES, f"Read aloud: {document.title}", document),
                Step(BRIEFING_DISCUSSION_MINUTES, "Discuss its questions", document),
            ]
        elif document.kind is Kind.SHEET:
            activity = activity_minutes(document, settings) or ACTIVITY_MINUTES
            steps += [
                Step(reading, f"Read: {document.title}", document),
                Step(activity, "Its group activity", document),
            ]
        else:
            steps += [
                Step(reading, f"Read: {document.title}", document),
                Step(BRIEF_DISCUSSION_MINUTES, "Discuss its questions", document),
            ]
    steps.append(Step(CLOSE_MINUTES, "Agree your team's actions: who does what, by when"))
    return Pack(title, slug, settings.partnership, plan.today, items, tuple(steps))
