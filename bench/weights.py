"""The weight of every public page, and what it would fetch from other hosts.

The pages are those of the access table (``tests/routes.py``) that anyone may open (audiences
"public" and "sign_in") and that are HTML, with real ids from the demo instance, served by
gunicorn. Each is fetched in French and in English; its weight is the page's HTML plus every
file it makes a browser fetch from the site (stylesheets, the print stylesheet included,
scripts, icons, images and srcset candidates, and what the stylesheets name with ``url()``
or ``@import``), each counted once, gzipped as the reverse proxy of a production install
sends it (README, Production: the application sends pages as they are and leaves compression
to the proxy; the unpacked HTML is in the notes), in KB of 1,000 bytes; the heavier language
is reported. Target (issue #14): at most 60 KB a
page, and no request to another host: any such reference (a script, stylesheet, font,
image, frame, ``preconnect``...) is counted. Links people may follow to other sites (``<a
href>``) are not requests; they are listed in the notes.
"""
import gzip
import re
import sys
import tempfile
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from common import ROOT, Figure, Target, prepare_instance, print_table, served

sys.path.insert(0, str(ROOT / "tests"))

LIMIT_KB = 60
# rel values of <link> that make a browser fetch something (or open a connection).
FETCHING_RELS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "mask-icon", "preload",
                 "modulepreload", "prefetch", "preconnect", "dns-prefetch", "manifest"}
SOURCE_ATTRIBUTES = {"script": ("src",), "img": ("src", "srcset"), "source": ("src", "srcset"),
                     "video": ("src", "poster"), "audio": ("src",), "iframe": ("src",),
                     "embed": ("src",), "object": ("data",), "track": ("src",),
                     "input": ("src",), "image": ("href", "xlink:href"),
                     "use": ("href", "xlink:href")}
# Why a page is heavy, for the gap line.
WHY = {"/donnees": "the data register: every table and column of the inventory, on one page"}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]""")
HOW = ("the demo instance served by gunicorn; each public HTML page of `tests/routes.py` in "
       "FR and EN, its HTML plus every file it makes a browser fetch (CSS incl. print, JS, "
       "icons, images, srcset, CSS `url()`), gzipped as the reverse proxy sends it; "
       "KB = 1,000 bytes")


class References(HTMLParser):
    """The addresses an HTML page makes a browser fetch, and the links it offers."""

    def __init__(self):
        super().__init__()
        self.fetched: list[str] = []
        self.links: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        """Note what this tag fetches (or links to)."""
        values = dict(attrs)
        if tag == "link":
            rels = set((values.get("rel") or "").lower().split())
            if rels & FETCHING_RELS and values.get("href"):
                self.fetched.append(values["href"])
        for name in SOURCE_ATTRIBUTES.get(tag, ()):
            if values.get(name):
                self.fetched += candidates(values[name]) if name == "srcset" \
                    else [values[name]]
        if values.get("style"):
            self.fetched += css_references(values["style"])
        if tag in ("a", "area", "form") and (values.get("href") or values.get("action")):
            self.links.append(values.get("href") or values.get("action"))
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        """Leave a <style> block."""
        self._in_style = False

    def handle_data(self, data):
        """The url()s of a <style> block."""
        if self._in_style:
            self.fetched += css_references(data)


def candidates(srcset: str) -> list[str]:
    """The addresses of a srcset attribute."""
    return [part.strip().split()[0] for part in srcset.split(",") if part.strip()]


def css_references(css: str) -> list[str]:
    """The addresses a stylesheet fetches (url() and @import), data: URIs left out."""
    found = [a or b for a, b in CSS_URL.findall(css)]
    return [url for url in found if not url.startswith("data:")]


def fetch(url: str) -> tuple[bytes, str, int]:
    """A file's bytes (unpacked), content type and weight as sent, asked for as a browser
    does (``Accept-Encoding: gzip``)."""
    asked = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(asked) as response:
        sent = response.read()
        packed = response.headers.get("Content-Encoding") == "gzip"
        return (gzip.decompress(sent) if packed else sent,
                response.headers.get_content_type(), len(sent))


def other_host(url: str, base: str) -> bool:
    """Whether an address points to another host than the server's (data:, mailto: or
    otpauth: addresses open no connection)."""
    parts = urlsplit(url)
    return parts.scheme in ("http", "https", "ws", "wss", "ftp") and \
        (parts.scheme, parts.netloc) != tuple(urlsplit(base)[:2])


def page_weight(base: str, url: str) -> dict:
    """What a first visit of ``url`` downloads: bytes as sent and gzipped, the files it
    fetches, the references to other hosts and the links to other sites."""
    html, _, html_sent = fetch(url)
    parser = References()
    parser.feed(html.decode("utf-8", "replace"))
    queue = [urljoin(url, ref) for ref in parser.fetched]
    seen, outside = {}, set()
    while queue:
        address = queue.pop(0).split("#")[0]
        if other_host(address, base):
            outside.add(address)
            continue
        if address in seen or not address.startswith(base):
            continue
        body, kind, sent = fetch(address)
        seen[address] = (body, sent)
        if kind == "text/css":
            queue += [urljoin(address, ref) for ref in css_references(body.decode())]
    files = [(html, html_sent)] + list(seen.values())
    return {"bytes": sum(sent for _, sent in files), "html": len(html),
            "html_sent": html_sent,
            "gzipped": sum(len(gzip.compress(body)) for body, _ in files),
            "files": len(seen), "outside": outside,
            "links_out": {urlsplit(urljoin(url, link)).netloc for link in parser.links
                          if other_host(urljoin(url, link), base)}}


def demo_ids(instance: Path) -> dict:
    """Real values for the public routes' arguments, from the demo instance (and a new
    volunteer's invitation token); a slug per first path segment, since several kinds of
    record have one."""
    from datetime import datetime, timezone

    from association import create_app
    from association.db import connect
    from association.volunteers import create_account

    app = create_app({"INSTANCE_PATH": str(instance)})
    db = connect(app.config["DATABASE"])
    one = lambda sql, *args: (db.execute(sql, args).fetchone() or [None])[0]  # noqa: E731
    tables = {row[0] for row in db.execute("select name from sqlite_master where type='table'")}
    with app.test_request_context():
        _, token = create_account(db, "bench-invited", "volunteer", [])
    ids = {"token": token, "building_id": one("select min(id) from buildings"),
           "action_id": one("select id from actions where visibility = 'public' and status "
                            "!= 'cancelled' and starts_at > ? order by starts_at limit 1",
                            datetime.now(timezone.utc).isoformat()),
           "slugs": {"demandes": one("select slug from campaigns order by id")}}
    if "charge_statements" in tables:  # a published check of charges: its building and year
        found = db.execute("select building_id, year from charge_statements where published_at "
                           "is not null order by id").fetchone()
        if found:
            ids.update(building_id=found[0], year=found[1])
    if "communiques" in tables:
        ids["slugs"]["communiques"] = one("select slug from communiques where status = "
                                          "'published' order by id")
    db.close()
    return ids


def public_pages(instance: Path, ids: dict) -> list[tuple[str, str]]:
    """The public HTML pages of the access table: each rule and its address with real ids."""
    from routes import ACCESS, NOT_HTML, SWEEPER, concrete, methods_of

    from association import create_app

    app = create_app({"INSTANCE_PATH": str(instance)})
    pages = []
    for rule, entry in ACCESS.items():
        if SWEEPER[entry.audience] != "anonymous" or entry.ok != 200 \
                or "GET" not in methods_of(app, rule) or any(p in rule for p in NOT_HTML):
            continue
        slug = ids["slugs"].get(rule.strip("/").split("/")[0])
        pages.append((re.sub(r"<(?:\w+:)?(\w+)>", r"<\1>", rule),
                      concrete(rule, {**ids, "slug": slug})))
    return pages


def figures() -> list[Figure]:
    """Every public page's weight, and the references to other hosts of them all."""
    rows, outside, links_out = [], set(), set()
    with tempfile.TemporaryDirectory() as tmp:
        instance = Path(tmp) / "instance"
        prepare_instance(instance)
        ids = demo_ids(instance)
        pages = public_pages(instance, ids)
        with served(instance) as base:
            for rule, path in pages:
                measured = [page_weight(base, f"{base}{path}{'&' if '?' in path else '?'}"
                                              f"lang={lang}") for lang in ("fr", "en")]
                heavier = max(measured, key=lambda m: m["gzipped"])
                for found in measured:
                    outside |= found["outside"]
                    links_out |= found["links_out"]
                kb = heavier["gzipped"] / 1000
                rows.append(Figure(
                    f"weight of `{rule}`", kb, unit="KB",
                    target=Target("≤", LIMIT_KB, "value", "issue #14"),
                    note=f"HTML {heavier['html'] / 1000:.1f} KB"
                         + (f" (sent gzipped: {heavier['html_sent'] / 1000:.1f} KB)"
                            if heavier["html_sent"] != heavier["html"] else "")
                         + f" + {heavier['files']} files; "
                         f"{heavier['bytes'] / 1000:.1f} KB as gunicorn sends them",
                    gap=f"{kb - LIMIT_KB:.0f} KB over, gzipped"
                        + (f" ({WHY[rule]})" if rule in WHY else ""),
                    how=HOW))
    rows.append(Figure(
        f"references to other hosts ({len(pages)} public pages, FR and EN)", len(outside),
        unit="", target=Target("=", 0, "value", "issue #14"),
        note=("links to other sites (not fetched): " + ", ".join(sorted(links_out)))
        if links_out else "no link to another site either",
        gap=", ".join(sorted(outside)),
        how="every src, srcset, fetching `<link>`, inline style and CSS `url()`/`@import` "
            "of the pages above whose scheme and host are not the server's"))
    return rows


if __name__ == "__main__":
    print_table(figures())
