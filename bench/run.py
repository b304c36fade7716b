"""Benchmarks: our pages against a hello-world route of the same app, in the same run.

The machines are shared and noisy, so the figure that matters is the ratio page/baseline,
measured back to back: each page right after a run of the baseline, in several rounds, and the
median of the rounds' ratios reported (with their spread); absolute requests per second are
printed for context only. Page weights (as sent, and gzipped as a proxy would) matter on a
cheap phone and a slow line. Run with ``make bench`` (it installs wrk when missing);
``BENCH_DURATION`` sets each wrk run's length (5s), ``BENCH_ROUNDS`` the rounds (3).
"""
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DURATION = os.environ.get("BENCH_DURATION", "5s")
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
PAGES = [("baseline (hello world)", "/_bench/hello"), ("home page", "/"),
         ("data register", "/donnees"), ("data register JSON", "/donnees.json"),
         ("agenda", "/actions/"),
         ("an action", "/actions/2"),
         ("agenda feed (ICS)", "/actions/agenda.ics")]


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


def weight(url: str) -> tuple[int, int]:
    """The page's size in bytes, as sent and as gzip would send it."""
    import gzip

    with urllib.request.urlopen(url) as response:
        body = response.read()
    return len(body), len(gzip.compress(body))


def requests_per_second(url: str) -> float:
    """Run wrk against ``url`` and return its requests per second."""
    out = subprocess.run(["wrk", "-t2", "-c10", f"-d{DURATION}", url],
                         capture_output=True, text=True, check=True).stdout
    return float(re.search(r"Requests/sec:\s+([\d.]+)", out)[1])


def main() -> int:
    """Serve the app with gunicorn, measure each page, print the ratios."""
    if not shutil.which("wrk"):
        print("wrk is missing: run `make bench`, which installs it", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        instance = Path(tmp) / "instance"
        prepare_instance(instance)
        port = free_port()
        env = {**os.environ, "AMICALE_INSTANCE_PATH": str(instance),
               "AMICALE_BENCH_ROUTES": "1", "AMICALE_SCHEDULER": "off"}
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-w", "2", "-b", f"127.0.0.1:{port}", "app:app"],
            cwd=ROOT, env=env, stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(100):
                try:
                    urllib.request.urlopen(base + "/_bench/hello", timeout=1).close()
                    break
                except OSError:
                    time.sleep(0.1)
            for name, path in PAGES:  # warm every worker's caches and connections first
                subprocess.run(["wrk", "-t2", "-c10", "-d1s", base + path],
                               capture_output=True, check=True)
            rounds = []
            for _ in range(ROUNDS):
                pairs = []
                for name, path in PAGES[1:]:
                    pairs.append((requests_per_second(base + PAGES[0][1]),
                                  requests_per_second(base + path)))
                rounds.append(pairs)
            sizes = [(name, *weight(base + path)) for name, path in PAGES[1:]]
            sizes.append(("stylesheet", *weight(base + "/static/style.css")))
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=15)
    baselines = [baseline for pairs in rounds for baseline, _ in pairs]
    print(f"{ROUNDS} rounds of {DURATION} per page, each page right after the baseline; "
          "median ratio (lowest–highest)")
    print(f"{'page':<26}{'requests/s':>12}{'ratio to baseline':>20}")
    print(f"{PAGES[0][0]:<26}{statistics.median(baselines):>12.0f}{1:>20.2f}")
    for index, (name, _) in enumerate(PAGES[1:]):
        rates = [pairs[index][1] for pairs in rounds]
        ratios = [page / baseline for baseline, page in (pairs[index] for pairs in rounds)]
        spread = f"({min(ratios):.2f}–{max(ratios):.2f})"
        print(f"{name:<26}{statistics.median(rates):>12.0f}"
              f"{statistics.median(ratios):>9.2f} {spread:>10}")
    print()
    print(f"{'page':<26}{'bytes':>12}{'gzipped':>20}")
    for name, raw, packed in sizes:
        print(f"{name:<26}{raw:>12}{packed:>20}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
