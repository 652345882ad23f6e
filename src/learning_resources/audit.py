"""The post-build audit: "absent means absent" and "nothing identifying", read back from the output.

`lifecycle()` decides what is published and every surface of the site obeys it; this module
proves it after the fact, from the built files alone (a fresh build before it is swapped in,
or a downloaded copy of the live site). It reads every file: pages, the search index, sitemap
and feed, `.gz` files (decompressed), PDFs (text and metadata) and copied attachments, and
reports two kinds of problem:

- `audit.leak`: anything of a document that is not live. Of a draft or an embargoed brief:
  its title, summary, headings, sentences, address and attachments. Of an archived brief:
  its summary, headings, sentences and attachments (its title, case, reference and dates stay
  on its archive notice and the archive page, and its summary too when the partnership sets
  `show_archived_summary`).
- `audit.identifier`: a structured identifier (postcode, phone number, e-mail address, NHS or
  National Insurance number, ...) in the visible text of a page's main content or of a PDF.

Text is compared as words: the source (Markdown rendered to HTML, then to text) and every
built file are both reduced to lower-case word sequences, so markup, entities, quotes and
spacing cannot hide a match. Only distinctive fragments count: each title, summary, heading,
paragraph and sentence of a document that is not live, with at least `MIN_WORDS` words, and
not also found in a live document's source, the site's settings, or what an archive notice
may show. Words never match across two paragraphs, list items or table cells.
"""

from __future__ import annotations

import bisect
import gzip
import hashlib
import json
import re
import unicodedata
import zlib
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser
from itertools import accumulate
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import markdown

from .anonymisation.allowed import allowed_spans
from .anonymisation.attachments import PdfError, read_pdf
from .anonymisation.identifiers import find_identifiers
from .anonymisation.scan import TextContext, context_for
from .documents import Document
from .fields import FIELDS, FieldType
from .kinds import REVIEW_TYPES, Kind
from .lifecycle import State
from .parallel import run_all
from .plan import Planned, SitePlan
from .problems import Problem, in_file_order
from .reference import fields_reference, rules_reference
from .rules import problem
from .settings import PAGES_FOLDER

MIN_WORDS = 2  # a fragment (title, sentence, heading, name) counts from this many words
BREAK = ""  # between paragraphs, cells and attributes: no fragment matches across it

# Detectors of anonymisation.identifiers that run on built pages. All of them do: measured on
# the example site on several dates and on the test sites, none raises a false alarm there.
# (Exact dates and names are not run: summary panels print exact dates on purpose.)
IDENTIFIER_RULES = frozenset(
    {
        "anon.postcode",
        "anon.phone",
        "anon.email",
        "anon.nhs_number",
        "anon.ni_number",
        "anon.vehicle",
        "anon.social",
        "anon.reference",
    }
)

# Elements that do not start a new block of text: their words run on with their neighbours'.
_INLINE_TAGS = (
    "a abbr b bdi bdo cite code data del dfn em i ins kbd mark q s samp small span strong sub "
    "sup time u var"
)
_INLINE = frozenset(_INLINE_TAGS.split())
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_TEXT_TYPES = ".html .htm .xml .json .js .css .txt .md .svg .map .csv .webmanifest .xsl"
_TEXT_SUFFIXES = frozenset(_TEXT_TYPES.split())
# Attributes whose values readers see, in a document's source (links' targets are not text).
_SOURCE_ATTRIBUTES = frozenset({"alt", "title"})
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_WORD = re.compile(r"\w+")
_ADDRESS = re.compile(rb"(?<![\w-])(briefs|bitesize)/([a-z0-9][a-z0-9-]*)(?![\w-])")
_MARKDOWN_EXTENSIONS = ["extra", "admonition", "sane_lists", "toc"]


def words_of(text: str) -> list[str]:
    """Lower-case words, with compatibility characters (ligatures, wide forms) folded."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


# --- Reading text out of files ------------------------------------------------------------


@dataclass(frozen=True)
class Chunk:
    """A run of text in a file: element data or an attribute value, where it starts."""

    text: str
    line: int
    new_block: bool  # starts a new paragraph, cell, heading, attribute...
    block: str = ""  # the element that holds it, e.g. 'p', 'h2', 'td'
    main: bool = False  # in the page's main content (its <article>), and not a script
    attribute: str = ""  # the attribute's name, for attribute values


class _MarkupReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chunks: list[Chunk] = []
        self.attributes: list[Chunk] = []  # kept apart: they do not interrupt the text
        self._block = ""
        self._new_block = True
        self._article = 0
        self._script = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        for name, value in attrs:
            if value and name not in ("class", "style"):
                self.attributes.append(Chunk(unquote(value), line, True, tag, attribute=name))
        if tag in ("script", "style"):
            self._script += 1
        elif tag == "article":
            self._article += 1
        if tag not in _INLINE:
            self._block, self._new_block = tag, True

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._script = max(0, self._script - 1)
        elif tag == "article":
            self._article = max(0, self._article - 1)
        if tag not in _INLINE:
            self._new_block = True

    def handle_data(self, data: str) -> None:
        if not data:
            return
        main = self._article > 0 and self._script == 0
        self.chunks.append(Chunk(data, self.getpos()[0], self._new_block, self._block, main))
        self._new_block = False


def markup_chunks(markup: str, first_line: int = 1, *, nested: bool = True) -> list[Chunk]:
    """The text of HTML or XML: element data and attribute values, entities decoded.

    Escaped markup inside it (a feed's HTML content, a search index's text) is read too.
    """
    reader = _MarkupReader()
    reader.feed(markup)
    reader.close()
    chunks: list[Chunk] = []
    for chunk in reader.chunks + reader.attributes:
        line = first_line + chunk.line - 1
        if nested and "<" in chunk.text and ">" in chunk.text and not chunk.attribute:
            inner = markup_chunks(chunk.text, line, nested=False)
            chunks += [
                Chunk(c.text, c.line, c.new_block or i == 0, c.block, chunk.main, c.attribute)
                for i, c in enumerate(inner)
            ]
        else:
            chunks.append(
                Chunk(chunk.text, line, chunk.new_block, chunk.block, chunk.main, chunk.attribute)
            )
    return chunks


def _json_strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _json_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _json_strings(item)


def _plain_chunks(text: str) -> list[Chunk]:
    return [Chunk(line, n, True) for n, line in enumerate(text.split("\n"), 1) if line]


@dataclass
class Words:
    """A file's text as words, each with the line (or PDF page) it is on."""

    words: list[str] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)

    def add(self, chunks: Iterable[Chunk]) -> None:
        words, lines = self.words, self.lines
        for chunk in chunks:
            if chunk.new_block and words and words[-1] != BREAK:
                words.append(BREAK)
                lines.append(chunk.line)
            text = unicodedata.normalize("NFKC", chunk.text).casefold()
            for number, part in enumerate(text.split("\n"), chunk.line):
                found = _WORD.findall(part)
                words += found
                lines += [number] * len(found)


@dataclass(frozen=True)
class PdfText:
    parts: tuple[tuple[int, str, str], ...]  # (line: 1 or the page, where, text)
    error: str | None = None


Visible = tuple[str, int, str]  # text, the line it starts on, where it is ('page 2')


@dataclass
class BuiltFile:
    """One file of the built site, read: its bytes and the text a reader could get from it."""

    path: str  # relative to the site folder, '/'-separated
    data: bytes  # decompressed, for .gz files
    words: Words
    main_text: list[Visible]  # the visible text to scan for identifiers
    error: str | None = None


class _Reader:
    """Reads built files, with PDFs' text cached by content (reports are read once)."""

    def __init__(self) -> None:
        self.pdfs: dict[str, PdfText] = {}

    def pdf(self, data: bytes) -> PdfText:
        key = hashlib.sha256(data).hexdigest()
        if key not in self.pdfs:
            try:
                self.pdfs[key] = PdfText(tuple(read_pdf(data).parts()))
            except PdfError as exc:
                self.pdfs[key] = PdfText((), str(exc))
        return self.pdfs[key]

    def read(self, path: Path, relpath: str) -> BuiltFile:
        data = path.read_bytes()
        name = relpath
        if name.endswith(".gz"):
            name = name.removesuffix(".gz")
            try:
                data = gzip.decompress(data)
            except (OSError, EOFError, zlib.error) as exc:
                return BuiltFile(relpath, data, Words(), [], f"it cannot be decompressed ({exc})")
        built = BuiltFile(relpath, data, Words(), [])
        built.words.add(_plain_chunks(name))  # a file's own name and folder
        suffix = Path(name).suffix.lower()
        if suffix == ".pdf" or data.startswith(b"%PDF-"):
            pdf = self.pdf(data)
            built.error = pdf.error and f"its text cannot be read ({pdf.error})"
            for line, where, text in pdf.parts:
                built.words.add([Chunk(text, line, True)])
                built.main_text.append((text, line, where))
            return built
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            if suffix in _TEXT_SUFFIXES:
                text = data.decode("utf-8", errors="replace")
            else:
                return built  # an image or other binary file: compared by its bytes only
        if suffix in (".html", ".htm", ".xml", ".svg", ".xsl"):
            chunks = markup_chunks(text)
            built.words.add(chunks)
            if suffix in (".html", ".htm"):
                built.main_text = _visible(chunks)
        elif suffix in (".json", ".webmanifest"):
            try:
                strings = list(_json_strings(json.loads(text)))
            except ValueError:
                built.words.add(_plain_chunks(text))
            else:
                for string in strings:
                    built.words.add(
                        markup_chunks(string) if "<" in string else [Chunk(string, 1, True)]
                    )
        else:
            built.words.add(_plain_chunks(text))
        return built


def _blocks(chunks: Iterable[Chunk]) -> list[tuple[Chunk, str]]:
    """Chunks joined into blocks (paragraphs, cells...): (the block's first chunk, its text)."""
    blocks: list[tuple[Chunk, str]] = []
    for chunk in chunks:
        if chunk.new_block or not blocks:
            blocks.append((chunk, chunk.text))
        else:
            blocks[-1] = (blocks[-1][0], blocks[-1][1] + chunk.text)
    return blocks


def _visible(chunks: Iterable[Chunk]) -> list[Visible]:
    """The visible text of a page's main content, one entry per block."""
    shown = (c for c in chunks if c.main and not c.attribute)
    return [(text, first.line, "the page") for first, text in _blocks(shown)]


# --- What must not be there ---------------------------------------------------------------


@dataclass(frozen=True)
class Fragment:
    """A distinctive piece of a document that is not live."""

    words: tuple[str, ...]
    text: str  # as the document has it
    entry: Planned
    part: str  # 'title', 'summary', 'heading', 'text', 'report', 'attachment name', ...


class FragmentIndex:
    """Finds many word sequences in a stream of words in one pass (keyed by the first two)."""

    def __init__(self, fragments: Iterable[Fragment]) -> None:
        self.by_start: dict[tuple[str, str], list[Fragment]] = defaultdict(list)
        for fragment in fragments:
            self.by_start[fragment.words[0], fragment.words[1]].append(fragment)

    def find(self, words: Sequence[str]) -> Iterator[tuple[int, Fragment]]:
        by_start = self.by_start
        for i in range(len(words) - 1):
            candidates = by_start.get((words[i], words[i + 1]))
            if candidates:
                for fragment in candidates:
                    n = len(fragment.words)
                    if tuple(words[i : i + n]) == fragment.words:
                        yield i, fragment


def rendered_blocks(body: str) -> list[tuple[str, str]]:
    """A Markdown body as it reads on a page: (element, text) per block."""
    html = markdown.markdown(body, extensions=_MARKDOWN_EXTENSIONS)
    chunks = markup_chunks(html, nested=False)
    shown = (c for c in chunks if not c.attribute or c.attribute in _SOURCE_ATTRIBUTES)
    return [(first.block, text) for first, text in _blocks(shown)]


def _pieces(text: str) -> list[str]:
    """A block of text and each of its sentences."""
    sentences = _SENTENCE_END.split(text.strip())
    return [text, *sentences] if len(sentences) > 1 else [text]


def _prose_fields(document: Document) -> list[tuple[str, str]]:
    """(field name, value) of the document's front-matter text values."""
    names = [
        s.name for s in FIELDS[document.kind] if s.type in (FieldType.TEXT, FieldType.LONG_TEXT)
    ]
    found = [(n, str(getattr(document.fields, n))) for n in names if getattr(document.fields, n)]
    found += [("key message", message) for message in document.fields.key_messages]
    extension = document.fields.extension
    if extension and extension.reason:
        found.append(("extension", extension.reason))
    for waiver in document.fields.waivers:
        found += [("waiver", waiver.text), ("waiver", waiver.reason)]
    return found


@dataclass(frozen=True)
class Attachment:
    name: str  # relative to the document's folder
    address: str  # where it is published, relative to the site
    data: bytes


def _attachments(entry: Planned, plan: SitePlan) -> list[Attachment]:
    document = entry.document
    folder = document.source.path.parent
    paths = list(plan.site.assets.get(document.path, ()))
    report = document.fields.report
    if report and (folder / report) not in paths:
        paths.append(folder / report)
    found = []
    for path in paths:
        if path.is_file():
            if document.kind is Kind.PAGE:  # a page's images keep their place in content/
                name = address = path.relative_to(plan.site.root / PAGES_FOLDER).as_posix()
            else:
                name = path.relative_to(folder).as_posix()
                address = document.url + name
            found.append(Attachment(name, address, path.read_bytes()))
    return found


def _attachment_text(attachment: Attachment, reader: _Reader) -> list[str]:
    if attachment.data.startswith(b"%PDF-"):
        return [text for _, _, text in reader.pdf(attachment.data).parts]
    try:
        return [attachment.data.decode("utf-8")]
    except UnicodeDecodeError:
        return []


def _fragments_of(entry: Planned, attachments: list[Attachment], reader: _Reader) -> list[Fragment]:
    """Every distinctive piece of a document that must not be on the site."""
    document = entry.document
    archived = entry.state is State.ARCHIVED
    pieces: list[tuple[str, str]] = []  # (part, text)
    for name, value in _prose_fields(document):
        if archived and name == "title":
            continue  # stays on the archive notice
        pieces += [(name, piece) for piece in _pieces(value)]
    for block, text in rendered_blocks(document.source.body):
        part = "heading" if block in _HEADINGS else "text"
        pieces += [(part, piece) for piece in _pieces(text)]
    for attachment in attachments:
        pieces += [("attachment name", attachment.address)]
        pieces += [("attachment name", attachment.name)]
        for text in _attachment_text(attachment, reader):
            for paragraph in re.split(r"\n\s*\n", text):
                pieces += [("attachment", p) for p in _pieces(" ".join(paragraph.split()))]
    fragments: dict[tuple[str, ...], Fragment] = {}
    for part, text in pieces:
        words = tuple(words_of(text))
        if len(words) >= MIN_WORDS and words not in fragments:
            fragments[words] = Fragment(words, " ".join(text.split()), entry, part)
    return list(fragments.values())


def _allowed_text(
    plan: SitePlan, attachments: dict[str, list[Attachment]], reader: _Reader
) -> Iterator[str]:
    """What may be on the site: live documents, settings, what archive notices show, and the
    editors' reference the site generates (its examples share standard headings)."""
    settings = plan.site.settings
    yield from (settings.partnership, settings.contact_email, *settings.allowed_terms)
    yield from (text for _, text in rendered_blocks(fields_reference(settings)))
    yield from (text for _, text in rendered_blocks(rules_reference()))
    yield from (*settings.topics.values(), *settings.audiences.values(), *REVIEW_TYPES.values())
    yield from (*settings.sheet_sections, *settings.case_labels)
    live = [e.document.source.body for e in plan.entries if e.state is State.LIVE]
    rendered = iter(run_all(rendered_blocks, live, enough=PARALLEL_FROM))
    for entry in plan.entries:
        document = entry.document
        if entry.state is State.ARCHIVED:
            yield from (document.title, document.case_name, document.reference, document.url)
            if settings.show_archived_summary:
                yield document.summary
        elif entry.state is State.LIVE:
            yield from (value for _, value in _prose_fields(document))
            yield from (text for _, text in next(rendered))
            for attachment in attachments[document.path]:
                yield from (attachment.name, attachment.address)
                yield from _attachment_text(attachment, reader)


# --- The audit ----------------------------------------------------------------------------


_PARTS = {
    "title": "the title",
    "summary": "the summary",
    "description": "the description",
    "key message": "a key message",
    "heading": "a heading",
    "text": "a sentence",
    "attachment": "the text of an attachment",
    "attachment name": "an attachment's name",
    "extension": "the extension's reason",
    "waiver": "a waiver",
}


def audit_site(site_dir: Path, plan: SitePlan) -> list[Problem]:
    """Every trace of a document that is not live, and every identifier, in a built site.

    `site_dir` is a built site (or a copy of the live one); `plan` says, for the same day,
    which documents are live. Problems name the built file (relative to `site_dir`).
    The files are read on every core when there are many (see `parallel`).
    """
    global _AUDIT
    reader = _Reader()
    _AUDIT = _Audit(site_dir, reader, _absent(plan, reader), _IdentifierScan(plan))
    try:
        paths = sorted(p for p in site_dir.rglob("*") if p.is_file())
        found = run_all(_audit_file, paths, enough=PARALLEL_FROM, fork_only=True)
    finally:
        _AUDIT = None
    return in_file_order(p for problems in found for p in problems)


# Files to read before other processes pay for starting (a page takes about 15 ms).
PARALLEL_FROM = 64


@dataclass(frozen=True)
class _Audit:
    """What auditing each file needs: set before the workers are forked, which share it."""

    site_dir: Path
    reader: _Reader
    absent: _Absent
    identifiers: _IdentifierScan


_AUDIT: _Audit | None = None


def _audit_file(path: Path) -> list[Problem]:
    assert _AUDIT is not None
    built = _AUDIT.reader.read(path, path.relative_to(_AUDIT.site_dir).as_posix())
    absent = _AUDIT.absent
    found: list[Problem] = []
    if built.error:
        found.append(
            problem(
                "audit.unreadable",
                built.path,
                1,
                1,
                f"the audit cannot read this file: {built.error}; it cannot prove that "
                "nothing unpublished is in it",
            )
        )
    found += _leaks(built, absent.text)
    found += _addresses(built, absent.addresses)
    copy = absent.attachments.get(hashlib.sha256(built.data).digest())
    if copy:
        entry, attachment = copy
        found.append(_leak(built.path, 1, entry, "a copy of an attachment", attachment.name))
    found += _AUDIT.identifiers.scan(built)
    return found


@dataclass(frozen=True)
class _Absent:
    """What must be in no built file."""

    text: FragmentIndex
    attachments: dict[bytes, tuple[Planned, Attachment]]  # by their SHA-256
    addresses: dict[tuple[str, str], Planned]  # (folder, slug) of drafts and embargoed briefs


def _absent(plan: SitePlan, reader: _Reader) -> _Absent:
    attachments = {e.document.path: _attachments(e, plan) for e in plan.entries}
    hidden = [
        e for e in plan.entries if e.state is not State.LIVE and e.document.kind is not Kind.PAGE
    ]
    fragments = [f for e in hidden for f in _fragments_of(e, attachments[e.document.path], reader)]
    index = FragmentIndex(fragments)  # each allowed text on its own: no match spans two
    allowed = _allowed_text(plan, attachments, reader) if fragments else ()
    shared = {f.words for text in allowed for _, f in index.find(words_of(text))}
    live_bytes = {
        hashlib.sha256(a.data).digest()
        for e in plan.entries
        if e.state is State.LIVE
        for a in attachments[e.document.path]
    }
    return _Absent(
        text=FragmentIndex(f for f in fragments if f.words not in shared),
        attachments={
            digest: (e, a)
            for e in hidden
            for a in attachments[e.document.path]
            if (digest := hashlib.sha256(a.data).digest()) not in live_bytes
        },
        addresses={
            (e.document.kind.folder, e.document.slug): e
            for e in hidden
            if e.state is not State.ARCHIVED
        },
    )


def _leak(relpath: str, line: int, entry: Planned, what: str, text: str | None = None) -> Problem:
    state = entry.state.value
    return problem(
        "audit.leak",
        relpath,
        line,
        1,
        f"{what} of {entry.document.path}, which is {state}, is in this file; do not publish it",
        text,
    )


def _leaks(built: BuiltFile, index: FragmentIndex) -> list[Problem]:
    """One problem per document and part found in the file, at its first place.

    Where a paragraph and its first sentence both match, the sentence is what is counted.
    """
    shortest: dict[int, Fragment] = {}
    for position, fragment in index.find(built.words.words):
        if position not in shortest or len(fragment.words) < len(shortest[position].words):
            shortest[position] = fragment
    first: dict[tuple[str, str], tuple[int, Fragment, int]] = {}
    for position, fragment in sorted(shortest.items()):
        key = (fragment.entry.document.path, fragment.part)
        line, earlier, count = first.get(key, (built.words.lines[position], fragment, 0))
        first[key] = (line, earlier, count + 1)
    found = []
    for (_, part), (line, fragment, count) in first.items():
        what = _PARTS.get(part, part) + (f" (and {count - 1} more)" if count > 1 else "")
        found.append(_leak(built.path, line, fragment.entry, what, fragment.text))
    return found


def _addresses(built: BuiltFile, unpublished: dict[tuple[str, str], Planned]) -> list[Problem]:
    found: list[Problem] = []
    seen: set[str] = set()
    for data in (built.path.encode(), built.data) if unpublished else ():
        if b"briefs/" not in data and b"bitesize/" not in data:
            continue
        for match in _ADDRESS.finditer(data):
            entry = unpublished.get((match.group(1).decode(), match.group(2).decode()))
            if entry and entry.document.path not in seen:
                seen.add(entry.document.path)
                line = 1 if data is not built.data else data.count(b"\n", 0, match.start()) + 1
                found.append(_leak(built.path, line, entry, "the address", match.group().decode()))
    return found


class _IdentifierScan:
    """The structured-identifier detectors over a page's visible main text and PDFs' text."""

    def __init__(self, plan: SitePlan) -> None:
        self.settings = plan.site.settings
        published = [e for e in plan.entries if e.state.published]
        self.by_file = {f"{e.document.url}index.html": e.document for e in published}
        self.own_folders = {e.document.url: e.document for e in published if e.document.url}
        self.waivers = [w for e in published for w in e.document.fields.waivers if w.text]
        emails = {
            t.lower()
            for t in (self.settings.contact_email, *self.settings.allowed_terms)
            if "@" in t
        }
        self.generic = TextContext(Kind.PAGE, tuple(self.settings.allowed_terms), frozenset(emails))

    def context(self, relpath: str) -> tuple[TextContext, str]:
        document = self.by_file.get(relpath) or self.own_folders.get(
            relpath.rpartition("/")[0] + "/"
        )
        if document is None:
            return self.generic, "a file the site generates"
        return context_for(document, self.settings), f"built from {document.path}"

    def scan(self, built: BuiltFile) -> list[Problem]:
        """Each part of the file (a page's main content, a PDF's page) is scanned as one text."""
        context, owner = self.context(built.path)
        parts: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for text, line, where in built.main_text:
            parts[where].append((text, line))
        found = []
        for where, blocks in parts.items():
            text = "\n\n".join(t for t, _ in blocks)
            starts = list(accumulate((len(t) + 2 for t, _ in blocks[:-1]), initial=0))
            allowed = allowed_spans(text, context.allowed_terms)
            for finding in find_identifiers(text, context.allowed_emails):
                span = finding.span(text)
                if (
                    finding.rule not in IDENTIFIER_RULES
                    or any(s < finding.end and finding.start < e for s, e in allowed)
                    or any(
                        (w.rule is None or w.rule == finding.rule) and span in w.text
                        for w in self.waivers
                    )
                ):
                    continue
                block = bisect.bisect_right(starts, finding.start) - 1
                start, line = starts[block], blocks[block][1]
                line += text.count("\n", start, finding.start)
                found.append(
                    problem(
                        "audit.identifier",
                        built.path,
                        line,
                        1,
                        f"{finding.message} ({finding.rule}, in {where}; {owner})",
                        span,
                    )
                )
        return found
