"""The site settings the rules need, read from the `learning` plugin's block in mkdocs.yml.

mkdocs.yml is the one place a partnership configures its site. The core reads it itself
(never running a `!!python/` tag; only Material's few are allowed) so that `check` never
needs MkDocs, and so that a mistake in a setting is reported at its line.
"""

from __future__ import annotations

import os
import posixpath
import re
from dataclasses import dataclass, field, replace
from functools import cache
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

from .fields import FIXED_VOCABULARIES
from .kinds import Kind
from .located import Entry, Located, YamlSyntaxError, load_located
from .problems import Problem
from .rules import problem
from .words import did_you_mean, is_slug

PLUGIN_NAME = "learning"
CONFIG_FILE = "mkdocs.yml"
# Addresses the site generates; ordinary pages in content/ may not use them.
GENERATED_FOLDERS = ("briefs", "bitesize", "topics", "archive", "editors")
DOCUMENT_FOLDERS = (Kind.BRIEF.folder, Kind.SHEET.folder)
PAGES_FOLDER = Kind.PAGE.folder  # mkdocs.yml's docs_dir: ordinary pages, and the only one supported

# MkDocs settings that would make MkDocs render or skip files differently from what the core
# reads and checks. Each is refused with the reason and the fix, so the two can never disagree.
UNSUPPORTED_SETTINGS = {
    "INHERIT": "the checks read mkdocs.yml alone; copy the inherited settings into this file",
    "exclude_docs": (
        "every page in content/ is checked and published; to keep a page off the site, "
        "move it out of content/ (or delete it), and keep briefs and sheets off with 'draft: true'"
    ),
}
# Markdown extensions that copy other files into a page, where neither the anonymisation check
# nor a second reader would see them.
FILE_COPYING_EXTENSIONS = ("pymdownx.snippets", "pymdownx.b64")
SITE_FOLDER = "site"  # where `build` writes, unless given --site-dir
# The theme's template for a page (Material's others need a plugin's data: blog, 404...).
THEME_PAGE_TEMPLATE = "main.html"
NOT_FOR_PAGES = ("404.html",)  # the not-found page's template, in the overrides or ours
# MkDocs reads mkdocs.yml with PyYAML's full loader, whose `!!python/...` tags import and call
# Python, and runs the files `hooks:` names: a pull request changing mkdocs.yml could run code
# wherever the site is built. Only these functions, which Material's and PyMdown Extensions'
# documentation configure, may be named.
PYTHON_TAG = "tag:yaml.org,2002:python/"
MERGE_TAG = "tag:yaml.org,2002:merge"  # '<<: *name', or any key tagged '!!merge'
ALLOWED_PYTHON = (
    "name:material.extensions.emoji.twemoji",
    "name:material.extensions.emoji.to_svg",
    "name:pymdownx.superfences.fence_code_format",
    "name:pymdownx.superfences.fence_div_format",
    "object/apply:pymdownx.slugs.slugify",
)
# Markdown imports the module a `markdown_extensions:` entry names, which runs its code: only
# Markdown's own extensions (by their short names too), PyMdown Extensions' and Material's.
EXTENSION_PACKAGES = ("markdown.extensions", "pymdownx", "material.extensions")
# Material's plugin that builds every other mkdocs.yml under projects/ (their hooks too).
PLUGINS_RUNNING_SITES = ("projects", "material/projects")
# Plugins whose every effect is known: MkDocs' search, this site's own, and Material's that
# only reshape what the checks have read. Any other could publish what no check reads (blog
# posts, `.meta.yml` files), reach the network while building (info, privacy, social) or run
# other sites' settings (projects). Material's may be named with or without "material/".
ALLOWED_PLUGINS = frozenset(
    {"search", "learning"}
    | {prefix + name for prefix in ("", "material/") for name in ("group", "offline", "typeset")}
    | {"material/search"}
)
# The editors' folders: merged without a maintainer's review, so never a theme's templates.
EDITORS_FOLDERS = (*DOCUMENT_FOLDERS, PAGES_FOLDER)
# MkDocs settings Material writes into HTML attributes without escaping them.
TEXT_IN_ATTRIBUTES = ("site_name", "site_description")

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
        "area_names",
        "The partnership's own areas (boroughs, towns, villages), which the anonymisation "
        "check never takes for people's names, nor for the name of a hospital "
        "('Northmere General Hospital'); streets, schools, GP practices and children's, "
        "family or youth centres named after them are still found.",
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
    SettingSpec(
        "show_archived_summary",
        "true shows an archived brief's summary on its notice and in site search (never any "
        "of its body text). Off unless the partnership agrees to keep summaries public.",
        False,
    ),
)
SETTING_NAMES = tuple(s.name for s in SETTINGS)
# The largest each number may be: beyond, it is a typing mistake (and would overflow dates).
MAXIMUM = {
    "summary_max_length": 10_000,
    "archive_after_years": 100,
    "review_every_years": 100,
    "warn_days_before_archive": 3660,
}


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
    show_archived_summary: bool = False
    site_url: str = ""  # mkdocs.yml's own site_url, for links to the rules' explanations
    area_names: tuple[str, ...] = ()
    # What a page's `template:` may name: the theme's and the site's own overrides.
    page_templates: dict[str, str] = field(
        default_factory=lambda: {THEME_PAGE_TEMPLATE: THEME_PAGE_TEMPLATE}
    )

    @property
    def time_online(self) -> str:
        """How long a brief stays online, in words: 'one year', '2 years'."""
        years = self.archive_after_years
        return "one year" if years == 1 else f"{years} years"

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
    problems: list[Problem] = _engine_settings(doc)
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
        values[spec.name] = _setting_value(spec, resolve_env(entry.value), problems)
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
        show_archived_summary=values["show_archived_summary"],
        site_url=_site_url(doc),
        area_names=tuple(values["area_names"]),
        page_templates=_page_templates(root, doc),
    )


def _page_templates(root: Path, doc: Located | None) -> dict[str, str]:
    """main.html, and the .html files at the top of the theme's `custom_dir` (its partials
    and the not-found page's template are not pages' templates)."""
    names = [THEME_PAGE_TEMPLATE]
    top = doc.value if doc is not None and doc.kind == "map" else {}
    theme = resolve_env(top["theme"].value) if "theme" in top else None
    entry = theme.value.get("custom_dir") if theme is not None and theme.kind == "map" else None
    custom_dir = resolve_env(entry.value) if entry is not None else None
    if custom_dir is not None and custom_dir.is_text:
        folder = root / str(custom_dir.value)
        if folder.is_dir():
            names += sorted(
                p.name
                for p in folder.glob("*.html")
                if p.is_file() and p.name not in (THEME_PAGE_TEMPLATE, *NOT_FOR_PAGES)
            )
    return {name: name for name in names}


def _engine_settings(doc: Located | None) -> list[Problem]:
    """MkDocs settings the core depends on: where pages are, and nothing that hides files."""
    top = doc.value if doc is not None and doc.kind == "map" else {}
    problems = [
        _bad(top[name].key.line, top[name].key.column, f"'{name}' is not supported: {why}")
        for name, why in UNSUPPORTED_SETTINGS.items()
        if name in top
    ]
    problems += _duplicate_problems(doc)
    problems += _key_problems(doc)
    problems += _code_problems(doc, top)
    problems += _markup_problems(top)
    problems += _extension_problems(top.get("markdown_extensions"))
    problems += _remote_file_problems(top)
    problems += _site_dir_problems(top.get("site_dir"))
    docs_dir = top.get("docs_dir")
    if docs_dir is None:
        problems.append(_bad(1, 1, f"add 'docs_dir: {PAGES_FOLDER}': pages are kept in content/"))
    elif docs_dir.value.kind != "str" or str(docs_dir.value.value).strip("/") != PAGES_FOLDER:
        problems.append(
            _bad(
                docs_dir.value.line,
                docs_dir.value.column,
                f"docs_dir must be '{PAGES_FOLDER}' (got '{docs_dir.value.raw}'): the checks "
                f"read ordinary pages from content/, so MkDocs must read them from there too",
            )
        )
    if not _absolute_links_relative_to_docs(top.get("validation")):
        problems.append(
            _bad(
                1,
                1,
                "add 'validation: {absolute_links: relative_to_docs}': the generated pages link "
                "to '/briefs/...' meaning the briefs folder of this site, wherever it is hosted",
            )
        )
    nav = top.get("nav")
    if nav is not None:
        problems += _nav_problems(nav.value, _site_url(doc))
    return problems


def _markup_problems(top: dict[str, Entry]) -> list[Problem]:
    """Names Material writes into the pages' HTML as they are, unescaped."""
    found = []
    for name in TEXT_IN_ATTRIBUTES:
        entry = top.get(name)
        value = resolve_env(entry.value) if entry is not None else None
        if value is not None and any(c in str(value.value) for c in '<>"'):
            found.append(
                _bad(
                    value.line,
                    value.column,
                    f"{name}: '<', '>' and '\"' cannot be used (the theme writes it into the "
                    "pages' HTML as it is); write the name without them",
                )
            )
    return found


def _site_dir_problems(site_dir: Entry | None) -> list[Problem]:
    """`build` writes to site/ or --site-dir: any other site_dir would be silently ignored."""
    if site_dir is None or str(resolve_env(site_dir.value).value).strip("/") == SITE_FOLDER:
        return []
    message = (
        f"site_dir: the site is built into {SITE_FOLDER}/ (or the folder given to "
        "'build.py build --site-dir'), so this setting would be ignored; remove it"
    )
    return [_bad(site_dir.value.line, site_dir.value.column, message)]


def _duplicate_problems(node: Located | None) -> list[Problem]:
    """A setting given twice: the core would read the first, MkDocs the last."""
    if node is None:
        return []
    found: list[Problem] = []
    if node.kind == "map":
        found += [
            _bad(
                entry.key.line,
                entry.key.column,
                f"'{entry.key.value}' is given twice (first on line "
                f"{node.value[str(entry.key.value)].key.line}); keep one of them",
            )
            for entry in node.duplicates
        ]
        for entry in node.value.values():
            found += _duplicate_problems(entry.value)
    elif isinstance(node.value, list):
        for item in node.value:
            found += _duplicate_problems(item)
    return found


def _key_problems(doc: Located | None) -> list[Problem]:
    """Names MkDocs reads differently from the checks: a merge ('<<: *name') brings in
    settings the checks do not see ('hooks:'), and a name given by a tag ('!ENV') is another."""
    maps = [node for node in _nodes(doc) if node.kind == "map"]
    keys = [entry.key for node in maps for entry in [*node.value.values(), *node.duplicates]]
    return [
        _bad(
            key.line,
            key.column,
            "a YAML merge ('<<') cannot be used in mkdocs.yml: the checks would not see the "
            "settings it brings in; write them out in full"
            if key.tag == MERGE_TAG
            else f"a setting's name cannot be given by '{key.tag}'; write the name itself",
        )
        for key in keys
        if key.tag == MERGE_TAG or key.tag.startswith("!")
    ]


def _code_problems(doc: Located | None, top: dict[str, Entry]) -> list[Problem]:
    """What would make MkDocs run code: `hooks:`, and Python named by a YAML tag."""
    found = []
    if "hooks" in top:
        key = top["hooks"].key
        found.append(
            problem(
                "config.runs_code",
                CONFIG_FILE,
                key.line,
                key.column,
                "'hooks' runs Python files while the site is built; remove it (the site "
                "generator's own code, reviewed by its maintainers, does the building)",
            )
        )
    for node in _nodes(doc):
        name = node.tag.removeprefix(PYTHON_TAG)
        if node.tag.startswith(PYTHON_TAG) and name not in ALLOWED_PYTHON:
            found.append(
                _runs_code(
                    node,
                    f"'!!python/{name}' would run Python while the site is built; remove it "
                    f"(allowed: {', '.join('!!python/' + a for a in ALLOWED_PYTHON)})",
                )
            )
        elif name.startswith("object/apply:") and (
            node.kind != "map"
            or set(node.value) - {"kwds"}
            or any(entry.value.kind != "map" for entry in node.value.values())
        ):  # state, items or arguments: set on the function, or given to it, at build time
            found.append(
                _runs_code(
                    node,
                    f"'!!python/{name}' takes its options under 'kwds:' and nothing else, e.g. "
                    f"!!python/{name} {{kwds: {{case: lower}}}}",
                )
            )
    found += [
        _runs_code(
            name,
            f"markdown_extensions: {repr(str(name.value)) if name.is_text else 'this'} is not "
            "one of Markdown's own extensions, nor "
            f"one of {', '.join(p + '.' for p in EXTENSION_PACKAGES[1:])}; Markdown would "
            "import it, running its code, while the site is built; remove it, or ask the "
            "site's maintainers",
        )
        for name in _extension_names(top.get("markdown_extensions"))
        if not (name.is_text and _known_extension(str(name.value)))
    ]
    plugins = top.get("plugins")
    for plugin in _plugin_names(plugins.value) if plugins is not None else []:
        if plugin.value in PLUGINS_RUNNING_SITES:
            found.append(
                _runs_code(
                    plugin,
                    f"the '{plugin.value}' plugin builds every other site (mkdocs.yml) under its "
                    "projects folder, with settings nobody checks, such as 'hooks:'; remove it",
                )
            )
        elif plugin.value not in ALLOWED_PLUGINS:
            shown = repr(str(plugin.value)) if plugin.is_text else "this"
            found.append(
                _runs_code(
                    plugin,
                    f"plugins: {shown} is not one of the plugins this site's checks know "
                    f"({', '.join(sorted(ALLOWED_PLUGINS))}); another could publish what no "
                    "check reads, or run code or reach the network while the site is built; "
                    "remove it, or ask the site's maintainers",
                )
            )
    return found + _custom_dir_problems(top.get("theme"))


def _runs_code(node: Located, message: str) -> Problem:
    return problem("config.runs_code", CONFIG_FILE, node.line, node.column, message)


@cache
def _known_extension(name: str) -> bool:
    """Markdown's short names (its entry points) or a module of EXTENSION_PACKAGES, never
    'module:function' (Markdown would call the function) nor a private module ('__main__')."""
    packages = "|".join(re.escape(package) for package in EXTENSION_PACKAGES)
    return name in {point.name for point in entry_points(group="markdown.extensions")} or bool(
        re.fullmatch(rf"(?:{packages})(?:\.[a-z][a-z0-9_]*)+", name)
    )


def _plugin_names(node: Located) -> list[Located]:
    """The plugins listed, and those listed inside them (Material's group plugin)."""
    found: list[Located] = []
    for item in node.value if node.kind == "seq" else [node]:
        if item.kind == "map":
            for entry in item.value.values():
                found.append(entry.key)
                inner = entry.value.value.get("plugins") if entry.value.kind == "map" else None
                found += _plugin_names(inner.value) if inner is not None else []
        else:
            found.append(item)
    return found


def _custom_dir_problems(theme: Entry | None) -> list[Problem]:
    """The theme's overrides are templates, and templates run code (MkDocs does not sandbox
    them): never in the editors' folders, which merge without a maintainer's review and whose
    hidden files no check reads."""
    value = resolve_env(theme.value) if theme is not None else None
    entry = value.value.get("custom_dir") if value is not None and value.kind == "map" else None
    node = resolve_env(entry.value) if entry is not None else None
    if node is None or node.kind == "null":
        return []
    path = posixpath.normpath(str(node.value)) if node.is_text else ""
    if path and not path.startswith(("/", "../")) and path.split("/")[0] not in EDITORS_FOLDERS:
        return []
    return [
        _runs_code(
            node,
            "custom_dir: the theme's overrides are templates, which can run code; keep them "
            "in a folder of their own beside mkdocs.yml (e.g. 'custom_dir: overrides'), "
            f"written as a relative path, outside {', '.join(f + '/' for f in EDITORS_FOLDERS)} "
            "(those merge without a maintainer's review)",
        )
    ]


def _nodes(node: Located | None) -> list[Located]:
    """`node` and every value and key inside it (a key's second value too)."""
    if node is None:
        return []
    found = [node]
    if node.kind == "map":
        for entry in [*node.value.values(), *node.duplicates]:
            found += [*_nodes(entry.key), *_nodes(entry.value)]
    elif isinstance(node.value, list):
        for item in node.value:
            found += _nodes(item)
    return found


def _remote_file_problems(top: dict[str, Entry]) -> list[Problem]:
    """Scripts and stylesheets from another host: the site never asks another host for
    anything (readers' privacy), and its Content Security Policy would block them."""
    found = []
    for name in ("extra_javascript", "extra_css"):
        entry = top.get(name)
        items = entry.value.value if entry is not None and entry.value.kind == "seq" else []
        for item in items:
            path = item.value.get("path") if item.kind == "map" else None  # {path: x.js}
            text = str(resolve_env(path.value if path is not None else item).value)
            if re.match(r"^([a-z][a-z0-9+.-]*:|//)", text.strip(), re.IGNORECASE):
                found.append(
                    _bad(
                        item.line,
                        item.column,
                        f"{name}: '{text}' is on another host, which the site never asks for "
                        "anything (readers' privacy); remove it",
                    )
                )
    return found


def _extension_problems(extensions: Entry | None) -> list[Problem]:
    """Markdown extensions that would publish files the checks never read."""
    return [
        _bad(
            name.line,
            name.column,
            f"markdown_extensions: '{name.value}' copies other files into pages, where neither "
            "the anonymisation check nor a second reader sees them; remove it",
        )
        for name in _extension_names(extensions)
        if str(name.value) in FILE_COPYING_EXTENSIONS
    ]


def _extension_names(extensions: Entry | None) -> list[Located]:
    """Each extension's name as MkDocs reads it (`!ENV` resolved)."""
    node = extensions.value if extensions is not None else None
    items = node.value if node is not None and node.kind == "seq" else [node] if node else []
    names: list[Located] = []
    for item in items:
        keys = [entry.key for entry in item.value.values()] if item.kind == "map" else [item]
        names += [resolve_env(key) for key in keys]
    return names


def _absolute_links_relative_to_docs(validation: Entry | None) -> bool:
    """`validation: {absolute_links: relative_to_docs}`, or the same under `links:`."""

    def setting(node: Located | None) -> str | None:
        entry = node.value.get("absolute_links") if node and node.kind == "map" else None
        return str(entry.value.value) if entry is not None else None

    node = validation.value if validation is not None else None
    links = node.value.get("links") if node is not None and node.kind == "map" else None
    value = setting(links.value) if links is not None else None
    return (value or setting(node)) == "relative_to_docs"


def _nav_problems(node: Located, site_url: str) -> list[Problem]:
    """A hand-written nav may name pages and the generated listings, never one document (by
    its file or its address, on this site): briefs and sheets come and go by date, and a nav
    entry would outlive them."""
    found: list[Problem] = []
    if node.kind == "seq":
        for item in node.value:
            found += _nav_problems(item, site_url)
    elif node.kind == "map":
        for entry in node.value.values():
            found += _nav_problems(entry.value, site_url)
    elif node.kind == "str":
        target = str(node.value).strip()
        if site_url and target.startswith(site_url.rstrip("/") + "/"):
            target = target[len(site_url.rstrip("/")) :]
        target = posixpath.normpath("/" + target).lstrip("/") + (
            "/" if target.endswith("/") else ""
        )
        folder, _, rest = target.partition("/")
        if folder in DOCUMENT_FOLDERS and rest not in ("", "index.md"):
            found.append(
                _bad(
                    node.line,
                    node.column,
                    f"nav: '{target}' names a single generated page; list "
                    f"'{folder}/index.md' instead (documents are reached through listings)",
                )
            )
    return found


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
    if isinstance(default, bool):
        if node.kind != "bool":
            problems.append(_bad(node.line, node.column, f"'{spec.name}' must be true or false"))
            return default
        return bool(node.value)
    if isinstance(default, int):
        most = MAXIMUM[spec.name]
        if node.kind != "int" or not 1 <= node.value <= most:
            problems.append(
                _bad(
                    node.line,
                    node.column,
                    f"'{spec.name}' must be a whole number from 1 to {most} (got {node.raw})",
                )
            )
            return default
        return node.value
    if not node.is_text:
        problems.append(_bad(node.line, node.column, f"'{spec.name}' must be text"))
        return default
    return str(node.value)


def _site_url(doc: Located | None) -> str:
    entry = doc.value.get("site_url") if doc is not None and doc.kind == "map" else None
    value = resolve_env(entry.value) if entry is not None else None
    return str(value.value) if value is not None and value.is_text else ""


def resolve_env(node: Located) -> Located:
    """A value written `!ENV NAME` or `!ENV [NAME, ..., default]`, resolved as MkDocs
    resolves it: the first variable set, else the default (null when there is none). The
    plugin refuses a build whose settings MkDocs resolves differently from this."""
    if node.kind != "!ENV":
        return node
    items: list[Located] = node.value if isinstance(node.value, list) else [node]
    names, default = (items[:-1], items[-1]) if len(items) > 1 else (items, None)
    for name in names:
        value = os.environ.get(str(name.value))
        if value is not None:
            return replace(node, value=value, kind="str")
    if default is None:
        return replace(node, value=None, kind="null")
    return replace(default, line=node.line, column=node.column)


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
