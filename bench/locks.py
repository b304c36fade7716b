"""Benchmark of a writer waiting for another: how soon after the lock is freed the waiting
writer has it (``db.atomic()``: BEGIN IMMEDIATE, SQLite's own busy handler), against a writer
that finds the lock free.

The suite checks that the writer waits and writes after the other (tests/test_db.py); how
long it takes is measured here, where a loaded machine makes a figure noisy, not a test
fail. Pure Python and SQLite: run ``.venv/bin/python bench/locks.py`` from the repository
root. Each figure is the median of a few rounds.
"""
import statistics
import tempfile
import threading
import time
from pathlib import Path

from common import Figure, Target, print_table, rounds

from association.db import connect

ROUNDS = rounds(15)
HOLDS = {"held 3 ms (a report)": 0.003, "held 100 ms (a job)": 0.1}


def _late_by(path: str, hold_for: float) -> float:
    """Seconds between the other writer's commit and this writer's lock."""
    held, released = threading.Event(), []

    def hold():
        other = connect(path)
        other.conn.execute("BEGIN IMMEDIATE")
        held.set()
        time.sleep(hold_for)
        other.conn.execute("COMMIT")
        released.append(time.perf_counter())
        other.close()

    thread = threading.Thread(target=hold)
    thread.start()
    held.wait()
    db = connect(path)
    with db.atomic():
        got = time.perf_counter()
    db.close()
    thread.join()
    return max(got - released[0], 0.0)


def _free(path: str) -> float:
    """Seconds to take a free write lock and commit (the baseline)."""
    db = connect(path)
    start = time.perf_counter()
    with db.atomic():
        pass
    took = time.perf_counter() - start
    db.close()
    return took


def figures() -> list[Figure]:
    """For each way of waiting, the median delay after the release, in milliseconds."""
    with tempfile.TemporaryDirectory() as folder:
        path = str(Path(folder) / "locks.db")
        connect(path).close()
        baseline = statistics.median(_free(path) for _ in range(ROUNDS)) * 1000
        found = []
        for name, hold_for in HOLDS.items():
            delays = [_late_by(path, hold_for) * 1000 for _ in range(ROUNDS)]
            found.append(Figure(
                f"a waiting writer has the lock, {name}", statistics.median(delays), baseline,
                "ms", Target("≤", 50, "value", "ours: a writer gets a freed lock within 50 ms"),
                note=f"worst of {ROUNDS}: {max(delays):.1f} ms",
                how=f"two connections on one file, median of {ROUNDS}",
                baseline_name="taking a free lock"))
    return found


if __name__ == "__main__":
    print_table(figures())
