#!/usr/bin/env python3
"""Lighthouse scores of the built example site, served on 127.0.0.1 as a static host serves it.

    .venv/bin/python scripts/lighthouse.py                   # build the example, run, print
    .venv/bin/python scripts/lighthouse.py --runs 3          # the median of three runs
    .venv/bin/python scripts/lighthouse.py --site-dir site   # an already built site

Lighthouse (npm, pinned in package-lock.json, installed by scripts/setup.sh) runs in the
browser scripts/find_browser.py finds (Debian's /usr/bin/chromium here), headless, for the home
page and a brief, with its mobile and desktop presets, and the categories accessibility,
performance and best practices. The site is served the way Netlify, Cloudflare Pages or GitHub
Pages serve it: each file with the headers `_headers` gives its path, compressed (gzip) when
the browser accepts it, and the 404 page for a missing one. Python's own `http.server` neither
compresses nor sets headers, which would cost the mobile performance score several points
that no real host would.

It prints a table of scores (the median over the runs), the audits that did not pass, and the
targets (accessibility 100, performance and best practices at least 95); exit status 1 when
accessibility or best practices miss theirs. Performance is timed, so it varies with the load
on the machine: it is reported, never a reason to fail. Results: docs/lighthouse.md.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from scripts.find_browser import NOT_FOUND, find_browser  # noqa: E402
from scripts.static_host import host  # noqa: E402

LIGHTHOUSE = PROJECT / "node_modules/.bin/lighthouse"
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu"
CATEGORIES = ("accessibility", "performance", "best-practices")
TARGETS = {"accessibility": 100, "performance": 95, "best-practices": 95}
ASSERTED = ("accessibility", "best-practices")  # performance is timed: reported only
PRESETS = ("mobile", "desktop")
ATTEMPTS = 3
PAGES = ("/", "/briefs/child-d-domestic-abuse/")
TODAY = "2026-11-25"  # the browser tests' date: Child D's brief is live


@dataclass
class Run:
    """One Lighthouse run: the scores (0-100) and what did not pass, by category."""

    page: str
    preset: str
    scores: dict[str, int]
    failed: dict[str, list[str]] = field(default_factory=dict)
    metrics: dict[str, str] = field(default_factory=dict)


def lighthouse(
    url: str, preset: str, categories: Sequence[str] = CATEGORIES, browser: str | None = None
) -> dict[str, object]:
    """Lighthouse's JSON report of `url` with the `preset` ("mobile" or "desktop")."""
    browser = browser or find_browser()
    if browser is None:
        raise SystemExit(f"lighthouse: {NOT_FOUND}")
    if not LIGHTHOUSE.exists():
        raise SystemExit("lighthouse: not installed; run `bash scripts/setup.sh` (npm ci)")
    command = [str(LIGHTHOUSE), url, f"--only-categories={','.join(categories)}"]
    command += [f"--chrome-flags={CHROME_FLAGS}", "--output=json", "--output-path=stdout"]
    command += ["--quiet", "--no-enable-error-reporting"]
    if preset == "desktop":
        command.append("--preset=desktop")
    env = os.environ | {"CHROME_PATH": browser}
    error = ""
    for _ in range(ATTEMPTS):  # a loaded machine sometimes loses the trace: "run again"
        done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
        report: dict[str, object] = json.loads(done.stdout) if done.returncode == 0 else {}
        if report and "runtimeError" not in report:
            return report
        error = str(report.get("runtimeError") or done.stderr[-2000:])
    raise RuntimeError(f"lighthouse failed on {url} ({preset}), {ATTEMPTS} times:\n{error}")


def summarise(report: dict[str, object], page: str, preset: str) -> Run:
    """The scores, the weighted audits that did not pass, and performance's metrics."""
    categories: dict[str, dict[str, object]] = report["categories"]  # type: ignore[assignment]
    audits: dict[str, dict[str, object]] = report["audits"]  # type: ignore[assignment]
    run = Run(page, preset, {})
    for name, category in categories.items():
        run.scores[name] = round(float(category["score"]) * 100)  # type: ignore[arg-type]
        refs: list[dict[str, object]] = category["auditRefs"]  # type: ignore[assignment]
        failed = []
        for ref in refs:
            audit = audits[str(ref["id"])]
            score = audit.get("score")
            if ref.get("weight") and score is not None and float(score) < 1:  # type: ignore[arg-type]
                failed.append(f"{ref['id']} ({audit.get('displayValue') or score})")
            if ref.get("group") == "metrics":
                run.metrics[str(ref["acronym"])] = str(audit.get("displayValue", ""))
        run.failed[name] = failed
    return run


def median_run(runs: list[Run]) -> Run:
    """Each category's median score; the failed audits and metrics of the median run."""
    by_performance = sorted(runs, key=lambda run: run.scores.get("performance", 0))
    middle = by_performance[len(runs) // 2]
    scores = {
        name: round(statistics.median(run.scores[name] for run in runs)) for name in middle.scores
    }
    return Run(middle.page, middle.preset, scores, middle.failed, middle.metrics)


def missed(run: Run, categories: Sequence[str] = ASSERTED) -> list[str]:
    return [
        f"{run.page} ({run.preset}): {name} {run.scores[name]} < {TARGETS[name]}"
        for name in categories
        if name in run.scores and run.scores[name] < TARGETS[name]
    ]


def table(runs: list[Run]) -> str:
    lines = [
        "| Page | Preset | Accessibility | Performance | Best practices | Metrics |",
        "|---|---|---|---|---|---|",
    ]
    for run in runs:
        scores = [str(run.scores.get(name, "-")) for name in CATEGORIES]
        metrics = ", ".join(f"{name} {value}" for name, value in run.metrics.items())
        lines.append(f"| `{run.page}` | {run.preset} | {' | '.join(scores)} | {metrics} |")
    return "\n".join(lines)


def versions(browser: str | None = None) -> str:
    chrome = subprocess.run(
        [browser or find_browser() or "chromium", "--version"], capture_output=True, text=True
    ).stdout.strip()
    package = json.loads((PROJECT / "node_modules/lighthouse/package.json").read_text())
    node = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip()
    return f"Lighthouse {package['version']}, {chrome}, Node {node}"


def build_example(site_dir: Path, today: str) -> None:
    import build  # the project's build.py, in this process

    code = build.main(["build", "--today", today, "--site-dir", str(site_dir)])
    if code != 0:
        raise SystemExit(f"lighthouse: the example site did not build (exit {code})")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site-dir", type=Path, help="a built site (default: build the example)")
    parser.add_argument("--today", default=TODAY, help=f"the build's date (default {TODAY})")
    parser.add_argument("--runs", type=int, default=1, help="runs of each page (median)")
    parser.add_argument("--pages", nargs="+", default=list(PAGES), help="paths on the site")
    parser.add_argument("--json", type=Path, help="also write every run's scores here")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        site_dir = args.site_dir
        if site_dir is None:
            site_dir = Path(scratch) / "site"
            build_example(site_dir, args.today)
        print(versions(), file=sys.stderr)
        every: list[Run] = []
        medians: list[Run] = []
        with host(site_dir) as url:
            for page in args.pages:
                for preset in PRESETS:
                    runs = []
                    for _ in range(args.runs):
                        runs.append(summarise(lighthouse(url + page, preset), page, preset))
                        print(f"{page} {preset}: {runs[-1].scores}", file=sys.stderr)
                    every += runs
                    medians.append(median_run(runs))
    print(table(medians))
    for run in medians:
        for name, failed in run.failed.items():
            if failed:
                print(f"- {run.page} ({run.preset}), {name}: {', '.join(failed)}")
    if args.json:
        args.json.write_text(json.dumps([vars(run) for run in every], indent=1) + "\n")
    problems = [problem for run in medians for problem in missed(run)]
    slow = [problem for run in medians for problem in missed(run, ["performance"])]
    for problem in slow:
        print(f"below target (timed, so it varies with the machine's load): {problem}")
    for problem in problems:
        print(f"below target: {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
