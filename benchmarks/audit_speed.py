#!/usr/bin/env python3
"""Times the post-build audit on the example site and on a larger generated site.

    .venv/bin/python benchmarks/audit_speed.py                # example site + 200 documents
    .venv/bin/python benchmarks/audit_speed.py --documents 500

The generated site copies the example's settings and pages and adds briefs and sheets of
made-up text (random lower-case words of the example's own vocabulary, so that every document
is different and passes the anonymisation gate), published over four years around --today: a
mix of live, archived, embargoed and draft briefs, a quarter with a report PDF. Each site is
built in-process, then audited; the audit must find nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

import build  # noqa: E402
from learning_resources.anonymisation.scan import TextContext, scan_text  # noqa: E402
from learning_resources.audit import audit_site  # noqa: E402
from learning_resources.kinds import Kind  # noqa: E402
from learning_resources.pipeline import check_site  # noqa: E402
from learning_resources.settings import load_settings  # noqa: E402
from tests.conftest import make_pdf  # noqa: E402

HEADINGS = ["About this review", "What we learned", "What practitioners should do", "Questions"]


def vocabulary() -> list[str]:
    """Lower-case words of the example's briefs that no detector objects to on their own."""
    words = set()
    for path in (PROJECT / "briefs").glob("*.md"):
        words.update(re.findall(r"(?<![\w'’-])[a-z]{3,12}(?![\w'’-])", path.read_text()))
    words -= {"may", "march", "june", "july", "august", "born", "aged", "age", "years", "months"}
    context = TextContext(Kind.BRIEF)
    return sorted(w for w in words if not scan_text(f"The {w} was there", context))


def prose(rng: random.Random, words: list[str], sentences: int) -> str:
    out = []
    for _ in range(sentences):
        chosen = rng.sample(words, rng.randint(8, 18))
        out.append("The " + " ".join(chosen) + ".")  # capitals only where nothing objects
    return " ".join(out)


def generate(root: Path, documents: int, today: dt.date, seed: int = 8) -> None:
    """The example's settings and pages, with `documents` generated briefs and sheets."""
    shutil.copy(PROJECT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(PROJECT / "content", root / "content")
    rng = random.Random(seed)
    sheet_sections = load_settings(PROJECT).sheet_sections
    words = vocabulary()
    topics = ["neglect", "domestic-abuse", "safe-sleep", "online-safety", "leadership"]
    letters = "ABCDEFGHJKLMNPQRSTUVWXYZ"
    cases = [a + b for a in letters for b in letters]
    for n in range(documents):
        topic = rng.sample(topics, 2)
        summary = prose(rng, words, 2)
        if n % 4 == 3:
            sections = "\n\n".join(f"## {h}\n\n{prose(rng, words, 5)}" for h in sheet_sections)
            reviewed = today - dt.timedelta(days=rng.randint(0, 900))
            (root / "bitesize").mkdir(exist_ok=True)
            (root / f"bitesize/sheet-{n}.md").write_text(
                f"---\ntitle: Sheet {n} {' '.join(rng.sample(words, 4))}\n"
                f"topics: [{', '.join(topic)}]\nsummary: {summary}\n"
                f"last_reviewed: {reviewed}\n---\n{sections}\n"
            )
            continue
        published = today + dt.timedelta(days=rng.randint(-1100, 300))
        body = "\n\n".join(
            f"## {h}\n\n{prose(rng, words, 4)}\n\n{prose(rng, words, 4)}" for h in HEADINGS
        )
        folder = root / f"briefs/brief-{n}"
        folder.mkdir(parents=True)
        extra = "draft: true\n" if n % 10 == 0 else ""
        if n % 4 == 1:
            extra += "report: report.pdf\n"
            make_pdf(folder / "report.pdf", prose(rng, words, 40))
        (folder / "index.md").write_text(
            f"---\ntitle: Brief {n} {' '.join(rng.sample(words, 4))}\n"
            f"case: {cases[n]}\nreview_type: cspr\npublished: {published}\n"
            f"topics: [{', '.join(topic)}]\nsummary: {summary}\n{extra}---\n{body}\n"
        )


def measure(label: str, root: Path, site_dir: Path, today: dt.date) -> None:
    started = time.perf_counter()
    code = build.main(
        ["build", "--root", str(root), "--today", today.isoformat(), "--site-dir", str(site_dir)]
    )
    built = time.perf_counter()
    if code:
        sys.exit(f"the build of {root} failed")
    report = check_site(root, today)
    assert report.plan is not None
    checked, cpu = time.perf_counter(), time.process_time()
    problems = audit_site(site_dir, report.plan)
    audited, cpu = time.perf_counter(), time.process_time() - cpu
    files = [p for p in site_dir.rglob("*") if p.is_file()]
    states: dict[str, int] = {}
    for entry in report.plan.entries:
        states[entry.state.value] = states.get(entry.state.value, 0) + 1
    print(
        f"{label}: {len(report.plan.entries)} documents {states}, {len(files)} files, "
        f"{sum(p.stat().st_size for p in files) / 1e6:.1f} MB; build {built - started:.1f} s, "
        f"check {checked - built:.1f} s, audit {audited - checked:.1f} s ({cpu:.1f} s of CPU), "
        f"{len(problems)} problems"
    )
    for found in problems[:10]:
        print(f"  {found.path}:{found.line}: {found.message} [{found.rule}]")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--documents", type=int, default=200)
    parser.add_argument("--today", type=dt.date.fromisoformat, default=dt.date(2026, 10, 1))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        measure("example site", PROJECT, Path(tmp) / "example-site", args.today)
        root = Path(tmp) / f"generated-{args.documents}"
        root.mkdir()
        generate(root, args.documents, args.today)
        measure("generated site", root, Path(tmp) / "generated-site", args.today)


if __name__ == "__main__":
    main()
