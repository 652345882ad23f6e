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
import contextlib
import dataclasses
import gzip
import hashlib
import io
import json
import re
import unicodedata
import zlib
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from itertools import accumulate
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import unquote

import ahocorasick
import markdown

from .anonymisation.allowed import allowed_spans
from .anonymisation.attachments import PdfError, read_pdf
from .anonymisation.identifiers import find_identifiers
from .anonymisation.scan import TextContext, context_for, kept_findings
from .check_cache import (
    ResultCache,
    checker_version,
    content_key,
    decode_problems,
    encode_problems,
    settings_hash,
)
from .documents import Document
from .fields import FIELDS, FieldType
from .kinds import REVIEW_TYPES, Kind
from .lifecycle import State
from .parallel import Background, run_all
from .plan import Planned, SitePlan
from .problems import Problem, in_file_order
from .published import IMAGES
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


class Chunk(NamedTuple):
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


# Words are kept as one string, each word after a SEPARATOR (and one more at the end), so that
# a fragment of words is found as a substring: an empty word (BREAK) makes two separators in
# a row, which no fragment has.
SEPARATOR = "\x00"


def word_stream(words: Iterable[str]) -> str:
    return "".join(SEPARATOR + word for word in words) + SEPARATOR


@dataclass
class Words:
    """A file's text as words (see SEPARATOR), and the line (or PDF page) each part is on."""

    parts: list[str] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)  # where each part starts in the stream
    lines: list[int] = field(default_factory=list)  # and its line
    length: int = 0
    broken: bool = True  # the last word is a BREAK (or there is none)

    def add(self, chunks: Iterable[Chunk]) -> None:
        for chunk in chunks:
            if chunk.new_block and not self.broken:
                self._add(SEPARATOR + BREAK, chunk.line)
                self.broken = True
            text = unicodedata.normalize("NFKC", chunk.text).casefold()
            for number, part in enumerate(text.split("\n"), chunk.line):
                found = _WORD.findall(part)
                if found:
                    self._add(word_stream(found)[:-1], number)
                    self.broken = False

    def _add(self, part: str, line: int) -> None:
        self.parts.append(part)
        self.starts.append(self.length)
        self.lines.append(line)
        self.length += len(part)

    def stream(self) -> str:
        return "".join(self.parts) + SEPARATOR

    def line_at(self, offset: int) -> int:
        return self.lines[bisect.bisect_right(self.starts, offset) - 1]


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

    def read(self, relpath: str, data: bytes, *, words: bool = True) -> BuiltFile:
        """The file's text; its words only if `words` (there is something to look for)."""
        name = relpath
        if name.endswith(".gz"):
            name = name.removesuffix(".gz")
            try:
                data = gzip.decompress(data)
            except (OSError, EOFError, zlib.error) as exc:
                return BuiltFile(relpath, data, Words(), [], f"it cannot be decompressed ({exc})")
        built = BuiltFile(relpath, data, Words(), [])
        add = built.words.add if words else _ignore
        add(_plain_chunks(name))  # a file's own name and folder
        suffix = Path(name).suffix.lower()
        if suffix == ".pdf" or data.startswith(b"%PDF-"):
            pdf = self.pdf(data)
            built.error = pdf.error and f"its text cannot be read ({pdf.error})"
            for line, where, text in pdf.parts:
                add([Chunk(text, line, True)])
                built.main_text.append((text, line, where))
            return built
        html = suffix in (".html", ".htm")
        if not (words or html):
            return built
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            if suffix in _TEXT_SUFFIXES:
                text = data.decode("utf-8", errors="replace")
            else:
                return built  # an image or other binary file: compared by its bytes only
        if html or suffix in (".xml", ".svg", ".xsl"):
            chunks = markup_chunks(text)
            add(chunks)
            if html:
                built.main_text = _visible(chunks)
        elif suffix in (".json", ".webmanifest"):
            try:
                value = json.loads(text)
            except ValueError:
                add(_plain_chunks(text))
            else:
                for string in _json_strings(value):
                    add(markup_chunks(string) if "<" in string else [Chunk(string, 1, True)])
        else:
            add(_plain_chunks(text))
        return built


def _ignore(chunks: Iterable[Chunk]) -> None:
    pass


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
    """Finds many word sequences in a stream of words (`word_stream`) in one pass."""

    def __init__(self, fragments: Iterable[Fragment]) -> None:
        by_words: dict[str, list[Fragment]] = defaultdict(list)
        for fragment in fragments:
            by_words[word_stream(fragment.words)].append(fragment)
        self.automaton = ahocorasick.Automaton()
        for key, found in by_words.items():
            self.automaton.add_word(key, (len(key), found))
        if by_words:
            self.automaton.make_automaton()
        self.empty = not by_words

    def find(self, stream: str) -> Iterator[tuple[int, Fragment]]:
        """(where it starts in the stream, the fragment), for every fragment found."""
        if self.empty:
            return
        for end, (length, found) in self.automaton.iter(stream):
            for fragment in found:
                yield end - length + 1, fragment


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
    if Path(attachment.name).suffix.lower() in IMAGES:
        return _image_text(attachment.data)
    try:
        return [attachment.data.decode("utf-8")]
    except UnicodeDecodeError:
        return []


def _image_text(data: bytes) -> list[str]:
    """The text an image carries in its details (PNG text, comments), copied with it."""
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as image:
            return [value for value in image.info.values() if isinstance(value, str)]
    except Exception:  # not an image after all: the check refused it (file.type)
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
    """What may be on the site: live documents (but their bodies, see `_shared`), settings,
    what archive notices show, and the editors' reference the site generates (its examples
    share standard headings)."""
    settings = plan.site.settings
    yield from (settings.partnership, settings.contact_email, *settings.allowed_terms)
    yield from (text for _, text in rendered_blocks(fields_reference(settings)))
    yield from (text for _, text in rendered_blocks(rules_reference()))
    yield from (*settings.topics.values(), *settings.audiences.values(), *REVIEW_TYPES.values())
    yield from (*settings.sheet_sections, *settings.case_labels)
    for entry in plan.entries:
        document = entry.document
        if entry.state is State.ARCHIVED:
            yield from (document.title, document.case_name, document.reference, document.url)
            if settings.show_archived_summary:
                yield document.summary
        elif entry.state is State.LIVE:
            yield from (value for _, value in _prose_fields(document))
            for attachment in attachments[document.path]:
                yield from (attachment.name, attachment.address)
                yield from _attachment_text(attachment, reader)


def _shared(index: FragmentIndex, texts: Iterable[str]) -> set[tuple[str, ...]]:
    """The fragments found in any of the texts, each text on its own (no match spans two)."""
    return {f.words for text in texts for _, f in index.find(word_stream(words_of(text)))}


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


class AuditStart:
    """The part of an audit that needs only the plan: what must be absent. Most of it is
    rendering live documents' bodies (to know what they share with unpublished ones), which
    starts at once in another process, so that `build.py` can begin it before MkDocs builds
    the site and keeps only one of two cores busy. `audit_site` finishes it."""

    def __init__(self, plan: SitePlan, *, cache: bool = False, early: bool = True) -> None:
        self.plan = plan
        self.reader = _Reader()
        self.store = None
        if cache:
            environment = content_key(checker_version(), settings_hash(plan.site.settings))
            self.store = ResultCache(plan.site.root, "audit", environment)
        self.absent = _AbsentStart(plan, self.reader, self.store, early=early)


def audit_site(
    site_dir: Path, plan: SitePlan, *, cache: bool = False, started: AuditStart | None = None
) -> list[Problem]:
    """Every trace of a document that is not live, and every identifier, in a built site.

    `site_dir` is a built site (or a copy of the live one); `plan` says, for the same day,
    which documents are live. Problems name the built file (relative to `site_dir`).
    The files are read on every core when there are many (see `parallel`). With `cache`,
    a file is not read again if it, its place and everything the audit looks for are as
    they were when it was last audited (see `_Audit.key`): its verdict is kept in the site's
    cache folder (see check_cache). `started` is this audit begun earlier, for the same plan.
    """
    global _AUDIT
    start = started if started is not None and started.plan is plan else None
    start = start or AuditStart(plan, cache=cache, early=False)
    store = start.store
    absent = start.absent.finish()
    identifiers = _IdentifierScan(plan)
    verdicts = store.entries if store else {}
    inputs = _inputs_key(absent, identifiers)
    _AUDIT = _Audit(site_dir, start.reader, absent, identifiers, inputs, verdicts)
    try:
        paths = sorted(p for p in site_dir.rglob("*") if p.is_file())
        # Files audited before are known here, at the cost of a hash: only the others are
        # worth other processes (which would each hold a copy of what this one has).
        kept = [_kept(path) for path in paths] if verdicts else [None] * len(paths)
        new = iter(
            run_all(
                _audit_file,
                [path for path, known in zip(paths, kept, strict=True) if known is None],
                enough=PARALLEL_FROM,
                fork_only=True,
            )
        )
        found = [known or next(new) for known in kept]
    finally:
        _AUDIT = None
    if store:
        for key, problems in found:
            store.put(key, encode_problems(problems))
        store.save()
    return in_file_order(p for _, problems in found for p in problems)


# Files to read before other processes pay for starting (a page takes about 15 ms).
PARALLEL_FROM = 64


@dataclass(frozen=True)
class _Audit:
    """What auditing each file needs: set before the workers are forked, which share it."""

    site_dir: Path
    reader: _Reader
    absent: _Absent
    identifiers: _IdentifierScan
    inputs: str  # the content of everything the audit looks for, in every file
    verdicts: dict[str, Any]  # what auditing a file gave, by `key` (from the cache)

    def key(self, relpath: str, data: bytes) -> str:
        """Everything a file's verdict depends on: its bytes, its place (which names its
        document, whose pseudonyms and named professionals are allowed in it), and all that
        is looked for in it."""
        context, owner = self.identifiers.context(relpath)
        return content_key("verdict", self.inputs, relpath, hashlib.sha256(data).digest(),
                           owner, _stable(context))  # fmt: skip


_AUDIT: _Audit | None = None


def _kept(path: Path) -> tuple[str, list[Problem]] | None:
    """The file's key (see `_Audit.key`) and its problems, if they are in the cache."""
    assert _AUDIT is not None
    relpath = path.relative_to(_AUDIT.site_dir).as_posix()
    key = _AUDIT.key(relpath, path.read_bytes())
    kept = _AUDIT.verdicts.get(key)
    if kept is not None:
        with contextlib.suppress(TypeError, ValueError):
            return key, decode_problems(kept)
    return None


def _audit_file(path: Path) -> tuple[str, list[Problem]]:
    """The file's key (see `_Audit.key`) and its problems."""
    assert _AUDIT is not None
    relpath = path.relative_to(_AUDIT.site_dir).as_posix()
    data = path.read_bytes()
    key = _AUDIT.key(relpath, data)
    absent = _AUDIT.absent
    built = _AUDIT.reader.read(relpath, data, words=not absent.text.empty)
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
    return key, found


@dataclass(frozen=True)
class _Absent:
    """What must be in no built file."""

    text: FragmentIndex
    fragments: list[Fragment]  # those in `text`
    attachments: dict[bytes, tuple[Planned, Attachment]]  # by their SHA-256
    addresses: dict[tuple[str, str], Planned]  # (folder, slug) of drafts and embargoed briefs


@dataclass(frozen=True)
class _Sharing:
    index: FragmentIndex  # the fragments
    place: dict[tuple[str, ...], int]  # each one's place in the sorted list of them

    def places(self, body: str) -> list[int]:
        """The places of the fragments that a live body has, as it reads on its page."""
        blocks = rendered_blocks(body)
        return sorted(self.place[words] for words in _shared(self.index, (t for _, t in blocks)))


_SHARING: _Sharing | None = None  # set before workers are forked, which share it


def _places(body: str) -> list[int]:
    assert _SHARING is not None
    return _SHARING.places(body)


class _AbsentStart:
    """Works out what must be absent: the unpublished documents' fragments, less those that
    live documents share. Their bodies are rendered in another process (see AuditStart),
    but those whose sharing is in the cache."""

    def __init__(
        self, plan: SitePlan, reader: _Reader, cache: ResultCache | None, *, early: bool
    ) -> None:
        self.plan, self.cache = plan, cache
        self.attachments = {e.document.path: _attachments(e, plan) for e in plan.entries}
        self.hidden = [
            e
            for e in plan.entries
            if e.state is not State.LIVE and e.document.kind is not Kind.PAGE
        ]
        self.fragments = [
            f
            for e in self.hidden
            for f in _fragments_of(e, self.attachments[e.document.path], reader)
        ]
        self.shared: set[tuple[str, ...]] = set()
        self.candidates: list[tuple[str, ...]] = []
        self.missing: dict[str, str] = {}  # a live body whose sharing is not known -> its key
        self.rendering: Background[str, list[int]] | None = None
        if not self.fragments:
            return
        index = FragmentIndex(self.fragments)  # each allowed text on its own: none spans two
        self.shared = _shared(index, _allowed_text(plan, self.attachments, reader))
        # What each body shares is kept by the body and these, as places in this list.
        self.candidates = sorted({f.words for f in self.fragments})
        key = content_key(*(word_stream(words) for words in self.candidates))
        for body in (e.document.source.body for e in plan.entries if e.state is State.LIVE):
            body_key = content_key("shared", key, body)
            kept = cache.get(body_key) if cache else None
            try:
                self.shared.update(self.candidates[i] for i in kept)  # type: ignore[union-attr]
            except (TypeError, IndexError):
                self.missing[body] = body_key
        self.sharing = _Sharing(index, {words: i for i, words in enumerate(self.candidates)})
        if early:
            self.rendering = Background(self.sharing.places, list(self.missing))

    def finish(self) -> _Absent:
        if self.missing:
            if self.rendering is not None:
                found = self.rendering.result()
            else:  # on every core
                global _SHARING
                _SHARING = self.sharing
                try:
                    found = run_all(
                        _places, list(self.missing), enough=PARALLEL_FROM, fork_only=True
                    )
                finally:
                    _SHARING = None
            for body_key, places in zip(self.missing.values(), found, strict=True):
                self.shared.update(self.candidates[i] for i in places)
                if self.cache:
                    self.cache.put(body_key, places)
            self.missing, self.rendering = {}, None
        hidden, attachments = self.hidden, self.attachments
        live_bytes = {
            hashlib.sha256(a.data).digest()
            for e in self.plan.entries
            if e.state is State.LIVE
            for a in attachments[e.document.path]
        }
        kept = [f for f in self.fragments if f.words not in self.shared]
        return _Absent(
            text=FragmentIndex(kept),
            fragments=kept,
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


def _inputs_key(absent: _Absent, identifiers: _IdentifierScan) -> str:
    """The content of everything the audit looks for: each fragment (and whose it is, in
    which state, as a problem would say), each attachment and address that must be absent,
    and the waivers that let an identifier stand."""
    parts = [
        *(f"fragment {f.words} {f.text!r} {_whose(f.entry)} {f.part}" for f in absent.fragments),
        *(
            f"attachment {d.hex()} {_whose(e)} {a.name!r}"
            for d, (e, a) in absent.attachments.items()
        ),
        *(f"address {where} {_whose(e)}" for where, e in absent.addresses.items()),
        *(f"waiver {w.rule} {w.text!r}" for w in identifiers.waivers),
        f"identifier rules {sorted(IDENTIFIER_RULES)}",
    ]
    return content_key(*sorted(parts))


def _whose(entry: Planned) -> str:
    return f"{entry.document.path!r} {entry.state.value}"


def _stable(context: TextContext) -> str:
    """A detector context as text that is the same in every process (sets sorted)."""
    values = []
    for item in dataclasses.fields(context):
        value = getattr(context, item.name)
        values.append(f"{item.name}={sorted(value) if isinstance(value, frozenset) else value!r}")
    return ", ".join(values)


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
    for position, fragment in index.find(built.words.stream()):
        if position not in shortest or len(fragment.words) < len(shortest[position].words):
            shortest[position] = fragment
    first: dict[tuple[str, str], tuple[int, Fragment, int]] = {}
    for position, fragment in sorted(shortest.items()):
        key = (fragment.entry.document.path, fragment.part)
        line, earlier, count = first.get(key, (built.words.line_at(position), fragment, 0))
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
            identifiers = find_identifiers(text, context.allowed_emails)
            for finding in kept_findings(identifiers, allowed):
                span = finding.span(text)
                if finding.rule not in IDENTIFIER_RULES or any(
                    (w.rule is None or w.rule == finding.rule) and span in w.text
                    for w in self.waivers
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
