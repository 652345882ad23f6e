"""Small helpers about words and names used in messages and addresses."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def is_slug(text: str) -> bool:
    """Lower-case letters and digits, joined by single hyphens."""
    return bool(_SLUG.match(text))


def suggest_slug(text: str, longest: int = 60) -> str:
    """A file name for `text`: 'Café: naïve questions' -> 'cafe-naive-questions', cut at a
    hyphen to at most `longest` characters."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")
    if len(slug) > longest:
        slug = slug[: longest + 1].rsplit("-", 1)[0] if "-" in slug[:longest] else slug[:longest]
    return slug or "document"


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """'; did you mean 'x'?' for the closest choice, or '' when nothing is close."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    if not close:
        close = [c for c in choices if c.lower() == word.lower()]
    return f"; did you mean '{close[0]}'?" if close else ""


def reading_minutes(text: str) -> int:
    """At about 200 words a minute, rounded up."""
    return max(1, -(-len(text.split()) // 200))
