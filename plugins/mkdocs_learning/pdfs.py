"""PDFs made at build time: every live brief and sheet, and a team-meeting pack per topic.

A document's PDF is its built page laid out by WeasyPrint exactly as a browser prints it
(print media, the same HTML and stylesheets, print.css), with the running footer filled in
for the build date. PDFs are cached by a hash of everything that goes into them, in a folder
that is safe to delete, and rendered on all cores. LEARNING_SITE_PDFS=0 turns them off.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
import re
import time
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from contextlib import suppress
from dataclasses import dataclass, field, replace
from functools import cache
from importlib.metadata import version
from io import BytesIO
from pathlib import Path
from typing import Any
from urllib.parse import quote
from urllib.request import url2pathname

from learning_resources.check_cache import private_name
from learning_resources.documents import Document
from learning_resources.packs import Pack, PackDocument, PackError, topic_pack
from learning_resources.plan import SitePlan
from learning_resources.printing import budget_problem, label
from learning_resources.problems import Problem

from .printout import pack_name, pdf_name, qr_svg

CACHE_FOLDER = ".cache/pdfs"  # in the site's root folder; safe to delete at any time
CREATOR = "Learning-resource site (mkdocs_learning)"  # the PDFs' Creator, beside WeasyPrint
RENDERER = "1"  # change to render every PDF again after a change to this module
_LOCAL = re.compile(r'(?:href|src)="([^"#?:]+)"')
_RESOURCE_SUFFIXES = {".css", ".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp"}
PARALLEL_FROM = 4  # jobs: fewer are rendered in this process
_STYLESHEET = re.compile(r'<link rel="stylesheet" href="([^"]+)">')


@dataclass(frozen=True)
class Output:
    """Where a build's PDFs go, and what they say about where they come from."""

    site_dir: Path
    site_url: str
    partnership: str
    day: dt.date  # the build date: "Printed on" in the footer, and the PDFs' dates
    cache: Path

    @classmethod
    def of(cls, plan: SitePlan, site_dir: Path) -> Output:
        settings = plan.site.settings
        cache = plan.site.root / CACHE_FOLDER
        return cls(site_dir, settings.site_url, settings.partnership, plan.today, cache)


@dataclass(frozen=True)
class Job:
    """Everything one PDF is made from; picklable, so that it can go to another process."""

    html: Path  # the built page (or, with `source`, where that page's links resolve from)
    site_dir: Path
    site_url: str  # links in the PDF go to the site's addresses, never to local files
    footer_css: str  # the running footer's values for this document and date
    title: str
    subject: str
    author: str  # the partnership: never a person
    keywords: tuple[str, ...]
    day: dt.date
    source: str = ""  # a generated page's own HTML (a pack's cover or questions)

    def page(self) -> str:
        return self.source or self.html.read_text(encoding="utf-8")

    def key(self) -> str:
        """A hash of the job and of every local file the page uses (stylesheets, images)."""
        # Not the paths: a build renders into a new folder each time.
        settings = {k: v for k, v in vars(self).items() if k not in {"html", "site_dir"}}
        renderer = f"{RENDERER} {version('weasyprint')}"
        digest = hashlib.sha256(f"{renderer} {sorted(settings.items())}".encode())
        page = self.page()
        digest.update(page.encode())
        for link in sorted(set(_LOCAL.findall(page))):
            path = (self.html.parent / link).resolve()
            if path.suffix in _RESOURCE_SUFFIXES and path.is_file():
                digest.update(link.encode() + b"\0" + path.read_bytes())
        return digest.hexdigest()


@dataclass(frozen=True)
class Made:
    path: Path
    pages: int
    size: int  # bytes
    seconds: float  # time spent rendering (0 when it came from the cache)


@dataclass
class Report:
    made: dict[str, Made] = field(default_factory=dict)  # document path -> its PDF
    packs: dict[str, Made] = field(default_factory=dict)  # topic -> its pack
    problems: list[Problem] = field(default_factory=list)
    seconds: float = 0.0  # wall-clock time added to the build

    def summary(self) -> str:
        rendered = [m for m in self.made.values() if m.seconds]
        each = sum(m.seconds for m in rendered) / len(rendered) if rendered else 0.0
        return (
            f"PDFs: {len(self.made)} documents ({len(rendered)} rendered, about {each:.2f} s "
            f"each; {len(self.made) - len(rendered)} unchanged, from the cache) and "
            f"{len(self.packs)} topic packs; {self.seconds:.1f} s added to the build"
        )


def build_pdfs(plan: SitePlan, site_dir: Path) -> Report:
    """Write the PDF of every live brief and sheet beside its page, and a pack per topic
    beside the topic's page; each page's link to its PDF says its length and size."""
    start = time.perf_counter()
    out = Output.of(plan, site_dir)
    live = plan.live_documents()
    rendered = render_all({d.path: document_job(d, plan, out) for d in live}, out.cache)
    report = Report()
    for document in live:
        data, seconds = rendered[document.path]
        made = publish(site_dir / document.url / pdf_name(document), data)
        report.made[document.path] = replace(made, seconds=seconds)
        found = budget_problem(document, made.pages)
        if found:
            report.problems.append(found)
    packs = {}
    for topic in plan.site.settings.topics:
        with suppress(PackError):  # nothing on the topic is online: no pack
            packs[topic] = topic_pack(plan, topic)
    pdfs = pack_pdfs(packs.values(), {path: rendered[path][0] for path in rendered}, out)
    for topic, pack in packs.items():
        report.packs[topic] = publish(
            site_dir / "topics" / topic / pack_name(topic), pdfs[pack.slug]
        )
    report.seconds = time.perf_counter() - start
    return report


def publish(target: Path, data: bytes) -> Made:
    """Write a PDF beside its page, whose link to it then says its length and size."""
    target.write_bytes(data)
    pages = page_count(data)
    describe_link(target, pages, len(data))
    return Made(target, pages, len(data), 0.0)


def document_job(document: Document, plan: SitePlan, out: Output) -> Job:
    url = f"{out.site_url.rstrip('/')}/{document.url}"
    return Job(
        html=out.site_dir / document.url / "index.html",
        site_dir=out.site_dir,
        site_url=out.site_url,
        footer_css=footer_css(document.title, url, out.day),
        title=document.title,
        subject=f"{label(document)}: {document.summary}",
        author=out.partnership,
        keywords=tuple(plan.site.settings.topics[t] for t in document.topics),
        day=out.day,
    )


def footer_css(title: str, url: str, day: dt.date) -> str:
    """The running footer's values (print.css reads them), as print.js sets them in browsers."""
    qr = "data:image/svg+xml," + quote(qr_svg(url))
    return (
        f":root {{ --lr-footer-title: {css_string(title)};"
        f" --lr-footer-printed: {css_string(f'Printed on {long_date(day)}. ')};"
        f" --lr-footer-url: {css_string(f'The current version is at {url}')};"
        f' --lr-qr: url("{qr}"); }}\n'
        ".lr-print-end { display: none !important; }\n"
    )


def css_string(text: str) -> str:
    """`text` as a CSS string, safe inside a <style> element too."""
    escaped = re.sub(r"\s+", " ", text).replace("\\", "\\\\").replace('"', '\\"')
    return '"' + escaped.replace("<", "\\3C ") + '"'


def long_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def render(job: Job) -> tuple[bytes, float]:
    """The PDF of one page, and the seconds it took. Runs in a worker process."""
    from weasyprint import CSS, HTML

    logging.getLogger("weasyprint").setLevel(logging.ERROR)  # Material's CSS: ~500 notices
    start = time.perf_counter()
    fetcher = _site_fetcher(job.site_dir, job.site_url)
    page = job.page()
    # The page's own stylesheets, in its order, parsed once per process (Material's is large).
    sheets = [
        _stylesheet(path.read_text(encoding="utf-8"), path.as_uri())
        for path in (job.html.parent.joinpath(href).resolve() for href in _STYLESHEET.findall(page))
    ]
    document = HTML(
        string=_STYLESHEET.sub("", page),
        base_url=_public(job),
        url_fetcher=fetcher,
        media_type="print",
    ).render(stylesheets=[*sheets, CSS(string=job.footer_css or "*{}", url_fetcher=fetcher)])
    meta = document.metadata
    meta.title, meta.description = job.title, job.subject
    meta.authors, meta.keywords = [job.author], list(job.keywords)
    meta.generator, meta.lang = CREATOR, "en-GB"
    meta.created = meta.modified = job.day.isoformat()
    data: bytes = document.write_pdf(pdf_tags=True)
    return data, time.perf_counter() - start


@cache
def _stylesheet(text: str, url: str) -> Any:
    from weasyprint import CSS

    return CSS(string=text, base_url=url, media_type="print")


def _public(job: Job) -> str:
    """The page's address on the site, which its links are resolved against."""
    if not job.site_url:
        return job.html.as_uri()
    folder = job.html.parent.relative_to(job.site_dir).as_posix()
    return job.site_url.rstrip("/") + "/" + ("" if folder == "." else folder + "/")


def _site_fetcher(site_dir: Path, site_url: str) -> object:
    """Fetches the site's own files (by their address or path) and data: URLs; nothing from
    the network."""
    from weasyprint import URLFetcher

    class SiteOnly(URLFetcher):  # type: ignore[misc]
        def fetch(self, url: str, headers: object = None) -> object:
            if site_url and url.startswith(site_url.rstrip("/") + "/"):
                inner = url.removeprefix(site_url.rstrip("/") + "/").split("?")[0].split("#")[0]
                url = (site_dir / inner).as_uri()
            if url.startswith("file:"):
                path = Path(url2pathname(url.removeprefix("file://").split("?")[0])).resolve()
                if not path.is_relative_to(site_dir.resolve()):
                    raise ValueError(f"{url} is outside the site")
            elif not url.startswith("data:"):
                raise ValueError(f"{url} is not fetched: PDFs use the site's own files only")
            return super().fetch(url, headers)

    return SiteOnly(allowed_protocols={"file", "data"})


def render_all(jobs: dict[str, Job], cache: Path) -> dict[str, tuple[bytes, float]]:
    """Every job's PDF, from the cache when its inputs are unchanged, else rendered on all
    cores; each with the seconds it took to render (0 from the cache)."""
    cache.mkdir(parents=True, exist_ok=True)
    files = {name: _cache_file(cache, job.key()) for name, job in jobs.items()}
    out: dict[str, tuple[bytes, float]] = {}
    for name, file in files.items():
        if file is not None and file.is_file():
            out[name] = (file.read_bytes(), 0.0)
    todo = [name for name in files if name not in out]
    results: Iterable[tuple[bytes, float]] = []
    if len(todo) < PARALLEL_FROM:  # starting workers costs more than it saves
        results = [render(jobs[name]) for name in todo]
    else:
        with ProcessPoolExecutor(max_workers=min(len(todo), os.cpu_count() or 1)) as pool:
            results = list(pool.map(render, [jobs[name] for name in todo]))
    for name, (data, seconds) in zip(todo, results, strict=True):
        if (file := files[name]) is not None:
            _save(file, data)
        out[name] = (data, seconds)
    return out


def page_count(data: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(BytesIO(data)).pages)


def describe(pages: int, size: int) -> str:
    """'2 pages, 48 KB', for the download link."""
    kilobytes = max(1, round(size / 1024))
    amount = f"{kilobytes} KB" if kilobytes < 1024 else f"{size / 1024 / 1024:.1f} MB"
    return f"{pages} page{'s' if pages != 1 else ''}, {amount}"


def describe_link(pdf: Path, pages: int, size: int) -> None:
    """The link to `pdf` in the page beside it says how many pages it has and how big it is."""
    html = pdf.parent / "index.html"
    text = html.read_text(encoding="utf-8")
    link = re.compile(rf'(<a href="{re.escape(pdf.name)}"[^>]* data-lr-pdf(?:="")?>)(.*?)(</a>)')
    html.write_text(
        link.sub(lambda m: f"{m[1]}{m[2]} ({describe(pages, size)}){m[3]}", text),
        encoding="utf-8",
    )


def pack_pdfs(packs: Iterable[Pack], documents: dict[str, bytes], out: Output) -> dict[str, bytes]:
    """Each pack as one PDF for a team meeting, by its slug: the cover, each document's own PDF
    (from `documents`, by document path) starting on a new page, then the discussion questions
    with room for notes. The packs' own pages are rendered together, on all cores."""
    pending = {pack.slug: pack for pack in packs}
    cover_pages = dict.fromkeys(pending, 1)
    rendered: dict[str, tuple[bytes, float]] = {}
    while pending:  # the contents give page numbers, which depend on the cover's own length
        jobs: dict[str, Job] = {}
        for slug, pack in pending.items():
            page, contents = cover_pages[slug] + 1, []
            for item in pack.documents:
                contents.append((item, page))
                page += page_count(documents[item.document.path])
            for part in ("Cover", "Questions"):
                jobs[f"{slug}/{part}"] = _pack_job(pack, part, out, contents, page)
        rendered |= render_all(jobs, out.cache)
        for slug in list(pending):
            pages = page_count(rendered[f"{slug}/Cover"][0])
            if pages == cover_pages[slug]:
                del pending[slug]
            cover_pages[slug] = pages
    made = {}
    for pack in packs:  # putting the parts together takes a while: the result is cached too
        parts = [rendered[f"{pack.slug}/{part}"][0] for part in ("Cover", "Questions")]
        parts += [documents[item.document.path] for item in pack.documents]
        digest = hashlib.sha256(f"{RENDERER} {version('pypdf')}".encode())
        for data in parts:
            digest.update(hashlib.sha256(data).digest())
        cached = _cache_file(out.cache, digest.hexdigest())
        if cached is None:
            made[pack.slug] = _assemble(pack, rendered, documents, out)
            continue
        if not cached.is_file():
            _save(cached, _assemble(pack, rendered, documents, out))
        made[pack.slug] = cached.read_bytes()
    return made


def _cache_file(cache: Path, key: str) -> Path | None:
    """Where the PDF whose inputs hash to `key` is cached: a name signed with this user's
    secret, so a cached PDF made (or changed) elsewhere is never published; None: no cache."""
    name = private_name(key)
    return None if name is None else cache / f"{name}.pdf"


def _save(path: Path, data: bytes) -> None:
    """Write a cache entry whole or not at all (builds may run side by side)."""
    temporary = path.with_name(f"{path.stem}.{os.getpid()}.tmp")
    temporary.write_bytes(data)
    temporary.replace(path)


def _assemble(
    pack: Pack, rendered: dict[str, tuple[bytes, float]], documents: dict[str, bytes], out: Output
) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    cover = rendered[f"{pack.slug}/Cover"][0]
    writer.append(PdfReader(BytesIO(cover)), outline_item="Cover and running order")
    for item in pack.documents:
        document = documents[item.document.path]
        writer.append(PdfReader(BytesIO(document)), outline_item=item.document.title)
    if any(item.questions for item in pack.documents):
        questions = rendered[f"{pack.slug}/Questions"][0]
        writer.append(PdfReader(BytesIO(questions)), outline_item="Questions")
    count = len(pack.documents)
    writer.add_metadata(
        {
            "/Title": f"{pack.title}: team-meeting pack",
            "/Subject": f"{count} document{'s' if count != 1 else ''} with a running order and "
            "discussion questions",
            "/Author": out.partnership,
            "/Creator": CREATOR,
            "/CreationDate": f"D:{pack.today:%Y%m%d}000000Z",
            "/ModDate": f"D:{pack.today:%Y%m%d}000000Z",
        }
    )
    writer.page_mode = "/UseOutlines"
    result = BytesIO()
    writer.write(result)
    return result.getvalue()


def _pack_job(
    pack: Pack,
    part: str,
    out: Output,
    contents: list[tuple[PackDocument, int]],
    questions_page: int,
) -> Job:
    from .render import render as render_template

    made = f"{pack.title}: team-meeting pack. Made on {long_date(pack.today)}."
    source = render_template(
        "pack.html.j2",
        pack=pack,
        part=part,
        site_url=out.site_url,
        footer=css_string(f"{made} The current versions are at {out.site_url}"),
        contents=contents,
        questions_page=questions_page,
    )
    return Job(
        html=out.site_dir / "index.html",
        site_dir=out.site_dir,
        site_url=out.site_url,
        footer_css="",
        title=f"{pack.title}: team-meeting pack",
        subject=part,
        author=out.partnership,
        keywords=(),
        day=pack.today,
        source=source,
    )


def pack_from_site(pack: Pack, plan: SitePlan, site_dir: Path) -> tuple[bytes, int]:
    """The pack made from the PDFs of a site built with them, and its number of pages."""
    documents = {
        item.document.path: (site_dir / item.document.url / pdf_name(item.document)).read_bytes()
        for item in pack.documents
    }
    data = pack_pdfs([pack], documents, Output.of(plan, site_dir))[pack.slug]
    return data, page_count(data)
