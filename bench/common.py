"""What the benchmarks share: the Figure each one returns, a demo instance served by gunicorn,
wrk, and runs paired with their baseline.

Every module of ``bench/`` exposes ``figures() -> list[Figure]`` and still runs on its own
(``.venv/bin/python bench/x.py`` prints its rows); ``bench/all.py`` (``make bench``) runs them
all and prints one table. To add a benchmark: write ``bench/<name>.py`` with a ``figures()``
that builds what it needs, measures and returns its Figures (a baseline measured in the same
run wherever there can be one, and a Target when an issue sets one; its repeated measures
counted through ``rounds()``, its sizes read from a ``BENCH_`` variable), end it with
``if __name__ == "__main__": print_table(figures())``, and add ``"<name>"`` to
``all.MODULES``.

The machines are shared and noisy: a figure is worth its ratio to a baseline measured back
to back with it (``paired``), never a lone absolute number, unless its target is absolute
(a weight, a size, a duration during which writers wait).
"""
import math
import operator
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from association.db import BUSY_TIMEOUT_MS  # noqa: E402

# A smoke run (``BENCH_SMOKE=1``, tests/test_bench_smoke.py): each module at its smallest (one
# round of everything, the sizes the test sets), to show that it still runs and gives its
# figures — never what they are.
SMOKE = os.environ.get("BENCH_SMOKE") == "1"


def rounds(count: int) -> int:
    """``count`` rounds of a measure, or one in a smoke run."""
    return 1 if SMOKE else count


# Paired runs of a page and the hello-world route: how many, and each wrk run's seconds.
PAIRS = int(os.environ.get("BENCH_PAIRS", "10"))
PAIR_SECONDS = int(os.environ.get("BENCH_PAIR_SECONDS", "1"))
HELLO = "/_bench/hello"
# A write transaction longer than this makes the writers waiting for it fail ("database is
# locked"): the target of the jobs that write in one transaction.
WRITERS_WAIT = BUSY_TIMEOUT_MS / 1000

_OPERATORS = {"≥": operator.ge, "≤": operator.le, "=": operator.eq}


@dataclass(frozen=True)
class Target:
    """What a figure must reach: ``op`` (≥, ≤ or =) ``limit``, on its ratio to the baseline
    or on its own value; ``source`` says who set it (an issue, or ours with its reason)."""

    op: str
    limit: float
    on: str = "ratio"  # or "value"
    source: str = ""

    def text(self, unit: str) -> str:
        """The target as written in the table."""
        if self.on == "ratio":
            return f"ratio {self.op} {self.limit:g}"
        return f"{self.op} {number(self.limit)} {unit}".rstrip()

    def met(self, value: float | None, ratio: float | None) -> bool | None:
        """Whether the figure meets it (None when there is nothing to compare)."""
        measured = ratio if self.on == "ratio" else value
        return None if measured is None else _OPERATORS[self.op](measured, self.limit)


@dataclass
class Figure:
    """One row of the table: a measured figure, its baseline measured in the same run, the
    ratio of the two, the target and whether it is met."""

    name: str
    this_run: float | None
    baseline: float | None = None
    unit: str = ""
    target: Target | None = None
    note: str = ""  # context printed under the table (sizes, spreads, counts)
    gap: str = ""  # why a target is not met, in a few words
    how: str = ""  # how it is measured (for bench/RESULTS.md)
    ratio: float | None = None  # this_run / baseline unless the module gives its own
    baseline_name: str = ""  # what the baseline is, when the name does not say it
    group: str = field(default="")  # the module that measured it (set by all.py)

    def __post_init__(self):
        if self.ratio is None and self.this_run is not None and self.baseline:
            self.ratio = self.this_run / self.baseline

    @property
    def met(self) -> bool | None:
        """True or False against the target; None without one."""
        return None if self.target is None else self.target.met(self.this_run, self.ratio)

    @property
    def target_text(self) -> str:
        """The target as written in the table, or a dash."""
        return self.target.text(self.unit) if self.target else "—"


# The target of a job that writes in one transaction: shorter than writers wait for it.
WRITERS_TARGET = Target("≤", WRITERS_WAIT, "value", "ours: writers wait 5 s for the lock")


def run_alone(figures) -> int:
    """A module of gunicorn and wrk benchmarks run on its own: measure, print its rows."""
    import shutil

    if not shutil.which("wrk"):
        print("wrk is missing: run `make bench`, which installs it", file=sys.stderr)
        return 1
    print_table(figures())
    return 0


def number(value: float | None) -> str:
    """A figure with as many digits as a noisy measure deserves."""
    if value is None:
        return "—"
    if value == int(value):
        return f"{value:,.0f}"
    magnitude = abs(value)
    if magnitude >= 100:
        return f"{value:,.0f}"
    if magnitude >= 10:
        return f"{value:.1f}"
    if magnitude >= 1:
        return f"{value:.2f}"
    return f"{value:.3g}"


def with_unit(value: float | None, unit: str) -> str:
    """A figure and its unit."""
    return "—" if value is None else f"{number(value)} {unit}".rstrip()


def columns(figure: Figure) -> list[str]:
    """A figure's cells: name, this run, baseline, ratio, target, met."""
    met = {True: "yes", False: "NO", None: "—"}[figure.met]
    ratio = "—" if figure.ratio is None else f"{figure.ratio:.2f}"
    return [figure.name, with_unit(figure.this_run, figure.unit),
            with_unit(figure.baseline, figure.unit), ratio, figure.target_text, met]


HEADERS = ["figure", "this run", "baseline (same run)", "ratio", "target", "met?"]


def print_table(figures: list[Figure], titles: dict | None = None) -> None:
    """Print the figures as one aligned table (a title line before each module's figures
    when ``titles`` names them), then their notes and gaps."""
    rows = [HEADERS] + [columns(f) for f in figures]
    widths = [max(len(row[i]) for row in rows) for i in range(len(HEADERS))]

    def line(cells):
        """One row, aligned: the name to the left, the figures to the right."""
        return "  ".join(cell.ljust(w) if i == 0 else cell.rjust(w)
                         for i, (cell, w) in enumerate(zip(cells, widths))).rstrip()

    print(line(HEADERS))
    print("  ".join("-" * w for w in widths))
    group = None
    for figure, row in zip(figures, rows[1:]):
        if titles and figure.group != group:
            group = figure.group
            print(f"[{titles.get(group, group)}]")
        print(line(row))
    notes = [f for f in figures if f.note or (f.met is False and f.gap)]
    if notes:
        print()
    for figure in notes:
        gap = figure.met is False and figure.gap and f"gap: {figure.gap}"
        text = "; ".join(part for part in (figure.note, gap) if part)
        print(f"- {figure.name}: {text}")


# --- instances and servers -----------------------------------------------------------------

def prepare_instance(path: Path) -> None:
    """A fresh instance with the schema and the demo content."""
    from association import create_app, demo
    from association.db import connect, migrate

    app = create_app({"INSTANCE_PATH": str(path)})
    db = connect(app.config["DATABASE"])
    migrate(db, app)
    with app.app_context():
        demo.load(db)
    db.close()


def free_port() -> int:
    """A free TCP port on loopback."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def bench_app():
    """The association's app as the benchmarks serve it (``gunicorn 'common:bench_app()'``):
    the app of ``app.py`` plus the hello-world route ``HELLO`` that pages are compared with —
    the smallest page the app can serve (GET), and the smallest form it can take (POST: its
    fields parsed and dropped). The app itself knows nothing of benchmarks."""
    from flask import request

    from association import create_app
    from association.security import csrf, public

    app = create_app()

    @app.get(HELLO)
    @public
    def bench_hello():
        """The smallest page the app can serve."""
        return "Hello, world!"

    @app.post(HELLO)
    @csrf.exempt
    def bench_hello_post():
        """The smallest form the app can take: its fields are parsed and dropped."""
        return f"Hello, {len(request.form)} fields!"

    return app


@contextmanager
def served(instance: Path, options: tuple = (), **env):
    """Serve ``instance`` with gunicorn (2 workers, the hello-world route on, no scheduler)
    and yield its address; ``options`` adds gunicorn's, ``env`` AMICALE_ settings."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    environment = {**os.environ, "AMICALE_INSTANCE_PATH": str(instance),
                   "AMICALE_SCHEDULER": "off",
                   "AMICALE_BASE_URL": base, **{f"AMICALE_{k}": v for k, v in env.items()}}
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-w", "2", "-b", f"127.0.0.1:{port}", *options,
         "--pythonpath", str(ROOT / "bench"), "common:bench_app()"],
        cwd=ROOT, env=environment, stderr=subprocess.DEVNULL)
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(base + HELLO, timeout=1).close()
                break
            except OSError:
                if server.poll() is not None:
                    raise RuntimeError("gunicorn did not start")
                time.sleep(0.1)
        yield base
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=15)


# A wrk script's request() that sends each request from another address of 10.0.0.0/8 (as
# a reverse proxy reports it): tenants reporting from their own connections.
MANY_ADDRESSES = """
request = function()
  wrk.headers["X-Forwarded-For"] = string.format("10.%d.%d.%d", math.random(0, 255),
                                                 math.random(0, 255), math.random(1, 254))
  return wrk.format()
end
"""


def wrk(url: str, seconds: int = PAIR_SECONDS, headers: dict | None = None,
        post: str | None = None, many_addresses: bool = False) -> float:
    """Requests per second of ``wrk -t2 -c10`` on ``url`` (a POST of ``post`` when given;
    from ``MANY_ADDRESSES`` when asked); an error when any answer is not 2xx or 3xx."""
    command = ["wrk", "-t2", "-c10", f"-d{seconds}s"]
    for name, value in (headers or {}).items():
        command += ["-H", f"{name}: {value}"]
    script = None
    if post is not None or many_addresses:
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
            if post is not None:
                handle.write(f'wrk.method = "POST"\nwrk.body = {post!r}\nwrk.headers['
                             '"Content-Type"] = "application/x-www-form-urlencoded"\n')
            if many_addresses:
                handle.write(MANY_ADDRESSES)
        script = handle.name
        command += ["-s", script]
    try:
        out = subprocess.run(command + [url], capture_output=True, text=True, check=True).stdout
    finally:
        if script:
            os.unlink(script)
    if "Non-2xx or 3xx responses" in out:
        raise RuntimeError(f"{url}: some answers were errors\n{out}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", out)[1])


@dataclass
class Paired:
    """Medians of a baseline and a figure measured in alternation, and of their ratios."""

    baseline: float
    this_run: float
    ratio: float
    low: float  # quartiles of the ratios (lowest and highest with fewer than 4 pairs)
    high: float

    @property
    def spread(self) -> str:
        """The ratios' quartiles, as printed."""
        return f"ratio quartiles {self.low:.2f}–{self.high:.2f}"


def paired(measure_baseline, measure, pairs: int = PAIRS) -> Paired:
    """Measure the baseline and the figure, ``pairs`` times: a busy moment of the machine
    hits both members of a pair alike, so the median of the pairs' ratios is the figure to
    compare. The order alternates (baseline first, then the figure first): whatever the
    first run leaves behind (thousands of closed connections waiting out TIME_WAIT, a warmer
    or hotter processor) weighs on both sides alike. Measured in one order only, hello world
    against itself came out at 0.94."""
    runs = []
    for number in range(pairs):
        if number % 2:
            this = measure()
            runs.append((measure_baseline(), this))
        else:
            runs.append((measure_baseline(), measure()))
    # A baseline that completed nothing (a machine too busy for a short run) gives no ratio.
    ratios = sorted(this / base for base, this in runs if base) or [math.nan]
    low, high = (statistics.quantiles(ratios, n=4)[::2] if len(ratios) >= 4
                 else (ratios[0], ratios[-1]))
    return Paired(statistics.median(b for b, _ in runs), statistics.median(t for _, t in runs),
                  statistics.median(ratios), low, high)


def best_seconds(function, repeat: int = 3) -> float:
    """The least disturbed of ``repeat`` calls of ``function()``, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def weight(url: str) -> tuple[int, int]:
    """A page's size in bytes, as sent and as gzip would send it."""
    import gzip

    with urllib.request.urlopen(url) as response:
        body = response.read()
    return len(body), len(gzip.compress(body))


def serving_processes(instance: Path) -> dict[int, tuple[int, str]]:
    """The processes serving ``instance`` (found by their AMICALE_INSTANCE_PATH): for each
    pid, its parent's pid and its ``/proc/<pid>/status`` text."""
    needle = f"AMICALE_INSTANCE_PATH={instance}".encode()
    found = {}
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            if needle not in Path(f"/proc/{pid}/environ").read_bytes().split(b"\0"):
                continue
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:  # another user's process, or one that just ended
            continue
        found[int(pid)] = (int(status.split("PPid:")[1].split()[0]), status)
    return found
