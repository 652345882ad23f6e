"""Running MkDocs on a plan the core has already made: one reading, one check, one date.

`build.py` calls these; they hand the plan to the plugin instance that MkDocs loaded from
mkdocs.yml, so the site is read and checked once per build, and the date never travels
through the environment.
"""

from __future__ import annotations

import datetime as dt
import gc
import html
import logging
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import jinja2
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, MkDocsException
from mkdocs.livereload import LiveReloadServer

from learning_resources.kinds import Kind
from learning_resources.plan import SitePlan
from learning_resources.problems import Problem, Severity
from learning_resources.settings import CONFIG_FILE, PAGES_FOLDER

from .plugin import LearningPlugin

PLUGIN = "learning"


class BuildFailed(Exception):
    """MkDocs could not build the site; the message says why."""


def _config(
    plan: SitePlan, site_dir: Path, *, pdfs: bool = True, serving: bool = False, **overrides: str
) -> tuple[MkDocsConfig, LearningPlugin]:
    config = load_config(
        str(plan.site.root / CONFIG_FILE), site_dir=str(site_dir), strict=True, **overrides
    )
    plugin = config.plugins.get(PLUGIN)
    if not isinstance(plugin, LearningPlugin):
        raise BuildFailed(f"{CONFIG_FILE} does not list the '{PLUGIN}' plugin")
    plugin.use_plan(plan, pdfs=pdfs)
    plugin.serving = serving  # a preview: no Content Security Policy (live reload is inline)
    return config, plugin


@contextmanager
def _source_date(today: dt.date) -> Iterator[None]:
    """Dates MkDocs writes (sitemap, gzip headers) come from the build's date: the same
    content and date give the same bytes. The variable is restored afterwards."""
    midnight = dt.datetime.combine(today, dt.time(), tzinfo=dt.UTC)
    before = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(int(midnight.timestamp()))
    try:
        yield
    finally:
        if before is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = before


def build_site(plan: SitePlan, site_dir: Path, *, pdfs: bool = True) -> list[Problem]:
    """Build the planned site into `site_dir` (emptied first), with a PDF of each live
    document unless `pdfs` is false; BuildFailed on any failure. Returns the printouts'
    warnings (a document over its page budget)."""
    try:
        config, plugin = _config(plan, site_dir, pdfs=pdfs)
        with _source_date(plan.today):
            build(config)
    except (MkDocsException, Abort) as exc:
        raise BuildFailed(str(exc) or exc.__class__.__name__) from None
    except jinja2.TemplateError as exc:  # a template in the theme's custom_dir
        raise BuildFailed(template_failure(exc)) from None
    warnings = list(plugin.print_report.problems)
    # MkDocs' pages, files and plugins refer to each other: free them now, before the audit
    # reads the site (they are about half of the memory a build takes).
    del config, plugin
    gc.collect()
    return warnings


def template_failure(exc: jinja2.TemplateError) -> str:
    """What went wrong in a theme template, and where, for the person who wrote it."""
    name = getattr(exc, "name", None) or _failing_template(exc)
    line = getattr(exc, "lineno", None)
    where = f" ({name}{f', line {line}' if line else ''})" if name else ""
    return f"a template of the theme failed{where}: {exc.message}; correct the template"


def _failing_template(exc: BaseException) -> str | None:
    """The innermost template in the traceback (Jinja rewrites it to name the templates)."""
    found = None
    trace = exc.__traceback__
    while trace is not None:
        filename = trace.tb_frame.f_code.co_filename
        found = filename if not filename.endswith(".py") else found
        trace = trace.tb_next
    return found


class PreviewServer(LiveReloadServer):
    """MkDocs' live-reload server, showing the content's errors in a banner on every page.

    While any file has an error the last good preview stays up with the banner (MkDocs' own
    server would hang every request until the error was fixed); with no good preview yet,
    every address shows the list of errors. Fixed, the pages reload by themselves."""

    problems: Sequence[Problem] = ()

    def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
        content = super()._inject_js_into_html(content, epoch)  # type: ignore[no-untyped-call]
        if not self.problems:
            return content
        banner = error_banner(self.problems).encode()
        match = re.search(rb"<body[^>]*>", content)
        at = match.end() if match else 0
        return content[:at] + banner + content[at:]


def error_banner(problems: Sequence[Problem]) -> str:
    items = "".join(
        f"<li><code>{html.escape(f'{p.path}:{p.line}:{p.column}')}</code> "
        f"{html.escape(p.message)} <small>[{html.escape(p.rule)}]</small></li>"
        for p in problems
        if p.severity is Severity.ERROR
    )
    return (
        '<div role="alert" id="learning-preview-errors" style="background:#fde8e8;color:#611;'
        'border:3px solid #b00;padding:1em;margin:0;font:16px/1.4 sans-serif;">'
        "<strong>This preview is out of date: fix these errors and it will update.</strong>"
        f"<ul>{items}</ul></div>"
    )


def serve_site(
    root: Path,
    check: Callable[[], tuple[SitePlan | None, list[Problem]]],
    dev_addr: str,
) -> None:
    """Preview the site, rebuilding when content or settings change.

    `check` reads and checks the site afresh and returns the plan to show (None when the
    content has errors) and the problems found. The preview is built in a temporary folder
    and never published.
    """
    site_dir = Path(tempfile.mkdtemp(prefix="learning-preview-"))
    host, _, port = dev_addr.rpartition(":")

    def builder(config: MkDocsConfig | None = None) -> None:
        plan, problems = check()
        server.problems = problems if plan is None else ()
        if plan is None:
            return
        try:
            with _source_date(plan.today):
                config, _ = _config(plan, site_dir, pdfs=False, serving=True, dev_addr=dev_addr)
                build(config, serve_url="/")
        except (MkDocsException, Abort) as exc:
            logging.getLogger("mkdocs").error("The preview was not rebuilt: %s", exc)
        except jinja2.TemplateError as exc:
            logging.getLogger("mkdocs").error(
                "The preview was not rebuilt: %s", template_failure(exc)
            )

    server = PreviewServer(
        builder=builder, host=host or "127.0.0.1", port=int(port), root=str(site_dir)
    )
    server.error_handler = lambda code: (
        error_banner(server.problems).encode() if server.problems else None
    )
    try:
        builder()
        for folder in (PAGES_FOLDER, Kind.BRIEF.folder, Kind.SHEET.folder):
            if (root / folder).is_dir():
                server.watch(str(root / folder))
        server.watch(str(root / CONFIG_FILE))
        try:
            server.serve()  # type: ignore[no-untyped-call]
        except KeyboardInterrupt:
            pass
        except OSError as exc:  # the address is in use, or not one of this machine's
            reason = exc.strerror or str(exc)
            raise BuildFailed(f"cannot preview on {dev_addr}: {reason}") from None
        finally:
            server.shutdown()
    finally:
        shutil.rmtree(site_dir, ignore_errors=True)
