"""One call that reads and checks a whole site: what `build.py check` and the plugin use."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from .loading import Site, load_site
from .plan import SitePlan, lifecycle_problems, plan_site
from .problems import Problem, in_file_order
from .settings import SettingsError, load_settings


@dataclass
class Report:
    problems: list[Problem] = field(default_factory=list)
    files: int = 0
    site: Site | None = None  # None when the settings themselves could not be read
    plan: SitePlan | None = None


def check_site(root: Path, today: dt.date) -> Report:
    """Read settings and every document of the site in `root`; never raises for bad content."""
    try:
        settings = load_settings(root)
    except SettingsError as exc:
        return Report(problems=in_file_order(exc.problems), files=1)
    site = load_site(root, settings)
    plan = plan_site(site, today)
    problems = in_file_order([*site.problems, *lifecycle_problems(plan)])
    return Report(problems=problems, files=site.files + 1, site=site, plan=plan)
