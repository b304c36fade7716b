"""Every benchmark of ``bench/`` still runs and gives its figures: each module at its smallest
(``BENCH_SMOKE``: one round of each measure, one short pair, a few hundred rows, two simulated
days), in its own process, as ``make bench`` runs it. What the figures are is the benchmarks'
business (bench/RESULTS.md); nothing here looks at a duration. The benchmarks drive the app
as other packages do: through HTTP and the capabilities' faces, never their private modules."""
import ast
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
sys.path.insert(0, str(BENCH))

from all import MODULES  # noqa: E402

SMOKE = {"BENCH_SMOKE": "1", "BENCH_PAIRS": "1", "BENCH_PAIR_SECONDS": "1",
         "BENCH_TRACKERS": "300", "BENCH_GRIEVANCES": "3000", "BENCH_YEAR_DAYS": "2"}
# The modules that measure with wrk (the others serve with gunicorn, or run in one process).
WITH_WRK = {"run", "communiques", "grievances"}
# Each module's ``figures()``, its figures written as JSON on the last line.
RUN = ("import json, sys; sys.path.insert(0, 'bench'); import {name}; "
       "print(json.dumps([[f.name, f.this_run] for f in {name}.figures()]))")


@pytest.mark.parametrize("name", [name for name, _title in MODULES])
def test_each_benchmark_gives_its_figures(name):
    """The module runs to its end in smoke mode and every figure it returns has a value."""
    if name in WITH_WRK and not shutil.which("wrk"):
        pytest.skip("wrk is not installed (make bench installs it)")
    environment = {key: value for key, value in os.environ.items()
                   if not key.startswith(("AMICALE_", "BENCH_"))}
    done = subprocess.run([sys.executable, "-c", RUN.format(name=name)], cwd=ROOT,
                          env={**environment, **SMOKE}, capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    assert figures, f"{name} gave no figure"
    assert [figure for figure, value in figures if not isinstance(value, (int, float))] == []


def test_benchmarks_use_the_capabilities_faces_only():
    """A benchmark imports a capability's package (``from association.grievances import
    report``), never a module inside it: a capability may rename its modules freely."""
    packages = {path.parent.name for path in (ROOT / "association").glob("*/__init__.py")
                if "CAPABILITY = Capability(" in path.read_text()}
    found = []
    for path in sorted(BENCH.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            names = []
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("association"):
                names = [f"{node.module}.{alias.name}" for alias in node.names]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            for name in names:
                parts = name.split(".")
                if len(parts) > 2 and parts[0] == "association" and parts[1] in packages and (
                        len(parts) > 3 or (ROOT / "association" / parts[1] / f"{parts[2]}.py")
                        .exists() or (ROOT / "association" / parts[1] / parts[2]).is_dir()):
                    found.append(f"{path.name}: {name}")
    assert found == []
