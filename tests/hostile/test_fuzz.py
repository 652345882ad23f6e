"""Property tests: whatever an editor (or an attacker) writes, `check_site` answers with
problems that name the file, never with a traceback or a hang."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from learning_resources.pipeline import check_site

from ..conftest import MKDOCS_YML, brief

TODAY = dt.date(2026, 11, 25)
FILES = ("briefs/child-a.md", "bitesize/neglect.md", "content/page.md", "briefs/child-b/index.md")

# Generous: a normal example takes milliseconds; an alias bomb took minutes before.
FUZZ = settings(
    max_examples=150,
    deadline=dt.timedelta(seconds=5),
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Pieces of front matter, careless and hostile, that random sequences are built from.
FRAGMENTS = [
    *["title: ", "case: ", "review_type: ", "published: ", "topics: ", "summary: "],
    *["draft: ", "report: ", "waivers:", "pseudonyms: ", "  - text: ", "    reason: "],
    *["A", "cspr", "2026-06-01", "2026-13-45", "neglect", "Tyler Smith", "true", "1e999"],
    *[":", ": ", " ", "\n", "  ", "\t", "- ", "[", "]", "{", "}", ",", "'", '"', "#", "|", ">"],
    *["&a ", "*a", "&b [*a, *a, *a]", "<<: *a", "!!python/object:os.system ", "!ENV ", "? "],
    *["---", "...", "%YAML 1.1", "\x00", "\x1b", "\u200b", "\u202e", "\u00a0", "\ufeff", "\r"],
    *["\u2028", "\x85", "é", "𝐓", "&#121;", "**", "1" * 50, "&a [*a]", "[" * 1100],
]


def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    if not root.exists():
        (root / "content").mkdir(parents=True)
        (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
        (root / "content/index.md").write_text("# Home\n", encoding="utf-8")
    return root


def check_one(root: Path, relpath: str, data: bytes) -> None:
    """Write one file, check the site, and assert the properties; then remove the file."""
    path = root / relpath
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    try:
        report = check_site(root, TODAY)
        assert all(p.path in (relpath, "content/index.md") for p in report.problems)
        assert all(p.line >= 1 and p.column >= 1 and p.message for p in report.problems)
        accepted = report.site is not None and any(d.path == relpath for d in report.site.documents)
        named = any(p.path == relpath for p in report.problems)
        assert named or accepted
        if relpath.startswith(("briefs/", "bitesize/")) and not named:
            # accepted without a single problem: only a complete, valid document can be
            assert report.site is not None
            [document] = [d for d in report.site.documents if d.path == relpath]
            assert document.title
    finally:
        path.unlink()


@FUZZ
@given(data=st.binary(max_size=2000), relpath=st.sampled_from(FILES))
def test_random_bytes_never_break_the_check(tmp_path: Path, data: bytes, relpath: str) -> None:
    check_one(site(tmp_path), relpath, data)


@FUZZ
@given(
    pieces=st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=8), max_size=60),
    relpath=st.sampled_from(FILES),
    body=st.text(max_size=200),
)
def test_random_front_matter_never_breaks_the_check(
    tmp_path: Path, pieces: list[str], relpath: str, body: str
) -> None:
    text = "---\n" + "".join(pieces) + "\n---\n" + body
    check_one(site(tmp_path), relpath, text.encode("utf-8", "surrogatepass"))


VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=30)
    | st.dates().map(str)
    | st.sampled_from(["A", "cspr", "neglect", "2026-06-01", "report.pdf", "../x.pdf"]),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
KEYS = st.sampled_from(
    [
        "title",
        "case",
        "review_type",
        "published",
        "topics",
        "summary",
        "draft",
        "report",
        "waivers",
        "pseudonyms",
        "extension",
        "last_reviewed",
        "audiences",
        "related_cases",
    ]
) | st.text(max_size=10)


@FUZZ
@given(fields=st.dictionaries(KEYS, VALUES, max_size=10), relpath=st.sampled_from(FILES))
def test_well_formed_yaml_with_random_values_never_breaks_the_check(
    tmp_path: Path, fields: dict[str, object], relpath: str
) -> None:
    text = "---\n" + yaml.safe_dump(fields, allow_unicode=True) + "---\nBody.\n"
    check_one(site(tmp_path), relpath, text.encode("utf-8", "surrogatepass"))


MAGIC = {
    "report.pdf": b"%PDF-1.7\n",
    "photo.png": b"\x89PNG\r\n\x1a\n",
    "photo.jpg": b"\xff\xd8\xff\xe1",
    "photo.gif": b"GIF89a",
}


@FUZZ
@given(data=st.binary(max_size=3000), name=st.sampled_from(sorted(MAGIC)))
def test_random_attachments_never_break_the_check(tmp_path: Path, data: bytes, name: str) -> None:
    """A damaged report or image is a finding about that file, never a traceback."""
    root = site(tmp_path)
    folder = root / "briefs/child-a"
    folder.mkdir(parents=True, exist_ok=True)
    for earlier in folder.iterdir():  # Hypothesis runs many examples in one tmp_path
        earlier.unlink()
    extra = "report: report.pdf\n" if name == "report.pdf" else ""
    (folder / "index.md").write_text(
        brief(extra=extra, body=f"![A photo]({name})\n"), encoding="utf-8"
    )
    (folder / name).write_bytes(MAGIC[name] + data)
    report = check_site(root, TODAY)
    assert {p.path for p in report.problems} <= {f"briefs/child-a/{name}"}
    if name == "report.pdf":
        assert report.problems  # random bytes are never a readable report with text
