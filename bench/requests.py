"""Benchmark: joint access requests at city scale (120,000 trackers in one campaign).

The results page and stats.json read maintained counters, so their time should not grow
with the number of trackers: each is timed with 100 trackers and with 120,000 in the same
run, through the app (test client, one process), and the ratio printed (target: within
1.5x). The daily sweep is timed on the day every one of the 120,000 trackers moves (all
letters sent the same day), then on an ordinary day when none does. Run with
``.venv/bin/python bench/requests.py`` (``BENCH_TRACKERS`` changes the large count); it is
kept out of the test suite.
"""
import os
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LARGE = int(os.environ.get("BENCH_TRACKERS", "120000"))
SMALL = 100
REQUESTS = 50  # per round
ROUNDS = 9
SENT = date(2026, 1, 5)


def build(path: Path, count: int):
    """An app whose one campaign has ``count`` trackers, in several states, and its counters
    maintained as the app maintains them."""
    from collections import Counter

    from association import create_app
    from association.db import connect, migrate
    from association.requests import campaigns, results, trackers

    app = create_app({"INSTANCE_PATH": str(path), "SECRET_KEY": "b" * 40, "TESTING": True})
    db = connect(app.config["DATABASE"])
    migrate(db, app)
    with app.app_context():
        campaign_id = campaigns.save(db, {"slug": "ville", "title": "Ville", "controller_name":
                                          "Bailleur", "controller_address": "1 rue X",
                                          "opens_on": "2026-01-01"})
        campaign = campaigns.get(db, campaign_id)
        day = SENT + timedelta(days=10)
        with db.atomic():
            db.conn.executemany(
                "insert into members (key_hash, created_at, last_seen_at, language, "
                "contact_email) values (?, '2026-01-01', '2026-01-01', 'fr', ?)",
                ((f"bench-{i}", "x" if i % 10 == 0 else None) for i in range(count)))
            first_member = db.execute("select min(id) from members").fetchone()[0]
            rows, delta = [], Counter()
            for index in range(count):
                tracker = {"sent_on": SENT.isoformat(), "channel": ("email", "post")[index % 2]}
                if index % 7 == 0:
                    tracker.update(answered_on=(SENT + timedelta(days=3 + index % 40))
                                   .isoformat(), grade="partial", checklist="a,b,d",
                                   copy_received=index % 2)
                row = trackers.derive({"state": "to_send", **tracker}, day)
                delta.update(results.contributions(row))
                rows.append((campaign_id, first_member + index, "2026-01-05T10:00:00+00:00",
                             *[row.get(name) for name in trackers.TRACKER_COLUMNS]))
            columns = ", ".join(("campaign_id", "member_id", "created_at") +
                                trackers.TRACKER_COLUMNS)
            marks = ", ".join("?" * (3 + len(trackers.TRACKER_COLUMNS)))
            db.conn.executemany(f"insert into trackers ({columns}) values ({marks})", rows)
            results.add(db, campaign["id"], delta)
        db.execute("analyze")
    db.close()
    return app


def paired(small_client, large_client, url: str) -> tuple[float, float]:
    """Median seconds per GET of ``url`` with few and with many trackers, measured in
    alternating rounds so that a busy moment of the machine hits both alike."""
    for client in (small_client, large_client):
        for _ in range(20):
            client.get(url)
    rounds = {small_client: [], large_client: []}
    for _ in range(ROUNDS):
        for client in (small_client, large_client):
            start = time.perf_counter()
            for _ in range(REQUESTS):
                assert client.get(url).status_code == 200
            rounds[client].append((time.perf_counter() - start) / REQUESTS)
    return statistics.median(rounds[small_client]), statistics.median(rounds[large_client])


def results_only(small, large) -> tuple[float, float]:
    """Median seconds to read a campaign and its results without HTTP (the part that could
    grow with the trackers), in alternating rounds."""
    from association.db import connect
    from association.requests import campaigns, results

    times = {}
    for app in (small, large):
        times[app] = []
    dbs = {app: connect(app.config["DATABASE"]) for app in (small, large)}
    for _ in range(ROUNDS):
        for app in (small, large):
            with app.app_context():
                start = time.perf_counter()
                for _ in range(REQUESTS * 4):
                    results.results(dbs[app], campaigns.by_slug(dbs[app], "ville")["id"])
                times[app].append((time.perf_counter() - start) / (REQUESTS * 4))
    for db in dbs.values():
        db.close()
    return statistics.median(times[small]), statistics.median(times[large])


def sweep_seconds(app, day: date) -> tuple[float, dict]:
    """Seconds the daily sweep takes on ``day``, and what it did."""
    from association.db import connect
    from association.requests import sweep

    db = connect(app.config["DATABASE"])
    with app.app_context():
        start = time.perf_counter()
        outcome = sweep.run(db, day)
        elapsed = time.perf_counter() - start
    db.close()
    return elapsed, outcome


def main() -> int:
    """Build both instances, time the pages and the sweep, print the ratios."""
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        small = build(Path(tmp) / "small", SMALL)
        large = build(Path(tmp) / "large", LARGE)
        print(f"built {SMALL} and {LARGE} trackers in {time.perf_counter() - started:.1f}s")
        print(f"{'page':<28}{SMALL:>10} trackers{LARGE:>10} trackers{'ratio':>8}")
        for name, url in (("results page", "/demandes/ville"),
                          ("stats.json", "/demandes/ville/stats.json")):
            few, many = paired(small.test_client(), large.test_client(), url)
            print(f"{name:<28}{few * 1000:>12.2f} ms{many * 1000:>14.2f} ms{many / few:>8.2f}")
        few, many = results_only(small, large)
        print(f"{'campaign + results, no HTTP':<28}{few * 1000:>12.3f} ms{many * 1000:>14.3f} ms"
              f"{many / few:>8.2f}")
        for label, day in (("sweep, everyone due soon", SENT + timedelta(days=30)),
                           ("sweep, everyone overdue", SENT + timedelta(days=40)),
                           ("sweep, an ordinary day", SENT + timedelta(days=41))):
            elapsed, outcome = sweep_seconds(large, day)
            print(f"{label:<28}{elapsed:>10.2f} s  {outcome}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
