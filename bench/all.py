"""``make bench``: every benchmark of ``bench/``, one table, and ``bench/RESULTS.md``.

Each module in MODULES exposes ``figures() -> list[Figure]`` (see common.py); this runs them
in turn, prints one table (figure, this run, its baseline measured in the same run, ratio,
target, met?) and writes ``bench/RESULTS.md``: the table, the machine it ran on (CPU, memory,
load average at the start and the end, versions), how each figure is measured, and a gap line
for every target not met. Whatever is written below the HAND_WRITTEN marker in RESULTS.md is
kept from run to run.

To add a benchmark, write ``bench/<name>.py`` with a ``figures()`` (see common.py) and add
``("<name>", "<title>")`` to MODULES: its paired runs read BENCH_PAIRS and
BENCH_PAIR_SECONDS, which this sets for every module.

Sizes are the issue's by default (120,000 trackers, 1,000,000 grievances, a year of jobs);
``BENCH_TRACKERS``, ``BENCH_GRIEVANCES``, ``BENCH_YEAR_DAYS``, ``BENCH_PAIRS`` and
``BENCH_PAIR_SECONDS`` scale them down (or up); ``BENCH_ONLY=run,screen`` runs some modules
(and leaves RESULTS.md alone). ``BENCH_SMOKE=1`` makes every measure one round: the suite's
smoke run (tests/test_bench_smoke.py) runs each module so, at the smallest sizes, to show that
it still gives its figures.
"""
import importlib
import os
import platform
import shutil
import sqlite3
import sys
import time
import traceback
from datetime import datetime, timezone
from pathlib import Path

# Short paired runs for every module (common.py reads these variables), so that the
# whole run stays under 10 minutes on a 2-core machine.
os.environ.setdefault("BENCH_PAIRS", "10")
os.environ.setdefault("BENCH_PAIR_SECONDS", "1")

from common import (Figure, Target, columns, number, print_table,  # noqa: E402
                    with_unit)

MODULES = [
    ("run", "Pages against the hello-world route (gunicorn + wrk)"),
    ("requests", "Joint access requests: 120,000 trackers against 100"),
    ("grievances", "Grievances: 1,000,000 reports against 1,000; the purge; the report's POST"),
    ("communiques", "Communiqués: the page, the list and the feed"),
    ("screen", "The sensitive-content screen"),
    ("weights", "The weight of every public page"),
    ("year", "The database after a simulated year"),
    ("descriptions", "Action descriptions and communiqués at their worst"),
    ("locks", "A writer waiting for another"),
    ("photos", "Hostile photos against a phone's: time and workers' memory"),
    ("memory", "A worker's memory after every public page"),
    ("charges", "The charges check: a statement of 200 lines against one of 10"),
]
RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
HAND_WRITTEN = "<!-- Written by hand below this line: make bench keeps it. -->"
BUDGET_MINUTES = 10


def machine() -> dict:
    """What the figures were measured on."""
    cpuinfo = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    models = [line.split(":", 1)[1].strip() for line in cpuinfo.splitlines()
              if line.startswith("model name")]
    memory = ""
    if Path("/proc/meminfo").exists():
        kb = int(Path("/proc/meminfo").read_text().split("MemTotal:")[1].split()[0])
        memory = f"{kb / 1024 / 1024:.1f} GB"
    return {"cpu": f"{len(models) or os.cpu_count()} × {models[0] if models else 'unknown'}",
            "memory": memory, "system": f"{platform.system()} {platform.release()}",
            "python": platform.python_version(), "sqlite": sqlite3.sqlite_version,
            "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")}


def load() -> str:
    """The load averages over 1, 5 and 15 minutes."""
    return " / ".join(f"{value:.2f}" for value in os.getloadavg())


def run_all(names: list[tuple[str, str]]) -> tuple[list[Figure], list[str]]:
    """Every module's figures, each tagged with its module; and the failures."""
    figures, failures = [], []
    for index, (name, _) in enumerate(names, 1):
        print(f"[{index}/{len(names)}] bench/{name}.py …", file=sys.stderr, flush=True)
        started = time.perf_counter()
        try:
            found = importlib.import_module(name).figures()
        except Exception:  # one broken benchmark must not lose the others' figures
            failures.append(f"`bench/{name}.py` failed:\n\n```\n{traceback.format_exc()}```")
            print(traceback.format_exc(), file=sys.stderr)
            continue
        for figure in found:
            figure.group = name
        figures += found
        print(f"      {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
    return figures, failures


def markdown_table(figures: list[Figure], titles: dict) -> list[str]:
    """The table in Markdown, a title row before each module's figures."""
    lines = ["| figure | this run | baseline (same run) | ratio | target | met? |",
             "|---|---:|---:|---:|---|---|"]
    group = None
    for figure in figures:
        if figure.group != group:
            group = figure.group
            lines.append(f"| **{titles.get(group, group)}** (`bench/{group}.py`) "
                         "| | | | | |")
        cells = columns(figure)
        cells[5] = {"yes": "yes", "NO": "**NO**", "—": "—"}[cells[5]]
        lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    return lines


def gap_lines(figures: list[Figure]) -> list[str]:
    """A line for every target not met: the figure, the target, and why."""
    lines = []
    for figure in figures:
        if figure.met is not False:
            continue
        measured = (f"ratio {figure.ratio:.2f}" if figure.target.on == "ratio"
                    else with_unit(figure.this_run, figure.unit))
        source = f" ({figure.target.source})" if figure.target.source else ""
        lines.append(f"- **{figure.name}**: {measured}, target {figure.target_text}{source}"
                     + (f". {figure.gap[0].upper()}{figure.gap[1:]}." if figure.gap else "."))
    return lines


def how_lines(figures: list[Figure], titles: dict) -> list[str]:
    """How each module's figures are measured, and against what."""
    lines = []
    for name, title in titles.items():
        mine = [f for f in figures if f.group == name]
        if not mine:
            continue
        lines.append(f"- **{title}** (`bench/{name}.py`):")
        seen = {}
        for figure in mine:
            key = (figure.how, figure.baseline_name)
            seen.setdefault(key, []).append(figure.name)
        for (how, baseline), names in seen.items():
            against = f" Baseline: {baseline}." if baseline else ""
            which = names[0] if len(names) == 1 else f"{len(names)} figures"
            lines.append(f"  - {which}: {how or 'see the module'}.{against}")
    return lines


def targets_lines(figures: list[Figure]) -> list[str]:
    """Where each target comes from."""
    sources = {}
    for figure in figures:
        if figure.target and figure.target.source:
            sources.setdefault(figure.target.source, []).append(figure.name)
    return [f"- {source}: {len(names)} figure{'s' if len(names) > 1 else ''}"
            for source, names in sources.items()]


def kept_prose() -> str:
    """What is written by hand in RESULTS.md (below the marker, or the whole file if it
    has none)."""
    if not RESULTS.exists():
        return ""
    text = RESULTS.read_text(encoding="utf-8")
    return text.split(HAND_WRITTEN, 1)[1].strip("\n") if HAND_WRITTEN in text else text.strip()


def write_results(figures: list[Figure], failures: list[str], titles: dict, host: dict,
                  loads: tuple[str, str], minutes: float) -> None:
    """Write bench/RESULTS.md: the generated part, then the prose kept by hand."""
    met = sum(f.met is True for f in figures)
    missed = [f for f in figures if f.met is False]
    lines = [
        "# Benchmark results",
        "",
        f"Generated by `make bench` (`bench/all.py`) on {host['date']}, in {minutes:.1f} "
        "minutes. The machines are shared and noisy: compare each figure with its baseline, "
        "measured in the same run (the ratio), rather than with another run's absolute "
        "numbers.",
        "",
        f"**{met} targets met, {len(missed)} not met** (gaps below); figures without a target "
        "are reported for the record.",
        "",
        *markdown_table(figures, titles),
        "",
        "## Gaps",
        "",
        *(gap_lines(figures) or ["Every target is met."]),
        *([""] + failures if failures else []),
        "",
        "## The machine",
        "",
        f"- CPU: {host['cpu']}; memory {host['memory']}; {host['system']}",
        f"- load average (1 / 5 / 15 min) at the start: {loads[0]}; at the end: {loads[1]} "
        "(other test suites share the machine)",
        f"- Python {host['python']}, SQLite {host['sqlite']}; gunicorn 2 sync workers, "
        "`wrk -t2 -c10`",
        f"- paired runs: {os.environ['BENCH_PAIRS']} pairs of {os.environ['BENCH_PAIR_SECONDS']}"
        " s (`BENCH_PAIRS`, `BENCH_PAIR_SECONDS`)",
        "",
        "## How each figure is measured",
        "",
        *how_lines(figures, titles),
        "",
        "Targets come from:",
        "",
        *targets_lines(figures),
        "",
        "## Notes of this run",
        "",
        *[f"- {f.name}: {f.note}" for f in figures if f.note],
        "",
        HAND_WRITTEN,
        "",
    ]
    prose = kept_prose()
    RESULTS.write_text("\n".join(lines) + (prose + "\n" if prose else ""), encoding="utf-8")


def main() -> int:
    """Run every benchmark, print the table, write RESULTS.md."""
    if not shutil.which("wrk"):
        print("wrk is missing: run `make bench`, which installs it", file=sys.stderr)
        return 1
    only = [n for n in os.environ.get("BENCH_ONLY", "").split(",") if n]
    names = [(n, t) for n, t in MODULES if not only or n in only]
    titles = dict(names)
    host, started, load_before = machine(), time.perf_counter(), load()
    figures, failures = run_all(names)
    minutes = (time.perf_counter() - started) / 60
    figures.append(Figure("`make bench`, all of it", minutes, unit="min",
                          target=Target("≤", BUDGET_MINUTES, "value", "issue #14"),
                          how="wall time of bench/all.py", group="all",
                          gap="the machine was busier than usual, or the sizes outgrow it"))
    titles["all"] = "The whole run"
    print()
    print_table(figures, titles)
    for failure in failures:
        print(f"\n{failure}")
    missed = sum(f.met is False for f in figures)
    print(f"\n{sum(f.met is True for f in figures)} targets met, {missed} not met; "
          f"{number(minutes)} minutes")
    if only:
        print("BENCH_ONLY: bench/RESULTS.md left as it was (it holds whole runs)")
    else:
        write_results(figures, failures, titles, host, (load_before, load()), minutes)
        print("written to bench/RESULTS.md")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
