"""The pre-commit hooks and the GitHub Actions workflow of docs/ci.md are valid and say what
the issue asks of them."""

from __future__ import annotations

import re

import yaml

from .conftest import ROOT


def test_pre_commit_hooks() -> None:
    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    assert set(hooks) == {"recheck", "recheck-corpus"}
    for hook in hooks.values():
        assert hook["language"] == "python"
        assert hook["require_serial"] is True
        assert hook["entry"] == "recheck scan"
    staged = hooks["recheck"]
    assert staged["types_or"] == ["markdown", "html", "text"]
    for name, matched in [("a.md", True), ("b.txt", True), ("c.html", True), ("d.py", False)]:
        assert bool(re.search(staged["files"], name)) is matched, name
    corpus = hooks["recheck-corpus"]
    assert corpus["pass_filenames"] is False and corpus["args"]
    header = (ROOT / ".pre-commit-hooks.yaml").read_text().split("- id:")[0]
    assert "Reconciliation compares only the files a hook is given" in header


def test_ci_workflow_runs_on_changed_articles_uploads_sarif_and_annotates() -> None:
    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    block = re.search(r"```yaml\n(# \.github/workflows/.*?)```", text, re.DOTALL)
    assert block, "docs/ci.md holds the workflow"
    workflow = yaml.safe_load(block.group(1))
    steps = workflow["jobs"]["recheck"]["steps"]
    runs = " ".join(str(step.get("run", "")) for step in steps)
    assert "git diff --name-only" in runs
    assert "--format github" in runs and "--format sarif" in runs
    assert any(
        str(step.get("uses", "")).startswith("github/codeql-action/upload-sarif") for step in steps
    )
    assert workflow["permissions"]["security-events"] == "write"
