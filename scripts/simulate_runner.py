"""Runs one job of a GitHub workflow here, the way a hosted Ubuntu runner would run it.

    .venv/bin/python scripts/simulate_runner.py .github/workflows/check.yml content

tests/test_workflows.py runs the check and publish jobs with it. What it emulates:

- **The runner**: a user who is not root. Run as root, it makes a throwaway user (useradd)
  and runs every step in a private mount namespace where Debian's Chromium is hidden (its
  executables covered, /usr/lib/chromium emptied, no chromium package in dpkg's status), as
  on GitHub's runners, whose Chrome is no Debian package. Run as anyone else, it runs the
  steps as that user and cannot hide anything.
- **actions/checkout**: a fresh `git clone` of this repository at HEAD, with the working
  tree's uncommitted changes copied over (none on a clean clone).
- **actions/setup-python**: the running Python's installation seen at a tool-cache path
  (`$RUNNER_TOOL_CACHE/Python/<version>/x64`), first on PATH, with the variables that
  setup-python sets; the workflow's `python-version` must match the running Python.
- **actions/upload-pages-artifact**: the folder it would upload must exist.
- **run steps**: `bash --noprofile --norc -eo pipefail` (GitHub's default shell on Linux) in
  the workspace, with CI=true, GITHUB_ACTIONS=true and the workflow's, job's and step's `env`.

Other `uses:` steps are skipped and reported. A job's `timeout-minutes` holds. Expressions
(`${{ }}`), `if:`, `shell:`, `working-directory:`, containers, services and matrices are not
emulated: a job or step that has one stops the simulation with an error instead of being run
wrongly.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import pwd
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

if not __package__:  # run as a script: make `scripts` importable as in the tests
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from scripts.find_browser import DEBIAN_CHROMIUM, ON_PATH

PROJECT = Path(__file__).resolve().parent.parent
BASE_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
# The machine's network and package-index settings, which a real runner has in its own way.
PASSED_THROUGH = ("PIP_", "SSL_CERT_", "REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE")
DPKG_STATUS = Path("/var/lib/dpkg/status")

# Runs as root inside the new mount namespace: hides the browsers, shows the Python at its
# tool-cache path, then becomes the runner's user for the step itself.
_ENTER = r"""
set -eu
user=$1 python=$2 toolcache_python=$3 dpkg_status=$4 hide=$5
shift 5
mount --bind "$python" "$toolcache_python"
for path in $hide; do mount --bind /dev/null "$path"; done
if [ -d /usr/lib/chromium ]; then mount -t tmpfs -o size=1m none /usr/lib/chromium; fi
if [ -f "$dpkg_status" ]; then mount --bind "$dpkg_status" /var/lib/dpkg/status; fi
exec setpriv --reuid "$user" --regid "$user" --init-groups -- "$@"
"""


class Unsupported(Exception):
    """The workflow uses something this simulation does not emulate."""


@dataclass
class Step:
    name: str
    outcome: str  # "success", "failure", "skipped" or "emulated"
    output: str = ""
    seconds: float = 0.0


@dataclass
class Job:
    steps: list[Step] = field(default_factory=list)
    workspace: Path = Path()
    artifact: Path | None = None

    @property
    def succeeded(self) -> bool:
        return all(step.outcome != "failure" for step in self.steps)

    def log(self) -> str:
        return "\n".join(
            f"--- {s.name}: {s.outcome} ({s.seconds:.1f} s)\n{s.output}" for s in self.steps
        )


@dataclass
class Runner:
    """Where one job runs: its folder (home, workspace, temp, tool cache) and its user."""

    root: Path
    user: str
    isolated: bool  # steps run in a mount namespace as `user` (only when started as root)
    wheels: Path | None = None  # pip finds wheels here first: a warm pip cache (see below)

    @property
    def home(self) -> Path:
        return self.root / "home"

    @property
    def workspace(self) -> Path:
        return self.root / "work" / "repository"

    @property
    def temp(self) -> Path:
        return self.root / "temp"

    @property
    def python(self) -> Path:
        version = ".".join(map(str, sys.version_info[:3]))
        return self.root / "hostedtoolcache" / "Python" / version / "x64"


@contextmanager
def runner_user() -> Iterator[tuple[str, bool]]:
    """A user that is not root: a throwaway one when run as root, else the current user."""
    if os.geteuid() != 0:
        yield pwd.getpwuid(os.getuid()).pw_name, False
        return
    name = f"ghrunner{os.getpid()}"
    subprocess.run(
        ["useradd", "--user-group", "--no-create-home", "--shell", "/bin/bash", name],
        check=True,
        capture_output=True,
    )
    try:
        yield name, True
    finally:
        subprocess.run(["userdel", name], check=False, capture_output=True)


def prepare(root: Path, user: str, isolated: bool, wheels: Path | None = None) -> Runner:
    """A runner's folders in `root` (which must exist), owned by its user."""
    runner = Runner(root=root, user=user, isolated=isolated, wheels=wheels)
    for folder in (runner.home, runner.workspace, runner.temp):
        folder.mkdir(parents=True)
    if isolated:
        runner.python.mkdir(parents=True)  # the mount point of the Python installation
        _write_dpkg_status_without_chromium(runner.temp / "dpkg-status")
        subprocess.run(["chown", "-R", f"{user}:{user}", str(root)], check=True)
        root.chmod(0o755)
    else:
        runner.python.parent.mkdir(parents=True)
        runner.python.symlink_to(sys.base_prefix)
    return runner


def _write_dpkg_status_without_chromium(target: Path) -> None:
    if not DPKG_STATUS.is_file():
        return
    stanzas = DPKG_STATUS.read_text(encoding="utf-8").split("\n\n")
    kept = [s for s in stanzas if not s.lstrip().startswith("Package: chromium")]
    target.write_text("\n\n".join(kept), encoding="utf-8")


def _browsers_to_hide() -> list[str]:
    found = [DEBIAN_CHROMIUM] + [shutil.which(name) or "" for name in ON_PATH]
    return sorted({p for p in found if p and Path(p).exists()})


def clone(source: Path, target: Path) -> None:
    """A fresh clone of `source` at its HEAD, plus its working tree's uncommitted changes."""
    head = _git(source, "rev-parse", "HEAD").strip()
    _git(source, "clone", "--quiet", "--no-checkout", str(source), str(target))
    _git(target, "checkout", "--quiet", "--detach", head)
    changed = _git(source, "ls-files", "-z", "--modified", "--others", "--exclude-standard")
    for name in filter(None, changed.split("\0")):
        if (source / name).is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source / name, target / name)
        else:
            (target / name).unlink(missing_ok=True)


def checkout(runner: Runner, source: Path = PROJECT) -> None:
    """actions/checkout: the clone, in the workspace, owned by the runner's user."""
    clone(source, runner.workspace)
    if runner.isolated:
        owner = f"{runner.user}:{runner.user}"
        subprocess.run(["chown", "-R", owner, str(runner.workspace)], check=True)


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-c", "safe.directory=*", "-C", str(repo), *args],
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def environment(runner: Runner, workflow: Mapping[str, Any], job_id: str) -> dict[str, str]:
    """What a hosted runner's step sees, before setup-python and the workflow's own env."""
    passed = {k: v for k, v in os.environ.items() if k.startswith(PASSED_THROUGH)}
    passed |= {k: v for k, v in os.environ.items() if k.lower().endswith("_proxy")}
    return passed | {
        "HOME": str(runner.home),
        "USER": runner.user,
        "LOGNAME": runner.user,
        "LANG": "C.UTF-8",
        "PATH": BASE_PATH,
        "CI": "true",
        "GITHUB_ACTIONS": "true",
        "GITHUB_WORKFLOW": str(workflow.get("name", "")),
        "GITHUB_JOB": job_id,
        "GITHUB_WORKSPACE": str(runner.workspace),
        "RUNNER_OS": "Linux",
        "RUNNER_ARCH": "X64",
        "RUNNER_TEMP": str(runner.temp),
        "RUNNER_TOOL_CACHE": str(runner.python.parents[2]),
        # A warm pip cache, as setup-python's `cache: pip` restores it. pip caches nothing it
        # downloads on this machine (the registry's answers say not to), so the cache is a
        # folder of the pinned wheels that pip prefers to downloading them again; pip still
        # asks the index about every package, as it does on GitHub.
        "PIP_FIND_LINKS": " ".join(
            filter(None, [passed.get("PIP_FIND_LINKS"), str(runner.wheels or "")])
        ),
    }


def setup_python(runner: Runner, env: dict[str, str], wanted: str) -> None:
    """actions/setup-python: the tool-cache Python first on PATH, as setup-python leaves it."""
    have = ".".join(map(str, sys.version_info[:3]))
    if not (have + ".").startswith(wanted + "."):
        raise Unsupported(f"the workflow asks for Python {wanted}; this one is {have}")
    location = str(runner.python)
    env["PATH"] = f"{location}/bin:{env['PATH']}"
    env["LD_LIBRARY_PATH"] = f"{location}/lib"
    env["PKG_CONFIG_PATH"] = f"{location}/lib/pkgconfig"
    for name in ("pythonLocation", "Python_ROOT_DIR", "Python3_ROOT_DIR"):
        env[name] = location


def _no_expressions(where: str, text: str) -> str:
    if "${{" in text:
        raise Unsupported(f"{where}: expressions (${{{{ }}}}) are not emulated")
    return text


def _env_block(where: str, block: Mapping[str, Any] | None) -> dict[str, str]:
    return {str(k): _no_expressions(f"{where} env {k}", str(v)) for k, v in (block or {}).items()}


def run_job(runner: Runner, workflow_path: Path, job_id: str) -> Job:
    """Runs the job's steps in order, stopping at the first that fails, as GitHub does."""
    workflow = yaml.safe_load(workflow_path.read_text(encoding="utf-8"))
    job_spec = workflow["jobs"][job_id]
    unsupported = {"if", "container", "services", "strategy", "defaults"} & job_spec.keys()
    if unsupported:
        raise Unsupported(f"job {job_id}: {', '.join(sorted(unsupported))} not emulated")
    timeout = 60 * int(job_spec.get("timeout-minutes", 360))  # GitHub's default: 6 hours
    env = environment(runner, workflow, job_id)
    env |= _env_block("workflow", workflow.get("env"))
    env |= _env_block(f"job {job_id}", job_spec.get("env"))
    job = Job(workspace=runner.workspace)
    begun = time.monotonic()
    for number, spec in enumerate(job_spec["steps"], start=1):
        name = spec.get("name") or spec.get("uses") or spec["run"].splitlines()[0][:60]
        unsupported = {"if", "shell", "working-directory"} & spec.keys()
        if unsupported:
            raise Unsupported(f"step {name!r}: {', '.join(sorted(unsupported))} not emulated")
        started = time.monotonic()
        if "uses" in spec:
            job.steps.append(_uses(runner, job, env, spec))
            job.steps[-1].seconds = time.monotonic() - started
            continue
        script = runner.temp / f"step-{number}.sh"
        script.write_text(_no_expressions(f"step {name!r}", spec["run"]), encoding="utf-8")
        script.chmod(0o644)
        step_env = env | _env_block(f"step {name!r}", spec.get("env"))
        bash = ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)]
        result = _run_as_runner(runner, bash, step_env, timeout - (time.monotonic() - begun))
        outcome = "success" if result.returncode == 0 else "failure"
        job.steps.append(Step(name, outcome, result.stdout, time.monotonic() - started))
        if outcome == "failure":
            break
    return job


def _uses(runner: Runner, job: Job, env: dict[str, str], spec: Mapping[str, Any]) -> Step:
    action = str(spec["uses"]).split("@")[0]
    given = spec.get("with") or {}
    if action == "actions/checkout":
        checkout(runner)
    elif action == "actions/setup-python":
        setup_python(runner, env, str(given["python-version"]))
    elif action == "actions/upload-pages-artifact":
        job.artifact = runner.workspace / str(given.get("path", "_site"))
        if not job.artifact.is_dir():
            return Step(action, "failure", f"no folder {given.get('path')} to upload")
    else:
        return Step(action, "skipped")
    return Step(action, "emulated")


def _run_as_runner(
    runner: Runner, command: list[str], env: Mapping[str, str], timeout: float
) -> subprocess.CompletedProcess[str]:
    """Runs a step as the runner's user; past the job's timeout it fails, as on GitHub."""
    if runner.isolated:
        hide = " ".join(_browsers_to_hide())
        command = [
            "unshare", "--mount", "--propagation", "private", "--",
            "bash", "-c", _ENTER, "enter", runner.user, sys.base_prefix, str(runner.python),
            str(runner.temp / "dpkg-status"), hide, *command,
        ]  # fmt: skip
    return subprocess.run(
        command,
        cwd=runner.workspace,
        env=dict(env),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        text=True,
        check=False,
        timeout=max(timeout, 1),
    )


def warm_pip_cache(folder: Path, project: Path = PROJECT) -> Path:
    """The wheels that `setup.sh --build-only` installs, downloaded once into `folder`."""
    key = (project / "constraints.txt").read_bytes() + (project / "pyproject.toml").read_bytes()
    wheels = folder / hashlib.sha256(key).hexdigest()[:16]
    if not (wheels / ".complete").exists():
        pip = [sys.executable, "-m", "pip", "download", "--quiet", "--dest", str(wheels)]
        pins = ["--constraint", str(project / "constraints.txt")]
        subprocess.run([*pip, *pins, str(project), "pip", "setuptools"], check=True)
        (wheels / ".complete").touch()
    return wheels


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("workflow", type=Path)
    parser.add_argument("job")
    args = parser.parse_args(argv)
    root = Path(tempfile.mkdtemp(prefix="github-runner-"))
    try:
        with runner_user() as (user, isolated):
            runner = prepare(root, user, isolated)
            job = run_job(runner, args.workflow.resolve(), args.job)
    except Unsupported as error:
        print(f"simulate_runner: {error}", file=sys.stderr)
        return 2
    finally:
        shutil.rmtree(root, ignore_errors=True)
    print(job.log())
    return 0 if job.succeeded else 1


if __name__ == "__main__":
    sys.exit(main())
