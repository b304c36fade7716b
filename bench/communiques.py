"""Benchmark: a published communiqué's page (fresh, and answered 304 to a browser that has
it), the list and the Atom feed, each as a ratio of the hello-world route of the same app
measured back to back with it (see common.paired). The target: a communiqué page at least
0.8 times the baseline's requests per second (#13), 0.7 through Flask with the front door
retired (#20).

Run alone with ``.venv/bin/python bench/communiques.py`` (wrk installed, as ``make bench``
does), or with the others by ``make bench``.
"""
import sys
import tempfile
import urllib.request
from pathlib import Path

from common import Figure, Target, prepare_instance, run_alone, served, weight
from run import page_rates


def published_slug(instance: Path) -> str:
    """The address of the demo's corrected communiqué (text, list, correction note)."""
    from association.db import connect

    db = connect(str(instance / "amicale.db"))
    slug = db.execute("select slug from communiques where status = 'published' "
                      "order by published_revision desc, id limit 1").fetchone()[0]
    db.close()
    return slug


def figures() -> list[Figure]:
    """The communiqué pages' requests per second as ratios of the hello-world route's, and
    the page's weight."""
    with tempfile.TemporaryDirectory() as tmp:
        instance = Path(tmp) / "instance"
        prepare_instance(instance)
        slug = published_slug(instance)
        with served(instance) as base:
            with urllib.request.urlopen(f"{base}/communiques/{slug}") as response:
                etag = response.headers["ETag"]
            found = page_rates(
                base,
                [("communiqué page", f"/communiques/{slug}"),
                 ("communiqué page, 304", f"/communiques/{slug}", {"If-None-Match": etag}),
                 ("list of communiqués", "/communiques/"),
                 ("Atom feed", "/communiques/feed.atom")],
                {"communiqué page": Target("≥", 0.7, source="issue #20")})
            raw, packed = weight(f"{base}/communiques/{slug}")
    found[0].note += f"; {raw:,} bytes, {packed:,} gzipped"
    return found


if __name__ == "__main__":
    sys.exit(run_alone(figures))
