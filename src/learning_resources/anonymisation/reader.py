"""The text a reader sees, for the gate to scan beside the raw text, with a map back to it.

An identifier can be written so that the raw Markdown hides it while the page shows it:
`T&#121;ler`, `Ty**ler**`, a zero-width space or soft hyphen inside a name, a non-breaking,
narrow or figure space inside a postcode, fullwidth or mathematical digits. `reader_text`
undoes each of these (HTML entities decoded, emphasis inside a word removed, NFKC, invisible
characters removed, every Unicode space an ordinary space). `link_words` turns the paths of
link addresses (`/people/tyler-smith/`) into words (`Tyler Smith`). Both keep a map from
each character of the new text back to the raw text, so findings are reported where the
editor wrote them.
"""

from __future__ import annotations

import bisect
import html
import re
import unicodedata
from functools import lru_cache
from urllib.parse import unquote

from ..source import INVISIBLE_CHARACTERS

_UNICODE_SPACES = "\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
_CHANGES = re.compile(
    r"(?P<entity>&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?)"
    # emphasis markers (Ty**ler**) and inline tags (Ty<b>ler</b>)
    r"|\*+"
    r"|</?(?:a|abbr|b|del|em|i|ins|mark|s|small|span|strong|sub|sup|u)\b[^<>\n]*>"
    r"|(?P<other>[^\x00-\x7f])"
)
_SPACE = re.compile(f"[{_UNICODE_SPACES}]")
_HIDDEN = re.compile(f"[\u00ad{INVISIBLE_CHARACTERS}]")


class Mapped:
    """A text made from pieces of a raw text, each piece remembering where it came from."""

    def __init__(self) -> None:
        self.text = ""
        self._parts: list[str] = []
        self._starts: list[int] = []  # where each piece starts in `text`
        self._pieces: list[tuple[int, int, bool]] = []  # its raw start and end, and `linear`
        self._length = 0

    @classmethod
    def identity(cls, raw: str) -> Mapped:
        mapped = cls()
        mapped.add(raw, 0, len(raw), linear=True)
        return mapped.done()

    def add(self, piece: str, raw_start: int, raw_end: int, *, linear: bool) -> None:
        """Append `piece`, made from raw[raw_start:raw_end]. `linear`: its characters map one
        to one (same length); otherwise any part of it maps to the whole raw span."""
        if not piece:
            return
        self._parts.append(piece)
        self._starts.append(self._length)
        self._pieces.append((raw_start, raw_end, linear))
        self._length += len(piece)

    def done(self) -> Mapped:
        self.text = "".join(self._parts)
        return self

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """The raw offsets of text[start:end] (end exclusive)."""
        return self._raw(start, at_end=False), self._raw(end - 1, at_end=True)

    def _raw(self, offset: int, *, at_end: bool) -> int:
        index = bisect.bisect_right(self._starts, offset) - 1
        raw_start, raw_end, linear = self._pieces[index]
        if linear:
            return raw_start + offset - self._starts[index] + (1 if at_end else 0)
        return raw_end if at_end else raw_start


@lru_cache(maxsize=4096)
def _as_read(char: str) -> str:
    """What one non-ASCII character becomes for the scan."""
    if _HIDDEN.match(char):
        return ""
    if _SPACE.match(char):
        return " "
    return unicodedata.normalize("NFKC", char)


def reader_text(raw: str) -> Mapped:
    """`raw` as a reader of the page sees it. `.text` is `raw` itself when nothing that could
    hide an identifier changes (emphasis around whole words changes nothing for the scan)."""
    mapped = Mapped()
    done = 0
    hiding = False
    for match in _CHANGES.finditer(raw):
        found, start, end = match.group(), match.start(), match.end()
        if match.lastgroup is None:  # an emphasis marker or an inline tag: gone next to a word
            before, after = raw[start - 1 : start].isalnum(), raw[end : end + 1].isalnum()
            if not (before or after):
                continue
            new = ""
            hiding = hiding or (before and after)
        else:
            if match.lastgroup == "entity":
                new = "".join(c if c.isascii() else _as_read(c) for c in html.unescape(found))
            else:
                new = _as_read(found)
            if new == found:
                continue
            hiding = True
        mapped.add(raw[done:start], done, start, linear=True)
        mapped.add(new, start, end, linear=len(new) == len(found))
        done = end
    if not hiding:
        return Mapped.identity(raw)
    mapped.add(raw[done:], done, len(raw), linear=True)
    return mapped.done()


# Emphasis and inline tags around whole words: `**Spud**`, `_Bo_`, `<b>Mags</b>`; not
# emphasis inside a word (`**T**orso`, `Ty**ler**`: reader_text joins those). A bracket or
# quote just outside and punctuation just after are kept beside the words: `(**Bo**),`.
_AROUND_WORDS = re.compile(
    r"(?<![\w*])(?P<lead>[(\[\"'‘“]?)"
    r"(?:(?P<star>\*{1,3})[^*\s](?:[^*\n]*?[^*\s])?(?P=star)"
    r"|(?P<line>_{1,3})[^_\s](?:[^_\n]*?[^_\s])?(?P=line)"
    r"|<(?P<tag>abbr|b|del|em|i|ins|mark|s|small|span|strong|sub|sup|u)\b[^<>\n]*>[^<\n]+?"
    r"</(?P=tag)>)"
    r"(?P<trail>[,.;:!?)\]\"'’”]*)(?![\w*])"
)
_TAG = re.compile(r"<[^<>\n]*>")


def without_emphasis(text: str) -> str:
    """`text` with the emphasis markers and inline tags around whole words blanked out, its
    words where they were, so that what is said around a word reaches it: "known to the girls
    as **Spud**." reads "known to the girls as   Spud.  "."""
    if "*" not in text and "_" not in text and "<" not in text:
        return text

    def blank(match: re.Match[str]) -> str:
        lead, trail = match.group("lead"), match.group("trail")
        inner = match.group()[len(lead) : len(match.group()) - len(trail)]
        if match.group("tag"):
            opening, closing = inner.index(">") + 1, inner.rindex("<")
        else:
            marker = len(match.group("star") or match.group("line"))
            opening, closing = marker, len(inner) - marker
        words = inner[opening:closing]
        # the words stay where they were; the bracket before moves next to them, and the
        # punctuation after them takes the closing marker's place
        return " " * opening + lead + words + trail + " " * (len(inner) - closing)

    return _AROUND_WORDS.sub(blank, text)


_FILE_TYPE = r"\.(?:pdf|docx?|xlsx?|pptx?|od[tsp]|txt|csv|rtf|png|jpe?g|gif|webp)"
# Link addresses: inline links and images, reference definitions, autolinks and bare URLs,
# HTML href and src attributes. Group 1 is the address.
_ADDRESSES = re.compile(
    r"\]\(\s*<?([^)\s>]+)"
    r"|^[ \t]{0,3}\[(?!\^)[^\]\n]+\]:[ \t]*<?([^\s>]+)"
    r"|\b(?:href|src)[ \t]*=[ \t]*[\"']([^\"'\s>]+)"
    r"|<((?:https?|ftp)://[^>\s]+)>"
    r"|\b((?:https?://|www\.)[^\s<>()\[\]\"']+)"
    # round 9: a file's name or path written in the text: "circulated as keisha-adebayo-
    # chronology-v3.docx", "the image is at /images/conference/priya-lal-workshop.jpg"
    rf"|(?<![\w/.@:%-])((?:/[\w.-]+)*/?[\w][\w.-]*{_FILE_TYPE})(?![\w/])",
    re.MULTILINE | re.IGNORECASE,
)
_HINTS = ("](", "]:", "href", "src", "://", "www.", ".pdf", ".doc", ".jp", ".png", ".xls",
          ".ppt", ".gif", ".webp", ".od", ".txt", ".csv", ".rtf")  # fmt: skip
_SITE = re.compile(r"^(?:[a-z][a-z0-9+.\-]*://[^/?#]*|www\.[^/?#]*|//[^/?#]*)", re.IGNORECASE)
_SKIPPED = re.compile(r"^(?:mailto|tel|data|javascript):", re.IGNORECASE)
_PART = re.compile(r"[^/?#&=;]+")
_SEPARATORS = re.compile(r"[-_+.~ ]")
# A file's type at the end of a path part is no word of it ("dr.md" is no "Dr Md").
_EXTENSION = re.compile(
    r"\.(?:md|markdown|html?|pdf|docx?|xlsx?|pptx?|od[tsp]|txt|csv|rtf|png|jpe?g|gif|svg|webp|"
    r"avif|mp[34]|zip)$",
    re.IGNORECASE,
)


def link_words(raw: str) -> Mapped | None:
    """The words in the paths of `raw`'s link addresses, one path part a line, each word
    capitalised as a name would be (`/people/tyler-smith/` -> `Tyler Smith`). None when
    `raw` has no link address."""
    if not any(hint in raw for hint in _HINTS):
        return None
    mapped = Mapped()
    for match in _ADDRESSES.finditer(raw):
        group = next(g for g in range(1, 7) if match.group(g) is not None)
        address, start = match.group(group), match.start(group)
        if _SKIPPED.match(address):
            continue
        site = _SITE.match(address)
        offset = site.end() if site else 0
        for part in _PART.finditer(address, offset):
            extension = _EXTENSION.search(part.group())
            text = part.group()[: extension.start()] if extension else part.group()
            decoded = unquote(text) if "%" in text else text
            words = " ".join(w[:1].upper() + w[1:] for w in _SEPARATORS.split(decoded))
            if not any(c.isalpha() for c in words):
                continue
            raw_start = start + part.start()
            raw_end = raw_start + len(text)
            mapped.add(words, raw_start, raw_end, linear=len(words) == len(text))
            mapped.add("\n", raw_end, raw_end, linear=False)
    mapped.done()
    return mapped if mapped.text else None
