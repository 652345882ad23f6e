"""A hostile corpus: what an attacker or a careless editor might put in a document.

Two kinds of case:

- front-matter values (titles, summaries, labels) that carry markup: legal text, which the
  site must show as itself and never run;
- raw HTML and Markdown in bodies that the content policy forbids: each an error at its own
  file and line, and, should a check ever miss one, removed from the page when it is built.

Every payload that could run sets `window.__pwned` (or calls alert), so a browser can tell.
`active_content` is the scan of built output: what in a page, a search index entry or a feed
would run, load from elsewhere or publish an editor's note.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import json
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs_learning.engine import build_site
from PIL import Image

from learning_resources.pipeline import check_site
from learning_resources.problems import Severity

from .conftest import MKDOCS_YML, SHEET_BODY, SiteFolder, brief, sheet

EXTENSIONS = "markdown_extensions: [admonition, attr_list, md_in_html, tables, def_list, toc]\n"
NOTE = "EDITORS-NOTE-NEVER-PUBLISHED"

# Legal front-matter values: shown as text, never markup.
TITLES = {
    "script": 'Child Q </title><script>window.__pwned="title-script"</script>',
    "img": 'Child R <img src=x onerror=window.__pwned="title-img">',
    "markdown link": 'Child S](javascript:window.__pwned="title-link") [more',
    "attribute": 'Child T" onmouseover="window.__pwned=1" x="',
    "attr list": 'Child U { onclick="window.__pwned=1" }',
    "entities": "Child V &lt;b&gt; &amp; &#60;i&#62; `code` *stars* _under_ #hash",
}
SUMMARY = (
    'Found ![pixel](https://tracker.example/pixel.gif) <img src=x onerror=window.__pwned="sum"> '
    '[click](javascript:window.__pwned="sum-link") <https://tracker.example/auto>'
)
TOPIC_LABEL = 'Neglect <img src=x onerror=window.__pwned="topic">'
PARTNERSHIP = 'Test <script>window.__pwned="partnership"</script> Partnership'


@dataclass(frozen=True)
class BodyCase:
    name: str
    markdown: str  # one line, or several with the offending one marked by `line`
    rule: str
    line: int = 0  # which line of `markdown` the error is on


BODY_CASES = [
    BodyCase("script", '<script>window.__pwned="script"</script>', "html.element"),
    BodyCase("script in capitals", '<ScRiPt>window.__pwned="SCRIPT"</sCrIpT>', "html.element"),
    BodyCase("iframe", '<iframe src="https://tracker.example/frame"></iframe>', "html.element"),
    BodyCase("object", '<object data="https://tracker.example/x.swf"></object>', "html.element"),
    BodyCase("embed", '<embed src="https://tracker.example/x.swf">', "html.element"),
    BodyCase(
        "form", '<form action="https://tracker.example/collect">Your name</form>', "html.element"
    ),
    BodyCase("style", "<style>body { display: none }</style>", "html.element"),
    BodyCase("svg", "<svg onload=\"window.__pwned='svg'\"></svg>", "html.element"),
    BodyCase("base", '<base href="https://tracker.example/">', "html.element"),
    BodyCase(
        "onerror",
        '<img src="missing.png" alt="" onerror="window.__pwned=\'onerror\'">',
        "html.attribute",
    ),
    BodyCase(  # headings reach the table of contents, which Material prints as HTML
        "in a heading",
        "## Findings <img src=x onerror=\"window.__pwned='toc'\"> <b>bold</b>",
        "html.attribute",
    ),
    BodyCase(
        "onclick in capitals", "<span OnClick=\"window.__pwned='click'\">x</span>", "html.attribute"
    ),
    BodyCase("style attribute", '<p style="position:fixed;inset:0">Cover</p>', "html.attribute"),
    BodyCase(
        "attribute list handler",
        "## Heading { onclick=\"window.__pwned='attr'\" }",
        "html.attribute",
    ),
    BodyCase(
        "attribute list href",
        "[a page](page.md){ href=\"javascript:window.__pwned='h'\" }",
        "html.attribute",
    ),
    BodyCase(
        "javascript: href", "<a href=\"javascript:window.__pwned='href'\">x</a>", "html.url_scheme"
    ),
    BodyCase("mixed case", "<a href=\"JaVaScRiPt:window.__pwned='case'\">x</a>", "html.url_scheme"),
    BodyCase(
        "entity encoded",
        "<a href=\"jav&#x61;script:window.__pwned='ent'\">x</a>",
        "html.url_scheme",
    ),
    BodyCase(
        "tab inside", "<a href=\"java&#9;script:window.__pwned='tab'\">x</a>", "html.url_scheme"
    ),
    BodyCase(
        "control character",
        "<a href=\"&#1;javascript:window.__pwned='ctl'\">x</a>",
        "html.url_scheme",
    ),
    BodyCase("vbscript", '<a href="vbscript:msgbox(1)">x</a>', "html.url_scheme"),
    BodyCase("data: link", '<a href="data:text/html,<b>x</b>">x</a>', "html.url_scheme"),
    BodyCase("markdown link", "[x](javascript:window.__pwned='md')", "html.url_scheme"),
    BodyCase("markdown link spaced", "[x]( JaVa\tScRiPt:window.__pwned='md2' )", "html.url_scheme"),
    BodyCase(
        "markdown link entity", "[x](jav&#x61;script:window.__pwned='md3')", "html.url_scheme"
    ),
    BodyCase(
        "markdown link in brackets", "[x](<javascript:window.__pwned='md4'>)", "html.url_scheme"
    ),
    BodyCase("autolink", "<javascript:window.__pwned='auto'>", "html.url_scheme"),
    BodyCase(
        "reference definition",
        "[x][evil]\n\n[evil]: javascript:window.__pwned='ref'",
        "html.url_scheme",
        line=2,
    ),
    BodyCase("data: image", "![x](data:image/svg+xml;base64,PHN2Zz4=)", "html.url_scheme"),
    BodyCase("remote image", "![pixel](https://tracker.example/pixel.gif)", "html.remote_image"),
    BodyCase(
        "protocol-relative image", "![pixel](//tracker.example/pixel.gif)", "html.remote_image"
    ),
    BodyCase("backslash image", "![pixel](\\\\\\\\tracker.example/pixel.gif)", "html.remote_image"),
    BodyCase(
        "remote HTML image", '<img src="HTTPS://tracker.example/p.gif" alt="">', "html.remote_image"
    ),
    BodyCase(
        "image by reference",
        "![pixel][p]\n\n[p]: https://tracker.example/pixel.gif",
        "html.remote_image",
        line=2,
    ),
]

# Allowed: the policy must not get in an editor's way.
SAFE_BODY = f"""\
## What we learned {{ .lr-activity #learned }}

<!-- {NOTE}: check the wording with the panel -->

Practitioners should stay curious. Key data: 3 in 10. The JavaScript: fine in prose {{see}}.

<div class="lr-note" markdown>
**Remember** to [read the guidance](https://www.gov.uk/) and see ![a diagram](diagram.png).
</div>

| Agency | Seen |
|:--|--:|
| Health | 3 |

```html
<script>this is shown as code</script>
```

Write `<iframe>` in code, or <abbr title="Multi-agency">MASH</abbr>.
Mail <learning@partnership.example>.
"""


def body_with(case: BodyCase) -> tuple[str, int]:
    """A brief's body with the case in it, and the body line its error is on (1-based)."""
    body = f"## What we learned\n\nSomething true.\n\n{case.markdown}\n\nMore text.\n"
    return body, 5 + case.line


def quoted(text: str) -> str:
    return json.dumps(text)  # a YAML double-quoted scalar


def legal_site(folder: SiteFolder) -> None:
    """Hostile titles, summaries and labels, all legal: live, archived, on a page and a sheet."""
    settings = MKDOCS_YML.replace("Neglect\n", f"{quoted(TOPIC_LABEL)}\n", 1).replace(
        "Test Safeguarding Children Partnership", quoted(PARTNERSHIP)
    )
    folder.write("mkdocs.yml", settings + EXTENSIONS)
    folder.write(
        "content/index.md", "# Home\n\n<!-- learning:topics -->\n\n<!-- learning:newest -->\n"
    )
    image = io.BytesIO()
    Image.new("RGB", (2, 2), "white").save(image, "PNG")
    folder.write("content/diagram.png", image.getvalue())
    folder.write(
        "content/about.md",
        f"---\ntitle: {quoted(TITLES['script'])}\ndescription: {quoted(TITLES['attribute'])}\n"
        f"---\n{SAFE_BODY}",
    )
    for index, (name, title) in enumerate(TITLES.items()):
        case = "QRSTUV"[index]  # archived ones in another year: the same letters are free
        slug = re.sub(r"[^a-z]+", "-", name)
        summary = quoted(f"{SUMMARY} ({name})")
        folder.write(
            f"briefs/live-{slug}.md", brief(case=case, title=quoted(title), summary=summary)
        )
        folder.write(
            f"briefs/archived-{slug}.md",
            brief(case=case, title=quoted(title), summary=summary, published="2024-03-01"),
        )
    folder.write("bitesize/neglect.md", sheet(title=quoted(TITLES["markdown link"]), extra=""))


def bypass_site(folder: SiteFolder) -> None:
    """Every forbidden body at once, in a brief, a sheet and a page: built as if the check had
    missed them all, to prove the sanitiser alone keeps them off the site."""
    folder.write("mkdocs.yml", MKDOCS_YML + EXTENSIONS)
    everything = "\n\n".join(c.markdown for c in BODY_CASES)
    folder.write("content/index.md", f"# Home\n\n{everything}\n\n<!-- {NOTE} -->\n")
    folder.write("briefs/child-a.md", brief(body=f"## What we learned\n\n{everything}\n"))
    folder.write("bitesize/neglect.md", sheet(body=f"{SHEET_BODY}\n{everything}\n"))


TODAY = dt.date(2026, 11, 25)


def build_legal(tmp: Path) -> Path:
    """The legal site, checked (no errors) and built as usual; returns the built folder."""
    folder = SiteFolder(tmp / "src")
    legal_site(folder)
    report = check_site(folder.root, TODAY)
    assert report.plan is not None
    assert not [p for p in report.problems if p.severity is Severity.ERROR]
    build_site(report.plan, tmp / "site")
    return tmp / "site"


def build_bypass(tmp: Path) -> Path:
    """The forbidden bodies, built although the check refuses them: the sanitiser alone.
    Built as build.py builds, but not strict: MkDocs would stop at the broken links first."""
    folder = SiteFolder(tmp / "src")
    bypass_site(folder)
    report = check_site(folder.root, TODAY)
    assert report.plan is not None
    assert {p.rule for p in report.problems} >= {c.rule for c in BODY_CASES}
    config = load_config(str(folder.root / "mkdocs.yml"), site_dir=str(tmp / "site"), strict=False)
    config.plugins["learning"].use_plan(report.plan)  # type: ignore[attr-defined]
    build(config)
    return tmp / "site"


@dataclass
class _Scan(HTMLParser):
    found: list[str]

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        loads = {"stylesheet", "icon", "preload", "prefetch", "modulepreload", "import"}
        if tag in {"iframe", "frame", "object", "embed", "style", "base"} or (
            tag == "link" and values.get("rel") in loads and _remote(values.get("href") or "")
        ):
            self.found.append(f"<{tag}>")
        if tag == "form" and "action" in values:
            self.found.append("<form action>")
        if tag == "script":
            self._in_script = "src" not in values
            if values.get("src") and _remote(values["src"] or ""):
                self.found.append("remote script")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"{name}= on <{tag}>")
            if name == "style" and tag != "script":
                self.found.append(f"style= on <{tag}>")  # no inline styles (CSP)
            if name in {"href", "src", "action", "formaction", "srcset", "data"} and value:
                # as a browser reads a URL: outer spaces and controls, and tabs and newlines
                # anywhere, are dropped (a space inside a scheme makes it a relative address)
                plain = re.sub(r"[\t\n\r]", "", html.unescape(value).strip("\x00- ")).lower()
                if plain.startswith(("javascript:", "vbscript:", "data:")):
                    self.found.append(f"{name}={value!r} on <{tag}>")
                if tag == "img" and name == "src" and _remote(value):
                    self.found.append(f"remote image {value!r}")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_data(self, data: str) -> None:
        if self._in_script and ("__pwned" in data or "alert(" in data):
            self.found.append(f"planted script {data[:40]!r}")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_comment(self, data: str) -> None:
        self.found.append(f"comment {data[:40]!r}")


def _remote(url: str) -> bool:
    plain = url.strip().replace("\\", "/").lower()
    return plain.startswith(("//", "http:", "https:"))


def active_content(markup: str) -> list[str]:
    """What in `markup` (a page, or a fragment Material inserts as HTML) would run a script,
    load something from another host or publish an editor's note."""
    scan = _Scan([])
    scan.feed(markup)
    scan.close()
    if NOTE in markup:
        scan.found.append("editor's note")
    return scan.found
