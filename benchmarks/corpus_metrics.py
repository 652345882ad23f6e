"""Scoring shared by the anonymisation benchmarks (standard library only).

Both the project's own checker benchmark and the Presidio comparison import this module, so
the two are scored in exactly the same way on the labelled corpus described in
``tests/anonymisation/README.md``.

A checker is reduced to a list of :class:`Span` per document id. A label counts as found when
a span overlaps any occurrence of the label's text in the document text. For the kind ``age``
any span counts (an age need only be warned about); for every other kind only a *blocking*
span counts, because those identifiers must stop publication. A blocking span in a clean
document is a false error.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["KIND_ORDER", "NON_BLOCKING_KINDS", "Span", "load_corpus", "markdown_table", "score"]

# Report order of the label kinds (the order of tests/anonymisation/README.md).
KIND_ORDER = (
    "postcode",
    "phone",
    "email",
    "nhs_number",
    "ni_number",
    "vehicle",
    "social",
    "reference",
    "date",
    "date_of_birth",
    "age",
    "name",
    "address",
    "institution",
)

# Label kinds for which a warning (a non-blocking span) is enough to count as found.
NON_BLOCKING_KINDS = frozenset({"age"})

# Keys of a score() result that are not label kinds.
_SUMMARY_KEYS = frozenset(
    {
        "clean_documents",
        "false_errors",
        "false_errors_per_clean_document",
        "clean_documents_with_a_false_error",
        "seconds",
        "documents",
    }
)


@dataclass
class Span:
    """One finding of a checker: character offsets ``[start, end)`` into the document text."""

    start: int
    end: int
    kind: str | None
    blocking: bool


def load_corpus(path: str | Path) -> list[dict[str, Any]]:
    """Read a JSONL corpus file: one JSON object per non-blank line."""
    docs: list[dict[str, Any]] = []
    with Path(path).open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                docs.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{number}: not valid JSON: {exc}") from exc
    return docs


def _occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    """Every (possibly overlapping) occurrence of ``needle`` in ``text``."""
    found: list[tuple[int, int]] = []
    if not needle:
        return found
    start = text.find(needle)
    while start != -1:
        found.append((start, start + len(needle)))
        start = text.find(needle, start + 1)
    return found


def _overlaps(span: Span, start: int, end: int) -> bool:
    return span.start < end and start < span.end


def _ordered_kinds(kinds: set[str]) -> list[str]:
    known = [kind for kind in KIND_ORDER if kind in kinds]
    return known + sorted(kinds - set(KIND_ORDER))


def score(
    docs: list[dict[str, Any]], spans_by_id: dict[str, list[Span]], seconds: float
) -> dict[str, Any]:
    """Score one checker's spans against the corpus.

    Returns a flat dict: one entry per label kind present in the corpus,
    ``{"labels": n, "found": n, "recall": x}`` (recall is ``None`` when there are no labels),
    plus ``clean_documents``, ``false_errors`` (blocking spans in clean documents),
    ``false_errors_per_clean_document``, ``clean_documents_with_a_false_error``,
    ``seconds`` and ``documents``.
    """
    labels: dict[str, int] = {}
    found: dict[str, int] = {}
    clean_documents = 0
    false_errors = 0
    clean_with_error = 0

    for doc in docs:
        text: str = doc["text"]
        spans = spans_by_id.get(doc["id"], [])
        if doc.get("clean"):
            clean_documents += 1
            blocking = sum(1 for span in spans if span.blocking)
            false_errors += blocking
            clean_with_error += 1 if blocking else 0
        for label in doc.get("labels", []):
            kind = label["kind"]
            labels[kind] = labels.get(kind, 0) + 1
            found.setdefault(kind, 0)
            usable = spans if kind in NON_BLOCKING_KINDS else [s for s in spans if s.blocking]
            if any(
                _overlaps(span, start, end)
                for start, end in _occurrences(text, label["text"])
                for span in usable
            ):
                found[kind] += 1

    result: dict[str, Any] = {}
    for kind in _ordered_kinds(set(labels)):
        n = labels[kind]
        result[kind] = {
            "labels": n,
            "found": found[kind],
            "recall": found[kind] / n if n else None,
        }
    result["clean_documents"] = clean_documents
    result["false_errors"] = false_errors
    result["false_errors_per_clean_document"] = (
        false_errors / clean_documents if clean_documents else None
    )
    result["clean_documents_with_a_false_error"] = clean_with_error
    result["seconds"] = seconds
    result["documents"] = len(docs)
    return result


def label_kinds(result: dict[str, Any]) -> list[str]:
    """The label kinds of a score() result, in report order."""
    kinds = {
        key
        for key, value in result.items()
        if key not in _SUMMARY_KEYS and isinstance(value, dict) and "labels" in value
    }
    return _ordered_kinds(kinds)


def _fmt(value: float | None, digits: int = 2) -> str:
    return "n/a" if value is None else f"{value:.{digits}f}"


def markdown_table(results: dict[str, dict[str, Any]]) -> str:
    """Render several named score() results side by side as a markdown table.

    Rows: recall per label kind (with the number of labels), recall over all labels, false
    errors per clean document, clean documents with a false error, time per 1,000 documents.
    Columns: one per checker, in the order given.
    """
    names = list(results)
    kinds: set[str] = set()
    for result in results.values():
        kinds.update(label_kinds(result))
    ordered = _ordered_kinds(kinds)

    header = "| | " + " | ".join(names) + " |"
    rule = "|---|" + "---:|" * len(names)
    rows = [header, rule]

    for kind in ordered:
        counts = {r[kind]["labels"] for r in results.values() if kind in r}
        same = len(counts) == 1
        title = f"{kind} ({counts.pop()})" if same else kind
        cells = []
        for result in results.values():
            entry = result.get(kind)
            if entry is None:
                cells.append("n/a")
            elif same:
                cells.append(_fmt(entry["recall"]))
            else:
                cells.append(f"{_fmt(entry['recall'])} (n={entry['labels']})")
        rows.append(f"| {title} | " + " | ".join(cells) + " |")

    cells = []
    totals: set[int] = set()
    for result in results.values():
        kinds_here = label_kinds(result)
        total = sum(result[k]["labels"] for k in kinds_here)
        hit = sum(result[k]["found"] for k in kinds_here)
        totals.add(total)
        cells.append(_fmt(hit / total if total else None))
    title = f"all labels ({totals.pop()})" if len(totals) == 1 else "all labels"
    rows.append(f"| **{title}** | " + " | ".join(cells) + " |")

    rows.append(
        "| false errors per clean document | "
        + " | ".join(_fmt(r.get("false_errors_per_clean_document")) for r in results.values())
        + " |"
    )
    rows.append(
        "| clean documents with a false error | "
        + " | ".join(
            f"{r.get('clean_documents_with_a_false_error', 0)} / {r.get('clean_documents', 0)}"
            for r in results.values()
        )
        + " |"
    )
    time_cells = []
    for result in results.values():
        documents = result.get("documents") or 0
        seconds = result.get("seconds")
        if not documents or seconds is None:
            time_cells.append("n/a")
        else:
            time_cells.append(f"{seconds / documents * 1000:.1f} s")
    rows.append("| time per 1,000 documents | " + " | ".join(time_cells) + " |")
    return "\n".join(rows) + "\n"
