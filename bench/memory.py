"""The memory each gunicorn worker holds after serving every public page of the demo.

The demo instance is served the way ``make run`` serves it (``association/gunicorn_conf.py``:
the app imported once by the master, ``preload_app``, then 2 workers forked, 4 threads each,
the embedded scheduler on); every public GET of the access table (``tests/routes.py``: HTML,
JSON, ICS, Atom, the letter's PDF and the poster, with real ids from the demo) is fetched in
French and in English, three rounds, so that both workers serve each. Then, for each worker,
from ``/proc/<pid>/smaps_rollup``:

- **RSS**: every page it has in memory, shared ones included (what ``ps`` and ``top`` show);
- **PSS**: each shared page divided by the number of processes sharing it: the sum over the
  master and the workers is what the server really spends, so a worker's PSS is its honest
  share;
- **USS**: its private pages only (what ending it would give back).

The target (issue #20: at most 60 MB a worker, on a 512 MB server) is on the PSS of the
heavier worker; its RSS and USS are reported beside it, and the master's. Baseline: the same
worker before the sweep (just forked, one hello-world request served).
"""
import os
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from common import (HELLO, ROOT, Figure, Target, prepare_instance, print_table, rounds,
                    served, serving_processes)

sys.path.insert(0, str(ROOT / "tests"))

LIMIT_MB = 60
ROUNDS = rounds(3)
PRODUCTION = ("-c", "python:association.gunicorn_conf", "--threads", "4")
HOW = ("the demo served as `make run` serves it (gunicorn_conf: preload, 2 workers × 4 "
       "threads, embedded scheduler); every public GET of `tests/routes.py` in FR and EN, "
       f"{ROUNDS} rounds; each worker's `/proc/<pid>/smaps_rollup` after the sweep. Baseline: "
       "the same worker before the sweep")


def public_gets(instance: Path) -> list[str]:
    """Every public address a visitor may GET (any content type), with the demo's ids."""
    from routes import ACCESS, SWEEPER, concrete, methods_of
    from weights import demo_ids

    from association import create_app

    ids = demo_ids(instance)
    app = create_app({"INSTANCE_PATH": str(instance)})
    addresses = []
    for rule, entry in ACCESS.items():
        if SWEEPER[entry.audience] != "anonymous" or entry.ok != 200 \
                or "GET" not in methods_of(app, rule) or rule.startswith("/static/") \
                or "/photos/" in rule:
            continue
        slug = ids["slugs"].get(rule.strip("/").split("/")[0])
        addresses.append(concrete(rule, {**ids, "slug": slug}))
    return addresses


def processes(instance: Path, workers: int = 2) -> tuple[int, list[int]]:
    """The gunicorn master serving ``instance`` (our child) and its ``workers`` workers, once
    they are all forked."""
    for _ in range(100):
        master, found = _processes(instance)
        if len(found) == workers:
            return master, found
        time.sleep(0.1)
    raise RuntimeError(f"gunicorn forked {len(found)} workers, not {workers}")


def _processes(instance: Path) -> tuple[int, list[int]]:
    parents = {pid: parent for pid, (parent, _) in serving_processes(instance).items()}
    master = next(pid for pid, parent in parents.items() if parent == os.getpid())
    return master, sorted(pid for pid, parent in parents.items() if parent == master)


def footprint(pid: int) -> dict:
    """A process's RSS, PSS and USS in MB, from ``/proc/<pid>/smaps_rollup``."""
    fields = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        name, value = line.split(":", 1)
        fields[name] = int(value.split()[0]) / 1024
    return {"rss": fields["Rss"], "pss": fields["Pss"],
            "uss": fields["Private_Clean"] + fields["Private_Dirty"]}


def sweep(base: str, addresses: list[str]) -> dict:
    """Fetch every address in both languages, ``ROUNDS`` times; the count of each status."""
    statuses = {}
    for _ in range(ROUNDS):
        for address in addresses:
            for lang in ("fr", "en"):
                url = f"{base}{address}{'&' if '?' in address else '?'}lang={lang}"
                try:
                    with urllib.request.urlopen(url) as response:
                        response.read()
                        status = response.status
                except urllib.error.HTTPError as error:
                    status = error.code
                statuses[status] = statuses.get(status, 0) + 1
    return statuses


def figures() -> list[Figure]:
    """Each worker's PSS (target), RSS and USS after the sweep, against before it."""
    with tempfile.TemporaryDirectory() as tmp:
        instance = Path(tmp) / "instance"
        prepare_instance(instance)
        addresses = public_gets(instance)
        with served(instance, PRODUCTION, SCHEDULER="embedded") as base:
            master, workers = processes(instance)
            for _ in range(20):  # each worker has served something
                urllib.request.urlopen(base + HELLO).read()
            before = {pid: footprint(pid) for pid in workers}
            statuses = sweep(base, addresses)
            after = {pid: footprint(pid) for pid in workers}
            hub = footprint(master)
    heavier = max(workers, key=lambda pid: after[pid]["pss"])
    counted = ", ".join(f"{count} × {status}" for status, count in sorted(statuses.items()))
    note = (f"{len(addresses)} addresses × 2 languages × {ROUNDS} rounds ({counted}); "
            f"master: RSS {hub['rss']:.0f}, PSS {hub['pss']:.0f}, USS {hub['uss']:.0f} MB; "
            "workers (RSS/PSS/USS): " + "; ".join(
                f"{after[pid]['rss']:.0f}/{after[pid]['pss']:.0f}/{after[pid]['uss']:.0f}"
                for pid in workers))
    rows = []
    for measure, label in (("pss", "PSS"), ("rss", "RSS"), ("uss", "USS")):
        rows.append(Figure(
            f"a worker's {label} after the public pages", after[heavier][measure],
            before[heavier][measure], "MB",
            Target("≤", LIMIT_MB, "value", "issue #20") if measure == "pss" else None,
            note=note if measure == "pss" else "", how=HOW,
            gap="the modules a page needs are loaded in the worker that serves it",
            baseline_name="the same worker before the sweep"))
    return rows


if __name__ == "__main__":
    print_table(figures())
