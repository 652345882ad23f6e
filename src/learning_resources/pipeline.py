"""One call that reads and checks a whole site: what `build.py check` and the plugin use."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import check_cache
from .check_cache import CheckCache
from .documents import Document
from .lifecycle import State
from .loading import Site, load_site, reading_key, relative
from .parallel import run_all
from .plan import Planned, SitePlan, lifecycle_problems, plan_site
from .problems import Problem, in_draft, in_file_order
from .published import IMAGES
from .settings import Settings, SettingsError, load_settings


@dataclass
class Report:
    problems: list[Problem] = field(default_factory=list)
    files: int = 0
    site: Site | None = None  # None when the settings themselves could not be read
    plan: SitePlan | None = None


@dataclass(frozen=True)
class _Published:
    """What checking one document's published text needs (and nothing else: it may be sent
    to another process)."""

    document: Document
    state: State
    files: tuple[Path, ...]  # its report and images, which the gate reads too
    root: Path
    settings: Settings

    @property
    def mode(self) -> str:
        """How much of it is published, which is all its checks depend on besides itself."""
        return {State.ARCHIVED: "title", State.DRAFT: "draft"}.get(self.state, "full")


def _published(entry: Planned, site: Site) -> _Published:
    document = entry.document
    files: list[Path] = []
    if entry.state is not State.ARCHIVED:
        report = document.fields.report
        if report:
            files.append(document.source.path.parent / report)
        files += [a for a in site.assets.get(document.path, ()) if a.suffix.lower() in IMAGES]
    return _Published(document, entry.state, tuple(files), site.root, site.settings)


_Checked = tuple[list[Problem], list[Problem]]  # the content policy's, the gate's


def _check_published(work: _Published) -> _Checked:
    """The content policy's and the anonymisation gate's problems for one document."""
    # Imported here: a check whose every document is in the cache never needs them.
    from .anonymisation.attachments import check_image, scan_pdf
    from .anonymisation.scan import context_for, scan_document, scan_file_names
    from .file_types import file_type_problems
    from .html_policy import check_body

    document, settings = work.document, work.settings
    draft = work.state is State.DRAFT
    archived = work.state is State.ARCHIVED
    policy: list[Problem] = []
    if not archived:
        source = document.source
        policy = check_body(source.body, source.relpath, source.body_line)
        policy = [in_draft(p) for p in policy] if draft else policy
    found = scan_document(document, settings, title_only=archived, draft=draft)
    published = [relative(work.root, path) for path in work.files]  # none when archived
    found += scan_file_names(document, settings, published, draft=draft)
    for path in work.files:
        relpath = relative(work.root, path)
        typed = file_type_problems(path, relpath)
        policy += [in_draft(p) for p in typed] if draft else typed
        if path.suffix.lower() in IMAGES:
            found += check_image(path, relpath, draft=draft)
        else:
            found += scan_pdf(path, relpath, context_for(document, settings), draft=draft)
    return policy, found


# Documents to check before other processes pay for starting: each takes about 10 ms, and
# starting a worker (forked, the detectors' word lists already loaded) about 50 ms.
PARALLEL_FROM = 48


def _check_all(works: list[_Published], *, parallel: bool | None = None) -> list[_Checked]:
    """Each document's checks, in order, on every core when there are enough of them."""
    if parallel or (parallel is None and len(works) >= PARALLEL_FROM):
        from .anonymisation.scan import TextContext, scan_text
        from .kinds import Kind

        scan_text("", TextContext(Kind.BRIEF))  # load the word lists once, before forking
    return run_all(_check_published, works, enough=PARALLEL_FROM, parallel=parallel)


def published_checks(
    plan: SitePlan,
    cache: CheckCache | None = None,
    only: Callable[[str], bool] | None = None,
    *,
    parallel: bool | None = None,
) -> _Checked:
    """The content policy's and the anonymisation gate's problems for every document that is
    or will be published (or, with `only`, for those whose path it chooses).

    The gate checks drafts too, with errors shown as warnings (they will block once the draft
    is finished); archived briefs are published only as a notice, so only their title is
    checked, and the content policy not at all. With a `cache`, a document checked before,
    unchanged and published the same way, is not checked again."""
    results: list[_Checked | None] = []
    todo: list[tuple[int, _Published, tuple[str, str]]] = []
    for entry in plan.entries:
        if only is not None and not only(entry.document.path):
            results.append(([], []))
            continue
        work = _published(entry, plan.site)
        keys = ("", "")
        if cache is not None:
            source = work.document.source
            keys = (
                reading_key(work.document.kind, work.document.slug, source.text),
                check_cache.content_key(work.mode, check_cache.files_key(work.files)),
            )
            cached = _cached_checks(cache.checks(source.relpath, *keys))
            if cached is not None:
                results.append(cached)
                continue
        todo.append((len(results), work, keys))
        results.append(None)
    for (index, work, keys), result in zip(
        todo, _check_all([w for _, w, _ in todo], parallel=parallel), strict=True
    ):
        results[index] = result
        if cache is not None:
            data = [check_cache.encode_problems(part) for part in result]
            cache.keep_checks(work.document.path, *keys, data)
    policy = [p for r in results if r for p in r[0]]
    found = [p for r in results if r for p in r[1]]
    return policy, found


def _cached_checks(data: Any) -> _Checked | None:
    if data is None:
        return None
    try:
        policy, found = data
        return check_cache.decode_problems(policy), check_cache.decode_problems(found)
    except (TypeError, ValueError):
        return None


def check_site(
    root: Path,
    today: dt.date,
    *,
    cache: bool = False,
    only: Callable[[str], bool] | None = None,
) -> Report:
    """Read settings and every document of the site in `root`; never raises for bad content.

    With `cache`, results kept in the site's cache folder are used for what has not changed
    (see check_cache), and the cache is brought up to date. With `only`, the content policy
    and the anonymisation gate check only the documents whose path it chooses (the rest of
    the site is still read: its addresses, case letters and lifecycles matter to those)."""
    try:
        settings = load_settings(root)
    except SettingsError as exc:
        return Report(problems=in_file_order(exc.problems), files=1)
    store = CheckCache(root, settings) if cache else None
    site = load_site(root, settings, store)
    plan = plan_site(site, today)
    policy, found = published_checks(plan, store, only)
    problems = in_file_order([*site.problems, *policy, *lifecycle_problems(plan), *found])
    if store is not None:
        store.save()
    return Report(problems=problems, files=site.files + 1, site=site, plan=plan)
