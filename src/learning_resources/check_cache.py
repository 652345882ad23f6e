"""A cache of per-document check results, so that an unchanged document is not checked again.

Kept in `.cache/learning/check.json` under the site folder: git-ignored, safe to delete at
any time (it changes nothing but how long a check takes), and ignored whenever it cannot be
read or trusted. Only results that depend on nothing but the document are kept:

- reading it: the front matter's values and positions, and the problems found in the file
  (schema, sheet sections, prompts), keyed by the file's text; plus whether the report it
  names exists, which is looked at again every time;
- its content policy and anonymisation checks, keyed also by how it is published (in full,
  as a draft, or only its title when archived) and by the content of its report and images.

Every key also holds the checker's version (a hash of this package's own files and the
versions of the libraries that read files) and the settings (`mkdocs.yml`'s rule settings),
so a new version or a changed setting starts afresh. Nothing that depends on the date is
kept: the lifecycle, and the checks that depend on it, are worked out every time.

`ResultCache` keeps other results the same way (signed JSON in the same folder, keyed by
what they are computed from and by an environment): the build's audit verdicts on each built
file (`audit.json`, see audit.py) and the pages' QR codes (`qr-codes.json`, see the plugin's
printout.py).

The file is signed (HMAC-SHA256) with a key kept outside the site, in the user's own cache
folder: a cache file written anywhere else (committed to the repository, say) is never
trusted, so it cannot vouch for a document that was never checked. It is JSON, never
pickle: reading it runs nothing.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import functools
import hashlib
import hmac
import json
import os
import secrets
import sys
import tempfile
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path
from typing import Any

from .documents import Extension, Waiver
from .problems import Problem, Severity
from .settings import Settings

CACHE_FOLDER = Path(".cache") / "learning"
CACHE_FILE = "check.json"
FORMAT = 1
# Libraries whose version can change what a check finds.
_LIBRARIES = ("pyyaml", "phonenumbers", "pypdf", "pillow", "markdown", "python-dateutil", "nh3")


@functools.cache
def checker_version() -> str:
    """A hash of this package's files (code and word lists) and of the libraries' versions."""
    return code_version(Path(__file__).resolve().parent, _LIBRARIES)


@functools.cache
def code_version(package: Path, libraries: tuple[str, ...]) -> str:
    """A hash of a package's files and of some libraries' versions (and Python's)."""
    digest = hashlib.sha256()
    for path in sorted(
        p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts
    ):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    for name in libraries:
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:
            version = "-"
        digest.update(f"{name}={version}\0".encode())
    digest.update(f"python={sys.version_info[:2]}".encode())
    return digest.hexdigest()


def settings_hash(settings: Settings) -> str:
    text = json.dumps(dataclasses.asdict(settings), default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


def _key_file() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "learning-resources" / "cache-key"


def _signing_key() -> bytes | None:
    """This user's secret for signing caches, made on first use; None if it cannot be kept."""
    path = _key_file()
    with contextlib.suppress(OSError):
        key = path.read_bytes()
        if len(key) >= 32:
            return key
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        key = secrets.token_bytes(32)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(key)
        return key
    except FileExistsError:  # made meanwhile by another check
        with contextlib.suppress(OSError):
            key = path.read_bytes()
            return key if len(key) >= 32 else None
        return None
    except OSError:
        return None


def private_name(key: str) -> str | None:
    """`key` signed with this user's secret: the name of a cache file that no file made on
    another machine (committed to the repository, say) can have; None without a secret."""
    secret = _signing_key()
    return None if secret is None else hmac.new(secret, key.encode(), hashlib.sha256).hexdigest()


def content_key(*parts: str | bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode() if isinstance(part, str) else part)
        digest.update(b"\0")
    return digest.hexdigest()


def files_key(paths: Iterable[Path]) -> str:
    """The content of some files (a missing or unreadable one counts as such)."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(str(path).encode() + b"\0")
        try:
            digest.update(hashlib.sha256(path.read_bytes()).digest())
        except OSError as exc:
            digest.update(f"unreadable {exc.errno}".encode())
    return digest.hexdigest()


# --- Values as JSON, and back -------------------------------------------------------------
# Scalars stay as they are; everything else is a one-key object saying what it is.


def encode(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, tuple):
        return {"t": [encode(v) for v in value]}
    if isinstance(value, list):
        return {"l": [encode(v) for v in value]}
    if isinstance(value, dict):
        return {"d": [[encode(k), encode(v)] for k, v in value.items()]}
    if isinstance(value, dt.date):
        return {"date": value.isoformat()}
    if isinstance(value, Waiver | Extension):
        name = type(value).__name__
        return {name: [encode(getattr(value, f.name)) for f in dataclasses.fields(value)]}
    raise TypeError(f"cannot cache a {type(value).__name__}")


_CLASSES: dict[str, Any] = {"Waiver": Waiver, "Extension": Extension}


def decode(data: Any) -> Any:
    if not isinstance(data, dict):
        if isinstance(data, list):
            raise ValueError("a bare list")
        return data
    [(tag, inner)] = data.items()
    if tag == "t":
        return tuple(decode(v) for v in inner)
    if tag == "l":
        return [decode(v) for v in inner]
    if tag == "d":
        return {decode(k): decode(v) for k, v in inner}
    if tag == "date":
        return dt.date.fromisoformat(inner)
    return _CLASSES[tag](*(decode(v) for v in inner))


def encode_problems(problems: Iterable[Problem]) -> list[list[Any]]:
    return [
        [p.path, p.line, p.column, p.rule, str(p.severity), p.message, p.text] for p in problems
    ]


def decode_problems(data: Any) -> list[Problem]:
    return [
        Problem(str(path), int(line), int(column), str(rule), Severity(severity), str(message),
                None if text is None else str(text))
        for path, line, column, rule, severity, message, text in data
    ]  # fmt: skip


# --- The cache file -----------------------------------------------------------------------


class CheckCache:
    """The cache of one site, read once and written back (if anything changed) by `save`.

    Entries are kept by the document's path; each remembers what it was computed from, so an
    entry that no longer matches is simply not used (and is replaced)."""

    def __init__(self, root: Path, settings: Settings) -> None:
        self.folder = root / CACHE_FOLDER
        self.environment = content_key(checker_version(), settings_hash(settings))
        self.key = _signing_key()
        self.entries: dict[str, dict[str, Any]] = {}
        self.used: set[str] = set()
        self.changed = False
        if self.key is not None:
            self.entries = self._read()

    def _read(self) -> dict[str, dict[str, Any]]:
        assert self.key is not None
        return read_signed(self.folder / CACHE_FILE, self.key, self.environment)

    def _entry(self, relpath: str, key: str) -> dict[str, Any] | None:
        self.used.add(relpath)
        entry = self.entries.get(relpath)
        return entry if isinstance(entry, dict) and entry.get("key") == key else None

    def reading(self, relpath: str, key: str) -> Any:
        """What reading the document at `relpath` gave, if its text (`key`) is unchanged."""
        entry = self._entry(relpath, key)
        return entry.get("reading") if entry else None

    def keep_reading(self, relpath: str, key: str, data: Any) -> None:
        self.entries[relpath] = {"key": key, "reading": data, "checks": {}}
        self.changed = True

    def checks(self, relpath: str, key: str, checks_key: str) -> Any:
        """What checking the document's published text gave, keyed also by `checks_key`."""
        entry = self._entry(relpath, key)
        checks = entry.get("checks") if entry else None
        return checks.get(checks_key) if isinstance(checks, dict) else None

    def keep_checks(self, relpath: str, key: str, checks_key: str, data: Any) -> None:
        entry = self._entry(relpath, key)
        if entry is None:
            return  # only kept beside the reading of the same text
        if not isinstance(entry.get("checks"), dict):
            entry["checks"] = {}
        entry["checks"][checks_key] = data
        self.changed = True

    def save(self) -> None:
        """Write the entries used in this check (those of files gone are dropped), if any
        changed; atomically, so a reader sees the old cache or the new, and silently: a cache
        that cannot be written only means the next check is slower."""
        kept = {p: e for p, e in self.entries.items() if p in self.used}
        if self.key is None or not (self.changed or len(kept) != len(self.entries)):
            return
        write_signed(self.folder / CACHE_FILE, self.key, self.environment, kept)


def read_signed(path: Path, key: bytes, environment: str) -> dict[str, Any]:
    """The entries of a cache file, if it is signed with `key` and was written for this
    `environment` (the checker's version and settings); otherwise none."""
    try:
        signature, _, payload = path.read_bytes().partition(b"\n")
        expected = hmac.new(key, payload, hashlib.sha256).hexdigest().encode()
        if not hmac.compare_digest(signature, expected):
            return {}
        data = json.loads(payload)
        if data["format"] != FORMAT or data["environment"] != environment:
            return {}
        entries = data["entries"]
        return entries if isinstance(entries, dict) else {}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def write_signed(path: Path, key: bytes, environment: str, entries: dict[str, Any]) -> None:
    """Write a cache file atomically (a reader sees the old file or the new one), and
    silently: a cache that cannot be written only means the next run is slower."""
    payload = json.dumps(
        {"format": FORMAT, "environment": environment, "entries": entries},
        ensure_ascii=False,
        separators=(",", ":"),
    ).encode()
    signature = hmac.new(key, payload, hashlib.sha256).hexdigest().encode()
    folder = path.parent
    with contextlib.suppress(OSError):
        folder.mkdir(parents=True, exist_ok=True)
        ignore = folder / ".gitignore"
        if not ignore.exists():
            ignore.write_text("# Made by build.py check: safe to delete.\n*\n")
        with tempfile.NamedTemporaryFile(
            dir=folder, prefix=f".{path.stem}-", suffix=".tmp", delete=False
        ) as handle:
            handle.write(signature + b"\n" + payload)
        written = Path(handle.name)
        try:
            written.replace(path)
        except OSError:
            written.unlink()
            raise


class ResultCache:
    """A cache file of results by content key, for one use (`name`), such as the audit's
    verdict on each built file. Signed, keyed by `environment` (which must hold every input
    that is not in the keys: the code's version, the settings...) and kept in the same folder
    as the check cache. `save` keeps the entries used or made in this run, and drops the rest.

    Values must be JSON (see `encode`) and must be worth exactly what recomputing them would
    give for the same key: a key holds everything a value depends on."""

    def __init__(self, root: Path, name: str, environment: str) -> None:
        self.path = root / CACHE_FOLDER / f"{name}.json"
        self.environment = environment
        self.key = _signing_key()
        self.entries: dict[str, Any] = {}
        if self.key is not None:
            self.entries = read_signed(self.path, self.key, environment)
        self.kept: dict[str, Any] = {}

    def get(self, key: str) -> Any:
        """The value kept for `key`, or None."""
        value = self.entries.get(key)
        if value is not None:
            self.kept[key] = value
        return value

    def put(self, key: str, value: Any) -> None:
        self.kept[key] = value

    def save(self) -> None:
        if self.key is not None and self.kept != self.entries:
            write_signed(self.path, self.key, self.environment, self.kept)
