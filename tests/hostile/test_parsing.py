"""Hostile and careless files: each gets its own clear error at the right file and line, and
none hangs the check or gives a traceback (issue 9, bounded parsing; issue 10, plain YAML)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from learning_resources.located import MAX_DEPTH, YamlSyntaxError, load_located
from learning_resources.pipeline import check_site
from learning_resources.problems import Problem
from learning_resources.source import MAX_BYTES

from ..conftest import SiteFolder, brief

TODAY = dt.date(2026, 11, 25)
FRONT = "---\ntitle: Learning from Child A\n"  # then line 3 onwards


def problems_of(site: SiteFolder) -> list[Problem]:
    return check_site(site.root, TODAY).problems


def found(site: SiteFolder) -> list[tuple[str, int, int, str]]:
    return [(p.path, p.line, p.column, p.rule) for p in problems_of(site)]


def alias_bomb(levels: int) -> str:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    for n in range(1, levels):
        lines.append(f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]")
    return "---\n" + "\n".join(lines) + "\n---\nBody.\n"


# (what, file, content, expected problems as (line, column, rule))
HOSTILE_FILES: list[tuple[str, str, str | bytes, list[tuple[int, int, str]]]] = [
    ("alias bomb", "briefs/child-a.md", alias_bomb(9), [(2, 5, "frontmatter.alias")]),
    (
        "alias referring to itself",
        "briefs/child-a.md",
        "---\na: &a [*a]\n---\n",
        [(2, 4, "frontmatter.alias")],
    ),
    (
        "alias as a value",
        "briefs/child-a.md",
        brief(extra="case_label: *x\n"),
        [(8, 13, "frontmatter.alias")],
    ),
    (
        "merge key",
        "briefs/child-a.md",
        brief(extra="x: &base {a: 1}\ny:\n  <<: *base\n"),
        [(8, 4, "frontmatter.alias")],
    ),
    (
        "lists nested 5,000 deep",
        "briefs/child-a.md",
        "---\ntitle: " + "[" * 5000 + "]" * 5000 + "\n---\n",
        [(2, 7 + MAX_DEPTH, "frontmatter.nesting")],
    ),
    (
        "fields nested 1,000 deep",
        "briefs/child-a.md",
        "---\n" + "".join(" " * i + "a:\n" for i in range(1000)) + "---\n",
        [(2 + MAX_DEPTH - 1, MAX_DEPTH, "frontmatter.nesting")],
    ),
    (
        "NUL in a summary",
        "briefs/child-a.md",
        brief(summary="What\x00 we found."),
        [(7, 14, "file.control_character")],
    ),
    (
        "NUL in the body",
        "briefs/child-a.md",
        brief(body="One.\n\nTwo\x00.\n"),
        [(11, 4, "file.control_character")],
    ),
    (
        "NUL in a content page",
        "content/about.md",
        "# About\n\nA\x00B\n",
        [(3, 2, "file.control_character")],
    ),
    (
        "escape character",
        "briefs/child-a.md",
        brief(title="Child A\x1b[31m"),
        [(2, 15, "file.control_character")],
    ),
    (
        "next-line control (U+0085)",
        "briefs/child-a.md",
        brief(summary="One\x85two."),
        [(7, 13, "file.control_character")],
    ),
    (
        "line separator (U+2028)",
        "briefs/child-a.md",
        brief(body="One\u2028two.\n"),
        [(9, 4, "file.control_character")],
    ),
    (
        "delete character",
        "bitesize/neglect.md",
        "---\ntitle: Neg\x7flect\n---\n",
        [(2, 11, "file.control_character")],
    ),
    (
        "zero-width space in a name",
        "briefs/child-a.md",
        brief(body="Ty\u200bler was seen.\n"),
        [(9, 3, "file.invisible_character")],
    ),
    (
        "zero-width space in the title",
        "briefs/child-a.md",
        brief(title="Child\u200b A"),
        [(2, 13, "file.invisible_character")],
    ),
    (
        "word joiner",
        "briefs/child-a.md",
        brief(body="Ty\u2060ler\n"),
        [(9, 3, "file.invisible_character")],
    ),
    (
        "byte-order mark inside the text",
        "briefs/child-a.md",
        brief(body="Ty\ufeffler\n"),
        [(9, 3, "file.invisible_character")],
    ),
    (
        "Hangul filler",
        "briefs/child-a.md",
        brief(body="A\u3164B\n"),
        [(9, 2, "file.invisible_character")],
    ),
    (
        "right-to-left override",
        "briefs/child-a.md",
        brief(body="Seen by \u202eyelraM\u202c.\n"),
        [(9, 9, "file.invisible_character"), (9, 16, "file.invisible_character")],
    ),
    (
        "right-to-left isolate",
        "content/about.md",
        "# About\n\n\u2067x\u2069\n",
        [(3, 1, "file.invisible_character"), (3, 3, "file.invisible_character")],
    ),
    (
        "right-to-left mark",
        "briefs/child-a.md",
        brief(summary="Seen\u200f."),
        [(7, 14, "file.invisible_character")],
    ),
    (
        "zero-width joiner outside an emoji",
        "briefs/child-a.md",
        brief(body="Ty\u200dler\n"),
        [(9, 3, "file.invisible_character")],
    ),
    (
        "a file larger than the limit",
        "content/big.md",
        "# Big\n\n" + "word " * (MAX_BYTES // 5),
        [(1, 1, "file.too_large")],
    ),
    (
        "unquoted colon in a title",
        "briefs/child-a.md",
        brief(title="Child A: what we learned"),
        [(2, 15, "frontmatter.yaml")],
    ),
    (
        "apostrophe in single quotes",
        "briefs/child-a.md",
        brief(title="'Child A's story'"),
        [(2, 8, "frontmatter.yaml")],
    ),
    (
        "quotes inside double quotes",
        "briefs/child-a.md",
        brief(title='"Child A said "no""'),
        [(2, 8, "frontmatter.yaml")],
    ),
    (
        "indented with a tab",
        "briefs/child-a.md",
        brief(topics="\n\t- neglect"),
        [(7, 1, "frontmatter.yaml")],
    ),
    (
        "no space after a colon",
        "briefs/child-a.md",
        brief().replace("case: A", "case:A"),
        [(3, 6, "frontmatter.yaml")],
    ),
    (
        "quote never closed",
        "briefs/child-a.md",
        brief(title='"Child A'),
        [(2, 8, "frontmatter.yaml")],
    ),
    (
        "list never closed",
        "briefs/child-a.md",
        brief(topics="[neglect"),
        [(6, 9, "frontmatter.yaml")],
    ),
    (
        "value starting with @",
        "briefs/child-a.md",
        brief(title="@home"),
        [(2, 8, "frontmatter.yaml")],
    ),
    (
        "value starting with [",
        "briefs/child-a.md",
        brief(title="[Draft] Child A"),
        [(2, 8, "frontmatter.yaml")],
    ),
    (
        "line that is not a field",
        "briefs/child-a.md",
        FRONT + "what we learned\ncase: A\n---\n",
        [(3, 1, "frontmatter.yaml")],
    ),
    (
        "field indented too far",
        "briefs/child-a.md",
        FRONT + "  case: A\n---\n",
        [(3, 7, "frontmatter.yaml")],
    ),
    (
        "list item without a field",
        "briefs/child-a.md",
        FRONT + "- neglect\n---\n",
        [(3, 1, "frontmatter.yaml")],
    ),
]


@pytest.mark.parametrize(
    ("relpath", "content", "expected"),
    [case[1:] for case in HOSTILE_FILES],
    ids=[case[0] for case in HOSTILE_FILES],
)
def test_each_hostile_file_gets_its_own_error(
    site: SiteFolder, relpath: str, content: str | bytes, expected: list[tuple[int, int, str]]
) -> None:
    site.write(relpath, content)
    assert found(site) == [(relpath, *e) for e in expected]


# (front matter lines from line 2, expected line and column, words the message must say)
YAML_MISTAKES = [
    ("title: Child A: neglect", (2, 15), 'title: "..."'),
    ("title: 'Child A's story'", (2, 8), 'put it in " quotes instead'),
    ('title: "Child A said "no""', (2, 8), "put it in ' quotes instead"),
    ("topics:\n\t- neglect", (3, 1), "indented with a tab; YAML needs spaces"),
    ("title: x\ncase:K\npublished: 2026-01-01", (3, 6), "put a space after the colon: 'case: ...'"),
    ('title: "Child A\ncase: A', (2, 8), 'add the closing " at the end of the value'),
    ("topics: [neglect\ncase: A", (2, 9), "add ']' after its last item"),
    ("title: x\n  case: A", (3, 7), "'case' is indented more than the line above"),
    ("title: x\n- neglect", (3, 1), "put list items under their field"),
    ("title: @home", (2, 8), "a value cannot start with '@'"),
    ("title: &anchor x", (2, 8), "anchors ('&name') and aliases ('*name') cannot be used"),
]


@pytest.mark.parametrize(("yaml_text", "where", "says"), YAML_MISTAKES)
def test_yaml_mistakes_are_explained_in_plain_english(
    yaml_text: str, where: tuple[int, int], says: str
) -> None:
    with pytest.raises(YamlSyntaxError) as caught:
        load_located(yaml_text, first_line=2)
    assert (caught.value.line, caught.value.column) == where
    assert says in caught.value.message
    assert "<block end>" not in caught.value.message and "token" not in caught.value.message


def test_a_huge_number_is_read_as_text() -> None:
    located = load_located("case: " + "1" * 6000)
    assert located is not None and located.value["case"].value.kind == "str"


def test_settings_may_use_aliases_but_not_a_bomb(site: SiteFolder) -> None:
    yml = (site.root / "mkdocs.yml").read_text()
    site.write("mkdocs.yml", "x-topics: &topics\n  neglect: Neglect\n" + yml)
    assert found(site) == []
    bomb = alias_bomb(9).removeprefix("---\n").split("---")[0]
    site.write("mkdocs.yml", bomb + yml)
    [refused] = problems_of(site)
    assert (refused.path, refused.line, refused.rule) == ("mkdocs.yml", 6, "config.invalid")
    assert "aliases" in refused.message


def test_emoji_sequences_keep_their_joiners(site: SiteFolder) -> None:
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    england = "\U0001f3f4\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f"
    site.write("briefs/child-a.md", brief(body=f"A family {family} in {england}.\n"))
    assert found(site) == []


def test_only_the_first_twenty_hidden_characters_are_listed(site: SiteFolder) -> None:
    site.write("content/about.md", "# About\n\n" + "\x00" * 5000 + "\n")
    problems = problems_of(site)
    assert len(problems) == 20
    assert problems[-1].message.endswith("the file has 4980 more after this one")


@pytest.mark.parametrize(
    "relpath", ["content/x.md", "briefs/child-b.md", "briefs/child-a/notes.txt", "content/a.png"]
)
def test_a_fifo_is_refused_without_being_opened(site: SiteFolder, relpath: str) -> None:
    site.write("briefs/child-a/index.md", brief())
    fifo = site.root / relpath
    fifo.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(fifo)  # opening it for reading would wait for ever for a writer
    assert found(site) == [(relpath, 1, 1, "file.not_regular")]


def test_a_link_to_a_device_is_refused_and_never_followed(site: SiteFolder) -> None:
    (site.root / "content/null.md").symlink_to(Path(os.devnull))
    assert found(site) == [("content/null.md", 1, 1, "file.symlink")]


def test_problems_say_what_to_do() -> None:
    with pytest.raises(YamlSyntaxError) as caught:
        load_located(alias_bomb(3).removeprefix("---\n").split("---")[0])
    assert caught.value.rule == "frontmatter.alias"
    assert "write each value out in full" in caught.value.message
