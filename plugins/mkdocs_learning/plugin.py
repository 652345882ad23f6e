"""The MkDocs plugin: wires the core's checked site into MkDocs' build events, nothing more."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from learning_resources import reference
from learning_resources.checking import check_site
from learning_resources.dates import resolve_today
from learning_resources.kinds import Kind
from learning_resources.loading import Site
from learning_resources.output import format_text
from learning_resources.problems import has_errors
from learning_resources.settings import SETTING_NAMES

from . import render

# The settings are declared and checked once, in the core (learning_resources.settings); here
# MkDocs is only told their names, so that it accepts them in mkdocs.yml.
LearningConfig: type[Config] = type(
    "LearningConfig",
    (Config,),
    {name: c.Optional(c.Type(object)) for name in SETTING_NAMES},
)


class LearningPlugin(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
    """Not `BasePlugin[LearningConfig]`: MkDocs needs the generated class set directly."""

    config_class = LearningConfig

    def __init__(self) -> None:
        self.site: Site | None = None
        self.meta: dict[str, dict[str, Any]] = {}

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = _root(config)
        report = check_site(root, resolve_today())
        if has_errors(report.problems) or report.site is None:
            raise PluginError(
                "the content has problems; nothing was built:\n"
                + format_text(report.problems, report.files)
            )
        self.site = report.site
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        site = self._site()
        self.meta = {}
        shown = [d for d in site.documents if d.kind is not Kind.PAGE and not d.draft]

        def add(src_uri: str, content: str, *, in_nav: bool = False, **meta: Any) -> None:
            # Documents are reached through listings, never one sidebar entry each: Material
            # renders the whole navigation into every page, so that would make builds quadratic.
            inclusion = InclusionLevel.UNDEFINED if in_nav else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, src_uri, content=content, inclusion=inclusion))
            self.meta[src_uri] = meta

        for document in shown:
            add(
                render.src_uri(document),
                render.document_page(document, site),
                title=document.title,
                description=document.summary,
            )
            folder = f"{document.kind.folder}/{document.slug}"
            for asset in site.assets.get(document.path, ()):
                inner = asset.relative_to(document.source.path.parent).as_posix()
                files.append(File.generated(config, f"{folder}/{inner}", abs_src_path=str(asset)))
        for kind, title in ((Kind.BRIEF, "Learning briefs"), (Kind.SHEET, "Bite-size sheets")):
            add(
                f"{kind.folder}/index.md",
                render.listing_page(kind, [d for d in shown if d.kind is kind], site),
                in_nav=True,
                title=title,
            )
        add("topics/index.md", render.topics_page(site, shown), in_nav=True, title="Topics")
        for topic, label in site.settings.topics.items():
            add(f"topics/{topic}.md", render.topic_page(topic, site, shown), title=label)
        add("archive/index.md", render.archive_page(site, []), in_nav=True, title="Archive")
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
        return markdown

    def on_serve(
        self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer:
        root = _root(config)
        for folder in (Kind.BRIEF.folder, Kind.SHEET.folder):
            if (root / folder).is_dir():
                server.watch(str(root / folder))
        return server

    def _site(self) -> Site:
        if self.site is None:
            raise PluginError("the learning plugin's on_config did not run")
        return self.site


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent
