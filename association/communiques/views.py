"""The public pages of communiqués: the list, a communiqué, the Atom feed. Thin views: the
page cache (``association/pagecache.py``) decides whether a page is drawn or a kept one is sent:
a communiqué is kept no longer than the database stays as it was, so the campaign results it
embeds are as fresh as the campaign's own page."""
from flask import Blueprint, abort, render_template, request

from .. import clock
from ..db import get_db
from ..i18n import current_locale
from ..security import public
from .. import pagecache
from . import embeds, feed as atom_feed, publication, replies

bp = Blueprint("communiques", __name__)
MAX_PAGE = 10_000


def _page_number() -> int:
    page = request.args.get("page", 1, type=int)
    return page if 1 <= page <= MAX_PAGE else 1


@bp.get("/communiques/")
@public
def index():
    """Every published communiqué, newest first, ten a page."""
    page = _page_number()
    db = get_db()

    def draw():
        rows, more = publication.heads(db, page)
        if not rows and page > 1:
            abort(404)
        return pagecache.Page(
            render_template("communiques/index.html", rows=rows, more=more, page=page),
            publication.last_change(db))

    return pagecache.respond(db, ("list", page), draw, args=("page",))


@bp.get("/communiques/<slug>")
@public
def show(slug):
    """One communiqué, as published (with its correction notes and the live boxes it
    embeds); 410 with the notice once withdrawn."""
    db = get_db()

    def draw():
        found = publication.state(db, slug) or abort(404)
        if found["status"] == "withdrawn":
            return render_template("communiques/withdrawn.html", withdrawn=found), 410
        communique = publication.published(db, found["id"])
        answers = replies.of(db, found["id"])
        return pagecache.Page(
            render_template("communiques/page.html", communique=communique,
                            html=embeds.apply(db, communique["html"]), replies=answers),
            clock.parse(max([found["updated_at"]] + [r["created_at"] for r in answers])))

    return pagecache.respond(db, ("page", slug), draw)


@bp.get("/communiques/feed.atom")
@public
def feed():
    """The Atom feed: every published communiqué, full text."""
    db = get_db()
    return pagecache.respond(
        db, ("feed",),
        lambda: pagecache.Page(atom_feed.atom(db, str(current_locale())),
                               publication.last_change(db)),
        mimetype="application/atom+xml")
