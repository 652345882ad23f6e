"""Key learning first: the optional key messages of briefs and sheets, and their sections."""

from __future__ import annotations

import re

import jsonschema
import pytest

from learning_resources.kinds import Kind
from learning_resources.schema import json_schema
from learning_resources.settings import load_settings

from .conftest import PROJECT, SiteFolder, brief, sheet

MESSAGES = 'key_messages: ["Look at where the baby sleeps", "Ask again after a move"]\n'


def test_key_messages_and_sections_open_the_page(site: SiteFolder) -> None:
    site.write(
        "briefs/child-a.md",
        brief(extra=MESSAGES, body="## What happened\n\nText.\n\n## What to do\n\nMore.\n"),
    )
    site.write("bitesize/neglect.md", sheet())
    assert site.run("build", "--today", "2026-07-01", "--no-pdfs").returncode == 0
    page = (site.root / "site/briefs/child-a/index.html").read_text(encoding="utf-8")
    box = page.index("Key messages")
    assert box < page.index("Look at where the baby sleeps") < page.index("Ask again after a move")
    contents = page.index("On this page")
    assert box < contents < page.index('<h2 id="what-happened"')
    assert '<a href="#what-happened">What happened</a>' in page
    assert '<a href="#what-to-do">What to do</a>' in page
    without = (site.root / "site/bitesize/neglect/index.html").read_text(encoding="utf-8")
    assert "Key messages" not in without
    # Each link goes to its heading's id as MkDocs made it (this site has no attr_list, so
    # the group activity's heading keeps its '{ .lr-activity }' in its text and its id).
    heading = re.search(r'<h2 id="([^"]+)"[^>]*>(Group activity[^<]*)<', without)
    assert heading, without
    assert f'<a href="#{heading[1]}">{heading[2]}</a>' in without


@pytest.mark.parametrize(
    ("messages", "wanted"),
    [
        ("[" + ", ".join(f"Message {n}" for n in range(6)) + "]", "keep it to 5 at most"),
        ("[" + "x" * 121 + "]", "keep each line to 120 at most"),
        ("Look at the baby", "expected a list"),
    ],
    ids=["too-many", "too-long", "not-a-list"],
)
def test_key_messages_are_few_and_short(site: SiteFolder, messages: str, wanted: str) -> None:
    site.write("briefs/child-a.md", brief(extra=f"key_messages: {messages}\n"))
    result = site.check_json("--today", "2026-07-01")
    found = [p for p in result["problems"] if p["rule"].startswith("schema.")]  # type: ignore[attr-defined, index]
    assert [wanted in p["message"] for p in found] == [True], found


def test_key_messages_pass_the_anonymisation_check(site: SiteFolder) -> None:
    site.write("briefs/child-a.md", brief(extra='key_messages: ["Listen to what Jayden says"]\n'))
    result = site.check_json("--today", "2026-07-01")
    assert [p["rule"] for p in result["problems"]] == ["anon.name"]  # type: ignore[attr-defined, index]


def test_the_schema_limits_key_messages() -> None:
    schema = json_schema(Kind.SHEET, load_settings(PROJECT))
    data = {"title": "T", "topics": ["neglect"], "summary": "S", "last_reviewed": "2026-01-01"}
    jsonschema.validate(data | {"key_messages": ["One", "Two"]}, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data | {"key_messages": [f"M{n}" for n in range(6)]}, schema)
