"""What HTML may reach the site from an editor's Markdown, checked with lines and enforced.

Editors write Markdown; a little raw HTML is allowed for layout (`<div markdown>`, `<br>`,
`<abbr>`, tables), nothing that runs, embeds, loads from another host or submits data. The
same allowlist is used twice: `check_body` reports every breach as an error at its file and
line (an editor's mistake to fix), and `sanitise` cleans every rendered page with nh3 (Rust's
ammonia) so that whatever a check might miss can never run in a reader's browser.

HTML comments are editors' notes: they are allowed in the source and stripped from every page.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import nh3
from markdown.extensions.attr_list import AttrListTreeprocessor, get_attrs_and_remainder

from .markdown_text import code_lines
from .problems import Problem
from .rules import problem


def _words(*lines: str) -> frozenset[str]:
    return frozenset(word for line in lines for word in line.split())


# Elements an editor may write as raw HTML. Everything else (script, style, iframe, object,
# embed, form, input, svg, math, link, meta, base, video, audio, ...) is an error.
EDITOR_TAGS = _words(
    "a abbr b blockquote br caption cite code col colgroup dd del details dfn div dl dt em",
    "figcaption figure h1 h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p pre q s samp small",
    "span strong sub summary sup table tbody td tfoot th thead tr u ul var wbr",
)
# Attributes an editor may write, on any allowed element and on particular ones.
EDITOR_ATTRIBUTES: dict[str, frozenset[str]] = {
    "*": frozenset({"class", "id", "title", "lang", "dir"}),
    "a": frozenset({"href"}),
    "img": frozenset({"src", "alt", "width", "height"}),
    "td": frozenset({"colspan", "rowspan"}),
    "th": frozenset({"colspan", "rowspan", "scope"}),
    "ol": frozenset({"start", "reversed", "type"}),
    "col": frozenset({"span"}),
    "colgroup": frozenset({"span"}),
    "details": frozenset({"open"}),
}
# Consumed by Markdown's md_in_html extension before anything is published.
_MARKDOWN_ATTRIBUTE = "markdown"
# Markdown's attribute lists (`## Heading { .class }`) may set only these.
ATTR_LIST_KEYS = frozenset({"class", "id", "title", "lang", "dir"})

# What the site's own templates, Material and Markdown's extensions add to a page: allowed when
# a page is sanitised, never in an editor's HTML. No form has an action, no button a handler.
_SITE_TAGS = frozenset({"article", "form", "label", "select", "option", "button", "nav"})
_SITE_ATTRIBUTES: dict[str, frozenset[str]] = {
    "*": frozenset({"hidden", "aria-label", "aria-hidden"}),
    "a": frozenset({"title", "download", "data-lr-pdf"}),
    "div": frozenset({"data-lr-print", "data-lr-title", "data-lr-url"}),
    "article": frozenset({"data-topics", "data-audiences", "data-year", "data-review"}),
    "form": frozenset({"data-for"}),
    "select": frozenset({"name"}),
    "option": frozenset({"value"}),
    "button": frozenset({"type", "data-lr-action", "data-needs-js", "data-lr-clear"}),
    "p": frozenset({"role", "aria-live", "data-lr-announce", "data-lr-empty"}),
    "span": frozenset({"data-lr-printed"}),
    "th": frozenset({"align"}),  # Markdown's table column alignment (see `sanitise`)
    "td": frozenset({"align"}),
}

LINK_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
SCRIPT_SCHEMES = frozenset({"javascript", "vbscript", "data"})
_LINK_ATTRIBUTES = frozenset({"href", "src"})  # the only addresses an editor may write
_SCHEME = re.compile(r"([a-z][a-z0-9+.\-]*):")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f-\x9f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]")


def normalised_url(value: str) -> str:
    """A URL as a browser reads its scheme: entities decoded (however often they are nested),
    whitespace and control characters removed wherever they are, lower case."""
    before = None
    while before != value:
        before, value = value, html.unescape(value)
    return _INVISIBLE.sub("", value).replace("\\", "/").lower()


def url_scheme(value: str) -> str | None:
    match = _SCHEME.match(normalised_url(value))
    return match.group(1) if match else None


def is_safe_link(value: str) -> bool:
    """A link a reader may follow: site-relative, or http(s), mailto or tel."""
    scheme = url_scheme(value)
    return scheme is None or scheme in LINK_SCHEMES


def is_remote(value: str) -> bool:
    """True when fetching `value` would ask another host (or any scheme) for it."""
    return url_scheme(value) is not None or normalised_url(value).startswith("//")


def check_body(body: str, path: str, first_line: int = 1) -> list[Problem]:
    """Every breach of the content policy in a Markdown body, at its line and column."""
    text = _without_code(body)
    scanner = _HtmlScanner(path, first_line)
    scanner.feed(_ANGLE_DESTINATION.sub(lambda m: m.group(1) + " " * len(m.group(2)), text))
    scanner.close()
    found = scanner.found
    found += _markdown_links(text, path, first_line)
    found += _attribute_lists(text, path, first_line)
    found += _unclosed_comment(text, path, first_line)
    unique = {(p.rule, p.line, p.column): p for p in found}  # <javascript:…> is both
    return sorted(unique.values(), key=lambda p: (p.line, p.column))


# A Markdown link's address in angle brackets, which Markdown makes an href, never a tag:
# "[notes](<other.md#the smiths' notes>)" (its address is checked by _markdown_links).
_ANGLE_DESTINATION = re.compile(r"(\]\([ \t]*)(<[^<>\n]*>)")

# `code`, ``code``: a run of backticks to the next run of the same length, within a paragraph.
_CODE_SPAN = re.compile(r"(?<![`\\])(`+)(?!`)((?:(?!\n[ \t]*\n).)+?)(?<!`)\1(?!`)", re.S)


def _without_code(body: str) -> str:
    """`body` with fenced code blocks and inline code blanked out (same length and lines):
    what is written as code is shown as text, never run."""
    lines = body.split("\n")
    for index in code_lines(body):
        lines[index] = " " * len(lines[index])
    text = "\n".join(lines)
    return _CODE_SPAN.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text)


def _unclosed_comment(text: str, path: str, first_line: int) -> list[Problem]:
    """A note ('<!--') without its '-->': Markdown publishes it, and all after it, as text."""
    at = 0
    while (start := text.find("<!--", at)) != -1:
        end = text.find("-->", start + 4)
        if end == -1:
            line, column = _position(text, start, first_line)
            message = (
                "this note is never closed, so it is published as text; add '-->' where the "
                "note ends"
            )
            return [problem("html.comment", path, line, column, message)]
        at = end + 3
    return []


def _position(text: str, offset: int, first_line: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, offset) + 1
    return first_line + text.count("\n", 0, offset), offset - line_start + 1


class _HtmlScanner(HTMLParser):
    """Raw HTML in a Markdown body, element by element, with entities decoded as a browser
    decodes them (so `jav&#x61;script:` is seen as `javascript:`)."""

    def __init__(self, path: str, first_line: int) -> None:
        super().__init__(convert_charrefs=True)
        self.path, self.first_line = path, first_line
        self.found: list[Problem] = []

    def _report(self, rule: str, message: str, text: str) -> None:
        line, column = self.getpos()
        self.found.append(
            problem(rule, self.path, self.first_line + line - 1, column + 1, message, text)
        )

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        written = self.get_starttag_text() or f"<{tag}>"
        if ":" in tag or "@" in tag:  # an autolink, <https://…> or <someone@example.org>
            self._check_link(written.strip("<>"), image=False, what="this link")
            return
        if tag not in EDITOR_TAGS:
            self._report("html.element", _element_message(tag), written)
            return
        allowed = EDITOR_ATTRIBUTES["*"] | EDITOR_ATTRIBUTES.get(tag, frozenset())
        for name, value in attrs:
            if name.startswith("on"):
                self._report(
                    "html.attribute",
                    f"'{name}' on <{tag}> would run a script: event handlers are not allowed; "
                    "remove the attribute",
                    written,
                )
            elif name in _LINK_ATTRIBUTES and name in allowed:
                self._check_link(value or "", image=tag == "img", what=f"<{tag} {name}>")
            elif name not in allowed and name != _MARKDOWN_ATTRIBUTE:
                self._report("html.attribute", _attribute_message(tag, name, allowed), written)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def _check_link(self, value: str, *, image: bool, what: str) -> None:
        problem_found = _link_problem(value, image=image, what=what)
        if problem_found:
            self._report(*problem_found, value)


def _element_message(tag: str) -> str:
    why = {
        "script": "scripts never run on this site",
        "style": "the site's own styles are used, so pages look alike and stay accessible",
        "iframe": "it would embed another site's page",
        "frame": "it would embed another site's page",
        "object": "it would embed content from elsewhere",
        "embed": "it would embed content from elsewhere",
        "form": "forms would send readers' answers somewhere",
        "input": "forms would send readers' answers somewhere",
        "svg": "pictures go in image files: SVG can carry scripts",
        "math": "it can carry scripts",
        "base": "it would change where every link on the page goes",
        "meta": "it would change how the page behaves",
        "link": "it would load files from elsewhere",
    }.get(tag, "it is not on the list of HTML the site allows")
    return (
        f"<{tag}> is not allowed: {why}; remove it, or write the content in Markdown "
        "(the allowed HTML is listed on the editors' rules page)"
    )


def _attribute_message(tag: str, name: str, allowed: frozenset[str]) -> str:
    return (
        f"the attribute '{name}' is not allowed on <{tag}>; remove it "
        f"(allowed here: {', '.join(sorted(allowed))})"
    )


def _link_problem(value: str, *, image: bool, what: str) -> tuple[str, str] | None:
    """(rule, message) when an address must not be published; None when it is fine."""
    scheme = url_scheme(value)
    if scheme in SCRIPT_SCHEMES:
        return (
            "html.url_scheme",
            f"{what} uses a '{scheme}:' address, which can run a script or hide content; "
            "link to a page or a file instead",
        )
    if image and is_remote(value):
        return (
            "html.remote_image",
            f"{what} loads an image from another site, which would tell that site who reads "
            "this page; put the image file in the document's folder and link it by its name",
        )
    if scheme is not None and scheme not in LINK_SCHEMES:
        return (
            "html.url_scheme",
            f"{what} uses a '{scheme}:' address; only http, https, mailto and tel links, and "
            "links within the site, are allowed",
        )
    return None


# Markdown links and images: `[text](target)`, `![alt](target)`; reference definitions
# `[label]: target`; and images that use a definition: `![alt][label]`, `![label][]`, `![label]`.
_INLINE_TARGET = re.compile(r"\]\(\s*")
_DEFINITION = re.compile(r"^ {0,3}\[([^\]\n]+)\]:[ \t]*(\S.*)$", re.MULTILINE)
_IMAGE_REFERENCE = re.compile(r"!\[([^\]\n]*)\](?:\[([^\]\n]*)\])?")


def _markdown_links(text: str, path: str, first_line: int) -> list[Problem]:
    found: list[Problem] = []

    def report(offset: int, target: str, image: bool, what: str) -> None:
        result = _link_problem(target, image=image, what=what)
        if result:
            line, column = _position(text, offset, first_line)
            found.append(problem(result[0], path, line, column, result[1], target))

    for match in _INLINE_TARGET.finditer(text):
        start = match.end()
        target = _link_target(text, start)
        image = _is_image(text, match.start())
        report(start, target, image, "this image" if image else "this link")
    image_labels = {
        (m.group(2) or m.group(1)).strip().casefold() for m in _IMAGE_REFERENCE.finditer(text)
    }
    for match in _DEFINITION.finditer(text):
        label = match.group(1).strip().casefold()
        target = match.group(2).split()[0] if match.group(2).split() else ""
        image = label in image_labels
        what = f"the {'image' if image else 'link'} definition [{match.group(1)}]"
        report(match.start(2), target.strip("<>"), image, what)
    return found


def _link_target(text: str, start: int) -> str:
    """The address of an inline link from `start`: to the closing bracket, or the end of the
    line, parentheses balanced; with `<…>` as Markdown reads it."""
    if text.startswith("<", start):
        end = text.find(">", start)
        return text[start + 1 : end if end != -1 else len(text)].split("\n")[0]
    depth, index = 0, start
    while index < len(text) and text[index] != "\n":
        char = text[index]
        if char == "(":
            depth += 1
        elif char == ")":
            if depth == 0:
                break
            depth -= 1
        elif char in " \t" and text[index + 1 : index + 2] in ('"', "'", "("):
            break  # a title follows
        index += 1
    return text[start:index]


def _is_image(text: str, close: int) -> bool:
    """Whether the `]` at `close` ends an image's alt text (`![…]`), brackets balanced."""
    depth, index = 0, close - 1
    while index >= 0:
        char = text[index]
        if char == "]":
            depth += 1
        elif char == "[":
            if depth == 0:
                return index > 0 and text[index - 1] == "!"
            depth -= 1
        index -= 1
    return False


_ATTR_LIST = re.compile(AttrListTreeprocessor.BASE_RE)


def _attribute_lists(text: str, path: str, first_line: int) -> list[Problem]:
    """Markdown attribute lists (`{ .class }`) where Markdown would apply them: at the end of
    a line (headings, table cells, terms), alone on a line, or straight after an element."""
    found: list[Problem] = []
    for match in _ATTR_LIST.finditer(text):
        before = text[match.start() - 1] if match.start() else "\n"
        rest_of_line = text[match.end() :].split("\n", 1)[0].strip()
        if before in " \t" and rest_of_line not in ("", "|"):
            continue  # braces in a sentence: Markdown leaves them as text
        attrs, _ = get_attrs_and_remainder(match.group(1))
        for key, _value in attrs:
            name = "class" if key == "." else key
            if name in ATTR_LIST_KEYS:
                continue
            line, column = _position(text, match.start(), first_line)
            message = (
                f"'{name}' in the attribute list {match.group()} would run a script: event "
                "handlers are not allowed"
                if name.startswith("on")
                else f"'{name}' cannot be set in an attribute list {match.group()}; only "
                f"{', '.join(sorted(ATTR_LIST_KEYS))} can (write '\\{{' for a brace in text)"
            )
            found.append(problem("html.attribute", path, line, column, message, match.group()))
    return found


_ALIGN_STYLE = re.compile(r'\sstyle="text-align:\s*(left|right|center);?"')


def sanitise(page_html: str) -> str:
    """A rendered page's content, cleaned to the allowlist (editors' and the site's own):
    no script, handler, style sheet, comment, remote image or script address survives."""
    tags = set(EDITOR_TAGS | _SITE_TAGS)
    attributes = {
        tag: set(EDITOR_ATTRIBUTES.get(tag, frozenset()) | _SITE_ATTRIBUTES.get(tag, frozenset()))
        for tag in [*tags, "*"]
    }
    # Markdown aligns table columns with style attributes, which the Content Security Policy
    # refuses (no inline styles): the same alignment as an attribute, which Material styles.
    page_html = _ALIGN_STYLE.sub(r' align="\1"', page_html)
    return nh3.clean(
        page_html,
        tags=tags,
        attributes=attributes,
        attribute_filter=_keep_attribute,
        url_schemes=set(LINK_SCHEMES),
        strip_comments=True,
        link_rel=None,
    )


def _keep_attribute(tag: str, name: str, value: str) -> str | None:
    if tag == "img" and name == "src" and is_remote(value):
        return None
    if name == "id" and value.startswith("__"):
        return None  # Material's own elements (__config, __search, …) keep their ids
    return value
