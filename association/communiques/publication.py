"""What readers get: the public text rendered once (at publication and at each correction),
and the queries of the public pages, the feed and the home page.

A published communiqué's ``html`` holds its text and its dated correction notes, rendered
from Markdown when it went public; pages never render Markdown. Embedded boxes
(``[[campagne:slug]]``, see ``embeds.py``) are left in it as text and drawn with the page.
"""
import re
from datetime import datetime

from flask_babel import force_locale
from flask_babel import gettext as _
from markupsafe import Markup

from .. import clock
from ..dates import in_words
from ..db import first_row
from ..markup import plain_text, render_markdown
from . import embeds

SUMMARY_CHARS = 200
PAGE_SIZE = 10
HOME_COUNT = 3
_HEADING = re.compile(r"<(/?)h([1-6])>")


def local_date(stamp: str):
    """The association's calendar day of a stored moment."""
    return clock.local(clock.parse(stamp)).date()


def nest_headings(html: str) -> str:
    """Headings fitted under the page's title: a heading goes one level below the nearest
    heading before it of a higher rank, or to h2 when there is none, so the page's outline
    has no gap whatever was typed (a lone "###" becomes h2, "#" then "###" h2 then h3)."""
    outline: list[tuple[int, int]] = []  # (level typed, level given) of the open headings
    current = 2

    def fitted(match: re.Match) -> str:
        nonlocal current
        if match[1]:
            return f"</h{current}>"
        typed = int(match[2])
        while outline and outline[-1][0] >= typed:
            outline.pop()
        current = min(outline[-1][1] + 1, 6) if outline else 2
        outline.append((typed, current))
        return f"<h{current}>"

    return _HEADING.sub(fitted, html)


def body_html(body: str, lang: str) -> Markup:
    """A revision's text as the page shows it (sanitised, typeset, headings under the
    page's title)."""
    return Markup(nest_headings(render_markdown(body, lang)))


def public_text(lang: str, body: str, corrections: list[dict]) -> tuple[str, str]:
    """The public HTML of a communiqué — its text, then a dated "Correction" note for each
    correction published, oldest first, in the communiqué's own language — and its summary.
    Called at publication and at each correction, never per request."""
    parts = [body_html(body, lang)]
    with force_locale(lang):
        for correction in corrections:
            day = in_words(correction["published_at"], "day", lang)
            parts.append(Markup(
                '<aside class="correction"><h2>{}</h2>{}</aside>').format(
                _("Correction of %(date)s", date=day), body_html(correction["note"], lang)))
    return "\n".join(parts), plain_text(embeds.without_shortcodes(body), SUMMARY_CHARS, lang)


# --- what the public pages read -------------------------------------------------------------

PUBLIC = "c.status = 'published'"
_PUBLISHED_TEXT = """
    select c.id, c.lang, c.slug, c.original_id, c.feed_id, c.published_at, c.updated_at,
           c.html, c.summary, r.title, r.cosignatories
    from communiques c join communique_revisions r
      on r.communique_id = c.id and r.number = c.published_revision
"""


def state(db, slug: str) -> dict | None:
    """What a public address needs to decide its answer cheaply: the communiqué's id,
    status and dates, if it has ever been public (a scheduled one is not yet). On every
    request for a page, so straight through sqlite3."""
    cursor = db.conn.execute(
        "select id, status, updated_at, published_revision, withdrawn_at, withdrawal_notice, "
        "published_at, lang from communiques where slug = ? "
        "and status in ('published', 'withdrawn')", [slug])
    row = cursor.fetchone()
    return dict(zip([column[0] for column in cursor.description], row)) if row else None


def published(db, communique_id: int) -> dict | None:
    """A published communiqué as its page shows it: texts of the published revision, its
    co-signatories as a list, and its other published language versions."""
    row = first_row(db, _PUBLISHED_TEXT + f" where c.id = ? and {PUBLIC}", [communique_id])
    if row is not None:
        row["cosignatory_names"] = (row["cosignatories"] or "").splitlines()
        row["versions"] = other_versions(db, row)
    return row


def other_versions(db, row: dict) -> list[dict]:
    """The other published language versions of a communiqué (lang, slug, title)."""
    original = row["original_id"] or row["id"]
    return list(db.query(
        "select c.lang, c.slug, r.title from communiques c join communique_revisions r "
        "on r.communique_id = c.id and r.number = c.published_revision "
        f"where (c.id = ? or c.original_id = ?) and c.id != ? and {PUBLIC} order by c.lang",
        [original, original, row["id"]]))


def version(db) -> tuple:
    """What the list, the feed and the home page depend on: it changes whenever a
    communiqué is published, corrected or withdrawn."""
    # Revision numbers too: a correction within the second of the publication still counts.
    row = db.execute(
        "select count(*), max(updated_at), max(withdrawn_at), sum(published_revision), "
        "sum(status = 'withdrawn') from communiques "
        "where status in ('published', 'withdrawn')").fetchone()
    return tuple(row)


def last_change(db) -> datetime | None:
    """When a public communiqué last changed (for Last-Modified)."""
    stamps = [s for s in version(db)[1:3] if s]
    return clock.parse(max(stamps)) if stamps else None


# The list shows each communiqué once: an original with links to its translations, or a
# translation whose original is not public.
_HEADS = f"""{PUBLIC} and (c.original_id is null or not exists (
    select 1 from communiques o where o.id = c.original_id and o.status = 'published'))"""


def heads(db, page: int = 1, size: int = PAGE_SIZE) -> tuple[list[dict], bool]:
    """A page of the public list, newest first, each with its other versions; and whether
    an older page exists."""
    rows = list(db.query(
        _PUBLISHED_TEXT + f" where {_HEADS} order by c.published_at desc, c.id desc "
        "limit ? offset ?", [size + 1, (page - 1) * size]))
    for row in rows:
        row["versions"] = other_versions(db, row)
    return rows[:size], len(rows) > size


def preferred(row: dict, lang: str) -> dict:
    """The version of a listed communiqué in the reader's language when there is one."""
    if row["lang"] == lang:
        return row
    return next((v for v in row["versions"] if v["lang"] == lang), row)



def everything_published(db) -> list[dict]:
    """Every published communiqué, most recently changed first (the feed)."""
    rows = list(db.query(_PUBLISHED_TEXT + f" where {PUBLIC} "
                         "order by c.updated_at desc, c.id desc"))
    for row in rows:
        row["cosignatory_names"] = (row["cosignatories"] or "").splitlines()
    return rows
