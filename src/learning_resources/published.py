"""Which files in the site's folders may be published: only what the check has read.

    briefs/<name>/, bitesize/<name>/  index.md, the review report named in `report:`, and the
                                      images (PNG, JPEG, GIF, WebP) index.md shows or links to
    content/                          Markdown pages, and the images those pages show

Anything else there (notes, Word files, HTML, SVG, a second PDF) is an error naming the file,
and is never copied into the site: the plugin drops every file of content/ that is not on
`content_allowlist`, and adds to a brief's or sheet's page only the files in `Site.assets`.
A symbolic link anywhere under these folders is an error and is never followed, so whatever
it points at is neither read nor published. Pipes, sockets and devices are errors too and are
never opened, and so are names with a line break or other control character. Hidden files and
folders (name starting with '.') are ignored: neither MkDocs nor the plugin publishes them.
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote

from .kinds import Kind
from .links import local_links
from .problems import Problem
from .rules import problem
from .source import not_regular

if TYPE_CHECKING:
    from .documents import Document
    from .loading import Site

IMAGES = (".png", ".jpg", ".jpeg", ".gif", ".webp")
_ABSOLUTE = re.compile(r"\]\(\s*<?(/[^()\s<>]+)")  # ![alt](/images/a.png)
_IMG_SRC = re.compile(r"""<img\b[^>]*?\bsrc\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)


def ordinary_files(root: Path, path: Path, problems: list[Problem]) -> list[Path]:
    """The ordinary files at or under `path`, sorted, never following a link.

    Links, pipes, sockets and devices become problems; hidden entries inside are skipped.
    """
    found: list[Path] = []
    pending = [path]
    while pending:  # not recursive: no folder is too deep
        entry = pending.pop()
        if entry.is_symlink():
            problems.append(_link(root, entry))
        elif entry.name.startswith(".") and entry != path:
            continue
        elif any(unicodedata.category(c) == "Cc" for c in entry.name):  # never opened
            problems.append(_control_in_name(root, entry))
        elif entry.is_dir():
            pending.extend(entry.iterdir())
        elif entry.is_file():
            found.append(entry)
        elif os.path.lexists(entry):  # a pipe, socket or device: never opened
            problems.append(not_regular(entry.relative_to(root).as_posix()))
    return sorted(found)


def is_ordinary(path: Path) -> bool:
    return path.is_file() and not path.is_symlink()


def limit_to_allowed(site: Site) -> None:
    """Keep in `site.assets` only the files each document may publish; report all the others.

    Call it once every document has been read: what is allowed depends on their fields and
    bodies. Images of content/ become assets of the first page that shows them.
    """
    content = site.root / "content"
    for document in site.documents:
        assets = site.assets.pop(document.path, ())
        if document.kind is Kind.PAGE:
            continue
        folder = document.source.path.parent
        report = document.fields.report
        allowed = {Path(os.path.normpath(folder / report))} if report else set()
        allowed |= {p for p in _shown(document, content) if p.suffix.lower() in IMAGES}
        kept = tuple(a for a in assets if a in allowed)
        site.problems.extend(_refusal(site.root, a, document) for a in assets if a not in allowed)
        if kept:
            site.assets[document.path] = kept
    if not content.is_dir():
        return
    pages = site.of_kind(Kind.PAGE)
    # An image shown by several pages is an asset (and checked) once, of the first.
    shown = {p: page for page in reversed(pages) for p in _shown(page, content)}
    for path in ordinary_files(site.root, content, []):  # links were reported by discover
        if path.suffix == ".md":
            continue
        page = shown.get(path) if path.suffix.lower() in IMAGES else None
        if page is None:
            site.problems.append(_refusal(site.root, path, None))
        else:
            site.assets[page.path] = (*site.assets.get(page.path, ()), path)


def content_allowlist(site: Site) -> frozenset[str]:
    """The files of content/ that may be published, as paths inside content/ ('a/b.png')."""
    content = site.root / "content"
    return frozenset(
        path.relative_to(content).as_posix()
        for page in site.of_kind(Kind.PAGE)
        for path in (page.source.path, *site.assets.get(page.path, ()))
    )


def _shown(document: Document, content: Path) -> set[Path]:
    """The local files `document`'s body links to or shows (no link followed). A target
    starting with '/' is in content/, as MkDocs reads it (absolute_links: relative_to_docs)."""
    body = document.source.body
    targets = [link.target for link in local_links(body)]
    targets += [m.group(1) for m in _ABSOLUTE.finditer(body)]
    targets += [m.group(1) for m in _IMG_SRC.finditer(body) if "://" not in m.group(1)]
    folder = document.source.path.parent
    return {
        Path(os.path.normpath(content / t.lstrip("/") if t.startswith("/") else folder / t))
        for t in (unquote(t.partition("#")[0]) for t in targets)
        if t and not t.startswith("//")
    }


def _refusal(root: Path, path: Path, document: Document | None) -> Problem:
    suffix = path.suffix.lower()
    inner = path.relative_to(document.source.path.parent if document else root / "content")
    if suffix == ".svg":
        why = "SVG images can carry scripts, so they are not published; convert it to PNG"
    elif suffix in IMAGES:
        where = document.source.path.name if document else "any page in content/"
        why = (
            f"no image is published unless a page shows it, and {where} does not; show it "
            f"with ![what it shows]({inner.as_posix()}), or delete it"
        )
    elif document is None:
        why = (
            "only Markdown pages and the images they show are published from content/; "
            "move it out of the site's folders, or delete it"
        )
    elif suffix == ".pdf":
        why = (
            "a brief publishes one PDF, its review report named in 'report:'; if this is the "
            "report, name it there, otherwise move it out of the site's folders"
        )
    else:
        why = (
            f"only {document.source.path.name}, the review report named in 'report:' and the "
            "images it shows are published from its folder; move it out of the site's "
            "folders, or delete it"
        )
    return _not_allowed(root, path, why)


def _not_allowed(root: Path, path: Path, why: str) -> Problem:
    return problem(
        "file.not_allowed",
        path.relative_to(root).as_posix(),
        1,
        1,
        f"this file cannot be published: {why}",
    )


def _control_in_name(root: Path, path: Path) -> Problem:
    return problem(
        "file.name",
        path.relative_to(root).as_posix(),
        1,
        1,
        "a line break, tab or other control character is in this name; rename it with "
        "letters, digits, hyphens and spaces only",
    )


def _link(root: Path, path: Path) -> Problem:
    return problem(
        "file.symlink",
        path.relative_to(root).as_posix(),
        1,
        1,
        "this is a symbolic link, which the site never follows: whatever it points at could be "
        "published unchecked; put the file itself here, or delete the link",
    )
