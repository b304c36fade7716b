"""Campaigns: who is asked, what tenants are told and what their letter says, and when."""
import re
from datetime import date, timedelta

from flask import current_app

from .. import audit, clock, retention
from ..db import first_row
from ..markup import render_markdown
from . import letters

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Python-Markdown's worst cases grow with the square of the number of "[" or "<" in a
# paragraph; no explanation needs this many, and refusing them keeps a save instant.
MAX_BRACKETS = 300


def status(campaign: dict, today: date) -> str:
    """upcoming, open or closed, on ``today``."""
    if today < date.fromisoformat(campaign["opens_on"]):
        return "upcoming"
    if campaign["closes_on"] and today > date.fromisoformat(campaign["closes_on"]):
        return "closed"
    return "open"


def closed_at(closes_on: str | None) -> str | None:
    """The moment a campaign closes (the end of its last day, in the association's time
    zone), as stored; trackers count their retention from it."""
    if not closes_on:
        return None
    return retention.start_of(date.fromisoformat(closes_on) + timedelta(days=1),
                              current_app.config["TIMEZONE"])


def too_many_brackets(source: str) -> bool:
    """Whether a Markdown source holds more "[" or "<" than any explanation needs."""
    return source.count("[") > MAX_BRACKETS or source.count("<") > MAX_BRACKETS


# A campaign with the département of its landlord, whose holidays its deadlines count.
_SELECT = ("select c.*, l.departement from campaigns c "
           "left join landlords l on l.id = c.landlord_id")


def by_slug(db, slug: str) -> dict | None:
    """The campaign with this slug, or None."""
    campaign = first_row(db, f"{_SELECT} where c.slug = ?", [slug])
    return _with_close(campaign)


def get(db, campaign_id: int) -> dict | None:
    """The campaign with this id, or None."""
    return _with_close(first_row(db, f"{_SELECT} where c.id = ?", [campaign_id]))


def _with_close(campaign: dict | None) -> dict | None:
    if campaign is not None:
        campaign["closed_at"] = closed_at(campaign["closes_on"])
    return campaign


def listed(db, today: date) -> list[dict]:
    """Every campaign, open ones first, then upcoming, then closed; newest first in each."""
    rows = list(db.query("select id, slug, title, controller_name, opens_on, closes_on "
                         "from campaigns order by opens_on desc, id desc"))
    order = {"open": 0, "upcoming": 1, "closed": 2}
    for row in rows:
        row["status"] = status(row, today)
    return sorted(rows, key=lambda row: order[row["status"]])


def slug_taken(db, slug: str, campaign_id: int | None) -> bool:
    """Whether another campaign already has this slug."""
    return bool(db.execute("select 1 from campaigns where slug = ? and id is not ?",
                           [slug, campaign_id]).fetchone())


FIELDS = ("slug", "title", "landlord_id", "controller_name", "controller_address",
          "dpo_email", "dpo_address", "siren", "explanation", "explanation_flags", "letter_fr",
          "letter_fr_flags", "letter_en", "letter_en_flags", "opens_on", "closes_on")


def save(db, values: dict, campaign_id: int | None = None, is_demo: bool = False,
         by=None) -> int:
    """Create or update a campaign: the explanation is rendered once here, and the trackers
    learn the close date their retention counts from; an administrator's change (``by``) has
    its audit entry in the same transaction. Return the campaign's id."""
    row = {name: values.get(name) for name in FIELDS}
    for name in ("opens_on", "closes_on"):
        if isinstance(row[name], date):
            row[name] = row[name].isoformat()
    row["landlord_id"] = row["landlord_id"] or None
    row["explanation_html"] = (str(render_markdown(row["explanation"], "fr"))
                               if row["explanation"] else None)
    row["updated_at"] = clock.stamp()
    action = "create" if campaign_id is None else "update"
    with db.atomic():
        if campaign_id is None:
            campaign_id = db.table("campaigns").insert(
                {**row, "created_at": row["updated_at"], "is_demo": int(is_demo)}).last_pk
        else:
            db.table("campaigns").update(campaign_id, row)
        closed = closed_at(row["closes_on"])
        db.execute("update trackers set campaign_closed_at = ? where campaign_id = ? "
                   "and campaign_closed_at is not ?", [closed, campaign_id, closed])
        if by is not None:
            audit.record(db, by, action, "campaign", campaign_id)
    return campaign_id


def delete(db, campaign_id: int, *, by) -> None:
    """Delete a campaign with its trackers and counts, with the audit entry of the
    administrator ``by``."""
    with db.atomic():
        db.execute("delete from campaigns where id = ?", [campaign_id])
        audit.record(db, by, "delete", "campaign", campaign_id)


def tracker_count(db, campaign_id: int) -> int:
    """How many members follow the campaign now."""
    return db.table("trackers").count_where("campaign_id = ?", [campaign_id])


def template(campaign: dict, language: str) -> str:
    """The campaign's letter template in ``language`` (the default one when none is kept)."""
    return campaign.get(f"letter_{language}") or letters.DEFAULT_TEMPLATES[language]
