"""Random lifecycle dates never leak a non-live document into what the site generates.

For any published dates, drafts and build day, every page, the feed and the home blocks the
plugin generates (no MkDocs run: the plan and the renderers are what decide) hold nothing of
a draft or embargoed brief, and nothing of an archived brief but its notice's public fields.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs_learning import render
from mkdocs_learning.plugin import _generated_pages

from learning_resources.kinds import Kind
from learning_resources.lifecycle import State
from learning_resources.pipeline import check_site

from ..conftest import MKDOCS_YML, brief

START = dt.date(2024, 1, 1)
days = st.integers(min_value=0, max_value=1500)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    published=st.lists(days, min_size=1, max_size=4),
    drafts=st.lists(st.booleans(), min_size=4, max_size=4),
    today=days,
)
def test_nothing_of_a_non_live_brief_is_generated(
    tmp_path: Path, published: list[int], drafts: list[bool], today: int
) -> None:
    root = tmp_path / f"site-{len(list(tmp_path.iterdir()))}"
    (root / "content").mkdir(parents=True)
    (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    (root / "content/index.md").write_text("# Home\n", encoding="utf-8")
    (root / "briefs").mkdir()
    for n, offset in enumerate(published):
        letter = "ABCD"[n]
        day = (START + dt.timedelta(days=offset)).isoformat()
        text = brief(
            case=letter,
            title=f"Learning from Child {letter} zqtitle{n}zq",
            published=day,
            summary=f"A summary zqsummary{n}zq.",
            body=f"## What we learned\n\nA sentence zqbody{n}zq here.\n",
            extra="draft: true\n" if drafts[n] else "",
        )
        (root / f"briefs/brief-{n}.md").write_text(text, encoding="utf-8")
    report = check_site(root, START + dt.timedelta(days=today))
    assert report.plan is not None and report.site is not None
    plan = report.plan
    generated = [text for _, text, _, _ in _generated_pages(plan, pdfs=False)]
    live = plan.live_documents()
    generated += [
        render.atom_feed(plan.site, live, "Feed"),
        render.home_newest(live),
        render.home_topics(plan.site, live),
    ]
    everything = "\n".join(generated)
    for entry in plan.entries:
        if entry.document.kind is not Kind.BRIEF:
            continue
        n = entry.document.path.removeprefix("briefs/brief-").removesuffix(".md")
        if entry.state is State.LIVE:
            assert f"zqbody{n}zq" in everything  # the scan can fail: live text is there
            continue
        assert f"zqbody{n}zq" not in everything, entry.state
        assert f"zqsummary{n}zq" not in everything, entry.state
        if entry.state is not State.ARCHIVED:  # a notice keeps the title; nothing else does
            assert f"zqtitle{n}zq" not in everything, entry.state
            assert f"brief-{n}" not in everything, entry.state
