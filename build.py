#!/usr/bin/env python3
"""Check and build the learning-resource site.

    python build.py check [--root DIR] [--today YYYY-MM-DD] [--format text|json|github] [PATH ...]
    python build.py build [--root DIR] [--today YYYY-MM-DD] [--site-dir DIR]
    python build.py serve [--root DIR] [--today YYYY-MM-DD]
    python build.py status [--root DIR] [--today YYYY-MM-DD] [--within DAYS] [--format text|json]
    python build.py schema [--root DIR] [--kind brief|sheet|page]
    python build.py audit [SITE_DIR] [--root DIR] [--today YYYY-MM-DD] [--format text|json|github]
    python build.py pack (--topic TOPIC | PATH ...) [--out FILE] [--root DIR] [--today YYYY-MM-DD]

Exit status: 0 when clean, 1 when a problem is found or the build is refused, 2 on a usage error.
This is the only place that prints or exits; everything else returns data.
"""

from __future__ import annotations

import sys

if __name__ == "__main__" and not sys.flags.safe_path:
    # Python put this file's folder first on the import path: a file a pull request adds
    # beside it ("json.py", "yaml/") would be imported in place of the real module. `sys` is
    # built in, so nothing has been imported from there yet. (The project is installed.)
    del sys.path[0]

import argparse
import datetime as dt
import ipaddress
import json
import logging
import os
import signal
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from learning_resources import site_output
from learning_resources.dates import parse_iso_date, today_in_london
from learning_resources.formats import (
    FORMATS,
    FORMATTERS,
    format_text,
    mask_quoted,
    name_editors_files,
    public_log,
)
from learning_resources.pipeline import Report, check_site
from learning_resources.plan import SitePlan
from learning_resources.problems import Problem, Severity, has_errors

PROJECT_ROOT = Path(__file__).resolve().parent
EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
MAX_WITHIN = 3660  # days `status` looks ahead: ten years


class UsageError(Exception):
    """A mistake in how the command was called (exit 2)."""


def _date(text: str) -> dt.date:
    try:
        return parse_iso_date(text)
    except ValueError as exc:
        message = str(exc) if str(exc).startswith("expected") else ""
        raise argparse.ArgumentTypeError(
            message or f"expected a date YYYY-MM-DD, got '{text}'"
        ) from None


def _address(text: str) -> str:
    host, _, port = text.rpartition(":")
    if not (host and port.isdigit() and 1 <= int(port) <= 65535):
        raise argparse.ArgumentTypeError(
            f"expected HOST:PORT, such as 127.0.0.1:8000, got '{text}'"
        )
    return text


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="build.py", description="Check and build the learning-resource site."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def common(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "--root",
            type=Path,
            default=PROJECT_ROOT,
            help="the site folder (with mkdocs.yml); default: this project",
        )
        sub.add_argument(
            "--today",
            type=_date,
            default=None,
            help="the date the rules use (default: today in Europe/London)",
        )

    check = commands.add_parser("check", help="check every document and report all problems")
    common(check)
    check.add_argument("--format", choices=FORMATS, default="text")
    check.add_argument("--strict", action="store_true", help="warnings fail the check too")
    check.add_argument(
        "--list-waivers", action="store_true", help="list every anonymisation waiver and its reason"
    )
    check.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="only report problems in these files or folders",
    )
    build = commands.add_parser("build", help="check, then build the site into --site-dir")
    common(build)
    build.add_argument(
        "--site-dir",
        type=Path,
        default=None,
        help="where to write the site (default: site/ in the root)",
    )
    build.add_argument("--strict", action="store_true", help="warnings stop the build too")
    build.add_argument(
        "--no-pdfs", action="store_true", help="no PDFs or packs: a quicker build to preview"
    )
    status = commands.add_parser("status", help="what goes live, archives or falls due soon")
    common(status)
    status.add_argument(
        "--within",
        type=int,
        default=60,
        metavar="DAYS",
        help="how many days ahead to look (default: 60)",
    )
    status.add_argument("--format", choices=("text", "json"), default="text")
    schema = commands.add_parser("schema", help="print the JSON Schema of a kind's front matter")
    common(schema)
    schema.add_argument("--kind", choices=("brief", "sheet", "page"), default="brief")
    new = commands.add_parser("new", help="start a new brief or sheet, ready to write")
    common(new)
    new.add_argument("kind", choices=("brief", "sheet"))
    new.add_argument("--title", help="the title (default: 'Learning from Child <case>')")
    new.add_argument("--case", help="the case letter (default: the next free one)")
    new.add_argument("--review-type", help="cspr, scr, rapid-review, malr, dhr or audit")
    new.add_argument("--topic", action="append", default=[], help="a topic id (repeatable)")
    new.add_argument("--published", type=_date, help="the day it goes online (YYYY-MM-DD)")
    audit = commands.add_parser(
        "audit", help="read a built site and prove nothing unpublished or identifying is in it"
    )
    common(audit)
    audit.add_argument("--format", choices=FORMATS, default="text")
    audit.add_argument(
        "site_dir",
        nargs="?",
        type=Path,
        metavar="SITE_DIR",
        help="the built site, or a downloaded copy of the live one (default: site/ in the root)",
    )
    serve = commands.add_parser("serve", help="preview the site while you edit")
    common(serve)
    serve.add_argument(
        "--dev-addr", type=_address, default="127.0.0.1:8000", help="address to serve on"
    )
    serve.add_argument(
        "--drafts", action="store_true", help="show drafts too, labelled (never published)"
    )
    pack = commands.add_parser("pack", help="make one PDF for a team meeting on a topic")
    common(pack)
    pack.add_argument("--topic", help="every live document on this topic (its id)")
    pack.add_argument("--out", type=Path, help="the PDF to write (default: in this folder)")
    pack.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="or these documents")
    return parser


def site_root(args: argparse.Namespace) -> Path:
    root = Path(args.root).resolve()
    if not (root / "mkdocs.yml").is_file():
        raise UsageError(f"{root} is not a site folder: it has no mkdocs.yml")
    return root


def chooser(root: Path, paths: Sequence[Path]) -> Callable[[str], bool]:
    """Whether a path (relative to the root) is one of the given files or in their folders."""
    wanted: list[str] = []
    for path in paths:
        full = (path if path.is_absolute() else Path.cwd() / path).resolve()
        if not full.exists():
            raise UsageError(f"{path} does not exist")
        try:
            wanted.append(full.relative_to(root).as_posix())
        except ValueError:
            raise UsageError(f"{path} is not inside the site folder {root}") from None

    def chosen(p: str) -> bool:
        return any(w in ("", ".") or p == w or p.startswith(w.rstrip("/") + "/") for w in wanted)

    return chosen


def run_check(args: argparse.Namespace) -> int:
    root = site_root(args)
    chosen = chooser(root, args.paths) if args.paths else None
    # Given paths, only their documents' text is checked; the rest of the site is still read
    # (from the cache, when unchanged), for the addresses, case letters and links it holds.
    report = check_site(root, args.today or today_in_london(), cache=True, only=chosen)
    if chosen is not None:
        problems = [p for p in report.problems if chosen(p.path)]
        report = Report(problems=problems, files=report.files, site=report.site)
    if args.list_waivers:
        print(format_waivers(report))
        return EXIT_OK
    formatter = FORMATTERS[args.format]
    print(formatter(report.problems, report.files, help_base(report), masked=masked(args)))
    return EXIT_PROBLEMS if has_errors(report.problems, strict=args.strict) else EXIT_OK


def masked(args: argparse.Namespace) -> bool:
    """Mask what editors typed when the output goes to a log that may be public."""
    return getattr(args, "format", "") == "github" or public_log(os.environ)


def print_problems(report: Report, args: argparse.Namespace) -> None:
    """Problems for a person at a terminal, on standard error (masked in CI logs)."""
    text = format_text(report.problems, report.files, help_base(report), masked=masked(args))
    print(text, file=sys.stderr)


def help_base(report: Report) -> str | None:
    return report.site.settings.site_url or None if report.site else None


def format_waivers(report: Report) -> str:
    rows = []
    for document in report.site.documents if report.site else []:
        for waiver in document.fields.waivers:
            rule = waiver.rule or "any anonymisation rule"
            rows.append(f"{document.path}:{waiver.line}: '{waiver.text}' ({rule}): {waiver.reason}")
    return "\n".join([*rows, f"{len(rows)} waiver{'s' if len(rows) != 1 else ''}."])


class _ForEditors(logging.Filter):
    """MkDocs' messages as an editor reads them: naming the file they wrote, not the page
    MkDocs made from it (`files`: page -> file, set for each plan), and in a CI log with what
    they quote from documents masked."""

    def __init__(self, *, masked: bool) -> None:
        super().__init__()
        self.masked = masked
        self.files: dict[str, str] = {}

    def use_plan(self, plan: SitePlan) -> None:
        self.files = {e.document.src_uri: e.document.path for e in plan.entries}

    def filter(self, record: logging.LogRecord) -> bool:
        message = name_editors_files(record.getMessage(), self.files)
        record.msg, record.args = mask_quoted(message) if self.masked else message, None
        return True


def _mkdocs_logging(plan: SitePlan | None = None) -> _ForEditors:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    for_editors = _ForEditors(masked=public_log(os.environ))
    if plan is not None:
        for_editors.use_plan(plan)
    handler.addFilter(for_editors)
    for name, level in (("mkdocs", logging.INFO), ("weasyprint", logging.WARNING)):
        logger = logging.getLogger(name)  # WeasyPrint's, while it prints the reports' pages
        logger.handlers[:] = [handler]
        logger.setLevel(level)
        logger.propagate = False
    return for_editors


def run_build(args: argparse.Namespace) -> int:
    root = site_root(args)
    today = args.today or today_in_london()
    report = check_site(root, today, cache=True)
    if report.plan is None or has_errors(report.problems, strict=args.strict):
        print_problems(report, args)
        print("The site was not built: fix the errors above first.", file=sys.stderr)
        return EXIT_PROBLEMS
    if report.problems:
        print_problems(report, args)
    site_dir = site_output.absolute(args.site_dir or root / "site")
    built = build_atomically(report.plan, site_dir, pdfs=not args.no_pdfs, strict=args.strict)
    if built.warnings:
        print_problems(Report(built.warnings, report.files, report.site), args)
    if built.leaks:
        print_problems(Report(built.leaks, report.files, report.site), args)
        print(
            f"The audit of the new site failed, so {site_dir} was left as it was: the text "
            "above must not be published. This is a fault in the site generator, not in "
            "your content; please report it.",
            file=sys.stderr,
        )
        return EXIT_PROBLEMS
    if built.error:
        print(
            f"The site was not built and {site_dir} was left as it was: {built.error}",
            file=sys.stderr,
        )
        return EXIT_PROBLEMS
    print(f"Built the site for {today.isoformat()} into {site_dir}")
    return EXIT_OK


@dataclass
class Built:
    """What a build did. The new site replaced the old one only if `error` is None and
    `leaks` is empty."""

    error: str | None = None  # why the build failed, or was refused
    leaks: list[Problem] = field(default_factory=list)  # the audit's findings
    warnings: list[Problem] = field(default_factory=list)  # from the printouts (page budgets)


class _Discard(Exception):
    """Leave the staging folder unused: the old site stays."""


def build_atomically(
    plan: SitePlan, site_dir: Path, *, pdfs: bool = True, strict: bool = False
) -> Built:
    """Build into a staging folder beside `site_dir`, audit it, then swap it in.

    A build that fails or is refused at any point, whose output fails the audit, or (when
    `strict`) whose printouts have warnings, leaves `site_dir` exactly as it was;
    `site_output` decides which folders may be replaced and how.
    """
    from mkdocs_learning.engine import BuildFailed, build_site

    from learning_resources.audit import AuditStart, audit_site

    _mkdocs_logging(plan)
    built = Built()
    try:
        with site_output.staged(site_dir, plan.site.root) as staging:
            started = AuditStart(plan, cache=True)  # on the core MkDocs leaves idle
            built.warnings = build_site(plan, staging, pdfs=pdfs)
            built.leaks = audit_site(staging, plan, cache=True, started=started)
            if built.leaks:
                raise _Discard
            if strict and built.warnings:
                raise _Discard("warnings stop a strict build")
    except _Discard as discarded:
        built.error = str(discarded) or None
    except (site_output.OutputError, BuildFailed, OSError) as exc:
        built.error = str(exc) or exc.__class__.__name__
    return built


def run_serve(args: argparse.Namespace) -> int:
    from mkdocs_learning.engine import BuildFailed, serve_site

    from learning_resources.plan import plan_site

    root = site_root(args)
    today = args.today or today_in_london()
    host = args.dev_addr.rpartition(":")[0].strip("[]")
    if args.drafts and not _loopback(host):
        raise UsageError(
            f"drafts are previewed only on this computer (127.0.0.1), not on {host}: "
            "anyone on the network could read them"
        )
    for_editors = _mkdocs_logging()

    def check() -> tuple[SitePlan | None, list[Problem]]:
        report = check_site(root, today, cache=True)
        if report.problems:
            print_problems(report, args)
        if report.plan is None or report.site is None or has_errors(report.problems):
            print("The preview shows these errors until they are fixed.", file=sys.stderr)
            return None, report.problems
        plan = plan_site(report.site, today, preview_drafts=True) if args.drafts else report.plan
        for_editors.use_plan(plan)
        return plan, report.problems

    # Stopped by SIGTERM as by Ctrl+C: the preview's folder (drafts included) is removed.
    before = signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        serve_site(root, check, args.dev_addr)  # quicker without PDFs: none are made
    except BuildFailed as exc:
        print(f"The preview did not start: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    finally:
        signal.signal(signal.SIGTERM, before)
    return EXIT_OK


def _loopback(host: str) -> bool:
    try:
        return host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def run_status(args: argparse.Namespace) -> int:
    from learning_resources.forecast import forecast, format_forecast

    root = site_root(args)
    if not 0 <= args.within <= MAX_WITHIN:
        raise UsageError(f"--within must be from 0 to {MAX_WITHIN} days")
    report = check_site(root, args.today or today_in_london(), cache=True)
    if report.plan is None:
        print_problems(report, args)
        return EXIT_PROBLEMS
    with_errors = {p.path for p in report.problems if p.severity is Severity.ERROR}
    result = forecast(report.plan, args.within, with_errors)
    if args.format == "json":
        print(json.dumps(result.as_dict(), indent=2, ensure_ascii=False))
    else:
        print(format_forecast(result), end="")
    return EXIT_OK


def run_new(args: argparse.Namespace) -> int:
    from learning_resources.kinds import Kind
    from learning_resources.scaffold import new_document

    root = site_root(args)
    today = args.today or today_in_london()
    report = check_site(root, today, cache=True)
    if report.site is None:
        print_problems(report, args)
        return EXIT_PROBLEMS
    created = new_document(
        report.site,
        Kind(args.kind),
        today,
        title=args.title,
        case=args.case,
        review_type=args.review_type,
        topics=tuple(args.topic),
        published=args.published,
    )
    path = root / created.relpath
    if os.path.lexists(path):
        raise UsageError(f"{created.relpath} already exists: give another --title")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(created.text, encoding="utf-8")
    except OSError as exc:
        print(
            f"Nothing was created: cannot write {created.relpath}: {exc.strerror}", file=sys.stderr
        )
        return EXIT_PROBLEMS
    problems = check_site(root, today, cache=True).problems
    mine = [p for p in problems if p.path == created.relpath]
    if has_errors(mine):  # e.g. a --case or --topic the site does not allow
        path.unlink()
        print(format_text(mine, 1, masked=masked(args)), file=sys.stderr)
        print("Nothing was created: correct the options above and run it again.", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"Created {created.relpath}" + (f" (case {created.case})" if created.case else ""))
    if mine:
        print(format_text(mine, 1, masked=masked(args)))
    print(
        "Next: write in each '[Write here: ...]' place, preview with "
        "'python build.py serve --drafts', and when it is ready remove 'draft: true' and run "
        "'python build.py check' before opening a pull request."
    )
    return EXIT_OK


def run_audit(args: argparse.Namespace) -> int:
    from learning_resources.audit import audit_site

    root = site_root(args)
    site_dir = (args.site_dir or root / "site").resolve()
    if not site_dir.is_dir():
        raise UsageError(f"{site_dir} is not a folder: build the site first, or name its folder")
    if not (site_dir / "index.html").is_file():
        raise UsageError(f"{site_dir} has no index.html: it is not a built site; name its folder")
    report = check_site(root, args.today or today_in_london(), cache=True)
    if report.plan is None or has_errors(report.problems):
        print_problems(report, args)
        print("Fix these errors first: the audit needs every document.", file=sys.stderr)
        return EXIT_PROBLEMS
    problems = audit_site(site_dir, report.plan)
    files = sum(1 for p in site_dir.rglob("*") if p.is_file())
    print(FORMATTERS[args.format](problems, files, help_base(report), masked=masked(args)))
    return EXIT_PROBLEMS if problems else EXIT_OK


def run_schema(args: argparse.Namespace) -> int:
    from learning_resources.kinds import Kind
    from learning_resources.schema import json_schema
    from learning_resources.settings import SettingsError, load_settings

    root = site_root(args)
    try:
        settings = load_settings(root)
    except SettingsError as exc:
        print(format_text(exc.problems, 1), file=sys.stderr)
        return EXIT_PROBLEMS
    print(json.dumps(json_schema(Kind(args.kind), settings), indent=2, ensure_ascii=False))
    return EXIT_OK


def run_pack(args: argparse.Namespace) -> int:
    """One PDF for a team meeting: built from the site's own PDFs of the live documents."""
    from learning_resources.packs import PackError, documents_pack, topic_pack

    root = site_root(args)
    if bool(args.topic) == bool(args.paths):
        raise UsageError("give either --topic or the documents' files")
    chosen_out = _pack_out(root, args.out) if args.out else None
    today = args.today or today_in_london()
    report = check_site(root, today)
    if report.plan is None or has_errors(report.problems):
        print_problems(report, args)
        print("Fix these errors first: the pack is made from the built site.", file=sys.stderr)
        return EXIT_PROBLEMS
    try:
        if args.topic:
            pack = topic_pack(report.plan, args.topic)
        else:
            pack = documents_pack(report.plan, [_inside(root, path) for path in args.paths])
    except PackError as exc:
        print(f"No pack was made: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    out = chosen_out or _pack_out(root, Path(f"{pack.slug}.pdf"))
    with tempfile.TemporaryDirectory(prefix="pack-") as folder:
        site_dir = Path(folder) / "site"
        built = build_atomically(report.plan, site_dir)
        if built.error or built.leaks:
            why = built.error or f"{len(built.leaks)} problems in its audit"
            print(f"No pack was made: the site did not build: {why}", file=sys.stderr)
            return EXIT_PROBLEMS
        from mkdocs_learning.pdfs import pack_from_site

        data, pages = pack_from_site(pack, report.plan, site_dir)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    documents = len(pack.documents)
    print(
        f"Wrote {out}: {pages} pages, {documents} document{'s' if documents != 1 else ''}, "
        f"a running order of {pack.total_minutes} minutes"
    )
    return EXIT_OK


def _pack_out(root: Path, out: Path) -> Path:
    """Where a pack may be written: a PDF file, never in the site's sources nor over another
    kind of file (UsageError otherwise)."""
    given = site_output.absolute(out)
    full = given.parent.resolve() / given.name
    if full.suffix.lower() != ".pdf" or full.is_dir():
        raise UsageError(f"--out {out} must be a file whose name ends in .pdf")
    for name in (*site_output.SOURCE_FOLDERS, ".git"):
        if full.is_relative_to(root / name):
            raise UsageError(f"--out {out} is inside {name}/, which the site is built from")
    if full.is_symlink() or (full.exists() and not _starts_pdf(full)):
        raise UsageError(f"--out {out} is not a PDF: a pack never replaces another file")
    return full


def _starts_pdf(path: Path) -> bool:
    with path.open("rb") as file:
        return file.read(5) == b"%PDF-"


def _inside(root: Path, path: Path) -> str:
    """`path` (from the current folder) as a path in the site folder, e.g. 'briefs/x.md'."""
    full = (path if path.is_absolute() else Path.cwd() / path).resolve()
    try:
        return full.relative_to(root).as_posix()
    except ValueError:
        raise UsageError(f"{path} is not inside the site folder {root}") from None


def main(argv: Sequence[str] | None = None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    runners = {
        "check": run_check,
        "build": run_build,
        "serve": run_serve,
        "status": run_status,
        "schema": run_schema,
        "new": run_new,
        "audit": run_audit,
        "pack": run_pack,
    }
    try:
        return runners[args.command](args)
    except UsageError as exc:
        parser.print_usage(sys.stderr)
        print(f"build.py: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # e.g. `build.py check | head`: the reader has gone, not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
