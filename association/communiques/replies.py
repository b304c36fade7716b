"""The right of reply (LCEN art. 6 IV; décret 2007-1527): a person or organisation named in a
communiqué asks the directeur de la publication, within three months of publication, for a
reply; an editor publishes it under the communiqué and in its feed entry, as received, within
three days."""
from datetime import date, timedelta

from .. import audit, clock

REQUEST_WITHIN_MONTHS = 3
INSERT_WITHIN = timedelta(days=3)


class ReplyRefused(ValueError):
    """A reply to a communiqué that is not published."""


def add(db, communique_id: int, author: str, received_on: date, text: str, *, by) -> int:
    """Publish a reply under a published communiqué, with the editor ``by``'s audit entry, in
    one transaction; return its id. ``ReplyRefused`` when the communiqué is not public."""
    with db.atomic():
        row = db.execute("select status from communiques where id = ?",
                         [communique_id]).fetchone()
        if row is None or row[0] != "published":
            raise ReplyRefused(communique_id)
        reply_id = db.table("communique_replies").insert({
            "communique_id": communique_id, "author": author.strip(),
            "received_on": received_on.isoformat(), "text": text.replace("\r\n", "\n").strip(),
            "added_by": by.id, "added_login": by.login,
            "created_at": clock.stamp(clock.now())}).last_pk
        audit.record(db, by, "add_reply", "communique", communique_id)
    return reply_id


def of(db, communique_id: int) -> list[dict]:
    """The replies published under a communiqué, oldest first (what readers may see)."""
    return list(db.query(
        "select id, author, received_on, text, created_at from communique_replies "
        "where communique_id = ? order by created_at, id", [communique_id]))


def every(db) -> dict[int, list[dict]]:
    """Every reply, by communiqué (the feed: replies are few, a query for them all is
    lighter than one per entry)."""
    found: dict[int, list[dict]] = {}
    for row in db.query("select communique_id, id, author, received_on, text, created_at "
                        "from communique_replies order by created_at, id"):
        found.setdefault(row.pop("communique_id"), []).append(row)
    return found
