"""The GitHub workflows: valid, locked down, and runnable on a hosted Ubuntu runner.

Validated offline against GitHub's workflow schema (check-jsonschema's vendored copy) and by a
security linter (zizmor --offline); then the check and publish jobs are run by
scripts/simulate_runner.py as a runner would run them: a user who is not root, no Debian
Chromium, Python from a tool cache, a fresh clone.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from scripts import simulate_runner as sim

from .conftest import PROJECT, brief

WORKFLOWS = PROJECT / ".github" / "workflows"
TOOLS = Path(sys.executable).parent  # check-jsonschema, zizmor and pre-commit are dev tools
PIN = re.compile(r"^\s*(?:- )?uses: [\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$")


def run(*command: str | Path, cwd: Path = PROJECT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(c) for c in command], cwd=cwd, capture_output=True, text=True, check=False
    )


def load(name: str) -> dict[str, Any]:
    workflow: dict[str, Any] = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    return workflow


def all_workflows() -> list[Path]:
    return sorted(WORKFLOWS.glob("*.yml"))


JOBS = [
    (p.name, job_id, job) for p in all_workflows() for job_id, job in load(p.name)["jobs"].items()
]
JOB_IDS = [f"{workflow}:{job_id}" for workflow, job_id, _ in JOBS]


# --- GitHub's schemas, offline -------------------------------------------------------------


@pytest.mark.parametrize(
    ("schema", "files"),
    [
        ("vendor.github-workflows", all_workflows()),
        ("custom.github-workflows-require-timeout", all_workflows()),
        ("vendor.github-issue-forms", sorted((PROJECT / ".github/ISSUE_TEMPLATE").glob("[!c]*"))),
        ("vendor.github-issue-config", [PROJECT / ".github/ISSUE_TEMPLATE/config.yml"]),
    ],
)
def test_github_files_match_githubs_schemas(schema: str, files: list[Path]) -> None:
    assert files
    result = run(TOOLS / "check-jsonschema", "--builtin-schema", schema, *files)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_schema_check_fails_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: pull_request\njobs:\n  content:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - uses: actions/checkout@v5\n        run: echo a step cannot do both\n",
        encoding="utf-8",
    )
    result = run(TOOLS / "check-jsonschema", "--builtin-schema", "vendor.github-workflows", broken)
    assert result.returncode == 1
    assert "broken.yml" in result.stdout


# --- the security linter, offline ----------------------------------------------------------


def zizmor(folder: Path) -> subprocess.CompletedProcess[str]:
    return run(TOOLS / "zizmor", "--offline", "--persona", "pedantic", folder)


def test_the_security_linter_finds_nothing_even_pedantic() -> None:
    result = zizmor(PROJECT / ".github")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_security_linter_fails_an_unpinned_over_privileged_workflow(tmp_path: Path) -> None:
    bad = tmp_path / ".github" / "workflows" / "bad.yml"
    bad.parent.mkdir(parents=True)
    bad.write_text(
        "on: pull_request_target\npermissions: write-all\njobs:\n  greet:\n"
        "    runs-on: ubuntu-latest\n    timeout-minutes: 5\n    steps:\n"
        "      - uses: actions/checkout@v5\n"
        '      - run: echo "${{ github.event.pull_request.title }}"\n',
        encoding="utf-8",
    )
    result = zizmor(tmp_path / ".github")
    assert result.returncode != 0
    for audit in ("unpinned-uses", "excessive-permissions", "template-injection", "dangerous-"):
        assert audit in result.stdout


# --- what the linters do not know ----------------------------------------------------------


@pytest.mark.parametrize("path", all_workflows(), ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_commit_and_names_its_version(path: Path) -> None:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if "uses:" in line]
    assert lines
    assert [line for line in lines if not PIN.match(line)] == []


@pytest.mark.parametrize(("workflow", "job_id", "job"), JOBS, ids=JOB_IDS)
def test_every_job_has_a_timeout_and_only_its_own_permissions(
    workflow: str, job_id: str, job: dict[str, Any]
) -> None:
    assert load(workflow)["permissions"] == {}  # nothing granted to every job
    assert isinstance(job["permissions"], dict)
    assert "write-all" not in str(job["permissions"])
    assert 0 < job["timeout-minutes"] <= 30


@pytest.mark.parametrize(("workflow", "job_id", "job"), JOBS, ids=JOB_IDS)
def test_no_job_needs_root_or_a_debian_package_or_unmasks_the_log(
    workflow: str, job_id: str, job: dict[str, Any]
) -> None:
    scripts = "\n".join(step.get("run", "") for step in job["steps"])
    assert not re.search(r"\bsudo\b|apt-get|dpkg|\.ci/run", scripts)
    envs = [load(workflow).get("env") or {}, job.get("env") or {}]
    envs += [step.get("env") or {} for step in job["steps"]]
    assert not [env for env in envs if {"CI", "GITHUB_ACTIONS"} & env.keys()]
    if "build.py" in scripts:  # checking and building need only Python
        assert "bash scripts/setup.sh --build-only" in scripts


def test_pull_requests_are_checked_strictly_and_superseded_runs_cancelled() -> None:
    check = load("check.yml")
    assert list(check[True]) == ["pull_request"]  # PyYAML reads the key `on` as True
    assert check["concurrency"]["cancel-in-progress"] is True
    content = "\n".join(step.get("run", "") for step in check["jobs"]["content"]["steps"])
    assert "build.py check --strict --format github" in content
    assert "make test" in str(check["jobs"]["tests"]["steps"])


def test_publishing_runs_daily_never_cancels_itself_and_keeps_its_schedule_alive() -> None:
    publish = load("publish.yml")
    assert [s["cron"] for s in publish[True]["schedule"]] == ["5 0 * * *", "5 6 * * *"]
    assert publish["concurrency"]["cancel-in-progress"] is False
    keep_alive = publish["jobs"]["keep-alive"]
    assert keep_alive["permissions"] == {"actions": "write"}
    assert "github.event_name == 'schedule'" in keep_alive["if"]
    command = keep_alive["steps"][0]["run"]
    assert "gh api -X PUT" in command
    assert "/actions/workflows/publish.yml/enable" in command
    assert publish["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}


# --- a simulated hosted runner -------------------------------------------------------------


@pytest.fixture(scope="module")
def runner_user() -> Iterator[tuple[str, bool]]:
    """A user who is not root (made for these tests when they run as root)."""
    if os.geteuid() == 0 and not (shutil.which("useradd") and shutil.which("unshare")):
        pytest.skip("running as root, but useradd or unshare is missing to make a runner user")
    with sim.runner_user() as user:
        yield user


@pytest.fixture(scope="module")
def wheels() -> Path:
    """Kept between test runs, as setup-python keeps its pip cache between workflow runs."""
    return sim.warm_pip_cache(Path(tempfile.gettempdir()) / "learning-site-runner-wheels")


@pytest.fixture
def runner(runner_user: tuple[str, bool], wheels: Path) -> Iterator[sim.Runner]:
    root = Path(tempfile.mkdtemp(prefix="github-runner-"))  # not tmp_path: the user reads it
    try:
        yield sim.prepare(root, *runner_user, wheels=wheels)
    finally:
        shutil.rmtree(root, ignore_errors=True)


def test_a_pull_requests_check_runs_on_a_hosted_runner(runner: sim.Runner) -> None:
    job = sim.run_job(runner, WORKFLOWS / "check.yml", "content")
    assert job.succeeded, job.log()
    assert [s.outcome for s in job.steps] == ["emulated"] * 2 + ["success"] * 3
    assert (job.workspace / "site" / "index.html").is_file()
    assert not (job.workspace / "node_modules").exists()  # Python only: no npm, no browser


def test_the_daily_build_runs_on_a_hosted_runner(runner: sim.Runner) -> None:
    job = sim.run_job(runner, WORKFLOWS / "publish.yml", "build")
    assert job.succeeded, job.log()
    assert job.artifact == job.workspace / "site"
    assert (job.artifact / "index.html").is_file()
    assert (job.artifact / "briefs").is_dir()


def test_the_simulated_runner_has_no_debian_chromium(runner: sim.Runner, tmp_path: Path) -> None:
    """The full set-up, which looks for a browser, fails there, and says what to do."""
    if not runner.isolated:
        pytest.skip("not root: the simulation cannot hide this machine's browser")
    workflow = tmp_path / "full.yml"
    workflow.write_text(
        "on: push\njobs:\n  full:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - uses: actions/checkout@v5\n      - uses: actions/setup-python@v6\n"
        '        with:\n          python-version: "3.11"\n'
        "      - run: |\n          test -x /usr/bin/chromium || echo no executable chromium\n"
        "          dpkg -s chromium || bash scripts/setup.sh\n",
        encoding="utf-8",
    )
    job = sim.run_job(runner, workflow, "full")
    assert not job.succeeded
    output = job.steps[-1].output
    assert "no executable chromium" in output
    assert "package 'chromium' is not installed" in output
    assert "only root can install them: chromium" in output
    assert "bash scripts/setup.sh --build-only" in output


def test_the_simulation_refuses_what_it_cannot_emulate(runner: sim.Runner, tmp_path: Path) -> None:
    workflow = tmp_path / "expr.yml"
    workflow.write_text(
        "on: push\njobs:\n  j:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - run: echo ${{ github.sha }}\n",
        encoding="utf-8",
    )
    with pytest.raises(sim.Unsupported, match="expressions"):
        sim.run_job(runner, workflow, "j")


# --- the pre-commit hook -------------------------------------------------------------------


def test_the_pre_commit_hook_refuses_a_staged_draft_with_a_phone_number(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    sim.clone(PROJECT, repo)
    (repo / ".venv").symlink_to(PROJECT / ".venv")
    draft = repo / "briefs" / "child-z-draft.md"
    body = "## What we learned\n\nThe family could be reached on 07700 900123.\n"
    draft.write_text(brief(case="Z", extra="draft: true\n", body=body), encoding="utf-8")
    env = os.environ | {"PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}

    def pre_commit() -> subprocess.CompletedProcess[str]:
        subprocess.run(["git", "add", "briefs"], cwd=repo, check=True)
        command = [str(TOOLS / "pre-commit"), "run"]
        return subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True)

    refused = pre_commit()
    assert refused.returncode == 1, refused.stdout + refused.stderr
    assert "briefs/child-z-draft.md" in refused.stdout
    assert "anon.phone" in refused.stdout

    draft.write_text(brief(case="Z", extra="draft: true\n"), encoding="utf-8")
    accepted = pre_commit()
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert "check the content (strict)" in accepted.stdout
