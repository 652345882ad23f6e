"""libyaml's parser and PyYAML's own give the same Located trees and the same errors.

`load_located` reads with libyaml where it is installed (several times faster), under the same
bounded composer, and falls back to the pure-Python parser for whatever libyaml reads
differently or refuses. These tests hold the two together on the hostile inputs of
tests/hostile/, on random text built from the same pieces and from YAML's own syntax, and on
real documents.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from learning_resources import located
from learning_resources.located import Located, YamlSyntaxError, load_located
from learning_resources.source import SourceError, read_source

from .conftest import PROJECT, brief
from .hostile.test_fuzz import FRAGMENTS
from .hostile.test_parsing import HOSTILE_FILES, YAML_MISTAKES, alias_bomb

pytestmark = pytest.mark.skipif(located._CLoader is None, reason="PyYAML without libyaml")

Outcome = Located | None | tuple[str, str, int, int, str]


def outcome(read: Any, text: str, aliases: bool = False) -> Outcome:
    try:
        return read(text, aliases)  # type: ignore[no-any-return]
    except YamlSyntaxError as exc:
        return ("error", exc.message, exc.line, exc.column, exc.rule)


def pure(text: str, aliases: bool = False) -> Located | None:
    return located._load(located._PureLoader, text, 3, 17, aliases)


def libyaml(text: str, aliases: bool = False) -> Located | None:
    return located._load(located._CLoader, text, 3, 17, aliases)  # type: ignore[arg-type]


def chosen(text: str, aliases: bool = False) -> Located | None:
    return load_located(text, first_line=3, first_index=17, aliases=aliases)


def front_matter(content: str | bytes) -> str | None:
    text = content if isinstance(content, str) else content.decode("utf-8", "replace")
    if not text.startswith("---\n"):
        return None
    return text[4:].split("\n---\n")[0] + "\n"


HOSTILE_YAML = [
    text
    for text in (
        *(front_matter(content) for _, _, content, _ in HOSTILE_FILES),
        *(text for text, _, _ in YAML_MISTAKES),
        alias_bomb(9)[4:].split("---")[0],
        "a: &a [*a]\n",
        "title: " + "[" * 5000 + "]" * 5000 + "\n",
        "".join(" " * i + "a:\n" for i in range(1000)),
        "case: " + "1" * 6000 + "\n",
    )
    if text is not None
]


@pytest.mark.parametrize("text", HOSTILE_YAML)
@pytest.mark.parametrize("aliases", [False, True])
def test_hostile_yaml_gives_the_same_tree_or_error_either_way(text: str, aliases: bool) -> None:
    assert outcome(chosen, text, aliases) == outcome(pure, text, aliases)


def test_the_hostile_inputs_exercise_both_parsers() -> None:
    """Not every hostile input falls back: libyaml's own path, errors included, is tested."""
    used = [located._pure_only(text) for text in HOSTILE_YAML]
    assert any(used) and not all(used)
    refused = [t for t in HOSTILE_YAML if not located._pure_only(t)]
    assert any(isinstance(outcome(libyaml, t), tuple) for t in refused)


FUZZ = settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
YAML_PIECES = [
    *"?:-[]{},#&*!|>'\"%@` \n",
    *["\n  ", "\n- ", ": ", "- ", "? ", "a", "b", "1", "\xa0", "é", "...", "---", "!!str "],
    *["!x ", "<<", "=", "~", "null", "yes", "0x1F", ".inf", "2026-01-01T10:00:00Z", "|-\n  "],
]


@FUZZ
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=16))
def test_random_front_matter_reads_the_same_either_way(parts: list[str]) -> None:
    text = "".join(parts)
    assert outcome(chosen, text) == outcome(pure, text)


@FUZZ
@given(st.lists(st.sampled_from(YAML_PIECES), max_size=20), st.booleans())
def test_random_yaml_syntax_reads_the_same_either_way(parts: list[str], aliases: bool) -> None:
    text = "".join(parts)
    assert outcome(chosen, text, aliases) == outcome(pure, text, aliases)


def real_front_matter() -> list[str]:
    texts = []
    for folder in ("briefs", "bitesize", "content"):
        for path in sorted((PROJECT / folder).rglob("*.md")):
            try:
                source = read_source(path, path.name)
            except SourceError:
                continue
            if source.front_matter is not None:
                texts.append(source.front_matter)
    texts.append(
        brief(
            extra="extension: {until: 2027-06-30, reason: agreed}\nwaivers:\n"
            "  - text: Grace Darling Way\n    rule: anon.address\n    reason: a campaign\n"
            "summary2: >-\n  Folded\n  text.\nnotes: |\n  Kept\n  as is.\nempty:\n",
        )[4:].split("\n---\n")[0]
        + "\n"
    )
    return texts


@pytest.mark.parametrize("text", real_front_matter())
def test_real_documents_are_read_by_libyaml_with_the_same_tree(text: str) -> None:
    if "empty:" in text:  # an empty value is one libyaml places differently: PyYAML reads it
        with pytest.raises(located._NotTheSame):
            libyaml(text)
        assert chosen(text) == pure(text)
        return
    assert not located._pure_only(text)
    tree = libyaml(text)
    assert tree is not None and tree == pure(text)


def test_the_example_settings_are_read_the_same_either_way() -> None:
    text = (PROJECT / "mkdocs.yml").read_text(encoding="utf-8")
    assert outcome(chosen, text, True) == outcome(pure, text, True)


def test_positions_are_counted_from_offsets_at_the_very_end() -> None:
    """libyaml's line and column at the end of the text can differ from PyYAML's."""
    for text in ("a: b", "a: [b]", "a: {b: c}", "a:\n  - b", "title: x\n"):
        assert libyaml(text) == pure(text), text


def test_a_control_character_in_settings_is_an_error_not_a_traceback() -> None:
    """PyYAML's reader refuses it as the loader is made; that is inside the error handling."""
    with pytest.raises(YamlSyntaxError) as caught:
        load_located("a: b\nc: d\x00e\n", aliases=True)
    assert (caught.value.line, caught.value.column) == (2, 5)
    assert "control character (U+0000)" in caught.value.message
