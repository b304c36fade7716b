"""Views of the public pages: parse, call, render."""
import logging
import sqlite3

from flask import Blueprint, current_app, render_template

from .. import clock, pagecache
from ..capability import collect
from ..db import get_db
from ..security import public
from .legal import legal_notice as legal_notice_of
from .register import register_json as register_json_body, register_page
from .transparency import report as transparency_report

bp = Blueprint("public", __name__)
log = logging.getLogger("amicale.public")


@bp.get("/")
@public
def home():
    """Home: the association, how to take part, then what the capabilities publish there
    (latest communiqués, upcoming actions, open campaigns), each only when it has something.
    A kept page (see ``pagecache``)."""
    db = get_db()
    return pagecache.respond(
        db, ("home",),
        lambda: render_template("public/home.html", sections=home_sections(db)))


def home_sections(db) -> list[tuple[str, dict, bool]]:
    """The home page's sections from every capability: (template, context, first). A section
    whose tables are not there yet (a new capability before ``init-db``) is left out rather
    than taking the home page down."""
    found = []
    for section in collect("lends.home_sections"):
        try:
            context = section.context(db)
        except sqlite3.OperationalError:
            log.error("home section %s left out: its tables are missing", section.template)
            continue
        if context is not None:
            found.append((section.template, context, section.first))
    return found


@bp.get("/donnees")
@public
def register():
    """The data register, readable (a kept page)."""
    db = get_db()
    return pagecache.respond(db, ("register",), lambda: register_page(db))


@bp.get("/donnees.json")
@public
def register_json():
    """The data register, as JSON (a kept page)."""
    db = get_db()
    return pagecache.respond(db, ("register.json",), lambda: register_json_body(db),
                             mimetype=current_app.json.mimetype)


@bp.get("/transparence")
@public
def transparency():
    """The transparency report: counts of purges, reads, reveals, exports and erasures (a
    kept page)."""
    db = get_db()

    def draw():
        return render_template("public/transparency.html",
                               report=transparency_report(db, clock.today()))

    return pagecache.respond(db, ("transparency",), draw)


@bp.get("/mentions-legales")
@public
def legal_notice():
    """The legal notice: the association, its directeur de la publication, its host, the right
    of reply and the cookies (a kept page; an administrator is told what is missing)."""
    db = get_db()
    return pagecache.respond(db, ("legal",), lambda: render_template(
        "public/legal_notice.html", notice=legal_notice_of(db)))
