"""The public pages of the charges check: the statements a volunteer published, one of them
line by line, and a reader's own share, computed for the page drawn and never kept (no
database, no session, no log line: the answer says ``Cache-Control: no-store``)."""
import secrets

from flask import Blueprint, abort, render_template
from markupsafe import Markup

from .. import pagecache
from ..db import get_db
from ..security import public
from . import cards, statements
from .check import tenant_share, totals
from .forms import ShareForm

bp = Blueprint("charges", __name__, url_prefix="/charges")


@bp.get("/")
@public
def index():
    """The published checks, latest year first."""
    return render_template("charges/index.html", statements=statements.published(get_db()))


def _published(db, building_id: int, year: int) -> dict:
    found = statements.of_building_year(db, building_id, year)
    if found is None or not found["published_at"]:
        abort(404)
    return found


# Where the table of natures and the lines' cards go in the page: markers unknown outside
# this process, so that no text typed by anyone (a building's name, a sender) can hold them.
_MARK = secrets.token_hex(12)
_TABLE, _CARDS = f"natures-{_MARK}", f"cards-{_MARK}"


def _page(db, statement, form, share=None, status=200, checked=None):
    """The statement's page: its lines checked and drawn (a few milliseconds for 200 lines;
    the page cache keeps the blank one, a share is drawn for its reader). The table of
    natures and the cards, 130 KB of ASCII for 200 lines (``cards``), go into the page once
    it is encoded, byte for byte: through Jinja they were copied and encoded again at the
    width of the page's widest character."""
    if checked is None:
        checked = statements.checked(db, statement)
    table, drawn = cards.page(statement, checked)
    page = render_template("charges/statement.html", statement=statement,
                           natures=Markup(_TABLE), cards=Markup(_CARDS),
                           totals=totals(statement, checked), form=form, share=share,
                           previous=statements.previous(db, statement))
    table, drawn = (part.encode("ascii", "xmlcharrefreplace") for part in (table, drawn))
    return (page.encode().replace(_TABLE.encode(), table, 1)
            .replace(_CARDS.encode(), drawn, 1)), status


@bp.get("/<int:building_id>/<int:year>")
@public
def statement(building_id, year):
    """One published check: lines, verdicts in words, per m², year on year; a kept page, its
    share form's CSRF token a hole (``pagecache``)."""
    db = get_db()
    return pagecache.respond(db, ("charges", building_id, year), lambda: _page(
        db, _published(db, building_id, year), ShareForm(formdata=None))[0])


@bp.post("/<int:building_id>/<int:year>/ma-part")
def my_share(building_id, year):
    """What the flagged lines cost the reader's home and what it could claim: computed for
    this page, the figure typed kept nowhere."""
    db = get_db()
    found = _published(db, building_id, year)
    form = ShareForm()
    if not form.validate_on_submit():
        return _page(db, found, form, status=400)
    checked = statements.checked(db, found)
    return _page(db, found, form, share=tenant_share(found, checked, form.units.number),
                 checked=checked)
