"""Benchmark: a published communiqué's page, its list and its feed, served by gunicorn, as
ratios of the hello-world route of the same app measured back to back (see run.py).

The issue's target: a communiqué page at least 0.8 times the baseline's requests per
second. The machines are shared: the load of other processes moves from one second to the
next, so each page is measured in many short runs alternating with the baseline's
(``BENCH_PAIRS``, 12; ``BENCH_PAIR_SECONDS``, 2), and the median of the pairs' ratios is
reported with its quartiles. Run with ``.venv/bin/python bench/communiques.py`` (wrk
installed, as ``make bench`` does).
"""
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from run import ROOT, free_port, prepare_instance, weight

PAIRS = int(os.environ.get("BENCH_PAIRS", "12"))
PAIR_SECONDS = os.environ.get("BENCH_PAIR_SECONDS", "2")


def published_slug(instance: Path) -> str:
    """The address of the demo's corrected communiqué (text, list, correction note)."""
    from association.db import connect

    db = connect(str(instance / "amicale.db"))
    slug = db.execute("select slug from communiques where status = 'published' "
                      "order by published_revision desc, id limit 1").fetchone()[0]
    db.close()
    return slug


def main() -> int:
    """Serve the demo with gunicorn (2 workers), measure, print the ratios."""
    with tempfile.TemporaryDirectory() as tmp:
        instance = Path(tmp) / "instance"
        prepare_instance(instance)
        slug = published_slug(instance)
        pages = [("baseline (hello world)", "/_bench/hello"),
                 ("communiqué page", f"/communiques/{slug}"),
                 ("communiqué page, 304", f"/communiques/{slug}"),
                 ("list of communiqués", "/communiques/"),
                 ("Atom feed", "/communiques/feed.atom")]
        port = free_port()
        env = {**os.environ, "AMICALE_INSTANCE_PATH": str(instance),
               "AMICALE_BENCH_ROUTES": "1", "AMICALE_SCHEDULER": "off"}
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-w", "2", "-b", f"127.0.0.1:{port}", "app:app"],
            cwd=ROOT, env=env, stderr=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(100):
                try:
                    urllib.request.urlopen(base + "/_bench/hello", timeout=1).close()
                    break
                except OSError:
                    time.sleep(0.1)
            with urllib.request.urlopen(base + pages[1][1]) as response:
                etag = response.headers["ETag"]
            headers = {"communiqué page, 304": ["-H", f"If-None-Match: {etag}"]}
            for name, path in pages:  # warm every worker first
                subprocess.run(["wrk", "-t2", "-c10", "-d1s", *headers.get(name, []),
                                base + path], capture_output=True, check=True)
            results = {name: [] for name, _ in pages[1:]}
            for _ in range(PAIRS):
                for name, path in pages[1:]:
                    baseline = _rate(base + pages[0][1], [])
                    results[name].append((baseline, _rate(base + path, headers.get(name, []))))
            sizes = [(name, *weight(base + path)) for name, path in pages[1:]
                     if name not in headers]
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=15)
    print(f"{PAIRS} pairs of {PAIR_SECONDS}s runs per page (the baseline, then the page); "
          "median ratio (quartiles)")
    print(f"{'page':<26}{'requests/s':>12}{'ratio to baseline':>24}")
    baselines = [b for pairs in results.values() for b, _ in pairs]
    print(f"{pages[0][0]:<26}{statistics.median(baselines):>12.0f}{1:>24.2f}")
    for name, pairs in results.items():
        ratios = sorted(page / baseline for baseline, page in pairs)
        low, _, high = statistics.quantiles(ratios, n=4)
        print(f"{name:<26}{statistics.median(p for _, p in pairs):>12.0f}"
              f"{statistics.median(ratios):>11.2f} ({low:.2f}–{high:.2f})")
    print()
    print(f"{'page':<26}{'bytes':>12}{'gzipped':>24}")
    for name, raw, packed in sizes:
        print(f"{name:<26}{raw:>12}{packed:>24}")
    return 0


def _rate(url: str, extra: list[str]) -> float:
    """wrk's requests per second in one short run, with extra headers."""
    out = subprocess.run(["wrk", "-t2", "-c10", f"-d{PAIR_SECONDS}s", *extra, url],
                         capture_output=True, text=True, check=True).stdout
    return float(re.search(r"Requests/sec:\s+([\d.]+)", out)[1])


if __name__ == "__main__":
    sys.exit(main())
