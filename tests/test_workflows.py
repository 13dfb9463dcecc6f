"""The GitHub workflows: valid against GitHub's schema, no zizmor or actionlint finding, least privilege, actions
pinned by SHA; the import workflow's import step run on a recorded `issues` `labeled` event."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, run_check

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
BIN = Path(sys.executable).parent


IMPORT = ROOT / ".github" / "workflows" / "import-write-up.yml"
EVENT = ROOT / "tests" / "fixtures" / "events" / "issues-labeled.json"


def test_there_are_a_pull_request_a_deploy_and_an_import_workflow():
    assert [w.name for w in WORKFLOWS] == ["deploy.yml", "import-write-up.yml", "pull-request.yml"]


def test_actionlint_finds_nothing():
    result = subprocess.run(
        [str(BIN / "actionlint"), "-no-color", *map(str, WORKFLOWS)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflows_match_the_github_schema():
    result = subprocess.run(
        [str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.github-workflows", *map(str, WORKFLOWS)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_finds_nothing():
    result = subprocess.run(
        [
            str(BIN / "zizmor"),
            "--offline",
            "--persona",
            "pedantic",
            "--no-progress",
            str(ROOT / ".github" / "workflows"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout + result.stderr


def test_least_privilege_and_pinned_actions():
    for workflow in WORKFLOWS:
        text = workflow.read_text(encoding="utf-8")
        data = yaml.safe_load(text)
        triggers = data.get(True) or data.get("on")  # YAML reads the key `on` as true
        assert "pull_request_target" not in triggers
        assert "permissions" in data, workflow.name
        for uses in re.findall(r"^\s*(?:- )?uses:\s*(\S+)", text, re.M):
            assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", uses), uses
        if "pull_request" in triggers:
            assert data["permissions"] == {"contents": "read"}
            assert ": write" not in text


def import_workflow() -> dict:
    return yaml.safe_load(IMPORT.read_text(encoding="utf-8"))


def test_the_import_runs_only_on_the_maintainer_s_label_with_least_privilege():
    workflow = import_workflow()
    assert (workflow.get(True) or workflow.get("on")) == {"issues": {"types": ["labeled"]}}
    assert workflow["permissions"] == {}
    (job,) = workflow["jobs"].values()
    assert job["if"] == "github.event.label.name == 'import write-up'"
    assert job["permissions"] == {"contents": "write", "pull-requests": "write", "statuses": "write"}


def test_no_issue_text_reaches_a_shell_or_an_expression():
    """Only the issue's number (an integer) appears in an expression; the text is read from the event file."""
    text = IMPORT.read_text(encoding="utf-8")
    assert set(re.findall(r"github\.event\.[\w.]+", text)) == {
        "github.event.issue.number",
        "github.event.label.name",
        "github.event.repository.default_branch",
    }
    for step in import_workflow()["jobs"]["import"]["steps"]:
        assert "${{" not in step.get("run", ""), step


def run_import_step(project: Path, event: Path, tmp_path: Path) -> tuple[subprocess.CompletedProcess, dict[str, str]]:
    """The workflow's import step, as the runner runs it: bash, with the event file and an outputs file."""
    (step,) = [s for s in import_workflow()["jobs"]["import"]["steps"] if s.get("id") == "import"]
    (project / ".venv").symlink_to(Path(sys.executable).parent.parent)
    outputs = tmp_path / "outputs"
    outputs.write_text("", encoding="utf-8")
    env = {**os.environ, "GITHUB_EVENT_PATH": str(event), "GITHUB_OUTPUT": str(outputs), "RUNNER_TEMP": str(tmp_path)}
    result = subprocess.run(
        ["bash", "-e", "-c", step["run"]], cwd=project, env=env, capture_output=True, text=True, timeout=120
    )
    values = dict(line.split("=", 1) for line in outputs.read_text(encoding="utf-8").splitlines() if "=" in line)
    return result, values


def test_the_import_step_turns_a_recorded_issue_into_a_draft(project, tmp_path):
    result, outputs = run_import_step(project, EVENT, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    slug = "across-sectors-including-with-the-private-sector"
    assert outputs == {
        "slug": slug,
        "path": f"docs/meetings/{slug}.md",
        "branch": f"write-up/{slug}-42",
        "title": f"Draft write-up: {slug} (from issue #42)",
        "issue": "42",
    }
    draft = (project / outputs["path"]).read_text(encoding="utf-8")
    assert "Businesses are often keen to help" in draft and "jo.marsh@example.org" not in draft
    body = (tmp_path / "pull-request.md").read_text(encoding="utf-8")
    assert body.startswith("Imported from #42 ")
    checked = run_check(project)
    problems = [line for line in checked.stderr.splitlines() if re.match(r"\S+:\d+: ", line)]
    assert problems and all("placeholder 'FILL IN'" in line for line in problems), checked.stderr


@pytest.mark.parametrize(
    "title",
    ['$(touch pwned) `touch pwned` "; touch pwned; #', "../../../etc/passwd", "Joining forces\u202e: ${{ secrets.X }}"],
)
def test_a_hostile_issue_makes_names_from_the_slug_only(project, tmp_path, title):
    event = json.loads(EVENT.read_text(encoding="utf-8"))
    notes = f"{title}\nThe topic was ‘{title}?’\nHere are some of the key points:\nA point $(touch pwned).\n"
    event["issue"]["body"] = f"### Meeting title\n\n{title}\n\n### The notes\n\n{notes}\n### Permission\n\n- [X] ok"
    hostile = tmp_path / "event.json"
    hostile.write_text(json.dumps(event), encoding="utf-8")
    result, outputs = run_import_step(project, hostile, tmp_path)
    assert not (project / "pwned").exists() and not (tmp_path / "pwned").exists()
    assert "Traceback" not in result.stderr
    if result.returncode == 0:
        assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", outputs["slug"])
        assert outputs["branch"] == f"write-up/{outputs['slug']}-42"
        assert re.fullmatch(r"Draft write-up: [a-z0-9-]+ \(from issue #42\)", outputs["title"])
        assert (project / outputs["path"]).resolve().parent == (project / "docs" / "meetings").resolve()


def test_an_issue_without_permission_or_notes_is_refused(project, tmp_path):
    event = json.loads(EVENT.read_text(encoding="utf-8"))
    event["issue"]["body"] = event["issue"]["body"].replace("- [X]", "- [ ]")
    refused = tmp_path / "event.json"
    refused.write_text(json.dumps(event), encoding="utf-8")
    result, outputs = run_import_step(project, refused, tmp_path)
    assert result.returncode == 1 and "permission to publish is not ticked" in result.stderr
    assert outputs == {} and "Traceback" not in result.stderr


GH_STUB = """#!/bin/bash
echo "$*" >> "$GH_LOG"
if [ "$1 $2" = "pr view" ]; then test -e "$GH_LOG.pr"; exit; fi
if [ "$1 $2" = "pr create" ]; then touch "$GH_LOG.pr"; fi
"""


def git(cwd: Path, *args: str) -> str:
    result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, timeout=60, check=True)
    return result.stdout.strip()


def run_push_step(work: Path, tmp_path: Path) -> subprocess.CompletedProcess:
    """The workflow's push step, as the runner runs it (bash -eo pipefail), with `origin` a local bare repository
    and `gh` a stub that logs what it is asked."""
    (step,) = [
        s for s in import_workflow()["jobs"]["import"]["steps"] if s.get("name", "").startswith("Push the branch")
    ]
    stub = tmp_path / "bin" / "gh"
    stub.parent.mkdir(exist_ok=True)
    stub.write_text(GH_STUB, encoding="utf-8")
    stub.chmod(0o755)
    (tmp_path / "pull-request.md").write_text("Imported from #42\n", encoding="utf-8")
    (tmp_path / "check.txt").write_text("::error file=x,line=1::y\ndocs/meetings/x.md:3: placeholder\n", "utf-8")
    env = {
        **os.environ,
        "PATH": f"{stub.parent}{os.pathsep}{os.environ['PATH']}",
        "GH_LOG": str(tmp_path / "gh.log"),
        "GH_TOKEN": "token",
        "BRANCH": "write-up/a-meeting-42",
        "TITLE": "Draft write-up: a-meeting (from issue #42)",
        "BASE": "main",
        "STATE": "failure",
        "FILL_INS": "1",
        "PROBLEMS": "1",
        "RUNNER_TEMP": str(tmp_path),
        "GITHUB_REPOSITORY": "owner/notes",
    }
    return subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_labelling_an_issue_again_updates_its_draft_branch_and_never_overwrites_a_person_s_commit(tmp_path):
    origin, work, person = tmp_path / "origin.git", tmp_path / "work", tmp_path / "person"
    work.mkdir()
    git(work, "init", "--quiet", "--initial-branch=main")
    (work / "docs").mkdir()
    (work / "docs" / "index.md").write_text("home\n", encoding="utf-8")
    (work / "data").mkdir()
    (work / "data" / "planned.yml").write_text("[]\n", encoding="utf-8")
    git(work, "add", "docs", "data")
    git(work, "-c", "user.name=Maintainer", "-c", "user.email=m@example.org", "commit", "--quiet", "-m", "start")
    git(tmp_path, "clone", "--quiet", "--bare", str(work), str(origin))
    git(work, "remote", "add", "origin", str(origin))

    def import_again(words: str) -> subprocess.CompletedProcess:
        git(work, "fetch", "--quiet", "origin")
        git(work, "switch", "--quiet", "--force", "main")
        (work / "docs" / "draft.md").write_text(words, encoding="utf-8")
        return run_push_step(work, tmp_path)

    first = import_again("first import\n")
    assert first.returncode == 0, first.stderr
    assert git(origin, "show", "write-up/a-meeting-42:docs/draft.md") == "first import"
    second = import_again("second import\n")
    assert second.returncode == 0, second.stderr
    assert git(origin, "show", "write-up/a-meeting-42:docs/draft.md") == "second import"
    log = (tmp_path / "gh.log").read_text(encoding="utf-8")
    assert log.count("pr create") == 1 and log.count("pr edit") == 1, log
    assert "::error" not in log  # the check's annotations stay out of the comment

    git(tmp_path, "clone", "--quiet", "--branch", "write-up/a-meeting-42", str(origin), str(person))
    (person / "docs" / "draft.md").write_text("a title the contributor wrote\n", encoding="utf-8")
    git(person, "-c", "user.name=A Person", "-c", "user.email=p@example.org", "commit", "--quiet", "-am", "fix")
    git(person, "push", "--quiet", "origin", "write-up/a-meeting-42")
    third = import_again("third import\n")
    assert third.returncode == 1 and "has commits by people" in third.stdout, third.stdout + third.stderr
    assert git(origin, "show", "write-up/a-meeting-42:docs/draft.md") == "a title the contributor wrote"
