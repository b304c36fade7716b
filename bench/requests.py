"""Benchmark: joint access requests at city scale (120,000 trackers in one campaign).

The results page and stats.json read maintained counters, so their time should not grow
with the number of trackers: each is timed with 100 trackers and with 120,000 in the same
run, through the app (test client, one process), in alternating rounds, and the ratio
reported (target: within 1.5x). The daily sweep is timed on the days every one of the
120,000 trackers moves (all letters sent the same day), then on an ordinary day when none
does, each against the same day with 100 trackers; it is one transaction, which writers
wait for. Run with ``.venv/bin/python bench/requests.py`` (``BENCH_TRACKERS`` changes the
large count); it is kept out of the test suite.
"""
import os
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from common import WRITERS_TARGET, Figure, Target, paired, print_table, rounds

LARGE = int(os.environ.get("BENCH_TRACKERS", "120000"))
SMALL = 100
REQUESTS = rounds(50)  # per round
ROUNDS = rounds(9)
SENT = date(2026, 1, 5)


def build(path: Path, count: int):
    """An app whose one campaign has ``count`` trackers, in several states, and its counters
    maintained as the app maintains them."""
    from association import create_app
    from association.db import connect, migrate

    app = create_app({"INSTANCE_PATH": str(path), "SECRET_KEY": "b" * 40, "TESTING": True})
    db = connect(app.config["DATABASE"])
    migrate(db, app)
    populate(app, db, count)
    db.close()
    return app


def populate(app, db, count: int, sent: date = SENT, slug: str = "ville") -> int:
    """Add a campaign ``slug`` with ``count`` members following it, their letters sent on
    ``sent`` (one in ten with a contact address, one in seven answered); return its id."""
    from collections import Counter

    from association.requests import (TRACKER_COLUMNS, add_to_results, contributions,
                                      derive_tracker, save_campaign)

    with app.app_context():
        campaign_id = save_campaign(db, {"slug": slug, "title": "Ville", "controller_name":
                                    "Bailleur", "controller_address": "1 rue X",
                                    "opens_on": sent.isoformat()})
        day = sent + timedelta(days=10)
        with db.atomic():
            db.conn.executemany(
                "insert into members (key_hash, created_at, last_seen_at, language, "
                "contact_email) values (?, ?, ?, 'fr', ?)",
                ((f"bench-{slug}-{i}", sent.isoformat(), sent.isoformat(),
                  "x" if i % 10 == 0 else None) for i in range(count)))
            members = [row[0] for row in db.execute(
                "select id from members where key_hash like ? order by id", [f"bench-{slug}-%"])]
            rows, delta = [], Counter()
            for index in range(count):
                tracker = {"sent_on": sent.isoformat(), "channel": ("email", "post")[index % 2]}
                if index % 7 == 0:
                    tracker.update(answered_on=(sent + timedelta(days=3 + index % 40))
                                   .isoformat(), grade="partial", checklist="a,b,d",
                                   copy_received=index % 2)
                row = derive_tracker({"state": "to_send", **tracker}, day)
                delta.update(contributions(row))
                rows.append((campaign_id, members[index], f"{sent.isoformat()}T10:00:00+00:00",
                             *[row.get(name) for name in TRACKER_COLUMNS]))
            columns = ", ".join(("campaign_id", "member_id", "created_at") +
                                TRACKER_COLUMNS)
            marks = ", ".join("?" * (3 + len(TRACKER_COLUMNS)))
            db.conn.executemany(f"insert into trackers ({columns}) values ({marks})", rows)
            add_to_results(db, campaign_id, delta)
        db.execute("analyze")
    return campaign_id


def seconds_per_get(client, url: str) -> float:
    """Mean seconds of REQUESTS GETs of ``url``."""
    start = time.perf_counter()
    for _ in range(REQUESTS):
        assert client.get(url).status_code == 200
    return (time.perf_counter() - start) / REQUESTS


def seconds_per_read(app, db) -> float:
    """Mean seconds to read the campaign and its results without HTTP (the part that could
    grow with the trackers)."""
    from association.requests import campaign_by_slug, campaign_results

    with app.app_context():
        start = time.perf_counter()
        for _ in range(REQUESTS * 4):
            campaign_results(db, campaign_by_slug(db, "ville")["id"])
        return (time.perf_counter() - start) / (REQUESTS * 4)


def sweep_seconds(app, day: date) -> tuple[float, dict]:
    """Seconds the daily sweep takes on ``day``, and what it did."""
    from association import jobs
    from association.db import connect

    db = connect(app.config["DATABASE"])
    with app.app_context():
        sweep = jobs.job("request-deadlines", app)  # what the capability declares
        start = time.perf_counter()
        outcome = sweep.run(db, day)
        elapsed = time.perf_counter() - start
    db.close()
    return elapsed, outcome


HOW_PAGES = ("the app's test client in one process; mean of 50 GETs, the two instances in "
             "alternating rounds, median of the rounds' ratios")
SWEEPS = (("sweep, everyone due soon", 30), ("sweep, everyone overdue", 40),
          ("sweep, an ordinary day", 41))


def figures() -> list[Figure]:
    """Build both instances, time the pages and the sweeps."""
    from association.db import connect

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        small = build(Path(tmp) / "small", SMALL)
        large = build(Path(tmp) / "large", LARGE)
        rows.append(Figure(f"generating {LARGE:,} trackers (and {SMALL})",
                           time.perf_counter() - started, unit="s",
                           how="members and trackers inserted in bulk, counters as the app "
                               "keeps them"))
        for name, url in (("results page", "/demandes/ville"),
                          ("stats.json", "/demandes/ville/stats.json")):
            few, many = small.test_client(), large.test_client()
            for client in (few, many):
                for _ in range(20):
                    client.get(url)
            result = paired(lambda: seconds_per_get(few, url) * 1000,
                            lambda: seconds_per_get(many, url) * 1000, ROUNDS)
            rows.append(Figure(f"{name} `{url}` at {LARGE:,} trackers vs {SMALL}",
                               result.this_run, result.baseline, "ms",
                               Target("≤", 1.5, source="requests benchmark"),
                               ratio=result.ratio, note=result.spread, how=HOW_PAGES,
                               baseline_name=f"the same page with {SMALL} trackers"))
        dbs = [connect(app.config["DATABASE"]) for app in (small, large)]
        result = paired(lambda: seconds_per_read(small, dbs[0]) * 1000,
                        lambda: seconds_per_read(large, dbs[1]) * 1000, ROUNDS)
        for db in dbs:
            db.close()
        rows.append(Figure(f"campaign + results, no HTTP, at {LARGE:,} trackers vs {SMALL}",
                           result.this_run, result.baseline, "ms",
                           Target("≤", 1.5, source="requests benchmark"), ratio=result.ratio,
                           note=result.spread, how=HOW_PAGES.replace("50 GETs", "200 reads")))
        for label, days in SWEEPS:
            day = SENT + timedelta(days=days)
            few, _ = sweep_seconds(small, day)
            many, outcome = sweep_seconds(large, day)
            moved = sum(outcome["moved"].values())
            reminders = sum(outcome["reminders"].values())
            rows.append(Figure(
                f"{label}, {LARGE:,} trackers", many, few, "s",
                WRITERS_TARGET,
                note=f"{moved:,} trackers moved, {reminders:,} reminders queued",
                gap="one transaction holds the write lock throughout: writers waiting "
                    "longer than 5 s get an error; moving the trackers in batches would "
                    "bound each wait",
                how="the sweep job (`request-deadlines`) on the large instance, the days after "
                    f"the letters; baseline: the same day with {SMALL} trackers"))
    return rows


if __name__ == "__main__":
    print_table(figures())
