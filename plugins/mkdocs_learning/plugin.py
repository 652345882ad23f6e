"""The MkDocs plugin: wires the core's site plan into MkDocs' build events, nothing more.

Every decision (what is live, archived or absent; what is listed where) comes from the core's
`SitePlan`; this module only turns its entries into MkDocs files and page metadata.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from learning_resources import printing, reference
from learning_resources.checking import check_site
from learning_resources.dates import resolve_today
from learning_resources.kinds import Kind
from learning_resources.lifecycle import State
from learning_resources.links import local_links, resolve
from learning_resources.output import format_text
from learning_resources.plan import SitePlan
from learning_resources.problems import has_errors
from learning_resources.settings import SETTING_NAMES

from . import pdfs, printout, render

log = logging.getLogger("mkdocs.plugins.learning")

# The settings are declared and checked once, in the core (learning_resources.settings); here
# MkDocs is only told their names, so that it accepts them in mkdocs.yml.
LearningConfig: type[Config] = type(
    "LearningConfig",
    (Config,),
    {name: c.Optional(c.Type(object)) for name in SETTING_NAMES},
)

THEME_DIR = Path(__file__).parent / "theme"
ASSETS = {
    "assets/learning.css": "learning.css",
    "assets/learning.js": "learning.js",
    "assets/print.css": "print.css",  # printing and the PDFs (printout.py, pdfs.py)
    "assets/print.js": "print.js",
}
HOME_BLOCKS = ("<!-- learning:topics -->", "<!-- learning:newest -->")


class LearningPlugin(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
    """Not `BasePlugin[LearningConfig]`: MkDocs needs the generated class set directly."""

    config_class = LearningConfig

    def __init__(self) -> None:
        self.plan: SitePlan | None = None
        self.meta: dict[str, dict[str, Any]] = {}
        self.source_dirs: dict[str, Path] = {}  # src_uri -> folder its links are relative to
        self.home: dict[str, str] = {}  # generated blocks editors place in pages
        self.print_report = pdfs.Report()

    @event_priority(100)  # first: the search plugin reads our language file in its on_config
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        report = check_site(_root(config), resolve_today())
        if has_errors(report.problems) or report.plan is None:
            raise PluginError(
                "the content has problems; nothing was built:\n"
                + format_text(report.problems, report.files)
            )
        self.plan = report.plan
        # Our templates (a sitemap without archive stubs) go after the site's own overrides.
        position = 1 if config.theme.custom_dir else 0
        config.theme.dirs.insert(position, str(THEME_DIR))
        config.extra_css += ["assets/learning.css", "assets/print.css"]
        config.extra_javascript += ["assets/learning.js", "assets/print.js"]
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        plan = self._plan()
        site = plan.site
        self.meta = {}
        self.source_dirs = {
            (
                f"{e.document.slug}.md"
                if e.document.kind is Kind.PAGE
                else render.src_uri(e.document)
            ): e.document.source.path.parent
            for e in plan.entries
        }

        def add(src_uri: str, content: str, *, in_nav: bool = False, **meta: Any) -> None:
            # Documents are reached through listings, never one sidebar entry each: Material
            # renders the whole navigation into every page, so that would make builds quadratic.
            inclusion = InclusionLevel.UNDEFINED if in_nav else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, src_uri, content=content, inclusion=inclusion))
            self.meta[src_uri] = meta

        for entry in plan.entries:
            document = entry.document
            if document.kind is Kind.PAGE or not entry.state.published:
                continue  # drafts and embargoed documents: no page, no stub, no file at all
            if entry.state is State.ARCHIVED:
                add(
                    render.src_uri(document),
                    render.archive_stub(entry, site),
                    title=document.title,
                    robots="noindex",
                    search={"exclude": True},
                )
                continue
            add(
                render.src_uri(document),
                render.document_page(entry, site, plan.today),
                title=document.title,
                description=document.summary,
            )
            folder = f"{document.kind.folder}/{document.slug}"
            for asset in site.assets.get(document.path, ()):
                inner = asset.relative_to(document.source.path.parent).as_posix()
                files.append(File.generated(config, f"{folder}/{inner}", abs_src_path=str(asset)))

        for uri, name in ASSETS.items():
            files.append(
                File.generated(
                    config, uri, abs_src_path=str(Path(__file__).parent / "assets" / name)
                )
            )
        live = plan.live_documents()
        files.append(
            File.generated(
                config, "feed.xml", content=render.atom_feed(site, live, config.site_name)
            )
        )
        self.home = {
            HOME_BLOCKS[0]: render.home_topics(site, live),
            HOME_BLOCKS[1]: render.home_newest(live),
        }
        for kind, title in ((Kind.BRIEF, "Learning briefs"), (Kind.SHEET, "Bite-size sheets")):
            add(
                f"{kind.folder}/index.md",
                render.listing_page(kind, [d for d in live if d.kind is kind], site),
                in_nav=True,
                title=title,
            )
        add("topics/index.md", render.topics_page(site, live), in_nav=True, title="Topics")
        for topic, label in site.settings.topics.items():
            add(f"topics/{topic}.md", render.topic_page(topic, site, live), title=label)
        # Archived titles are listed for people who browse, but never found by search.
        add(
            "archive/index.md",
            render.archive_page(plan),
            in_nav=True,
            title="Archive",
            search={"exclude": True},
        )
        add(
            "editors/index.md",
            reference.fields_reference(site.settings),
            title="For editors: writing briefs and sheets",
        )
        add("editors/rules.md", reference.rules_reference(), title="For editors: the checks")
        return files

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        page.meta.update(self.meta.get(page.file.src_uri, {}))
        for marker, block in self.home.items():
            markdown = markdown.replace(marker, block)
        return self._link_documents(markdown, page)

    def _link_documents(self, markdown: str, page: Page) -> str:
        """Links written to a document's source file go to its address (page or stub)."""
        plan = self._plan()
        source = self.source_dirs.get(page.file.src_uri)
        if source is None:
            return markdown
        out, last = [], 0
        for link in local_links(markdown):
            entry = plan.entry_for_file(resolve(source, link.target))
            if entry is None or entry.document.kind is Kind.PAGE:
                continue
            out += [markdown[last : link.start], "/" + render.src_uri(entry.document)]
            last = link.end
        return "".join(out) + markdown[last:]

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """Archive stubs ask search engines not to index them, whatever the theme."""
        head = [
            '<link rel="alternate" type="application/atom+xml" title="New learning" '
            f'href="{config.site_url or "/"}feed.xml">'
        ]
        robots = page.meta.get("robots")
        if robots:
            head.append(f'<meta name="robots" content="{robots}">')
        output = printout.print_ready(output, page.canonical_url or "", self._plan().site.settings)
        return output.replace("<head>", "<head>\n" + "\n".join(head), 1)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """PDFs of every live brief and sheet (pdfs.py), unless turned off for a preview."""
        if printing.pdfs_enabled():
            try:
                report = pdfs.build_pdfs(self._plan(), Path(config.site_dir))
            except Exception as exc:  # WeasyPrint, its libraries, or the disk: never a traceback
                raise PluginError(f"the PDFs could not be made: {exc}") from exc
            if report.problems:  # warnings, logged as information so that strict builds go on
                log.info(format_text(report.problems, len(report.made)))
            log.info(report.summary())
            self.print_report = report

    def on_serve(
        self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer:
        root = _root(config)
        for folder in (Kind.BRIEF.folder, Kind.SHEET.folder):
            if (root / folder).is_dir():
                server.watch(str(root / folder))
        return server

    def _plan(self) -> SitePlan:
        if self.plan is None:
            raise PluginError("the learning plugin's on_config did not run")
        return self.plan


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent
