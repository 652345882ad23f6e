#!/usr/bin/env python3
"""How `check` and `build` scale, side by side with a bare MkDocs + Material build.

    .venv/bin/python benchmarks/build_scale.py                 # N = 100 and 1,000
    .venv/bin/python benchmarks/build_scale.py --large         # and 5,000
    .venv/bin/python benchmarks/build_scale.py --sizes 300 --repeat 1

For each N it writes a site of N valid documents (60% briefs, 40% sheets, about 750 words
each, one brief in 50 a draft, in the project's own schema, with the example site's
mkdocs.yml; deterministic with --seed) and the same published Markdown as a bare MkDocs
site (Material, search, the same Markdown extensions, a navigation of sections with a
listing page each, no plugin). Then, in one run and alternating, each command as its own
process (median of --repeat runs):

- `bare`: `mkdocs build` of the bare site;
- `build cold` / `build warm`: `build.py build` with the check cache deleted first / kept
  from the run before (PDFs off, if the build makes any);
- `check cold` / `check warm`: `build.py check` likewise;
- `check one`: `build.py check briefs/<one>.md`, cache warm.

Measured: wall time and CPU time (the process and every process it started), peak memory
(the largest process's maximum resident set, from wait4; and, sampled twenty times a
second, the peak proportional set size summed over the whole process tree, which counts
worker processes fairly) and the size of the output. It prints a table with ratios to the
bare build and the targets of issue 14, and writes benchmarks/results/build-scale.md and
build-scale.json.

The machine may be shared: medians, and CPU time beside wall time, say how much of a
difference is load.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
RESULTS = PROJECT / "benchmarks" / "results"
PYTHON = sys.executable
sys.path.insert(0, str(PROJECT / "src"))

from learning_resources.anonymisation.scan import TextContext, scan_text  # noqa: E402
from learning_resources.kinds import REVIEW_TYPES, Kind  # noqa: E402
from learning_resources.lifecycle import usual_archive_on  # noqa: E402
from learning_resources.settings import load_settings  # noqa: E402
from learning_resources.source import read_source  # noqa: E402

TODAY = dt.date(2026, 6, 15)
CACHE_FOLDER = ".cache"  # under the site root; deleted for a cold run
WORDS = (700, 800)  # words per document
BRIEF_SHARE = 0.6

# --------------------------------------------------------------------------------------------
# The corpus
# --------------------------------------------------------------------------------------------


@dataclass
class Pool:
    """Sentences, list items and subheadings from the example site that the checks pass."""

    sentences: list[str]
    items: list[str]
    headings: list[str]


def _clean_case_letters(text: str, labels: Sequence[str]) -> str:
    """'Child D' becomes 'the child', so a sentence can go into any brief."""
    pattern = re.compile(rf"\b(?:{'|'.join(map(re.escape, labels))}) [A-Z]{{1,2}}\b(?:'s)?")

    def swap(match: re.Match[str]) -> str:
        at_start = match.start() == 0 or text[: match.start()].rstrip().endswith((".", ":"))
        word = "The child" if at_start else "the child"
        return word + ("'s" if match.group(0).endswith("'s") else "")

    return pattern.sub(swap, text)


def sentence_pool(settings_root: Path = PROJECT) -> Pool:
    settings = load_settings(settings_root)
    context = TextContext(
        Kind.BRIEF,
        allowed_terms=settings.allowed_terms,
        own_case="ZZ",
        case_labels=settings.case_labels,
    )
    sentences: set[str] = set()
    items: set[str] = set()
    headings: set[str] = set()
    for folder in ("briefs", "bitesize"):
        for path in sorted((settings_root / folder).rglob("*.md")):
            body = read_source(path, path.name).body
            for line in body.split("\n"):
                line = _clean_case_letters(line.strip(), settings.case_labels)
                if not line or any(c in line for c in "[]()<>{}|*`_\\"):
                    continue
                if line.startswith("### "):
                    headings.add(line[4:])
                elif line.startswith("- "):
                    items.add(line[2:])
                elif not line.startswith("#"):
                    sentences.update(s for s in re.split(r"(?<=[.?!])\s+", line) if len(s) > 20)

    def clean(texts: set[str]) -> list[str]:
        capitals = {t[:1].upper() + t[1:] for t in texts}
        return sorted(t for t in capitals if not scan_text(t, context))

    return Pool(clean(sentences), clean(items), clean(headings))


@dataclass
class Corpus:
    root: Path
    briefs: list[str] = field(default_factory=list)  # relpaths
    drafts: set[str] = field(default_factory=set)  # never published: not in the bare site
    sheets: list[str] = field(default_factory=list)
    titles: dict[str, str] = field(default_factory=dict)  # relpath -> title
    words: int = 0


def _case_codes() -> list[str]:
    # Not 'X': 'Child X: online safety' reads as an account on the app X.
    letters = [chr(c) for c in range(ord("A"), ord("Z") + 1) if c != ord("X")]
    return letters + [a + b for a in letters for b in letters]


def _paragraph(rng: random.Random, pool: Pool, sentences: int) -> str:
    return " ".join(rng.choice(pool.sentences) for _ in range(sentences))


def _items(rng: random.Random, pool: Pool, count: int) -> str:
    return "\n".join(f"- {item}" for item in rng.sample(pool.items, count))


def _words(text: str) -> int:
    return len(text.split())


def _summary(rng: random.Random, pool: Pool, limit: int) -> str:
    while True:
        text = " ".join(rng.sample(pool.sentences, rng.choice((1, 2))))
        if len(text) <= limit:
            return text


def _brief_body(rng: random.Random, pool: Pool, target: int) -> str:
    parts = ["## About this review", _paragraph(rng, pool, 3), _paragraph(rng, pool, 3)]
    parts.append("## What we learned")
    learned = len(parts)
    parts += [
        "## What practitioners should do",
        _items(rng, pool, rng.randint(4, 7)),
        "## Questions to reflect on",
        _items(rng, pool, rng.randint(3, 5)),
    ]
    headings = rng.sample(pool.headings, min(8, len(pool.headings)))
    while _words("\n".join(parts)) < target and headings:
        section = [f"### {headings.pop()}", _paragraph(rng, pool, rng.randint(3, 5))]
        parts[learned:learned] = section
        learned += len(section)
    return "\n\n".join(parts) + "\n"


def _sheet_body(rng: random.Random, pool: Pool, target: int, sections: Sequence[str]) -> str:
    texts = {title: [_paragraph(rng, pool, 3)] for title in sections}
    texts[sections[1]] = [_items(rng, pool, rng.randint(5, 8))]
    texts[sections[-2]] = [_items(rng, pool, 3)]
    grow = [sections[0], sections[2], sections[-1]]
    while _words("\n".join(t for ts in texts.values() for t in ts)) < target:
        texts[rng.choice(grow)].append(_paragraph(rng, pool, rng.randint(2, 4)))
    return "\n\n".join(f"## {title}\n\n" + "\n\n".join(texts[title]) for title in sections) + "\n"


def _inline(values: Sequence[str]) -> str:
    return "[" + ", ".join(values) + "]"


def generate(root: Path, documents: int, seed: int, today: dt.date = TODAY) -> Corpus:
    """`documents` valid briefs and sheets in a new site at `root`, with the example site's
    settings and pages. One brief in 50 is a draft; every other brief is live on `today`
    (those older than a year, needed only beyond about 1,400 briefs for unique case letters,
    carry an extension), so that the site renders every published document in full, as the
    bare build does."""
    root.mkdir(parents=True)
    shutil.copy(PROJECT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(PROJECT / "content", root / "content")
    settings = load_settings(root)
    pool = sentence_pool()
    rng = random.Random(seed)
    corpus = Corpus(root)
    topics, audiences = list(settings.topics), list(settings.audiences)
    codes = _case_codes()
    briefs = round(documents * BRIEF_SHARE)
    years_needed = -(-briefs // len(codes))  # calendar years, each with its own case letters
    span = max(300, 365 * years_needed)
    used: dict[int, int] = {}  # year -> case letters given
    for n in range(documents):
        is_brief = n % 5 in (0, 2, 4)  # 60%, interleaved
        chosen = rng.sample(topics, rng.randint(1, 3))
        topic_words = " and ".join(settings.topics[t].lower() for t in chosen)
        summary = _summary(rng, pool, settings.summary_max_length)
        for_whom = _inline(rng.sample(audiences, rng.randint(1, 3)))
        target = rng.randint(*WORDS)
        if is_brief:
            published = today - dt.timedelta(days=rng.randint(0, span))
            while used.get(published.year, 0) >= len(codes):
                published += dt.timedelta(days=1)
            case = codes[used.get(published.year, 0)]
            used[published.year] = used.get(published.year, 0) + 1
            label = rng.choice(settings.case_labels)
            title = f"{label} {case}: {topic_words}"
            extra = "draft: true\n" if n % 50 == 10 else ""  # a few drafts, as every site has
            if usual_archive_on(published, settings) <= today:
                until = today + dt.timedelta(days=rng.randint(60, 400))
                extra += f"extension: {{until: {until}, reason: kept for the regional programme}}\n"
            relpath = f"briefs/review-{n}.md"  # no case letters: 'baby-jr' reads as a name
            quoted = f'"{case}"' if case in ("NO", "ON") else case  # YAML would read true/false
            body = _brief_body(rng, pool, target)
            text = (
                f'---\ntitle: "{title}"\ncase: {quoted}\n'
                + (f"case_label: {label}\n" if label != "Child" else "")
                + f"review_type: {rng.choice(list(REVIEW_TYPES))}\npublished: {published}\n"
                f"topics: {_inline(chosen)}\nsummary: >-\n  {summary}\n"
                f"audiences: {for_whom}\n{extra}---\n\n{body}"
            )
            corpus.briefs.append(relpath)
            if "draft" in extra:
                corpus.drafts.add(relpath)
        else:
            reviewed = today - dt.timedelta(days=rng.randint(0, 3 * 365 - 30))
            title = f"{settings.topics[chosen[0]]}: sheet {n}"
            relpath = f"bitesize/{chosen[0]}-{n}.md"
            body = _sheet_body(rng, pool, target, settings.sheet_sections)
            text = (
                f'---\ntitle: "{title}"\ntopics: {_inline(chosen)}\n'
                f"summary: >-\n  {summary}\nlast_reviewed: {reviewed}\n---\n\n{body}"
            )
            corpus.sheets.append(relpath)
        path = root / relpath
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        corpus.titles[relpath] = title
        corpus.words += _words(body)
    return corpus


def bare_site(corpus: Corpus, bare: Path) -> None:
    """The same published Markdown (drafts left out) as a plain MkDocs + Material site: the
    example's theme, Markdown extensions and search; a navigation of sections, each a
    listing page of links (the real site does not list every document in its navigation
    either)."""
    docs = bare / "docs"
    shutil.copytree(corpus.root / "content", docs)
    for folder, relpaths, title in (
        ("briefs", corpus.briefs, "Learning briefs"),
        ("bitesize", corpus.sheets, "Bite-size sheets"),
    ):
        (docs / folder).mkdir()
        lines = [f"# {title}", ""]
        for relpath in (r for r in relpaths if r not in corpus.drafts):
            shutil.copy(corpus.root / relpath, docs / relpath)
            lines.append(f"- [{corpus.titles[relpath]}]({Path(relpath).name})")
        (docs / folder / "index.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    config = (corpus.root / "mkdocs.yml").read_text(encoding="utf-8")
    theme = re.search(r"^theme:\n(?:  .*\n)+", config, re.M)
    extensions = re.search(r"^markdown_extensions:\n(?:  .*\n)+", config, re.M)
    assert theme and extensions, "the example mkdocs.yml has changed shape"
    (bare / "mkdocs.yml").write_text(
        "site_name: Bare Material\nsite_url: https://bare.example/\ndocs_dir: docs\n"
        # Material has no en-GB translation; the plugin adds one, so bare Material uses en.
        + re.sub(r"language: \S+", "language: en", theme.group(0))
        + "nav:\n  - Home: index.md\n  - Learning briefs: briefs/index.md\n"
        "  - Bite-size sheets: bitesize/index.md\n"
        + extensions.group(0)
        + "plugins:\n  - search\n",
        encoding="utf-8",
    )


# --------------------------------------------------------------------------------------------
# Measuring
# --------------------------------------------------------------------------------------------


@dataclass
class Run:
    wall: float
    cpu: float
    max_rss_mib: float  # the largest single process (wait4)
    tree_pss_mib: float | None  # sampled peak over the whole process tree (Linux only)
    output_mb: float | None
    code: int


def _children(pid: int) -> list[int]:
    found: list[int] = []
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            found += [int(c) for c in (task / "children").read_text().split()]
    except OSError:
        pass
    return found


def _tree_pss_kib(pid: int) -> int:
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            rollup = Path(f"/proc/{current}/smaps_rollup").read_text()
            total += int(re.search(r"^Pss:\s+(\d+)", rollup, re.M).group(1))  # type: ignore[union-attr]
        except (OSError, AttributeError):
            continue
        todo += _children(current)
    return total


def run(command: Sequence[str], output: Path | None = None) -> Run:
    """Run `command` as its own process and measure it (nothing else runs in this one)."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=PROJECT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    peak = [0]
    sampling = Path("/proc").is_dir()

    def sample() -> None:
        while process.returncode is None:
            peak[0] = max(peak[0], _tree_pss_kib(process.pid))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    if sampling:
        sampler.start()
    assert process.stderr is not None
    errors = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if sampling:
        sampler.join()
    code = process.returncode
    if code:
        sys.exit(f"{' '.join(command)} failed ({code}):\n{errors.decode()[-3000:]}")
    size = None
    if output is not None:
        size = sum(p.stat().st_size for p in output.rglob("*") if p.is_file()) / 1e6
    return Run(
        wall=wall,
        cpu=usage.ru_utime + usage.ru_stime,
        max_rss_mib=usage.ru_maxrss / 1024,
        tree_pss_mib=peak[0] / 1024 if sampling and peak[0] else None,
        output_mb=size,
        code=code,
    )


def _has_option(command: str, option: str) -> bool:
    result = subprocess.run(
        [PYTHON, str(PROJECT / "build.py"), command, "--help"],
        capture_output=True,
        text=True,
        check=False,
    )
    return option in result.stdout


@dataclass
class Case:
    name: str
    command: list[str]
    before: Callable[[], None]
    output: Path | None = None


def cases(corpus: Corpus, bare: Path, work: Path, today: dt.date) -> list[Case]:
    root = corpus.root
    cache = root / CACHE_FOLDER
    ours = work / "out-ours"
    theirs = work / "out-bare"
    common = ["--root", str(root), "--today", today.isoformat()]
    build_py = [PYTHON, str(PROJECT / "build.py")]
    build = [*build_py, "build", *common, "--site-dir", str(ours)]
    if _has_option("build", "--no-pdfs"):
        build.append("--no-pdfs")

    def clear(*paths: Path) -> Callable[[], None]:
        def do() -> None:
            for path in paths:
                shutil.rmtree(path, ignore_errors=True)

        return do

    one = str(root / corpus.briefs[len(corpus.briefs) // 2])
    return [
        Case(
            "bare",
            [
                PYTHON,
                "-m",
                "mkdocs",
                "build",
                "-q",
                "-f",
                str(bare / "mkdocs.yml"),
                "-d",
                str(theirs),
            ],
            clear(theirs),
            theirs,
        ),
        Case("build cold", build, clear(ours, cache), ours),
        Case("build warm", build, clear(ours), ours),
        Case("check cold", [*build_py, "check", *common], clear(cache)),
        Case("check warm", [*build_py, "check", *common], lambda: None),
        Case("check one", [*build_py, "check", *common, one], lambda: None),
    ]


def _median(runs: list[Run], name: str) -> float | None:
    values = [getattr(r, name) for r in runs if getattr(r, name) is not None]
    return statistics.median(values) if values else None


@dataclass
class Result:
    documents: int
    words_per_document: float
    runs: dict[str, list[Run]]

    def median(self, case: str, name: str) -> float | None:
        return _median(self.runs[case], name)

    def memory(self, case: str) -> float:
        """Peak memory for the targets: the process tree's when sampled, else the largest
        process's."""
        return self.median(case, "tree_pss_mib") or self.median(case, "max_rss_mib") or 0.0


def measure(documents: int, seed: int, repeat: int, today: dt.date, work: Path) -> Result:
    folder = work / f"n{documents}"
    corpus = generate(folder / "site", documents, seed, today)
    bare = folder / "bare"
    bare_site(corpus, bare)
    verdict = subprocess.run(
        [PYTHON, str(PROJECT / "build.py"), "check", "--root", str(corpus.root), "--today",
         today.isoformat(), "--format", "json"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    found = json.loads(verdict.stdout)["problems"] if verdict.stdout else None
    if verdict.returncode or found:
        sys.exit(f"the generated corpus does not pass check:\n{verdict.stdout[:3000]}")
    runs: dict[str, list[Run]] = {}
    for number in range(repeat):
        for case in cases(corpus, bare, folder, today):
            case.before()
            result = run(case.command, case.output)
            runs.setdefault(case.name, []).append(result)
            print(
                f"  N={documents} run {number + 1}/{repeat} {case.name:<10} "
                f"{result.wall:6.2f} s wall {result.cpu:6.2f} s CPU "
                f"{result.tree_pss_mib or result.max_rss_mib:6.0f} MiB",
                flush=True,
            )
    return Result(documents, corpus.words / documents, runs)


# --------------------------------------------------------------------------------------------
# Reporting
# --------------------------------------------------------------------------------------------

ROWS = ("bare", "build cold", "build warm", "check cold", "check warm", "check one")


def _fmt(value: float | None, pattern: str) -> str:
    return "n/a" if value is None else format(value, pattern)


def table(results: Sequence[Result]) -> str:
    lines = [
        "| N | command | wall s (median) | CPU s | peak MiB (tree PSS) | max RSS MiB "
        "| output MB | time / bare | memory / bare |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for result in results:
        bare_wall = result.median("bare", "wall") or 1.0
        bare_memory = result.memory("bare") or 1.0
        for row in ROWS:
            wall = result.median(row, "wall")
            lines.append(
                f"| {result.documents:,} | {row} | {_fmt(wall, '.2f')} "
                f"| {_fmt(result.median(row, 'cpu'), '.2f')} "
                f"| {_fmt(result.median(row, 'tree_pss_mib'), '.0f')} "
                f"| {_fmt(result.median(row, 'max_rss_mib'), '.0f')} "
                f"| {_fmt(result.median(row, 'output_mb'), '.1f')} "
                f"| {_fmt((wall or 0) / bare_wall, '.2f')}× "
                f"| {_fmt(result.memory(row) / bare_memory, '.2f')}× |"
            )
    return "\n".join(lines)


@dataclass
class Target:
    what: str
    reached: float
    limit: float
    unit: str

    @property
    def met(self) -> bool:
        return self.reached <= self.limit


def targets(results: Sequence[Result]) -> list[Target]:
    found: list[Target] = []
    by_size = {r.documents: r for r in results}

    def ratio(r: Result, case: str, name: str = "wall") -> float:
        return (r.median(case, name) or 0) / (r.median("bare", name) or 1)

    for size in (1000, 5000):
        r = by_size.get(size)
        if r is None:
            continue
        found += [
            Target(f"build cold / bare, N={size:,}", ratio(r, "build cold"), 1.2, "×"),
            Target(f"build warm / bare, N={size:,}", ratio(r, "build warm"), 1.05, "×"),
            Target(
                f"peak memory build cold / bare, N={size:,}",
                r.memory("build cold") / (r.memory("bare") or 1),
                1.3,
                "×",
            ),
        ]
    r = by_size.get(1000)
    if r is not None:
        found += [
            Target("check cold / bare, N=1,000", ratio(r, "check cold"), 0.35, "×"),
            Target("check warm, N=1,000", r.median("check warm", "wall") or 0, 1.0, " s"),
            Target("check one file warm, N=1,000", r.median("check one", "wall") or 0, 0.5, " s"),
        ]
    if 1000 in by_size and 5000 in by_size:
        per = [(by_size[n].median("build cold", "wall") or 0) / n for n in (1000, 5000)]
        found.append(Target("build time per document, 5,000 / 1,000", per[1] / per[0], 1.1, "×"))
    return found


def target_lines(found: Sequence[Target]) -> str:
    return "\n".join(
        f"- {'met' if t.met else 'MISSED'}: {t.what}: {t.reached:.2f}{t.unit} "
        f"(target at most {t.limit:g}{t.unit})"
        for t in found
    )


def machine() -> dict[str, object]:
    versions = {}
    for package in ("mkdocs", "mkdocs-material", "pyyaml"):
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            versions[package] = "absent"
    return {
        "cpus": os.cpu_count(),
        "load_average": os.getloadavg(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "versions": versions,
    }


def write_results(
    results: Sequence[Result], args: argparse.Namespace, before: dict[str, object]
) -> str:
    after = machine()
    found = targets(results)
    text = "\n".join(
        [
            "# Build at scale: results",
            "",
            f"Written by `benchmarks/build_scale.py` on {dt.date.today().isoformat()} "  # noqa: DTZ011
            f"(seed {args.seed}, median of {args.repeat} runs, --today {args.today}). "
            f"{before['cpus']} CPUs, Python {before['python']}, MkDocs "
            f"{before['versions']['mkdocs']}, Material "  # type: ignore[index]
            f"{before['versions']['mkdocs-material']}; load average "  # type: ignore[index]
            f"{before['load_average'][0]:.1f} before, {after['load_average'][0]:.1f} after "  # type: ignore[index]
            "(a shared machine: compare CPU time too).",
            "",
            table(results),
            "",
            "Targets (issue 14):",
            "",
            target_lines(found),
            "",
        ]
    )
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"{args.name}.md").write_text(text, encoding="utf-8")
    data = {
        "seed": args.seed,
        "repeat": args.repeat,
        "today": args.today,
        "machine_before": before,
        "machine_after": after,
        "results": [
            {
                "documents": r.documents,
                "words_per_document": r.words_per_document,
                "runs": {k: [asdict(x) for x in v] for k, v in r.runs.items()},
            }
            for r in results
        ],
        "targets": [asdict(t) | {"met": t.met} for t in found],
    }
    (RESULTS / f"{args.name}.json").write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return text


def profile(what: str, root: Path, today: dt.date, *, warm: bool, top: int = 25) -> str:
    """cProfile of one in-process `check` or `build` of the site at `root`, on one core; the
    top functions by own time and by cumulative time."""
    import contextlib
    import cProfile
    import io
    import pstats

    sys.path.insert(0, str(PROJECT))
    import build

    try:  # one core, so that the profile sees the work done in worker processes too
        from learning_resources import parallel

        parallel.workers = lambda: 1  # type: ignore[attr-defined]
    except ImportError:  # before parallel checking
        pass

    site_dir = root.parent / "profile-out"
    argv = ["--root", str(root), "--today", today.isoformat()]
    command = ["check", *argv] if what == "check" else ["build", *argv, "--site-dir", str(site_dir)]
    shutil.rmtree(root / CACHE_FOLDER, ignore_errors=True)
    quiet = io.StringIO()
    with contextlib.redirect_stdout(quiet), contextlib.redirect_stderr(quiet):
        if warm:
            build.main(command)
        shutil.rmtree(site_dir, ignore_errors=True)
        profiler = cProfile.Profile()
        started = time.perf_counter()
        profiler.enable()
        code = build.main(command)
        profiler.disable()
        elapsed = time.perf_counter() - started
    if code:
        sys.exit(f"{what} failed:\n{quiet.getvalue()[-3000:]}")
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    shown = re.sub(r"\S*/(site-packages|src|plugins|lib/python3\.\d+)/", "", out.getvalue())
    return (
        f"{what} ({'warm' if warm else 'cold'} cache), {elapsed:.1f} s under the profiler\n{shown}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--large", action="store_true", help="also N = 5,000")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each command (median)")
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--today", default=TODAY.isoformat())
    parser.add_argument("--keep", type=Path, help="generate the sites here and keep them")
    parser.add_argument(
        "--name", default="build-scale", help="results file name (default: build-scale)"
    )
    parser.add_argument(
        "--generate-only", type=Path, metavar="DIR", help="write one site (first --sizes) and stop"
    )
    parser.add_argument(
        "--profile",
        choices=("check", "build"),
        help="profile one in-process run on a site of the first --sizes documents instead",
    )
    parser.add_argument("--warm", action="store_true", help="with --profile: a warm cache")
    args = parser.parse_args(argv)
    today = dt.date.fromisoformat(args.today)
    if args.profile:
        with tempfile.TemporaryDirectory(prefix="build-scale-") as folder:
            generate(Path(folder) / "site", args.sizes[0], args.seed, today)
            print(profile(args.profile, Path(folder) / "site", today, warm=args.warm))
        return 0
    if args.generate_only:
        corpus = generate(args.generate_only, args.sizes[0], args.seed, today)
        bare_site(corpus, args.generate_only.with_name(args.generate_only.name + "-bare"))
        print(f"{args.sizes[0]} documents, {corpus.words / args.sizes[0]:.0f} words each")
        return 0
    sizes = sorted({*args.sizes, *([5000] if args.large else [])})
    before = machine()
    work = args.keep or Path(tempfile.mkdtemp(prefix="build-scale-"))
    try:
        results = [measure(n, args.seed, args.repeat, today, work) for n in sizes]
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print()
    print(write_results(results, args, before))
    return 0


if __name__ == "__main__":
    sys.exit(main())
