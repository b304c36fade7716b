"""Benchmarks: our pages against a hello-world route of the same app, in the same run.

The demo instance is served by gunicorn (2 workers) and each page measured with wrk beside the
hello-world route (``/_bench/hello``), in ``BENCH_PAIRS`` pairs (10) of ``BENCH_PAIR_SECONDS``
(1 s) each, in alternating order; the median of the pairs' ratios is the figure (requests per
second are medians too, for context). Every page goes through Flask: the home page and the
data register, the agenda and the report form are kept pages (``association/pagecache.py``;
the form's tokens are holes, filled for each request). Run alone with
``.venv/bin/python bench/run.py`` (wrk installed), or with the others by ``make bench``.
"""
import sys
import tempfile
from pathlib import Path

from common import (HELLO, SMOKE, Figure, Target, paired, prepare_instance, run_alone, served,
                    wrk)

PAGES = [("home page", "/"), ("data register", "/donnees"),
         ("data register JSON", "/donnees.json"),
         ("report form", "/signaler"), ("agenda", "/actions/"),
         ("an action", "/actions/{action}"), ("agenda feed (ICS)", "/actions/agenda.ics")]
TARGETS = {"home page": Target("≥", 0.7, source="issue #20"),
           "data register": Target("≥", 0.7, source="issue #20"),
           "data register JSON": Target("≥", 0.8, source="issue #8"),
           "report form": Target("≥", 0.35, source="issue #20"),
           "agenda": Target("≥", 0.4, source="issue #20")}
GAPS = {"data register JSON":
        "106 KB of JSON for every answer, where hello world sends 13 bytes; 0.8 was reached "
        "by the front door, retired in issue #20 (one page cache, inside Flask)"}
HOW = ("gunicorn with 2 workers, `wrk -t2 -c10`, the demo content; the page beside the "
       "hello-world route of the same app, in short runs whose order alternates; median of "
       "the pairs' ratios")


def public_action(instance: Path) -> int:
    """A coming public action of the demo."""
    from datetime import datetime, timezone

    from association.db import connect

    db = connect(str(instance / "amicale.db"))
    action = db.execute("select id from actions where visibility = 'public' and status != "
                        "'cancelled' and starts_at > ? order by starts_at limit 1",
                        [datetime.now(timezone.utc).isoformat()]).fetchone()[0]
    db.close()
    return action


def page_rates(base: str, pages: list[tuple], targets: dict | None = None) -> list[Figure]:
    """Each page's requests per second against the hello-world route's, paired; ``pages``
    holds (name, path) or (name, path, headers), ``targets`` a Target by page name."""
    pages = [(name, path, *rest, {})[:3] for name, path, *rest in pages]
    if SMOKE:  # the first page, unwarmed: the code runs, its figure is worth nothing
        pages = pages[:1]
    for _, path, headers in [] if SMOKE else [("baseline", HELLO, {})] + pages:
        wrk(base + path, seconds=1, headers=headers)  # warm every worker first
    figures = []
    for name, path, headers in pages:
        result = paired(lambda: wrk(base + HELLO), lambda: wrk(base + path, headers=headers))
        figures.append(Figure(f"{name} `{path}` vs hello world", result.this_run,
                              result.baseline, "req/s", (targets or {}).get(name),
                              ratio=result.ratio, note=result.spread, how=HOW,
                              gap=GAPS.get(name, ""),
                              baseline_name="`/_bench/hello`"))
    return figures


def figures() -> list[Figure]:
    """The pages' requests per second as ratios of the hello-world route's."""
    with tempfile.TemporaryDirectory() as tmp:
        instance = Path(tmp) / "instance"
        prepare_instance(instance)
        action = public_action(instance)
        pages = [(name, path.format(action=action), *rest) for name, path, *rest in PAGES]
        with served(instance) as base:
            return page_rates(base, pages, TARGETS)


if __name__ == "__main__":
    sys.exit(run_alone(figures))
