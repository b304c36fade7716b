"""Answers "I'll come" without identity.

An answer is a random token that only the person keeps (a cancel link shown once, and a
cookie of this browser); the database holds its keyed hash, how many people it counts and,
only if the member chose so, their key's member id. The action keeps a counter, so the
capacity check and the answer are one write transaction: fifty people answering at once
cannot overbook it.
"""
import re

from flask_babel import ngettext

from .. import clock
from ..crypto import keyed_hash, new_token
from ..db import first_row, immediate
from ..throttle import Limit

RSVP_ADDRESS = Limit("rsvp-address", 30)  # answers from one network address per 15 minutes
MAX_PEOPLE = 6
COOKIE = "amicale_rsvp"
COOKIE_DAYS = 400
COOKIE_ENTRIES = 40  # the newest answers a browser remembers (a cookie holds 4 KB)
_TOKEN = re.compile(r"[A-Za-z0-9_-]{16,64}")


class Refused(Exception):
    """An answer refused: ``code`` is cancelled, started, full, not_enough or already;
    ``remaining`` the places left when there are some."""

    def __init__(self, code: str, remaining: int | None = None):
        super().__init__(code)
        self.code = code
        self.remaining = remaining


def token_hash(token: str) -> str:
    """The keyed hash under which an answer's token is stored."""
    return keyed_hash("rsvp", token)


def answer(db, action_id: int, people: int = 1, member_id: int | None = None) -> str:
    """Count ``people`` more for the action and return the answer's token (shown once, never
    stored). Raises Refused when the action is cancelled, has started, or has no room."""
    token = new_token(16)
    with immediate(db):
        action = first_row(db, "select status, starts_at, ends_at, capacity, rsvp_count "
                               "from actions where id = ?", [action_id])
        if action["status"] == "cancelled":
            raise Refused("cancelled")
        if clock.parse(action["starts_at"]) <= clock.now():
            raise Refused("started")
        if member_id is not None and db.execute(
                "select 1 from action_rsvps where action_id = ? and member_id = ?",
                [action_id, member_id]).fetchone():
            raise Refused("already")
        if action["capacity"] is not None:
            remaining = action["capacity"] - action["rsvp_count"]
            if remaining <= 0:
                raise Refused("full")
            if people > remaining:
                raise Refused("not_enough", remaining)
        db.execute("insert into action_rsvps (token_hash, action_id, people, member_id, "
                   "action_ends_at) values (?, ?, ?, ?, ?)",
                   [token_hash(token), action_id, people, member_id, action["ends_at"]])
        db.execute("update actions set rsvp_count = rsvp_count + ? where id = ?",
                   [people, action_id])
    return token


def find(db, action_id: int, token: str | None = None, member_id: int | None = None):
    """The answer this browser (its token) or this member holds for the action, or None."""
    if token and _TOKEN.fullmatch(token):
        found = first_row(db, "select * from action_rsvps where token_hash = ? and "
                              "action_id = ?", [token_hash(token), action_id])
        if found:
            return found
    if member_id is not None:
        return first_row(db, "select * from action_rsvps where action_id = ? and "
                             "member_id = ?", [action_id, member_id])
    return None


def cancel(db, action_id: int, token: str | None = None, member_id: int | None = None) -> int:
    """Withdraw the answer held by the token (or the member); return how many people it
    counted (0 when there was none). Refused("started") once the action has begun: the
    archive's count is what was announced."""
    with immediate(db):
        found = find(db, action_id, token, member_id)
        if found is None:
            return 0
        starts_at = db.execute("select starts_at from actions where id = ?",
                               [action_id]).fetchone()[0]
        if clock.parse(starts_at) <= clock.now():
            raise Refused("started")
        db.execute("delete from action_rsvps where token_hash = ?", [found["token_hash"]])
        db.execute("update actions set rsvp_count = max(rsvp_count - ?, 0) where id = ?",
                   [found["people"], action_id])
    return found["people"]


def remaining(action: dict) -> int | None:
    """Places left (None: no limit)."""
    if action["capacity"] is None:
        return None
    return max(action["capacity"] - action["rsvp_count"], 0)


# --- the browser's own answers, in a cookie ----------------------------------------------

def read_cookie(value: str | None) -> dict[int, str]:
    """The tokens a browser keeps, by action id ("12.token~15.token"); junk is ignored."""
    tokens = {}
    for entry in (value or "").split("~")[:COOKIE_ENTRIES]:
        action_id, _, token = entry.partition(".")
        if action_id.isdigit() and len(action_id) < 12 and _TOKEN.fullmatch(token):
            tokens[int(action_id)] = token
    return tokens


def write_cookie(tokens: dict[int, str]) -> str:
    """The cookie's value for these tokens (the newest kept when there are too many)."""
    kept = list(tokens.items())[-COOKIE_ENTRIES:]
    return "~".join(f"{action_id}.{token}" for action_id, token in kept)


# --- the member's own answers ------------------------------------------------------------

def of_member(db, member_id: int) -> list[dict]:
    """The actions not over yet that the member answered with their key, soonest first."""
    return list(db.query(
        "select a.*, r.people from action_rsvps r join actions a on a.id = r.action_id "
        "where r.member_id = ? and a.ends_at > ? order by a.starts_at",
        [member_id, clock.stamp()]))


def member_uses(db, member_id: int) -> list:
    """What erasing a member does to their answers, for the confirmation page."""
    count = db.table("action_rsvps").count_where("member_id = ?", [member_id])
    if not count:
        return []
    return [ngettext(
        "Your answer to %(num)s action is deleted; the number of people expected stays as it is.",
        "Your answers to %(num)s actions are deleted; the numbers of people expected stay as they "
        "are.", count)]


def answered_ids(db, tokens: dict[int, str], member_id: int | None = None) -> set[int]:
    """The actions this browser's tokens (or this member) hold an answer to."""
    hashes = [token_hash(token) for token in tokens.values() if _TOKEN.fullmatch(token)]
    found = set()
    if hashes:
        marks = ",".join("?" * len(hashes))
        found |= {row[0] for row in db.execute(
            f"select action_id from action_rsvps where token_hash in ({marks})", hashes)}
    if member_id is not None:
        found |= {row[0] for row in db.execute(
            "select action_id from action_rsvps where member_id = ?", [member_id])}
    return found
