#!/usr/bin/env python3
"""False errors of the anonymisation checker on real, published, already-anonymised text.

    .venv/bin/python benchmarks/real_text.py                 # the seeds, if they are here
    .venv/bin/python benchmarks/real_text.py FOLDER [--show]  # any folder of sources
    .venv/bin/python benchmarks/real_text.py --example        # the example site's content

The published pages themselves are not stored in the repository (their licence is not known);
`real_text_sources.json` lists each source (file, partnership, what it is, where it came
from) and what its partnership would declare before checking: its area names
(`area_names`), its own places, services and contact details (`allowed_terms`), and the
people it may name (`named_professionals`) or the pseudonyms it uses (`pseudonyms`). Every
blocking finding in this text is a false error: the text was published already anonymised.

Each source is split into documents the size of a learning brief: a new document starts at a
heading (`#` or `##`) or after about 500 words, at a paragraph break. Prints the false errors
in all, with nothing declared and after declaring, and keeps the figures in
results/real-text.json (for the benchmark note); `--show` prints each false error.
"""

from __future__ import annotations

import argparse
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent
SOURCES = HERE / "real_text_sources.json"
RESULTS = HERE / "results"
RESULTS_FILE = RESULTS / "real-text.json"
DEFAULT_FOLDERS = (PROJECT.parent / "shared/seeds", PROJECT.parent.parent / "shared/seeds")
WORDS_PER_DOCUMENT = 500

from learning_resources.anonymisation.scan import TextContext, scan_text  # noqa: E402
from learning_resources.kinds import Kind  # noqa: E402
from learning_resources.problems import Severity  # noqa: E402
from learning_resources.rules import RULES  # noqa: E402

_HEADING = re.compile(r"^#{1,2}[ \t]", re.MULTILINE)


@dataclass
class Document:
    source: str
    number: int
    text: str

    @property
    def name(self) -> str:
        return f"{self.source}#{self.number}"


def split(source: str, text: str) -> list[Document]:
    """Brief-sized documents: a heading or about 500 words of paragraphs starts a new one."""
    paragraphs = re.split(r"\n[ \t]*\n", text)
    documents: list[list[str]] = [[]]
    words = 0
    for paragraph in paragraphs:
        if not paragraph.strip():
            continue
        heading = _HEADING.match(paragraph.lstrip()) is not None
        if documents[-1] and (words >= WORDS_PER_DOCUMENT or (heading and words >= 100)):
            documents.append([])
            words = 0
        documents[-1].append(paragraph)
        words += len(paragraph.split())
    return [
        Document(source, n, "\n\n".join(parts))
        for n, parts in enumerate(documents, start=1)
        if parts
    ]


def context(declared: dict[str, Any]) -> TextContext:
    def strings(name: str) -> tuple[str, ...]:
        value = declared.get(name, [])
        return tuple(str(v) for v in value) if isinstance(value, list) else ()

    terms = (*strings("allowed_terms"), *strings("named_professionals"), *strings("pseudonyms"))
    return TextContext(
        kind=Kind(str(declared.get("kind", "brief"))),
        allowed_terms=terms,
        allowed_emails=frozenset(t.lower() for t in terms if "@" in t),
        case_labels=("Child", "Baby", "Young Person", "Family", "Adult"),
        area_names=strings("area_names"),
    )


def declarations(file: str, sources: dict[str, Any]) -> dict[str, Any]:
    """What the source's partnership declares, merged with what the source itself adds."""
    entry = next((s for s in sources["sources"] if s["file"] == file), None)
    if entry is None:
        return {"kind": "page"}
    merged: dict[str, Any] = {"kind": entry.get("kind", "page")}
    for part in (sources["partnerships"].get(entry["partnership"], {}), entry):
        for key in ("area_names", "allowed_terms", "named_professionals", "pseudonyms"):
            merged[key] = [*merged.get(key, []), *part.get(key, [])]
    return merged


def false_errors(document: Document, ctx: TextContext) -> list[str]:
    found = []
    for finding in scan_text(document.text, ctx):
        severity = finding.severity or RULES[finding.rule].severity
        if severity is Severity.ERROR:
            before = document.text[max(0, finding.start - 40) : finding.start]
            after = document.text[finding.end : finding.end + 30]
            shown = f"{before}[[{finding.span(document.text)}]]{after}".replace("\n", " ")
            found.append(f"{finding.rule}: {shown}")
    return found


def example_documents() -> list[tuple[Document, TextContext]]:
    """The example site's briefs, sheets and pages, checked with its own settings."""
    import datetime as dt

    from learning_resources.anonymisation.scan import context_for
    from learning_resources.pipeline import check_site

    report = check_site(PROJECT, dt.datetime.now(dt.UTC).date())
    assert report.site is not None
    out = []
    for document in report.site.documents:
        ctx = context_for(document, report.site.settings)
        out.append((Document(document.path, 1, document.source.text), ctx))
    return out


def measure(title: str, checked: list[tuple[Document, TextContext]], show: bool) -> dict[str, int]:
    total = words = 0
    for document, ctx in checked:
        errors = false_errors(document, ctx)
        total += len(errors)
        words += len(document.text.split())
        if show:
            print(f"{document.name}: {len(errors)} false error{'s' * (len(errors) != 1)}")
            for error in errors:
                print(f"    {error}")
    n = len(checked)
    print(
        f"{title}: {n} documents ({words} words), {total} false errors: "
        f"{20 * total / n if n else 0:.2f} per 20 documents (target: at most 1)"
    )
    return {"documents": n, "words": words, "false_errors": total}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path)
    parser.add_argument("--show", action="store_true", help="print every false error")
    parser.add_argument("--example", action="store_true", help="check the example site instead")
    args = parser.parse_args()
    figures: dict[str, dict[str, int]] = {}
    if args.example:
        figures["the example site (its own settings)"] = measure(
            "the example site", example_documents(), args.show
        )
    else:
        folder = args.folder or next((f for f in DEFAULT_FOLDERS if f.is_dir()), None)
        if folder is None or not folder.is_dir():
            print("No folder of sources: give one (see benchmarks/real_text_sources.json).")
            return 1
        sources = json.loads(SOURCES.read_text(encoding="utf-8"))
        files = sorted(folder.glob("*.txt"))
        documents = [
            (path.name, d) for path in files for d in split(path.name, path.read_text("utf-8"))
        ]
        label = f"{len(files)} pages of {len(sources['partnerships'])} partnerships"
        bare = [(d, context({"kind": declarations(f, sources)["kind"]})) for f, d in documents]
        figures[f"{label}, nothing declared"] = measure(f"{folder}, nothing declared", bare, False)
        declared = [(d, context(declarations(f, sources))) for f, d in documents]
        figures[f"{label}, after declaring"] = measure(
            f"{folder}, after declaring", declared, args.show
        )
    RESULTS.mkdir(exist_ok=True)
    stored = json.loads(RESULTS_FILE.read_text()) if RESULTS_FILE.is_file() else {}
    stored.update(figures)
    RESULTS_FILE.write_text(json.dumps(stored, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
