"""The GitHub workflows: valid against GitHub's schema, no zizmor finding, least privilege, actions pinned by SHA."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml
from conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
BIN = Path(sys.executable).parent


def test_there_are_a_pull_request_and_a_deploy_workflow():
    assert [w.name for w in WORKFLOWS] == ["deploy.yml", "pull-request.yml"]


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
        for uses in re.findall(r"uses:\s*(\S+)", text):
            assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", uses), uses
        if "pull_request" in triggers:
            assert data["permissions"] == {"contents": "read"}
            assert ": write" not in text
