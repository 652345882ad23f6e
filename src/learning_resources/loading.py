"""Finding and reading every document of a site, with all the problems in one pass."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import check_cache
from .blocks import block_problems, marker_problems
from .check_cache import CheckCache
from .documents import Document, Fields
from .kinds import BRIEFING_SECTIONS, SEVEN_MINUTE, Kind
from .located import YamlSyntaxError, load_located
from .problems import Problem, in_file_order
from .published import is_ordinary, limit_to_allowed, ordinary_files
from .rules import problem
from .settings import Settings
from .source import SourceError, SourceFile, read_source
from .validation import (
    Checked,
    check_fields_in_body,
    check_front_matter,
    check_placeholders,
    check_sections,
    check_sheet_sections,
)
from .words import is_slug, suggest_slug

# Addresses the site generates; ordinary pages in content/ may not use them.
RESERVED_FOLDERS = ("briefs", "bitesize", "topics", "archive", "editors")


@dataclass(frozen=True)
class Candidate:
    """A file that should be a document, before it is read."""

    kind: Kind
    path: Path
    relpath: str
    slug: str
    assets: tuple[Path, ...] = ()  # other files of a document kept in its own folder


@dataclass
class Site:
    root: Path
    settings: Settings
    documents: list[Document] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: int = 0
    assets: dict[str, tuple[Path, ...]] = field(default_factory=dict)  # doc path -> its files

    def of_kind(self, kind: Kind) -> list[Document]:
        return [d for d in self.documents if d.kind is kind]


def load_site(root: Path, settings: Settings, cache: CheckCache | None = None) -> Site:
    """Read every document under `root`; the returned Site lists every problem found.
    With a `cache`, a document whose text has not changed is not read and checked again."""
    site = Site(root=root, settings=settings)
    for candidate in discover(root, site.problems):
        site.files += 1
        document = load_document(candidate, settings, site.problems, cache)
        if document is not None:
            site.documents.append(document)
            if candidate.assets:
                site.assets[document.path] = candidate.assets
    limit_to_allowed(site)
    site.problems.extend(cross_document_problems(site.documents))
    site.problems.extend(block_problems(site.documents, settings))
    site.problems.extend(marker_problems(site.documents))
    site.problems = in_file_order(site.problems)
    return site


def relative(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()


def discover(root: Path, problems: list[Problem]) -> Iterator[Candidate]:
    """Every document file of the site, in a stable order; stray files become problems.

    No symbolic link is followed and no special file opened (see `published`); a document
    folder's other files are its candidate assets, narrowed by `limit_to_allowed` later.
    """
    for kind in (Kind.BRIEF, Kind.SHEET):
        folder = root / kind.folder
        if folder.is_symlink() or not folder.is_dir():
            ordinary_files(root, folder, problems)  # reports a link, does nothing else
            continue
        for entry in sorted(folder.iterdir()):
            if entry.name.startswith("."):
                continue
            if is_ordinary(entry) and entry.suffix == ".md":
                yield _candidate(root, kind, entry, entry.stem, problems)
            elif entry.is_dir() and not entry.is_symlink() and is_ordinary(entry / "index.md"):
                assets = [
                    p for p in ordinary_files(root, entry, problems) if p != entry / "index.md"
                ]
                for extra in (a for a in assets if a.suffix == ".md"):
                    problems.append(_stray(root, extra, f"only index.md is read in {entry.name}/"))
                assets = [a for a in assets if a.suffix != ".md"]
                yield _candidate(
                    root, kind, entry / "index.md", entry.name, problems, tuple(assets)
                )
            else:
                for stray in ordinary_files(root, entry, problems):
                    problems.append(
                        _stray(
                            root,
                            stray,
                            f"{kind.folder}/ holds documents: "
                            f"a '.md' file each, or a folder with an index.md",
                        )
                    )
    content = root / "content"
    if os.path.lexists(content):
        addresses: dict[str, str] = {}  # a page's address -> the first page found there
        for path in ordinary_files(root, content, problems):
            if path.suffix != ".md":
                continue  # allowed or refused by limit_to_allowed
            relpath = relative(root, path)
            inner = path.relative_to(content).as_posix()
            address = page_address(inner)
            top = address.split("/")[0]
            if top in RESERVED_FOLDERS:
                where = f"content/{top}/" if "/" in inner else f"/{top}/, where it would be,"
                problems.append(
                    problem(
                        "file.reserved",
                        relpath,
                        1,
                        1,
                        f"{where} is where the site puts its generated pages; move or rename "
                        "this page in content/",
                    )
                )
                continue
            first = addresses.setdefault(address, relpath)
            if first != relpath:
                # MkDocs publishes index.md rather than README.md: the README is the one to go
                readme_first = Path(first).stem == "README"
                clash, other = (first, relpath) if readme_first else (relpath, first)
                problems.append(
                    problem(
                        "site.duplicate_slug",
                        clash,
                        1,
                        1,
                        f"the address /{address + '/' if address else ''} is already that of "
                        f"{other}; rename one of the two files",
                    )
                )
            yield Candidate(Kind.PAGE, path, relpath, inner.removesuffix(".md"))


def page_address(inner: str) -> str:
    """Where MkDocs publishes the page `inner` of content/: 'about/index.md' -> 'about'."""
    parts = inner.removesuffix(".md").split("/")
    return "/".join(parts[:-1] if parts[-1] in ("index", "README") else parts)


def _candidate(
    root: Path,
    kind: Kind,
    path: Path,
    slug: str,
    problems: list[Problem],
    assets: tuple[Path, ...] = (),
) -> Candidate:
    relpath = relative(root, path)
    if not is_slug(slug):
        problems.append(
            problem(
                "file.slug",
                relpath,
                1,
                1,
                f"'{slug}' cannot be used in the page address; rename it to "
                f"'{suggest_slug(slug)}' (lower-case letters, digits and hyphens)",
                slug,
            )
        )
    return Candidate(kind, path, relpath, slug, assets)


def _stray(root: Path, path: Path, why: str) -> Problem:
    relpath = relative(root, path)
    return problem(
        "file.stray",
        relpath,
        1,
        1,
        f"this file is not part of any document ({why}); move it into the folder of "
        "the document it belongs to, or delete it",
    )


def load_document(
    candidate: Candidate,
    settings: Settings,
    problems: list[Problem],
    cache: CheckCache | None = None,
) -> Document | None:
    """Read and check one document; None when it cannot be used at all."""
    try:
        source = read_source(candidate.path, candidate.relpath)
    except SourceError as exc:
        problems.extend(exc.problems)
        return None
    key = reading_key(candidate.kind, candidate.slug, source.text)
    read = _cached(cache.reading(candidate.relpath, key), source) if cache else None
    if read is None:
        read = _read(candidate, source, settings)
        if cache:
            cache.keep_reading(candidate.relpath, key, _encoded(read))
    checked, found, _ = read
    problems.extend(found)
    if checked is None:
        return None
    return Document(
        candidate.kind,
        source,
        candidate.slug,
        Fields.of(checked.values),
        checked.positions,
        checked.spans,
    )


# What reading a document gives: its checked front matter (None when unusable), the problems
# found, and the files whose existence the checks looked at (name -> whether it existed).
_Read = tuple[Checked | None, list[Problem], dict[str, bool]]


def reading_key(kind: Kind, slug: str, text: str) -> str:
    """What a document's reading (and so its cache entry) depends on, besides the settings."""
    return check_cache.content_key(kind, slug, text)


def _read(candidate: Candidate, source: SourceFile, settings: Settings) -> _Read:
    problems: list[Problem] = []
    front_matter = None
    if source.front_matter is not None:
        try:
            front_matter = load_located(
                source.front_matter,
                first_line=source.front_matter_line,
                first_index=source.front_matter_offset,
            )
        except YamlSyntaxError as exc:
            return None, [exc.as_problem(source.relpath)], {}
    checked = check_front_matter(candidate.kind, source, front_matter, settings)
    problems.extend(checked.problems)
    if candidate.kind is Kind.SHEET:
        problems.extend(check_sheet_sections(source, settings))
    problems.extend(check_placeholders(source, draft=checked.values.get("draft") is True))
    problems.extend(check_fields_in_body(candidate.kind, source))
    if checked.values.get("layout") == SEVEN_MINUTE:
        problems.extend(check_sections(source, BRIEFING_SECTIONS, "briefing", "7-minute briefing"))
    looked_at: dict[str, bool] = {}
    report = (
        front_matter.value.get("report") if front_matter and front_matter.kind == "map" else None
    )
    if report is not None and report.value.is_text:  # checks look for the file it names
        name = str(report.value.value).strip()
        looked_at[name] = (source.path.parent / name).is_file()
    return checked, problems, looked_at


def _encoded(read: _Read) -> dict[str, object]:
    checked, problems, looked_at = read
    encode = check_cache.encode
    return {
        "checked": None
        if checked is None
        else [encode(checked.values), checked.positions, checked.spans],
        "problems": check_cache.encode_problems(problems),
        "looked_at": looked_at,
    }


def _cached(data: dict[str, Any] | None, source: SourceFile) -> _Read | None:
    """A cached reading, if the files it looked at are still as they were."""
    if data is None:
        return None
    try:
        looked_at = data["looked_at"]
        if any((source.path.parent / n).is_file() != e for n, e in looked_at.items()):
            return None
        checked = None
        if data["checked"] is not None:
            values, positions, spans = data["checked"]
            checked = Checked(
                values=check_cache.decode(values),
                positions={str(k): (int(a), int(b)) for k, (a, b) in positions.items()},
                spans={str(k): (int(a), int(b)) for k, (a, b) in spans.items()},
            )
        return checked, check_cache.decode_problems(data["problems"]), looked_at
    except (KeyError, TypeError, ValueError, AttributeError):
        return None  # not what this version writes: read the document again


def cross_document_problems(documents: list[Document]) -> list[Problem]:
    """Rules across documents: unique addresses, unique case letters in a year."""
    found: list[Problem] = []
    slugs: dict[str, Document] = {}
    cases: dict[tuple[int, str], Document] = {}
    for document in documents:
        if document.kind is Kind.PAGE:
            continue
        first = slugs.setdefault(document.slug, document)
        if first is not document:
            found.append(
                problem(
                    "site.duplicate_slug",
                    document.path,
                    1,
                    1,
                    f"'{document.slug}' is already the address of {first.path}; "
                    "rename one of the two files",
                    document.slug,
                )
            )
        if document.kind is Kind.BRIEF and document.published and document.fields.case:
            key = (document.published.year, document.fields.case)
            earlier = cases.setdefault(key, document)
            if earlier is not document:
                line, column = document.line_of("case")
                found.append(
                    problem(
                        "site.duplicate_case",
                        document.path,
                        line,
                        column,
                        f"case {key[1]} is already used by {earlier.path}, also published in "
                        f"{key[0]}; give this case a different letter",
                        key[1],
                    )
                )
    return found
