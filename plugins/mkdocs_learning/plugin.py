"""The MkDocs plugin: wires the core's site plan into MkDocs' build events, nothing more.

Every decision (what is live, archived or absent; what is listed where) comes from the core's
`SitePlan`; this module only turns its entries into MkDocs files and page metadata.

`build.py` reads and checks the site once and hands the plan to the plugin instance
(`LearningPlugin.use_plan`); run as `mkdocs build` or `mkdocs serve`, the plugin makes the
plan itself. Either way MkDocs never reads front matter: every page's text comes from the
core's reading of the file, and its metadata from the values the core validated.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from mkdocs.utils.templates import TemplateContext

from learning_resources import printing, reference
from learning_resources.blocks import CONTACT_EMAIL
from learning_resources.dates import today_in_london
from learning_resources.documents import Document
from learning_resources.formats import format_text
from learning_resources.html_policy import sanitise
from learning_resources.kinds import Kind
from learning_resources.lifecycle import State
from learning_resources.links import local_links, resolve
from learning_resources.pipeline import check_site
from learning_resources.plan import SitePlan
from learning_resources.problems import has_errors
from learning_resources.published import content_allowlist
from learning_resources.settings import PAGES_FOLDER, SETTINGS, Settings

from . import allowlist, headers, pdfs, printout, render, statement

log = logging.getLogger("mkdocs.plugins.learning")

_DEFAULTS = {spec.name: spec.default for spec in SETTINGS}


class LearningConfig(Config):  # type: ignore[no-untyped-call]
    """The `learning` block of mkdocs.yml. The core declares and checks these settings
    (learning_resources.settings, with line numbers); MkDocs checks their types, and the
    plugin refuses to build if MkDocs read them differently from the core."""

    partnership = c.Type(str, default=_DEFAULTS["partnership"])
    contact_email = c.Type(str, default=_DEFAULTS["contact_email"])
    topics = c.Type(dict, default={})
    audiences = c.Type(dict, default=_DEFAULTS["audiences"])
    case_labels = c.Type(list, default=_DEFAULTS["case_labels"])
    sheet_sections = c.Type(list, default=_DEFAULTS["sheet_sections"])
    summary_max_length = c.Type(int, default=_DEFAULTS["summary_max_length"])
    allowed_terms = c.Type(list, default=_DEFAULTS["allowed_terms"])
    area_names = c.Type(list, default=_DEFAULTS["area_names"])
    archive_after_years = c.Type(int, default=_DEFAULTS["archive_after_years"])
    review_every_years = c.Type(int, default=_DEFAULTS["review_every_years"])
    warn_days_before_archive = c.Type(int, default=_DEFAULTS["warn_days_before_archive"])
    case_review_repository = c.Type(str, default=_DEFAULTS["case_review_repository"])
    show_archived_summary = c.Type(bool, default=_DEFAULTS["show_archived_summary"])


THEME_DIR = Path(__file__).parent / "theme"
ASSET_DIR = Path(__file__).parent / "assets"
# Named by their content, so that browsers may keep each for a year (headers.py). print.css:
# printing and the PDFs (printout.py, pdfs.py).
ASSETS = {
    f"assets/{headers.named_by_content(ASSET_DIR / name)}": name
    for name in ("learning.css", "learning.js", "print.css", "print.js")
}
# The partnership's pages every footer links, when the site has them (in its nav or not).
FOOTER_PAGES = {
    "contact.md": "Contact us",
    "request-archived.md": "Request an archived document",
    "accessibility.md": "Accessibility statement",
}
HOME_BLOCKS = ("<!-- learning:topics -->", "<!-- learning:newest -->")
DRAFT_NOTICE = (
    '!!! warning "Draft: not published"\n'
    "    This is a preview of a draft. It is not on the published site.\n\n"
)
# What MkDocs is given in place of a page's front matter: nothing for it to read.
_NO_FRONT_MATTER = "---\n{}\n---\n"


class LearningPlugin(BasePlugin[LearningConfig]):  # type: ignore[no-untyped-call]
    def __init__(self) -> None:
        self.given_plan: SitePlan | None = None
        self.plan: SitePlan | None = None
        self.serving = False
        self.sources: dict[str, Document] = {}  # src_uri -> the checked document it shows
        self.generated: dict[str, tuple[str, dict[str, Any]]] = {}  # src_uri -> text, meta
        self.blocks: dict[str, str] = {}  # generated blocks editors place in pages
        self.script_hashes: set[str] = set()  # of every inline script on the built pages
        self.print_report = pdfs.Report()
        self.qr_codes = printout.QrCodes(None)
        self.pdfs: bool | None = None  # None: as LEARNING_SITE_PDFS says (mkdocs run directly)

    def use_plan(self, plan: SitePlan, *, pdfs: bool = True) -> None:
        """Build from a plan the caller has already made and checked (build.py does), with
        or without a PDF of each live document."""
        self.given_plan = plan
        self.pdfs = pdfs

    @event_priority(100)  # first: the search plugin reads our language file in its on_config
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        plan = self.given_plan or _plan_for(config)
        # Used once: MkDocs may reuse this instance for the next build in the same process.
        self.given_plan = None
        self.plan = plan
        # `mkdocs serve` run directly points site_url at itself. (No on_startup here: MkDocs
        # keeps plugins that have one for the life of the process, plan and all.)
        self.serving = self.serving or _is_preview_address(config.site_url)
        self.script_hashes = set()
        disagreements = _disagreements(plan.site.settings, config, self.config, self.serving)
        if disagreements:
            raise PluginError(
                "MkDocs read mkdocs.yml differently from the checks, so nothing was built:\n"
                + "\n".join(f"- {d}" for d in disagreements)
            )
        # Our templates (a sitemap without archive stubs) go after the site's own overrides.
        position = 1 if config.theme.custom_dir else 0
        config.theme.dirs.insert(position, str(THEME_DIR))
        config.extra_css += [uri for uri in ASSETS if uri.endswith(".css")]
        config.extra_javascript += [uri for uri in ASSETS if uri.endswith(".js")]
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        plan = self._plan()
        files = allowlist.only_allowed(files, content_allowlist(plan.site), config.docs_dir)
        self.sources = {e.document.src_uri: e.document for e in plan.entries}
        _refuse_unchecked_pages(files, plan)
        self.generated = {}
        for src_uri, content, meta, in_nav in _generated_pages(plan, pdfs=self._pdfs()):
            # Documents are reached through listings, never one sidebar entry each: Material
            # renders the whole navigation into every page, so that would make builds quadratic.
            inclusion = InclusionLevel.UNDEFINED if in_nav else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, src_uri, content=content, inclusion=inclusion))
            self.generated[src_uri] = (content, meta)
        for src_uri, path in _attachments(plan):
            files.append(File.generated(config, src_uri, abs_src_path=str(path)))
        for uri, name in ASSETS.items():
            files.append(File.generated(config, uri, abs_src_path=str(ASSET_DIR / name)))
        live = plan.live_documents()
        self.qr_codes = printout.QrCodes(plan.site.root)  # made while MkDocs renders pages
        self.qr_codes.prepare(render.page_url(d, plan.site) for d in live)
        feed = render.atom_feed(plan.site, live, config.site_name)
        files.append(File.generated(config, "feed.xml", content=feed))
        self.blocks = {
            HOME_BLOCKS[0]: render.home_topics(plan.site, live),
            HOME_BLOCKS[1]: render.home_newest(live),
            CONTACT_EMAIL: render.contact_email_link(plan.site.settings),
            **statement.blocks(plan, pdfs=self._pdfs()),
        }
        return files

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        """The footer's links (theme/partials/copyright.html), found among the site's files."""
        env.globals["learning_footer"] = [
            (file.url, label)
            for src_uri, label in FOOTER_PAGES.items()
            if (file := files.get_file_from_path(src_uri)) is not None
            and file.is_documentation_page()
        ]
        return env

    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str:
        """The page's text as the core read it, behind an empty front matter block, so that
        MkDocs has no front matter (or MultiMarkdown metadata) of its own to read."""
        uri = page.file.src_uri
        if uri in self.generated:
            return _NO_FRONT_MATTER + self.generated[uri][0]
        document = self.sources.get(uri)
        if document is None or document.kind is not Kind.PAGE:
            raise PluginError(f"{PAGES_FOLDER}/{uri} was not read by the checks")
        return _NO_FRONT_MATTER + document.source.body

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        uri = page.file.src_uri
        if uri in self.generated:
            page.meta.update(self.generated[uri][1])
        elif uri in self.sources:
            page.meta.update(_page_meta(self.sources[uri]))
        if page.is_homepage:  # its heading says what the site is for (the tab says "Home")
            page.meta["heading"] = render.site_purpose(self._plan().site.settings)
        render.escape_meta(page.meta)
        document = self.sources.get(uri)
        if document is not None and document.kind is Kind.PAGE:  # editors' own pages only
            for marker, block in self.blocks.items():
                markdown = markdown.replace(marker, block)
        return self._link_documents(markdown, page)

    def _link_documents(self, markdown: str, page: Page) -> str:
        """Links written to a document's source file go to its address (page or notice);
        in raw HTML, which MkDocs publishes as written, to the address itself."""
        plan = self._plan()
        shown = self.sources.get(page.file.src_uri)
        if shown is None:
            return markdown
        out, last = [], 0
        for link in local_links(markdown):
            entry = plan.entry_for_file(resolve(shown.source.path.parent, link.target))
            if entry is None or (entry.document.kind is Kind.PAGE and not link.raw_html):
                continue
            address = (
                get_relative_url(entry.document.url, page.url)
                if link.raw_html
                else "/" + entry.document.src_uri
            )
            out += [markdown[last : link.start], address]
            last = link.end
        return "".join(out) + markdown[last:]

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """The sections of a document page, from its headings; then, defence in depth: every
        page keeps only the allowed HTML, whatever a check missed."""
        if render.CONTENTS_PLACE in html:
            html = html.replace(render.CONTENTS_PLACE, render.contents(page.toc), 1)
        return sanitise(html)

    @event_priority(-100)  # last: the policy hashes the scripts of the page as it will be
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """The feed link; `noindex` on archive notices, whatever the theme; the page's own
        Content Security Policy (not in a preview: its live-reload script is inline)."""
        feed = get_relative_url("feed.xml", page.url)  # same origin: Material fetches beside it
        head = [
            f'<link rel="alternate" type="application/atom+xml" title="New learning" href="{feed}">'
        ]
        robots = page.meta.get("robots")
        if robots:
            head.append(f'<meta name="robots" content="{robots}">')  # escaped in page.meta
        settings = self._plan().site.settings
        output = printout.print_ready(output, page.canonical_url or "", settings, self.qr_codes.svg)
        return self._secured(output.replace("<head>", "<head>\n" + "\n".join(head), 1))

    def on_template_context(
        self, context: TemplateContext, *, template_name: str, config: MkDocsConfig
    ) -> TemplateContext:
        """The settings the 404 page speaks of (theme/404.html)."""
        if template_name == "404.html":
            settings = self._plan().site.settings
            extra: dict[str, Any] = context  # type: ignore[assignment]  # a TypedDict
            extra["learning"] = settings
            extra["learning_email"] = render.contact_email_link(settings)
        return context

    def on_post_template(
        self, output_content: str, *, template_name: str, config: MkDocsConfig
    ) -> str:
        return self._secured(output_content) if template_name.endswith(".html") else output_content

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """`_headers` (the policy, the other headers, and a long cache for the assets named by
        their content, for hosts that read the file), and PDFs of every live brief and sheet
        (pdfs.py), unless turned off for a preview."""
        self.qr_codes.save()
        if not self.serving:
            site_dir = Path(config.site_dir)
            text = headers.headers_file(self.script_hashes, headers.fingerprinted(site_dir))
            (site_dir / "_headers").write_text(text, encoding="utf-8")
        if self._pdfs():
            try:
                report = pdfs.build_pdfs(self._plan(), Path(config.site_dir))
            except Exception as exc:  # WeasyPrint, its libraries, or the disk: never a traceback
                raise PluginError(f"the PDFs could not be made: {exc}") from exc
            if report.problems:  # warnings, logged as information so that strict builds go on
                log.info(format_text(report.problems, len(report.made)))
            log.info(report.summary())
            self.print_report = report

    def _secured(self, page: str) -> str:
        if self.serving:
            return page
        self.script_hashes |= headers.script_hashes(page)
        return headers.with_meta_policy(page)

    def on_serve(
        self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer:
        root = _root(config)
        for folder in (Kind.BRIEF.folder, Kind.SHEET.folder):
            if (root / folder).is_dir():
                server.watch(str(root / folder))
        return server

    def _pdfs(self) -> bool:
        """Whether this build makes PDFs: as build.py says, or (mkdocs run directly) as the
        LEARNING_SITE_PDFS variable says."""
        return self.pdfs if self.pdfs is not None else printing.pdfs_enabled()

    def _plan(self) -> SitePlan:
        if self.plan is None:
            raise PluginError("the learning plugin's on_config did not run")
        return self.plan


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def _is_preview_address(url: str | None) -> bool:
    return (url or "").startswith(("http://127.0.0.1", "http://localhost"))


def _plan_for(config: MkDocsConfig) -> SitePlan:
    """Run as `mkdocs build` or `mkdocs serve`: read and check the site here, for today."""
    report = check_site(_root(config), today_in_london())
    if has_errors(report.problems) or report.plan is None:
        raise PluginError(
            "the content has problems; nothing was built:\n"
            + format_text(report.problems, report.files)
        )
    return report.plan


def _disagreements(
    settings: Settings, config: MkDocsConfig, options: LearningConfig, serving: bool
) -> list[str]:
    """Where MkDocs' resolved configuration differs from what the core read and checked."""
    found = []
    root = _root(config)
    if Path(config.docs_dir).resolve() != (root / PAGES_FOLDER).resolve():
        found.append(f"docs_dir is {config.docs_dir}, but the checks read {root / PAGES_FOLDER}")
    if not serving and (config.site_url or "") != settings.site_url:
        found.append(f"site_url is '{config.site_url}', but the checks read '{settings.site_url}'")
    for spec in SETTINGS:
        mine, theirs = getattr(settings, spec.name), options[spec.name]
        if (list(mine) if isinstance(mine, tuple) else mine) != theirs:
            found.append(f"learning: {spec.name} is {theirs!r}, but the checks read {mine!r}")
    return found


def _refuse_unchecked_pages(files: Files, plan: SitePlan) -> None:
    """Every Markdown page MkDocs found must be one the core read and checked."""
    checked = {
        e.document.source.path.resolve() for e in plan.entries if e.document.kind is Kind.PAGE
    }
    unchecked = [
        f.src_uri
        for f in files.documentation_pages(inclusion=InclusionLevel.all)
        if not f.generated_by and Path(f.abs_src_path or "").resolve() not in checked
    ]
    if unchecked:
        raise PluginError(
            "MkDocs found pages the checks did not read, so nothing was built: "
            + ", ".join(f"{PAGES_FOLDER}/{u}" for u in sorted(unchecked))
            + " (pages must be '.md' files in content/)"
        )


def _page_meta(document: Document) -> dict[str, Any]:
    """An ordinary page's metadata for MkDocs and Material: the values the core checked."""
    fields = document.fields
    meta = {
        "title": fields.title,
        "description": fields.description,
        "template": fields.template,
        "search": fields.search,
        "icon": fields.icon,
        "hide": list(fields.hide),
        "status": fields.status,
        **fields.engine,
    }
    return {k: v for k, v in meta.items() if v}


def _generated_pages(plan: SitePlan, *, pdfs: bool) -> list[tuple[str, str, dict[str, Any], bool]]:
    """(src_uri, Markdown, page metadata, in the navigation) for every page the site makes."""
    site = plan.site
    pages: list[tuple[str, str, dict[str, Any], bool]] = []
    for entry in plan.entries:
        document = entry.document
        if document.kind is Kind.PAGE or not entry.state.published:
            continue  # drafts and embargoed documents: no page, no stub, no file at all
        if entry.state is State.ARCHIVED:
            # Found by site search as its public notice, never by search engines.
            meta = {"title": render.archived_title(document), "robots": "noindex"}
            pages.append((document.src_uri, render.archive_stub(entry, site), meta, False))
        else:
            meta = {"title": document.title, "description": document.summary}
            text = render.document_page(entry, site, plan.today, pdfs=pdfs)
            if document.fields.draft:  # only ever in the editor's own preview (serve --drafts)
                text = DRAFT_NOTICE + text
            pages.append((document.src_uri, text, meta, False))
    live = plan.live_documents()
    archived = [e.document for e in plan.in_state(State.ARCHIVED)]
    # Listings only repeat the documents' titles and summaries, so search finds the documents
    # themselves; indexing a listing, where every document has its own heading, also grows
    # with the square of their number (Material looks each heading up).
    unsearched = {"search": {"exclude": True}}
    for kind, title in ((Kind.BRIEF, "Learning briefs"), (Kind.SHEET, "Bite-size sheets")):
        listing = render.listing_page(kind, [d for d in live if d.kind is kind], site)
        pages.append((f"{kind.folder}/index.md", listing, {"title": title, **unsearched}, True))
    topics = render.topics_page(site, live)
    pages.append(("topics/index.md", topics, {"title": "Topics", **unsearched}, True))
    for topic, label in site.settings.topics.items():
        text = render.topic_page(topic, site, live, pdfs=pdfs, archived=archived)
        pages.append((f"topics/{topic}.md", text, {"title": label}, False))
    # Search finds each archive notice itself; this list of them would only repeat them.
    archive_meta = {"title": "Archive", "search": {"exclude": True}}
    pages.append(("archive/index.md", render.archive_page(plan), archive_meta, True))
    # Editors' pages are reached from the footer, not from practitioners' search.
    editors = {"title": "For editors: writing briefs and sheets", "search": {"exclude": True}}
    pages.append(("editors/index.md", reference.fields_reference(site.settings), editors, False))
    rules_title = {"title": "For editors: the checks", "search": {"exclude": True}}
    pages.append(("editors/rules.md", reference.rules_reference(), rules_title, False))
    return pages


def _attachments(plan: SitePlan) -> list[tuple[str, Path]]:
    """(src_uri, file) for the files published with each live brief or sheet."""
    found = []
    for document in plan.live_documents():
        folder = document.src_uri.removesuffix("index.md")
        for asset in plan.site.assets.get(document.path, ()):
            found.append(
                (folder + asset.relative_to(document.source.path.parent).as_posix(), asset)
            )
    return found
