#!/usr/bin/env python3
"""Check and build the learning-resource site.

    python build.py check [--root DIR] [--today YYYY-MM-DD] [--format text|json|github] [PATH ...]
    python build.py build [--root DIR] [--today YYYY-MM-DD] [--site-dir DIR]
    python build.py serve [--root DIR] [--today YYYY-MM-DD]
    python build.py status [--root DIR] [--today YYYY-MM-DD] [--within DAYS] [--format text|json]
    python build.py schema [--root DIR] [--kind brief|sheet|page]
    python build.py pack (--topic TOPIC | PATH ...) [--out FILE] [--root DIR] [--today YYYY-MM-DD]

Exit status: 0 when clean, 1 when a problem is found or the build is refused, 2 on a usage error.
This is the only place that prints or exits; everything else returns data.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import os
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from learning_resources.checking import Report, check_site
from learning_resources.dates import TODAY_ENV, parse_iso_date, today_in_london
from learning_resources.output import FORMATS, FORMATTERS, format_text
from learning_resources.printing import PDFS_ENV
from learning_resources.problems import has_errors

PROJECT_ROOT = Path(__file__).resolve().parent
EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A mistake in how the command was called (exit 2)."""


def _date(text: str) -> dt.date:
    try:
        return parse_iso_date(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date YYYY-MM-DD, got '{text}'") from None


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
    serve = commands.add_parser("serve", help="preview the site while you edit")
    common(serve)
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", help="address to serve on")
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


def only_paths(report: Report, root: Path, paths: Sequence[Path]) -> Report:
    """The report narrowed to problems in the given files or folders."""
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

    problems = [p for p in report.problems if chosen(p.path)]
    return Report(problems=problems, files=report.files, site=report.site)


def run_check(args: argparse.Namespace) -> int:
    root = site_root(args)
    report = check_site(root, args.today or today_in_london())
    if args.paths:
        report = only_paths(report, root, args.paths)
    if args.list_waivers:
        print(format_waivers(report))
        return EXIT_OK
    print(FORMATTERS[args.format](report.problems, report.files, help_base(report)))
    return EXIT_PROBLEMS if has_errors(report.problems, strict=args.strict) else EXIT_OK


def help_base(report: Report) -> str | None:
    return report.site.settings.site_url or None if report.site else None


def format_waivers(report: Report) -> str:
    rows = []
    for document in report.site.documents if report.site else []:
        for waiver in document.fields.get("waivers", ()):
            rule = waiver.rule or "any anonymisation rule"
            rows.append(f"{document.path}:{waiver.line}: '{waiver.text}' ({rule}): {waiver.reason}")
    return "\n".join([*rows, f"{len(rows)} waiver{'s' if len(rows) != 1 else ''}."])


def _mkdocs_logging() -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.handlers[:] = [handler]
    logger.setLevel(logging.INFO)
    logger.propagate = False


def run_build(args: argparse.Namespace) -> int:
    root = site_root(args)
    today = args.today or today_in_london()
    report = check_site(root, today)
    if has_errors(report.problems, strict=args.strict):
        print(format_text(report.problems, report.files, help_base(report)), file=sys.stderr)
        print("The site was not built: fix the errors above first.", file=sys.stderr)
        return EXIT_PROBLEMS
    if report.problems:
        print(format_text(report.problems, report.files, help_base(report)), file=sys.stderr)
    site_dir = (args.site_dir or root / "site").resolve()
    if args.no_pdfs:
        os.environ[PDFS_ENV] = "0"
    error = build_atomically(root, site_dir, today)
    if error:
        print(f"The build failed and {site_dir} was left as it was: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"Built the site for {today.isoformat()} into {site_dir}")
    return EXIT_OK


def build_atomically(root: Path, site_dir: Path, today: dt.date) -> str | None:
    """Build into a fresh folder beside `site_dir`, then swap it in; None on success.

    A build that fails at any point leaves `site_dir` exactly as it was.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, MkDocsException

    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-build-", dir=site_dir.parent))
    _mkdocs_logging()
    os.environ[TODAY_ENV] = today.isoformat()
    # Dates MkDocs writes (sitemap, gzip headers) come from --today: same input, same bytes.
    midnight = dt.datetime.combine(today, dt.time(), tzinfo=dt.UTC)
    os.environ["SOURCE_DATE_EPOCH"] = str(int(midnight.timestamp()))
    try:
        config = load_config(str(root / "mkdocs.yml"), site_dir=str(staging), strict=True)
        build(config)
    except (MkDocsException, Abort, OSError) as exc:
        shutil.rmtree(staging, ignore_errors=True)
        return str(exc) or exc.__class__.__name__
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    old = None
    if site_dir.exists():
        old = Path(tempfile.mkdtemp(prefix=".site-old-", dir=site_dir.parent))
        old.rmdir()
        site_dir.rename(old)
    staging.rename(site_dir)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    return None


def run_serve(args: argparse.Namespace) -> int:
    root = site_root(args)
    today = args.today or today_in_london()
    report = check_site(root, today)
    if report.problems:
        print(format_text(report.problems, report.files), file=sys.stderr)
    from mkdocs.commands.serve import serve
    from mkdocs.exceptions import Abort, MkDocsException

    _mkdocs_logging()
    os.environ[TODAY_ENV] = today.isoformat()
    os.environ.setdefault(PDFS_ENV, "0")  # previews are quicker without PDFs
    try:
        serve(str(root / "mkdocs.yml"), dev_addr=args.dev_addr, livereload=True)
    except (MkDocsException, Abort) as exc:
        print(f"The preview stopped: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    except KeyboardInterrupt:
        pass
    return EXIT_OK


def run_status(args: argparse.Namespace) -> int:
    from learning_resources.forecast import forecast, format_forecast

    root = site_root(args)
    if args.within < 0:
        raise UsageError("--within must be 0 or more days")
    report = check_site(root, args.today or today_in_london())
    if report.plan is None or has_errors(report.problems):
        print(format_text(report.problems, report.files), file=sys.stderr)
        print("Fix these errors first: the forecast needs every document's dates.", file=sys.stderr)
        return EXIT_PROBLEMS
    result = forecast(report.plan, args.within)
    if args.format == "json":
        print(json.dumps(result.as_dict(), indent=2, ensure_ascii=False))
    else:
        print(format_forecast(result), end="")
    return EXIT_OK


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
    today = args.today or today_in_london()
    report = check_site(root, today)
    if report.plan is None or has_errors(report.problems):
        print(format_text(report.problems, report.files), file=sys.stderr)
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
    out = (args.out or Path(f"{pack.slug}.pdf")).resolve()
    os.environ[PDFS_ENV] = "1"
    with tempfile.TemporaryDirectory(prefix="pack-") as folder:
        site_dir = Path(folder) / "site"
        error = build_atomically(root, site_dir, today)
        if error:
            print(f"No pack was made: the site did not build: {error}", file=sys.stderr)
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
