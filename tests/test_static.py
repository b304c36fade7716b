"""Static checks, part of every run: ruff finds nothing (pyflakes and pycodestyle rules,
configured in pyproject.toml), bandit finds no high-severity problem in the application."""
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def test_ruff_is_clean():
    """No unused import, undefined name, syntax slip or overlong line anywhere."""
    result = subprocess.run([str(BIN / "ruff"), "check", "association", "tests", "bench"],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:]


def test_bandit_finds_no_high_severity_problem():
    """bandit, on the application's code, reports nothing of high severity."""
    result = subprocess.run([str(BIN / "bandit"), "-q", "-r", "association", "-f", "json"],
                            cwd=ROOT, capture_output=True, text=True)
    report = json.loads(result.stdout)
    high = [f"{r['filename']}:{r['line_number']} {r['test_id']} {r['issue_text']}"
            for r in report["results"] if r["issue_severity"] == "HIGH"]
    assert high == []
