"""The editors' reference (front-matter fields and every rule), as Markdown, from one source."""

from __future__ import annotations

from .fields import FIELDS
from .kinds import REVIEW_TYPES, Kind
from .rules import RULES
from .settings import Settings


def rule_anchor(rule_id: str) -> str:
    return rule_id.replace(".", "-").replace("_", "-")


def fields_reference(settings: Settings) -> str:
    lines = [
        "This page is for the editors who write learning briefs and bite-size sheets. "
        "Each document starts with *front matter*: lines of `name: value` between two "
        "lines of `---`. Dates are written `YYYY-MM-DD`.",
        "",
    ]
    for kind in (Kind.BRIEF, Kind.SHEET):
        lines += [
            f"## {kind.label}s (`{kind.folder}/`)",
            "",
            "| Field | Required | What to write | Example |",
            "|---|---|---|---|",
        ]
        for spec in FIELDS[kind]:
            example = f"`{spec.name}: {spec.example}`" if spec.example else ""
            lines.append(
                f"| `{spec.name}` | {'yes' if spec.required else 'no'} | {spec.description} "
                f"| {example} |"
            )
        lines.append("")
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
    lines.append("")
    return "\n".join(lines)


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
