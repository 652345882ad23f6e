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
        self._starts: list[int] = []  # each paragraph's start and end, found when first needed
        self._ends: list[int] = []
        self._found: dict[Anchor, list[tuple[int, int]]] = {}
        self._lowered: str | None = None

    def _paragraphs(self) -> list[int]:
        if not self._starts:
            self._starts.append(0)
            for m in _BLANK_LINE.finditer(self.text):
                self._ends.append(m.start())
                self._starts.append(m.end())
            self._ends.append(len(self.text))
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
        while hit is not None:
            index = self._paragraph(hit.start())
            if found and index > 0 and found[-1][1] == self._ends[index - 1]:
                found[-1] = (found[-1][0], self._ends[index])  # the paragraph after the last
            elif not found or found[-1][1] < self._ends[index]:
                found.append((self._starts[index], self._ends[index]))
            hit = pattern.search(text, max(self._ends[index], hit.start() + 1))
        return found

    def _paragraph(self, offset: int) -> int:
        """The paragraph that holds `offset` (the next one, if it is in a blank line)."""
        starts = self._paragraphs()
        index = bisect.bisect_right(starts, offset) - 1
        if offset >= self._ends[index] and index + 1 < len(starts):
            index += 1
        return index

    def _holding(self, word: str) -> list[tuple[int, int]]:
        lowered = self._lower()
        if lowered is None:
            return self._matching(Lower(re.compile(re.escape(word))))
        found: list[tuple[int, int]] = []
        at = lowered.find(word)
        while at >= 0:
            index = self._paragraph(at)
            if not found or found[-1][1] < self._ends[index]:
                found.append((self._starts[index], self._ends[index]))
            at = lowered.find(word, max(self._ends[index], at + 1))
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
