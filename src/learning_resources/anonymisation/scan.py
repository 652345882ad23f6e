"""Running every anonymisation detector over a document, and turning findings into problems.

Scanned: the body (text, headings, link text and addresses, image alt text, reference
definitions, footnotes) and every front-matter text value (title, summary, description), each
as written and as a reader sees it. Allowed terms are dropped, waivers
applied and counted; a waiver that allows nothing is itself an error.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import PurePosixPath

from ..documents import Document, Waiver
from ..fields import FIELDS, FieldType
from ..kinds import Kind
from ..problems import Problem
from ..settings import Settings
from .allowed import allowed_spans
from .allowed import word_list as _words
from .blocks import Blocks
from .cases import find_other_cases
from .exact_dates import find_dates
from .findings import Finding, as_problem
from .identifiers import find_identifiers
from .names import MESSAGE as NAME_MESSAGE
from .names import RULE as NAME_RULE
from .names import find_names
from .not_names import citations, publications
from .places import find_places
from .reader import Mapped, link_words, reader_text, without_emphasis


@dataclass(frozen=True)
class TextContext:
    """What the detectors need to know about the text they scan."""

    kind: Kind
    allowed_terms: tuple[str, ...] = ()
    allowed_emails: frozenset[str] = frozenset()
    own_case: str | None = None
    related_cases: tuple[str, ...] = ()
    case_labels: tuple[str, ...] = ()
    area_names: tuple[str, ...] = ()  # the partnership's own places: never people's names


def scan_text(text: str, context: TextContext) -> list[Finding]:
    """Every finding in `text`, as written and as a reader sees it (entities decoded, hidden
    characters removed...; see reader.py), and every name in its link addresses; allowed
    terms removed, overlaps resolved (first found wins). Offsets index `text`."""
    read = reader_text(text)
    passes: list[tuple[Mapped | None, list[Finding]]] = []
    if read.text != text:
        passes.append((read, _detect(read.text, context)))
    passes.append((None, _detect(text, context)))
    links = link_words(text)
    if links is not None:
        allowed = allowed_spans(links.text, context.allowed_terms)
        in_links = [
            f
            for f in (
                *find_names(links.text, context.area_names),
                *_named_in(text, links.text, passes),
            )
            if not any(s < f.end and f.start < e for s, e in allowed)
            and not _initials(text, links.raw_span(f.start, f.end))
        ]
        passes.append(
            (links, [replace(f, message=f"{f.message} (in a link address)") for f in in_links])
        )
    kept: list[Finding] = []
    taken = _Taken()
    for mapped, findings in passes:
        for finding in findings:
            if mapped is not None:
                start, end = mapped.raw_span(finding.start, finding.end)
                finding = replace(finding, start=start, end=end)
            if taken.add(finding.start, finding.end):
                kept.append(finding)
    return sorted(kept, key=lambda f: f.start)


class _Taken:
    """Spans kept so far, which never overlap one another: whether a new span overlaps one,
    in logarithmic time (a hostile text can hold thousands of findings)."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def add(self, start: int, end: int) -> bool:
        """Keep start:end unless it overlaps a span kept already; whether it was kept."""
        before = bisect.bisect_left(self._starts, end)  # the spans that start before `end`
        if before and self._ends[before - 1] > start:  # their ends rise with their starts
            return False
        at = bisect.bisect_left(self._starts, start)
        self._starts.insert(at, start)
        self._ends.insert(at, end)
        return True


def _named_in(
    text: str, link_text: str, passes: list[tuple[Mapped | None, list[Finding]]]
) -> list[Finding]:
    """The words of link addresses (`link_text`) that `text` shows to be names ("![Photo of
    Farrukh Siddiqui](/images/farrukh-hub-launch.jpg)": "farrukh"), and the places it names."""
    names = {
        word.lower()
        for mapped, findings in passes
        for f in findings
        if f.rule == NAME_RULE and f.severity is None
        for word in (mapped.text if mapped else text)[f.start : f.end].split()
    }
    found = [
        Finding(NAME_RULE, m.start(), m.end(), NAME_MESSAGE)
        for m in _LINK_WORD.finditer(link_text)
        if m.group().lower() in names
    ]
    # Round 6: a school, a venue or a street the text names, whole, in an address too
    # ("[Child D — Ashby Warren Park Primary](/archive/child-d-ashby-warren-park-primary.pdf)").
    places = {
        (
            f.rule,
            f.message,
            tuple(_LINK_WORD.findall((mapped.text if mapped else text)[f.start : f.end])),
        )
        for mapped, findings in passes
        for f in findings
        if f.rule in _PLACE_RULES and f.severity is None
    }
    for rule, message, words in places:
        if len(words) >= 2:
            pattern = r"(?<!\w)" + r"\s+".join(map(re.escape, words)) + r"(?!\w)"
            for m in re.finditer(pattern, link_text, re.IGNORECASE):
                found.append(Finding(rule, m.start(), m.end(), message))
    return found


_LINK_WORD = re.compile(r"[^\W\d_]{3,}")
_PLACE_RULES = frozenset({"anon.institution", "anon.address"})
_WORD_START = re.compile(r"(?<![\w'’-])[^\W\d_]")


def _initials(text: str, span: tuple[int, int]) -> bool:
    """Whether the word at `span`, in a link address, is an abbreviation: up to five letters
    in lower case that are initials of the words on its line ("[Early Help Assessment
    form](https://example.org/eha)", "[information sharing agreement](/isa)")."""
    word = text[span[0] : span[1]]
    if not (word.isalpha() and word.islower() and len(word) <= 5):
        return False
    line_start = text.rfind("\n", 0, span[0]) + 1
    line_end = text.find("\n", span[1])
    line = text[line_start : span[0]] + " " + text[span[1] : line_end if line_end >= 0 else None]
    return word in "".join(m.group().lower() for m in _WORD_START.finditer(line))


def _detect(text: str, context: TextContext) -> list[Finding]:
    """Every detector over `text`, allowed terms removed, overlaps resolved (first wins)."""
    blocks = Blocks(text)
    cited = citations(text, blocks)
    # Identifiers, dates and places are read through emphasis ("aged **seven weeks**"); names
    # too, but find_names blanks it itself, after finding titles by their italics.
    plain = without_emphasis(text)
    plain_blocks = blocks if plain == text else Blocks(plain)
    groups: list[list[Finding]] = [
        find_identifiers(plain, context.allowed_emails, plain_blocks),
        find_dates(plain, exact_dates_are_errors=context.kind is Kind.BRIEF, blocks=plain_blocks),
        find_places(plain, context.area_names, cited + publications(blocks), plain_blocks),
    ]
    if context.kind is Kind.BRIEF and context.own_case:
        groups.append(
            find_other_cases(text, context.own_case, context.related_cases, context.case_labels)
        )
    groups.append(find_names(text, context.area_names, cited, blocks))
    allowed = allowed_spans(text, context.allowed_terms)
    return kept_findings((f for group in groups for f in group), allowed)


def kept_findings(findings: Iterable[Finding], allowed: list[tuple[int, int]]) -> list[Finding]:
    """`findings` less those an allowed span allows, and less those that overlap one kept
    before them (the first wins)."""
    kept: list[Finding] = []
    taken = _Taken()
    allowed = sorted(allowed)
    starts = [s for s, _ in allowed]
    longest = max((e - s for s, e in allowed), default=0)
    for finding in findings:
        # only an allowed span that overlaps the finding can allow it
        last = bisect.bisect_left(starts, finding.end)
        first = bisect.bisect_left(starts, finding.start - longest)
        if any(allows(s, e, finding) for s, e in allowed[first:last]):
            continue
        if taken.add(finding.start, finding.end):
            kept.append(finding)
    return kept


# An allowed term allows a name, an institution or an address it touches ("Lucy Faithfull"
# in "Lucy Faithfull Foundation"), and an identifier only when it holds the whole of it: not
# "MARAC-19-0421" beside "MARAC", nor "kai_2010" beside the pseudonym "Kai".
_WORDS_RULES = frozenset({"anon.name", "anon.institution", "anon.address"})


def allows(start: int, end: int, finding: Finding) -> bool:
    """Whether an allowed term at start:end allows the finding."""
    if finding.rule == "anon.institution":  # round 8: not a local branch named before it,
        return start <= finding.start < end  # "Amberlight Women's Aid", "Harbour Sure Start"
    if finding.rule in _WORDS_RULES:
        return start < finding.end and finding.start < end
    return start <= finding.start and finding.end <= end


def context_for(document: Document, settings: Settings) -> TextContext:
    extra = (
        *settings.allowed_terms,
        *document.fields.pseudonyms,
        *document.fields.named_professionals,
    )
    emails = {t.lower() for t in (settings.contact_email, *settings.allowed_terms) if "@" in t}
    return TextContext(
        kind=document.kind,
        allowed_terms=tuple(extra),
        allowed_emails=frozenset(emails),
        own_case=document.fields.case,
        related_cases=document.fields.related_cases,
        case_labels=settings.case_labels,
        area_names=settings.area_names,
    )


def _segments(document: Document, *, title_only: bool) -> list[tuple[int, int]]:
    """Offsets of the parts of the file that are published text."""
    prose = {
        s.name
        for s in FIELDS[document.kind]
        if s.type in (FieldType.TEXT, FieldType.LONG_TEXT, FieldType.MESSAGES)
    }
    if title_only:
        prose = {"title"}
    segments = [document.spans[name] for name in sorted(prose) if name in document.spans]
    if not title_only:
        segments.append((document.source.body_offset, len(document.source.text)))
    return segments


_NEWLINE = re.compile("\n")


class _Lines:
    def __init__(self, text: str) -> None:
        self.starts = [0, *(m.end() for m in _NEWLINE.finditer(text))]

    def position(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self.starts, offset) - 1
        return index + 1, offset - self.starts[index] + 1


def scan_document(
    document: Document, settings: Settings, *, title_only: bool = False, draft: bool = False
) -> list[Problem]:
    """Problems for `document`'s published text; in a draft, errors are only warnings."""
    text = document.source.text
    context = context_for(document, settings)
    findings: list[Finding] = []
    for start, end in _segments(document, title_only=title_only):
        findings += [
            Finding(f.rule, f.start + start, f.end + start, f.message, f.severity)
            for f in scan_text(text[start:end], context)
        ]
    waivers = document.fields.waivers
    lines = _Lines(text)
    found, used = _apply_waivers(text, findings, waivers)
    problems = []
    for finding in found:
        line, column = lines.position(finding.start)
        problems.append(as_problem(document.path, line, column, finding, text, draft=draft))
    for waiver in waivers:
        if waiver not in used and not title_only:
            unused = Finding(
                "anon.waiver_unused",
                0,
                len(waiver.text),
                "this waiver no longer matches anything in the document; remove it",
            )
            problems.append(
                as_problem(
                    document.path, waiver.line, waiver.column, unused, waiver.text, draft=draft
                )
            )
    return problems


_NAME_PARTS = re.compile(r"[-_+.~ ]+")
# Words that name what a file is ("tyler-smith-review.pdf"): left out, so that the name
# before them is not taken for the name of a review or a report.
_DOCUMENT_WORDS = frozenset(
    _words(
        "review report brief briefing summary final draft learning notes minutes "
        "overview executive cspr lcspr scr dhr sar lessons version copy"
    )
)
_FILE_NAME_MESSAGE = (
    "{finding} in the file or folder name '{part}', which is published in the page's "
    "address, the sitemap and the feed; rename the file"
)


def scan_file_names(
    document: Document, settings: Settings, assets: Iterable[str] = (), *, draft: bool = False
) -> list[Problem]:
    """Names and identifiers in the words of the document's address (its file or folder name;
    for a page, each folder too) and in the names of the files published with it (`assets`,
    paths relative to the site), each reported on line 1 of that file."""
    context = context_for(document, settings)
    parts = [(document.path, part) for part in document.slug.split("/")]
    parts += [(asset, PurePosixPath(asset).stem) for asset in assets]
    problems: list[Problem] = []
    for path, part in parts:
        words = " ".join(
            w[:1].upper() + w[1:]
            for w in _NAME_PARTS.split(part)
            if len(w) > 2 and w.lower() not in _DOCUMENT_WORDS  # not a case code: "child-lc-890"
        )
        allowed = allowed_spans(words, context.allowed_terms)
        findings = [
            f
            for f in (*find_names(words, context.area_names), *find_identifiers(part))
            if f.severity is None and not any(s < f.end and f.start < e for s, e in allowed)
        ]
        for finding in findings[:1]:  # one problem a name is enough: the fix is one rename
            message = _FILE_NAME_MESSAGE.format(finding=finding.message.split(";")[0], part=part)
            found = replace(finding, start=0, end=len(part), message=message)
            problems.append(as_problem(path, 1, 1, found, part, draft=draft))
    return problems


def _apply_waivers(
    text: str, findings: Iterable[Finding], waivers: Sequence[Waiver]
) -> tuple[list[Finding], set[Waiver]]:
    occurrences = {w: [(i, i + len(w.text)) for i in _find_all(text, w.text)] for w in waivers}
    kept: list[Finding] = []
    used: set[Waiver] = set()
    for finding in findings:
        waiver = next(
            (
                w
                for w in waivers
                if (w.rule is None or w.rule == finding.rule)
                and any(s <= finding.start and finding.end <= e for s, e in occurrences[w])
            ),
            None,
        )
        if waiver is None:
            kept.append(finding)
        else:
            used.add(waiver)
    return kept, used


def _find_all(text: str, needle: str) -> list[int]:
    found, start = [], text.find(needle)
    while needle and start != -1:
        found.append(start)
        start = text.find(needle, start + 1)
    return found
