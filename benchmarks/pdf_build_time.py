"""What the PDFs add to a build of the example site: without PDFs, with an empty PDF cache,
and with a full one. Run from the repository root:

    .venv/bin/python benchmarks/pdf_build_time.py [--runs 3]

Each build is a fresh `build.py build` process, as in CI, into a temporary folder. The
project's own cache (.cache/pdfs) is left alone: the cold runs use a copy of the site.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2026-11-25"


def build(root: Path, out: Path, *extra: str) -> float:
    command = [sys.executable, str(ROOT / "build.py"), "build", "--root", str(root)]
    start = time.perf_counter()
    subprocess.run(
        [*command, "--today", TODAY, "--site-dir", str(out), *extra],
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "src"
        shutil.copytree(ROOT, site, ignore=shutil.ignore_patterns(".*", "node_modules", "site"))
        times: dict[str, list[float]] = {"no PDFs": [], "cold cache": [], "warm cache": []}
        for _ in range(runs):
            times["no PDFs"].append(build(site, Path(folder) / "out", "--no-pdfs"))
            shutil.rmtree(site / ".cache", ignore_errors=True)
            times["cold cache"].append(build(site, Path(folder) / "out"))
            times["warm cache"].append(build(site, Path(folder) / "out"))
        out = Path(folder) / "out"
        documents = len([*out.glob("briefs/*/*.pdf"), *out.glob("bitesize/*/*.pdf")])
        packs = len(list(out.glob("topics/*/*.pdf")))
    base = statistics.median(times["no PDFs"])
    load = os.getloadavg()[0]
    print(
        f"Example site: {documents} documents and {packs} topic packs; {os.cpu_count()} cores "
        f"(load average {load:.1f}); median of {runs} runs"
    )
    print("| Build | Seconds | Added by PDFs | Added per document |")
    print("|---|---|---|---|")
    for name, values in times.items():
        seconds = statistics.median(values)
        added = seconds - base
        print(f"| {name} | {seconds:.1f} | {added:.1f} | {added / documents:.2f} |")


if __name__ == "__main__":
    main()
