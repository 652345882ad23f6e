"""Running a costly pattern only in the paragraphs where a cheap one finds what it needs.

Most of a learning brief is prose with nothing to find: no digit for a date or a postcode, no
'Road' or 'School' for an address. A detector's patterns are tried at every offset, so each
is given an anchor, a pattern that any match must contain (a digit, a street type...), found
with one fast pass; the costly pattern then runs only in the paragraphs (text between blank
lines) that hold an anchor, with `pattern.finditer(text, start, end)`, which sees the text
before `start` for look-behinds, so it finds there exactly what a whole-text pass would
(no pattern here matches across a blank line).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from functools import cache
from typing import NamedTuple

from .allowed import trie_regex

_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def cased(words: Iterable[str]) -> str:
    """A tree of `words` as written, Capitalised and in capitals, for a case-sensitive pattern
    (much faster than the same words with re.IGNORECASE, which defeats the engine's first-
    character skip)."""
    forms = {f for w in words for f in (w, w[:1].upper() + w[1:], w.upper())}
    return "(?:" + trie_regex(forms) + ")"


class Lower(NamedTuple):
    """An anchor in lower case, looked for in the text in lower case: as fast as a case-
    sensitive pattern, and as sure as one with re.IGNORECASE."""

    pattern: re.Pattern[str]


class Words(NamedTuple):
    """An anchor of words (or any strings) in lower case, looked for in the text in lower case
    with str.find, the fastest search there is: the text holds one of them somewhere."""

    words: tuple[str, ...]


Anchor = re.Pattern[str] | Lower | Words


@cache
def _ignoring_case(pattern: re.Pattern[str]) -> re.Pattern[str]:
    return re.compile(pattern.pattern, re.IGNORECASE)


class Blocks:
    """A text's paragraphs, and the ones that hold each anchor (found once per anchor)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts: list[int] | None = None
        self._ends: list[int] = []
        self._found: dict[Anchor, list[tuple[int, int]]] = {}
        self._lowered: str | None = None

    def _paragraphs(self) -> list[int]:
        if self._starts is None:
            starts, ends = [0], []
            for m in _BLANK_LINE.finditer(self.text):
                ends.append(m.start())
                starts.append(m.end())
            ends.append(len(self.text))
            self._starts, self._ends = starts, ends
        return self._starts

    def where(self, anchor: Anchor) -> list[tuple[int, int]]:
        """The stretches of whole paragraphs, side by side merged, that hold `anchor`."""
        found = self._found.get(anchor)
        if found is not None:
            return found
        if isinstance(anchor, Words):
            found = _merged([w for word in anchor.words for w in self._holding(word)])
        else:
            found = self._matching(anchor)
        self._found[anchor] = found
        return found

    def _lower(self) -> str | None:
        """The text in lower case, if that keeps every offset."""
        if self._lowered is None:
            self._lowered = self.text.lower()
        return self._lowered if len(self._lowered) == len(self.text) else None

    def _matching(self, anchor: re.Pattern[str] | Lower) -> list[tuple[int, int]]:
        text = self.text
        if isinstance(anchor, Lower):
            lowered = self._lower()
            if lowered is not None:
                text, pattern = lowered, anchor.pattern
            else:
                pattern = _ignoring_case(anchor.pattern)
        else:
            pattern = anchor
        found: list[tuple[int, int]] = []
        hit = pattern.search(text)
        if hit is not None:
            starts, ends = self._paragraphs(), self._ends
            while hit is not None:
                index = bisect.bisect_right(starts, hit.start()) - 1
                if found and index > 0 and found[-1][1] == ends[index - 1]:
                    found[-1] = (found[-1][0], ends[index])  # the paragraph after the last
                else:
                    found.append((starts[index], ends[index]))
                hit = pattern.search(text, ends[index]) if ends[index] < len(text) else None
        return found

    def _holding(self, word: str) -> list[tuple[int, int]]:
        lowered = self._lower()
        if lowered is None:
            return self._matching(Lower(re.compile(re.escape(word))))
        found: list[tuple[int, int]] = []
        at = lowered.find(word)
        if at >= 0:
            starts, ends = self._paragraphs(), self._ends
            while at >= 0:
                index = bisect.bisect_right(starts, at) - 1
                found.append((starts[index], ends[index]))
                at = lowered.find(word, ends[index])
        return found

    def finditer(self, pattern: re.Pattern[str], *anchors: Anchor) -> Iterator[re.Match[str]]:
        """pattern.finditer(text), in the paragraphs that hold one of `anchors` only."""
        windows = self.where(anchors[0])
        if len(anchors) > 1:
            windows = _merged([w for anchor in anchors for w in self.where(anchor)])
        for start, end in windows:
            yield from pattern.finditer(self.text, start, end)


def _merged(windows: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(windows):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
