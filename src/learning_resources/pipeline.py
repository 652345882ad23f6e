"""One call that reads and checks a whole site: what `build.py check` and the plugin use."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from .anonymisation.attachments import IMAGE_SUFFIXES, check_image, scan_pdf
from .anonymisation.scan import context_for, scan_document, scan_file_names
from .html_policy import check_body
from .lifecycle import State
from .loading import Site, load_site, relative
from .plan import SitePlan, lifecycle_problems, plan_site
from .problems import Problem, in_draft, in_file_order
from .settings import SettingsError, load_settings


@dataclass
class Report:
    problems: list[Problem] = field(default_factory=list)
    files: int = 0
    site: Site | None = None  # None when the settings themselves could not be read
    plan: SitePlan | None = None


def anonymity(plan: SitePlan) -> list[Problem]:
    """The anonymisation gate over everything that is or will be published.

    Drafts are checked too, with errors shown as warnings (they will block once the draft is
    finished). Archived briefs are published only as a notice, so only their title is checked.
    """
    settings = plan.site.settings
    found: list[Problem] = []
    for entry in plan.entries:
        document, state = entry.document, entry.state
        draft = state is State.DRAFT
        found += scan_document(document, settings, title_only=state is State.ARCHIVED, draft=draft)
        published = () if state is State.ARCHIVED else plan.site.assets.get(document.path, ())
        found += scan_file_names(
            document, settings, [relative(plan.site.root, a) for a in published], draft=draft
        )
        if state is State.ARCHIVED:
            continue
        folder = document.source.path.parent
        report = document.fields.report
        if report:
            found += scan_pdf(
                folder / report,
                relative(plan.site.root, folder / report),
                context_for(document, settings),
                draft=draft,
            )
        for asset in plan.site.assets.get(document.path, ()):
            if asset.suffix.lower() in IMAGE_SUFFIXES:
                found += check_image(asset, relative(plan.site.root, asset), draft=draft)
    return found


def content_policy(plan: SitePlan) -> list[Problem]:
    """The HTML content policy over every body that is or will be published: an archived
    brief's body never is; a draft's breaches are warnings until it is finished."""
    found: list[Problem] = []
    for entry in plan.entries:
        if entry.state is State.ARCHIVED:
            continue
        source = entry.document.source
        problems = check_body(source.body, source.relpath, source.body_line)
        found += [in_draft(p) for p in problems] if entry.state is State.DRAFT else problems
    return found


def check_site(root: Path, today: dt.date) -> Report:
    """Read settings and every document of the site in `root`; never raises for bad content."""
    try:
        settings = load_settings(root)
    except SettingsError as exc:
        return Report(problems=in_file_order(exc.problems), files=1)
    site = load_site(root, settings)
    plan = plan_site(site, today)
    problems = in_file_order(
        [
            *site.problems,
            *content_policy(plan),
            *lifecycle_problems(plan),
            *anonymity(plan),
        ]
    )
    return Report(problems=problems, files=site.files + 1, site=site, plan=plan)
