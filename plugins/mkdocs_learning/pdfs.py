"""A PDF of every live brief and sheet, made at build time from the built page and print.css.

WeasyPrint lays out the page exactly as a browser prints it (print media, the same HTML and
stylesheets), with the running footer filled in for the build date. PDFs are cached by a
hash of everything that goes into them, in a folder that is safe to delete, and rendered on
all cores. Set LEARNING_SITE_PDFS=0 (or `build.py build --no-pdfs`) for a quick preview.
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
from dataclasses import dataclass, field
from functools import cache
from importlib.metadata import version
from pathlib import Path
from typing import Any
from urllib.parse import quote
from urllib.request import url2pathname

from learning_resources.documents import Document
from learning_resources.plan import SitePlan
from learning_resources.printing import budget_problem, label
from learning_resources.problems import Problem

from .printout import pdf_name, qr_svg

CACHE_FOLDER = ".cache/pdfs"  # in the site's root folder; safe to delete at any time
RENDERER = "1"  # change to render every PDF again after a change to this module
_LOCAL = re.compile(r'(?:href|src)="([^"#?:]+)"')
_RESOURCE_SUFFIXES = {".css", ".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp"}


@dataclass(frozen=True)
class Job:
    """Everything one PDF is made from; picklable, so that it can go to another process."""

    html: Path  # the built page
    site_dir: Path
    footer_css: str  # the running footer's values for this document and date
    title: str
    subject: str
    author: str  # the partnership: never a person
    keywords: tuple[str, ...]
    creator: str
    day: dt.date

    def key(self) -> str:
        """A hash of the job and of every local file the page uses (stylesheets, images)."""
        settings = (self.footer_css, self.title, self.subject, self.author, self.keywords)
        renderer = f"{RENDERER} {version('weasyprint')}"
        digest = hashlib.sha256(f"{renderer} {settings} {self.creator}".encode())
        page = self.html.read_bytes()
        digest.update(page)
        for link in sorted(set(_LOCAL.findall(page.decode("utf-8", "replace")))):
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
    problems: list[Problem] = field(default_factory=list)
    seconds: float = 0.0  # wall-clock time added to the build

    def summary(self) -> str:
        rendered = [m for m in self.made.values() if m.seconds]
        each = sum(m.seconds for m in rendered) / len(rendered) if rendered else 0.0
        return (
            f"PDFs: {len(self.made)} ({len(rendered)} rendered, about {each:.2f} s each; "
            f"{len(self.made) - len(rendered)} unchanged from the cache); "
            f"{self.seconds:.1f} s added to the build"
        )


def footer_css(title: str, url: str, day: dt.date) -> str:
    """The running footer's values (print.css reads them), as print.js sets them in browsers."""
    qr = "data:image/svg+xml," + quote(qr_svg(url))
    return (
        f":root {{ --lr-footer-title: {_css_string(title)};"
        f" --lr-footer-printed: {_css_string(f'Printed on {day.day} {day:%B %Y}. ')};"
        f" --lr-footer-url: {_css_string(f'The current version is at {url}')};"
        f' --lr-qr: url("{qr}"); }}\n'
        ".lr-print-end { display: none !important; }\n"
    )


def _css_string(text: str) -> str:
    return '"' + re.sub(r"\s+", " ", text).replace("\\", "\\\\").replace('"', '\\"') + '"'


def document_job(document: Document, plan: SitePlan, site_dir: Path, creator: str) -> Job:
    settings = plan.site.settings
    url = f"{settings.site_url.rstrip('/')}/{document.url}"
    return Job(
        html=site_dir / document.url / "index.html",
        site_dir=site_dir,
        footer_css=footer_css(document.title, url, plan.today),
        title=document.title,
        subject=f"{label(document)}: {document.summary}",
        author=settings.partnership,
        keywords=tuple(settings.topics[t] for t in document.topics),
        creator=creator,
        day=plan.today,
    )


def render(job: Job) -> tuple[bytes, float]:
    """The PDF of one page, and the seconds it took. Runs in a worker process."""
    from weasyprint import CSS, HTML

    logging.getLogger("weasyprint").setLevel(logging.ERROR)  # Material's CSS: ~500 notices
    start = time.perf_counter()
    fetcher = _site_fetcher(job.site_dir)
    page = job.html.read_text(encoding="utf-8")
    # The page's own stylesheets, in its order, parsed once per process (Material's is large).
    sheets = [
        _stylesheet(path.read_text(encoding="utf-8"), path.as_uri())
        for path in (job.html.parent.joinpath(href).resolve() for href in _STYLESHEET.findall(page))
    ]
    document = HTML(
        string=_STYLESHEET.sub("", page),
        base_url=job.html.as_uri(),
        url_fetcher=fetcher,
        media_type="print",
    ).render(stylesheets=[*sheets, CSS(string=job.footer_css, url_fetcher=fetcher)])
    meta = document.metadata
    meta.title, meta.description = job.title, job.subject
    meta.authors, meta.keywords = [job.author], list(job.keywords)
    meta.generator, meta.lang = job.creator, "en-GB"
    meta.created = meta.modified = job.day.isoformat()
    data: bytes = document.write_pdf(pdf_tags=True)
    return data, time.perf_counter() - start


_STYLESHEET = re.compile(r'<link rel="stylesheet" href="([^"]+)">')


@cache
def _stylesheet(text: str, url: str) -> Any:
    from weasyprint import CSS

    return CSS(string=text, base_url=url, media_type="print")


def _site_fetcher(site_dir: Path) -> object:
    """Fetches the site's own files and data: URLs only; nothing from the network."""
    from weasyprint import URLFetcher

    class SiteOnly(URLFetcher):  # type: ignore[misc]
        def fetch(self, url: str, headers: object = None) -> object:
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
    keys = {name: job.key() for name, job in jobs.items()}
    out: dict[str, tuple[bytes, float]] = {}
    todo: list[str] = []
    for name, key in keys.items():
        cached = cache / f"{key}.pdf"
        if cached.is_file():
            out[name] = (cached.read_bytes(), 0.0)
        else:
            todo.append(name)
    if len(todo) == 1:
        results: Iterable[tuple[bytes, float]] = [render(jobs[todo[0]])]
    elif todo:
        workers = min(len(todo), os.cpu_count() or 1)
        with ProcessPoolExecutor(max_workers=workers) as pool:
            results = list(pool.map(render, [jobs[name] for name in todo]))
    else:
        results = []
    for name, (data, seconds) in zip(todo, results, strict=True):
        temporary = cache / f"{keys[name]}.tmp{os.getpid()}"
        temporary.write_bytes(data)
        temporary.replace(cache / f"{keys[name]}.pdf")
        out[name] = (data, seconds)
    return out


def build_pdfs(plan: SitePlan, site_dir: Path, creator: str) -> Report:
    """Write the PDF of every live brief and sheet beside its page and link it with its size."""
    start = time.perf_counter()
    live = plan.live_documents()
    jobs = {d.path: document_job(d, plan, site_dir, creator) for d in live}
    rendered = render_all(jobs, plan.site.root / CACHE_FOLDER)
    report = Report()
    for document in live:
        data, seconds = rendered[document.path]
        target = site_dir / document.url / pdf_name(document)
        target.write_bytes(data)
        pages = page_count(data)
        report.made[document.path] = Made(target, pages, len(data), seconds)
        describe_link(target, pages, len(data))
        found = budget_problem(document, pages)
        if found:
            report.problems.append(found)
    report.seconds = time.perf_counter() - start
    return report


def page_count(data: bytes) -> int:
    from io import BytesIO

    from pypdf import PdfReader

    return len(PdfReader(BytesIO(data)).pages)


def describe(pages: int, size: int) -> str:
    """'2 pages, 48 KB', for the download link."""
    kilobytes = max(1, round(size / 1024))
    amount = f"{kilobytes} KB" if kilobytes < 1024 else f"{size / 1024 / 1024:.1f} MB"
    return f"{pages} page{'s' if pages != 1 else ''}, {amount}"


def describe_link(pdf: Path, pages: int, size: int) -> None:
    """The page's link to `pdf` says how many pages it has and how big it is."""
    html = pdf.parent / "index.html"
    text = html.read_text(encoding="utf-8")
    link = re.compile(rf'(<a href="{re.escape(pdf.name)}" download data-lr-pdf>)([^<(]*)(</a>)')
    html.write_text(
        link.sub(lambda m: f"{m[1]}{m[2].strip()} ({describe(pages, size)}){m[3]}", text),
        encoding="utf-8",
    )
