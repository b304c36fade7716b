"""Views of the public pages: parse, call, render."""
import logging
import sqlite3
from datetime import datetime, time, timedelta

from flask import Blueprint, current_app, render_template

from .. import clock, pagecache
from ..capability import collect
from ..db import data_version, get_db
from ..security import public
from .register import register_json as register_json_body, register_page
from .transparency import report as transparency_report

bp = Blueprint("public", __name__)
log = logging.getLogger("amicale.public")


@bp.get("/")
@public
def home():
    """Home: the association, how to take part, then what the capabilities publish there
    (latest communiqués, upcoming actions, open campaigns), each only when it has something.
    Drawn once for every visitor until the database changes or the minute turns (what is
    coming is counted from now)."""
    db = get_db()
    minute = clock.now().replace(second=0, microsecond=0)
    return pagecache.respond(
        db, ("home",), (data_version(db), minute), None,
        lambda: render_template("public/home.html", sections=home_sections(db)),
        unchanged_until=minute + timedelta(minutes=1))


def home_sections(db) -> list[tuple[str, dict]]:
    """The home page's sections from every capability: (template, context) pairs. A section
    whose tables are not there yet (a new capability before ``init-db``) is left out rather
    than taking the front door down."""
    found = []
    for section in collect("home_sections"):
        try:
            context = section.context(db)
        except sqlite3.OperationalError:
            log.error("home section %s left out: its tables are missing", section.template)
            continue
        if context is not None:
            found.append((section.template, context))
    return found


@bp.get("/donnees")
@public
def register():
    """The data register, readable: drawn once per language and settings (the page cache
    keys every page by the association's settings)."""
    db = get_db()
    return pagecache.respond(db, ("register",), (), None, lambda: register_page(db),
                             unchanged_until=pagecache.NO_END)


@bp.get("/donnees.json")
@public
def register_json():
    """The data register, as JSON: serialised once per language and settings."""
    db = get_db()
    return pagecache.respond(db, ("register.json",), (), None,
                             lambda: register_json_body(db), mimetype=current_app.json.mimetype,
                             unchanged_until=pagecache.NO_END)


@bp.get("/transparence")
@public
def transparency():
    """The transparency report: counts of purges, reads, reveals, exports and erasures."""
    db = get_db()
    zone = clock.zone()
    today = clock.today()
    return pagecache.respond(
        db, ("transparency",), (data_version(db), today), None,
        lambda: render_template("public/transparency.html",
                                report=transparency_report(db, today)),
        unchanged_until=datetime.combine(today + timedelta(days=1), time(), zone))
