"""The editors' reference (front-matter fields and every rule), as Markdown, from one source."""

from __future__ import annotations

from .fields import FIELDS, FieldSpec
from .html_policy import ATTR_LIST_KEYS, EDITOR_ATTRIBUTES, EDITOR_TAGS, LINK_SCHEMES
from .kinds import REVIEW_TYPES, Kind
from .rules import RULES
from .scaffold import BRIEF_SECTIONS
from .settings import SETTINGS, Settings


def rule_anchor(rule_id: str) -> str:
    return rule_id.replace(".", "-").replace("_", "-")


# Example values that need settings to be valid: the first of each vocabulary is used.
def _example_value(spec: FieldSpec, settings: Settings) -> str:
    if spec.vocabulary in ("topics", "audiences"):
        vocabulary = settings.vocabulary(spec.vocabulary)
        return f"[{', '.join(list(vocabulary)[:2])}]" if vocabulary else "[]"
    return spec.example


def example_document(kind: Kind, settings: Settings) -> str:
    """A complete, valid document of `kind`: every required field, and its sections."""
    fields = [s for s in FIELDS[kind] if s.required]
    lines = ["---", *(f"{s.name}: {_example_value(s, settings)}" for s in fields), "---", ""]
    sections = settings.sheet_sections if kind is Kind.SHEET else [t for t, _ in BRIEF_SECTIONS]
    for title in sections:
        lines += [f"## {title}", "", "A few sentences for practitioners.", ""]
    return "\n".join(lines)


PUBLISHING_GUIDE = """\
## Publishing, step by step

1. **Start a document.** On your computer: `python build.py new brief --title "..."` (or
   `new sheet`) writes a draft with every field and section in place, and the next free case
   letter. In GitHub's web editor: open the `briefs/` or `bitesize/` folder, choose *Add
   file*, *Create new file*, and copy the complete example below.
2. **Write it.** Replace each `[Write here: ...]` prompt. Keep `draft: true` until the
   document is finished: a draft is never published. A draft pushed to GitHub is not
   private, though: anyone who can see the repository can read it, so never put a name,
   address or any other identifying detail in a draft either.
3. **Preview it.** `python build.py serve --drafts` shows the site at
   `http://127.0.0.1:8000/`, with drafts labelled. Any mistake appears in a red banner on
   every page, with the file, the line and how to fix it.
4. **Check it.** `python build.py check` lists every problem at once. Each one links to
   [the checks](rules.md), which say why the rule exists and how to fix it.
5. **Open a pull request.** The pull-request check runs the same checks and marks each
   problem on the line of the file. A second reader checks the anonymisation, the family
   has been told, and the sign-off is recorded (the pull-request template lists these).
   A pull request that changes anything outside `briefs/`, `bitesize/` and `content/` (the
   site's settings in `mkdocs.yml`, its code, or any new file) also needs a maintainer's
   review: those files run on GitHub's computers when the site is built.
6. **Publish.** When the pull request is merged, the site is rebuilt and the document goes
   online on its `published` date. It is archived automatically one year later.

### If the anonymisation check is wrong

The check errs on the side of caution. If it flags something that does not identify
anyone (a national campaign's name, say), ask a second reader to confirm, then add a
*waiver* to the document's front matter with the exact text and the reason:

```yaml
waivers:
  - text: Grace Darling Way
    rule: anon.address
    reason: the name of a national charity's campaign, not a street
```

A waiver without a reason, or one that no longer matches anything, is an error.

### Turning on the website (once)

In the repository's *Settings*, *Pages*, set *Source* to *GitHub Actions*. The publish
workflow then builds and deploys the site on every merge and every night, which is what
archives briefs on time.
"""


def fields_reference(settings: Settings) -> str:
    lines = [
        "This page is for the editors who write learning briefs and bite-size sheets. "
        "Each document starts with *front matter*: lines of `name: value` between two "
        "lines of `---`. Dates are written `YYYY-MM-DD`. Put text that contains a colon "
        "in double quotes.",
        "",
        PUBLISHING_GUIDE,
    ]
    for kind in (Kind.BRIEF, Kind.SHEET):
        lines += [
            f"## {kind.label}s (`{kind.folder}/`)",
            "",
            "| Field | Required | What to write | Example |",
            "|---|---|---|---|",
        ]
        for spec in FIELDS[kind]:
            example = f"`{spec.name}: {_example_value(spec, settings)}`" if spec.example else ""
            lines.append(
                f"| `{spec.name}` | {'yes' if spec.required else 'no'} | {spec.description} "
                f"| {example} |"
            )
        lines += [
            "",
            f"A complete {kind.label.lower()} you can copy:",
            "",
            "```markdown",
            example_document(kind, settings).rstrip("\n"),
            "```",
            "",
        ]
    lines += [
        "## Bite-size sheet sections",
        "",
        "Every sheet has these `##` sections, with exactly these titles:",
        "",
    ]
    lines += [f"{n}. `## {title}`" for n, title in enumerate(settings.sheet_sections, 1)]
    lines += ["", "## Allowed values", "", "### Review types (`review_type`)", ""]
    lines += [f"- `{key}`: {label}" for key, label in REVIEW_TYPES.items()]
    lines += ["", "### Topics (`topics`)", ""]
    lines += [f"- `{key}`: {label}" for key, label in settings.topics.items()]
    if settings.audiences:
        lines += ["", "### Audiences (`audiences`)", ""]
        lines += [f"- `{key}`: {label}" for key, label in settings.audiences.items()]
    lines += ["", "### Case labels (`case_label`)", ""]
    lines += [f"- {label}" for label in settings.case_labels]
    lines += ["", *html_reference(), *settings_reference()]
    return "\n".join(lines)


def _default(value: object) -> str:
    if value is None:
        return "none: required"
    if value == "" or value == [] or value == {}:
        return "none"
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if isinstance(value, list):
        return ", ".join(f"`{item}`" for item in value)
    return f"`{value}`"


def settings_reference() -> list[str]:
    """The site's settings, from the declarations the checks read them with."""
    lines = [
        "## Site settings (`mkdocs.yml`)",
        "",
        "Whoever looks after the site sets these once, under `plugins:`, `- learning:` in "
        "`mkdocs.yml`. A change to them goes through a pull request like any document.",
        "",
        "| Setting | What it does | Default |",
        "|---|---|---|",
    ]
    lines += [
        f"| `{spec.name}` | {spec.description} | {_default(spec.default)} |" for spec in SETTINGS
    ]
    return [*lines, ""]


def html_reference() -> list[str]:
    """The content policy for raw HTML, from the allowlist the checks and the site use."""
    per_tag = [
        f"`{', '.join(sorted(names))}` on `<{tag}>`"
        for tag, names in sorted(EDITOR_ATTRIBUTES.items())
        if tag != "*"
    ]
    return [
        "## HTML in documents",
        "",
        "Write in Markdown. A little HTML is allowed for layout; anything else is an error "
        "when the site is checked, and is removed from the page if it ever got that far.",
        "",
        f"- **Elements:** {', '.join(f'`<{t}>`' for t in sorted(EDITOR_TAGS))}.",
        f"- **Attributes:** `{', '.join(sorted(EDITOR_ATTRIBUTES['*']))}` on any of them; "
        + "; ".join(per_tag)
        + "; and `markdown` (to write Markdown inside an element).",
        "- **Never:** scripts, styles, frames, embedded objects, forms, SVG; event handlers "
        "(`onclick`, `onerror`, ...); `javascript:`, `vbscript:` or `data:` addresses, "
        "however they are written; images from other sites (put the image in the "
        "document's folder).",
        f"- **Links:** to pages and files of the site, or `{'`, `'.join(sorted(LINK_SCHEMES))}` "
        "addresses.",
        f"- **Attribute lists** (`## Heading {{ .class }}`): "
        f"`{', '.join(sorted(ATTR_LIST_KEYS))}` only.",
        "- **Comments** (`<!-- ... -->`) are notes for editors: they are never published.",
        "",
    ]


_NOT_WAIVABLE = {"anon.waiver_unused", "anon.pdf_unreadable", "anon.image_metadata"}


def rules_reference() -> str:
    lines = [
        "Every problem that `python build.py check` reports names one of these rules. "
        "Errors stop the site from being built; warnings do not.",
        "",
    ]
    for rule in RULES.values():
        lines += [
            f"## `{rule.id}`: {rule.title} {{#{rule_anchor(rule.id)}}}",
            "",
            f"*{rule.severity.value.capitalize()}.* {rule.why}",
            "",
            f"**How to fix it:** {rule.fix}",
            "",
        ]
        if rule.id.startswith("anon.") and rule.id not in _NOT_WAIVABLE:
            lines += [
                "**If it is a false alarm:** add a waiver to the document's front matter with "
                f"the exact text and why it is safe: `waivers: [{{text: ..., rule: {rule.id}, "
                "reason: ...}]`. Waivers are listed by `build.py check --list-waivers`.",
                "",
            ]
    return "\n".join(lines)
