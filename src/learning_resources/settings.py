"""The site settings the rules need, read from the `learning` plugin's block in mkdocs.yml.

mkdocs.yml is the one place a partnership configures its site. The core reads it itself
(tolerating Material's `!!python/name:` tags) so that `check` never needs MkDocs, and so
that a mistake in a setting is reported at its line.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .fields import FIXED_VOCABULARIES
from .located import Entry, Located, YamlSyntaxError, load_located
from .problems import Problem
from .rules import problem
from .words import did_you_mean, is_slug

PLUGIN_NAME = "learning"
CONFIG_FILE = "mkdocs.yml"

DEFAULT_SHEET_SECTIONS = (
    "Overview",
    "How it can manifest",
    "Ways to approach it",
    "Further reading",
    "Group activity",
)
DEFAULT_CASE_LABELS = ("Child", "Baby", "Young Person", "Family", "Adult")


@dataclass(frozen=True)
class SettingSpec:
    name: str
    description: str
    default: Any  # None: required


SETTINGS: tuple[SettingSpec, ...] = (
    SettingSpec(
        "partnership",
        "The partnership's name, shown on pages and printouts.",
        "Safeguarding Children Partnership",
    ),
    SettingSpec(
        "contact_email", "Where readers request archived documents and report problems.", ""
    ),
    SettingSpec("topics", "The topic vocabulary: id: Label, one per line.", None),
    SettingSpec("audiences", "The audience vocabulary: id: Label, one per line.", {}),
    SettingSpec("case_labels", "Words allowed before a case letter.", list(DEFAULT_CASE_LABELS)),
    SettingSpec(
        "sheet_sections",
        "The '## ' sections every bite-size sheet must have, in order.",
        list(DEFAULT_SHEET_SECTIONS),
    ),
    SettingSpec("summary_max_length", "The longest summary allowed, in characters.", 300),
    SettingSpec(
        "allowed_terms",
        "Names the anonymisation check always allows: the partnership's places, hospitals and "
        "agencies, and its own phone numbers and e-mail addresses.",
        [],
    ),
    SettingSpec(
        "archive_after_years", "Years a learning brief stays online after it is published.", 1
    ),
    SettingSpec("review_every_years", "Years after its last review that a sheet falls due.", 3),
    SettingSpec(
        "warn_days_before_archive",
        "Days ahead that links to a brief about to be archived are warned about.",
        30,
    ),
    SettingSpec(
        "case_review_repository",
        "Where full review reports can be found for longer (shown on archive stubs).",
        "https://learning.nspcc.org.uk/case-reviews/national-case-review-repository",
    ),
)
SETTING_NAMES = tuple(s.name for s in SETTINGS)


@dataclass(frozen=True)
class Settings:
    partnership: str
    contact_email: str
    topics: dict[str, str]
    audiences: dict[str, str]
    case_labels: tuple[str, ...]
    sheet_sections: tuple[str, ...]
    summary_max_length: int
    allowed_terms: tuple[str, ...]
    archive_after_years: int
    review_every_years: int
    warn_days_before_archive: int
    case_review_repository: str
    site_url: str = ""  # mkdocs.yml's own site_url, for links to the rules' explanations

    def vocabulary(self, name: str) -> dict[str, str]:
        if name in FIXED_VOCABULARIES:
            return FIXED_VOCABULARIES[name]
        if name == "case_labels":
            return {label: label for label in self.case_labels}
        value: dict[str, str] = getattr(self, name)
        return value


class SettingsError(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(p.message for p in problems))
        self.problems = problems


def load_settings(root: Path) -> Settings:
    """Read and check the settings of the site in `root`; SettingsError lists every mistake."""
    path = root / CONFIG_FILE
    if not path.is_file():
        raise SettingsError([_bad(1, 1, f"there is no {CONFIG_FILE} in {root}")])
    try:
        text = path.read_text(encoding="utf-8-sig")
        doc = load_located(text, aliases=True)
    except UnicodeDecodeError:
        raise SettingsError([_bad(1, 1, f"{CONFIG_FILE} is not UTF-8 text")]) from None
    except YamlSyntaxError as exc:
        raise SettingsError([_bad(exc.line, exc.column, f"{CONFIG_FILE}: {exc.message}")]) from None
    block, anchor = _plugin_block(doc)
    problems: list[Problem] = []
    values: dict[str, Any] = {}
    given = block.value if block is not None and block.kind == "map" else {}
    for name, entry in given.items():
        if name not in SETTING_NAMES:
            hint = did_you_mean(name, SETTING_NAMES)
            problems.append(
                _bad(entry.key.line, entry.key.column, f"unknown setting '{name}'{hint}")
            )
    for spec in SETTINGS:
        entry = given.get(spec.name)
        if entry is None:
            if spec.default is None:
                problems.append(
                    _bad(
                        anchor.line,
                        anchor.column,
                        f"the '{PLUGIN_NAME}' plugin needs the setting '{spec.name}' "
                        f"({spec.description})",
                    )
                )
            values[spec.name] = spec.default
            continue
        values[spec.name] = _setting_value(spec, entry.value, problems)
    if problems:
        raise SettingsError(problems)
    return Settings(
        partnership=values["partnership"],
        contact_email=values["contact_email"],
        topics=values["topics"],
        audiences=values["audiences"],
        case_labels=tuple(values["case_labels"]),
        sheet_sections=tuple(values["sheet_sections"]),
        summary_max_length=values["summary_max_length"],
        allowed_terms=tuple(values["allowed_terms"]),
        archive_after_years=values["archive_after_years"],
        review_every_years=values["review_every_years"],
        warn_days_before_archive=values["warn_days_before_archive"],
        case_review_repository=values["case_review_repository"],
        site_url=_site_url(doc),
    )


def _setting_value(spec: SettingSpec, node: Located, problems: list[Problem]) -> Any:
    default = spec.default
    if spec.name in {"topics", "audiences"}:
        if node.kind != "map" or not all(e.value.is_text for e in node.value.values()):
            problems.append(
                _bad(node.line, node.column, f"'{spec.name}' must be 'id: Label' lines")
            )
            return {}
        vocab = {str(k): str(e.value.value) for k, e in node.value.items()}
        for key, entry in node.value.items():
            if not is_slug(str(key)):
                problems.append(
                    _bad(
                        entry.key.line,
                        entry.key.column,
                        f"'{key}' is not a usable id: use lower-case letters, digits and hyphens",
                    )
                )
        return vocab
    if isinstance(default, list):
        if node.kind != "seq" or not all(i.is_text for i in node.value):
            problems.append(_bad(node.line, node.column, f"'{spec.name}' must be a list of text"))
            return default
        return [str(i.value) for i in node.value]
    if isinstance(default, int):
        if node.kind != "int" or node.value <= 0:
            problems.append(_bad(node.line, node.column, f"'{spec.name}' must be a whole number"))
            return default
        return node.value
    if not node.is_text:
        problems.append(_bad(node.line, node.column, f"'{spec.name}' must be text"))
        return default
    return str(node.value)


def _site_url(doc: Located | None) -> str:
    entry = doc.value.get("site_url") if doc is not None and doc.kind == "map" else None
    return str(entry.value.value) if entry is not None and entry.value.is_text else ""


def _plugin_block(doc: Located | None) -> tuple[Located | None, Located]:
    """The `learning` plugin's settings mapping (None when it has none) and its name's place."""
    plugins = doc.value.get("plugins") if doc is not None and doc.kind == "map" else None
    if plugins is None:
        raise SettingsError([_bad(1, 1, f"{CONFIG_FILE} does not list the '{PLUGIN_NAME}' plugin")])
    listed: Located = plugins.value
    items: list[Located] = listed.value if listed.kind == "seq" else [listed]
    for item in items:
        if item.kind == "str" and item.value == PLUGIN_NAME:
            return None, item
        if item.kind == "map" and PLUGIN_NAME in item.value:
            entry: Entry = item.value[PLUGIN_NAME]
            return entry.value, entry.key
    raise SettingsError(
        [
            _bad(
                plugins.key.line,
                plugins.key.column,
                f"{CONFIG_FILE} does not list the '{PLUGIN_NAME}' plugin under 'plugins'",
            )
        ]
    )


def _bad(line: int, column: int, message: str) -> Problem:
    return problem("config.invalid", CONFIG_FILE, line, column, message)
